// The extraction core: plan text in, validated export out. Each stage is a pure function in
// its own module; this file only runs them in order over one document model.
import { findClauses } from './clauses.ts';
import { assessConfidence } from './confidence.ts';
import { findDeadlines } from './deadlines.ts';
import { buildExport } from './document.ts';
import type { PlanMetadata, ResponsibilityClause, SourceInfo, Span, Structure, StructureNode, Target, Task } from './model.ts';
import { findTitle, readMetadata, regionFromTitle } from './metadata.ts';
import { normaliseText } from './normalise/index.ts';
import { validateExport, type GovClipExport } from './schema.ts';
import { buildStructure } from './structure/tree.ts';
import { cellTargets, extractTargets, type TargetDraft } from './targets/targets.ts';
import { annualPlanYear, yearScopes } from './targets/governing-years.ts';
import { findTasks } from './tasks.ts';
import { SpanIndex } from './span-index.ts';
import { warningText } from './messages.ts';
import { findFlatTables } from './tables/flat-table.ts';
import { readTables, withTableRows } from './tables/table-plan.ts';

export interface ExtractOptions {
  /** sha256 of the source bytes, hex (the caller hashes: Node and browsers do it differently). */
  id: string;
  source: SourceInfo;
  /** Warnings from loading (OCR confidence, decoding) to carry into the export. */
  warnings?: readonly string[];
  /** The text (or part of it) came from OCR. */
  ocr?: boolean;
  /** What the source says outside the text (a web page's 文号 and 发布日期): wins over what the text suggests. */
  metadata?: Partial<PlanMetadata>;
}

/** Known values from the source override those read from the text; the region follows the title. */
function mergeMetadata(fromText: PlanMetadata, fromSource: Partial<PlanMetadata> | undefined): PlanMetadata {
  if (!fromSource) return fromText;
  const merged: PlanMetadata = { ...fromText };
  // A page headline may be the notice that publishes the plan: 关于印发《X》的通知 gives X.
  // A page's <title> is often the site's (通知公告_某县人民政府网): a plan title read from the text wins over it.
  if (fromSource.title) merged.title = findTitle([fromSource.title]) ?? fromText.title ?? fromSource.title;
  if (fromSource.docNumber) merged.docNumber = fromSource.docNumber;
  if (fromSource.publishedAt) merged.publishedAt = fromSource.publishedAt;
  if (fromSource.issuers && fromSource.issuers.length > 0 && fromText.issuers.length === 0) merged.issuers = fromSource.issuers;
  if (fromSource.period && !fromText.period) merged.period = fromSource.period;
  if (fromSource.region) merged.region = fromSource.region;
  else if (merged.title !== fromText.title && merged.title) merged.region = regionFromTitle(merged.title) ?? fromText.region;
  return merged;
}

/** Heading lines of the items enclosing `at`, nearest first: a year there is a deadline. */
function headingsAt(text: string, structure: Structure) {
  const index = new SpanIndex(structure.nodes);
  return (at: number): Span[] => {
    const spans: Span[] = [];
    for (const node of index.containing(at)) {
      // A heading over sub-items is its whole line; an item's own paragraph only lends its title.
      if (node.children.length > 0) {
        const lineEnd = text.indexOf('\n', node.span.start);
        spans.push({ start: node.span.start, end: Math.min(lineEnd === -1 ? text.length : lineEnd, node.body.end) });
      } else if (node.titleSpan) {
        spans.push(node.titleSpan);
      }
    }
    return spans;
  };
}

/** A table row's unit cells are its clause; a labelled clause found in the same place is the same one. */
function withTableClauses(found: readonly ResponsibilityClause[], fromTables: readonly ResponsibilityClause[]): ResponsibilityClause[] {
  if (fromTables.length === 0) return [...found];
  const index = new SpanIndex(fromTables);
  const overlaps = (c: ResponsibilityClause) => index.has(c.span.start) || index.has(c.span.end - 1);
  return [...found.filter((c) => !overlaps(c)), ...fromTables].sort((a, b) => a.span.start - b.span.start);
}

function markerSpans(structure: Structure): Span[] {
  return structure.nodes.map((n: StructureNode) => ({ start: n.span.start, end: n.body.start }));
}

function numberTargets(drafts: readonly TargetDraft[], tasks: readonly Task[]): Target[] {
  const owners = new SpanIndex(tasks);
  return drafts.map((draft, k) => ({ ...draft, id: `g${k + 1}`, taskId: owners.innermost(draft.span.start)?.id ?? null }));
}

/** Words of planning documents; a text without numbering, clauses or any of these is not a plan. */
const PLAN_VOCABULARY = /方案|计划|规划|意见|要点|纲要|目标|任务|措施|细则|办法/;
const NOT_A_PLAN = warningText('notAPlan');

/**
 * A news article has numbers (300余名志愿者) but no plan: without numbered items, clauses or
 * planning words in its opening, what looked like targets is dropped and the export says why.
 */
function isPlan(text: string, structure: Structure, clauses: readonly ResponsibilityClause[], targets: readonly Target[]): boolean {
  return structure.nodes.length > 0 || clauses.length > 0 || PLAN_VOCABULARY.test(text.slice(0, 300)) || targets.some((t) => committed(text, t));
}

/**
 * A news page about a plan (《报告》提出,…年内新改扩建公办中小学45所; 今年浙江将确保…): its figures are
 * the plan's when the sentence holding one commits to it.
 */
const COMMITMENT = /将|要|确保|力争|计划|年内|提出|明确|目标|到(?:19|20)\d{2}年/u;

function committed(text: string, target: Target): boolean {
  const from = Math.max(0, target.textSpan.start - 60);
  const before = text.slice(from, target.span.end);
  const sentenceStart = Math.max(before.lastIndexOf('。'), before.lastIndexOf('\n')) + 1;
  return COMMITMENT.test(before.slice(sentenceStart));
}

export interface DetailedExtraction {
  export: GovClipExport;
  /** For each character of document.text, its offset in the raw text given: spans back to the source. */
  sourceOffsets: readonly number[];
}

export function extractPlan(raw: string, options: ExtractOptions): GovClipExport {
  return extractPlanDetailed(raw, options).export;
}

/** extractPlan, plus the map from the export's offsets back to the raw text (for highlighting). */
export function extractPlanDetailed(raw: string, options: ExtractOptions): DetailedExtraction {
  const normalised = normaliseText(raw, { ocr: options.ocr ?? false });
  const { text } = normalised;
  const tables = readTables(findFlatTables(text));
  const structure = withTableRows(buildStructure(text), tables);
  const clauses = withTableClauses(findClauses(text), tables.clauses);
  const tasks = findTasks(structure, clauses, text);
  const excluded = [...markerSpans(structure), ...clauses.map((c) => c.span), ...tables.excluded];
  const metadata = mergeMetadata(readMetadata(text, structure, clauses, normalised.dropped), options.metadata);
  const years = { yearScopes: yearScopes(text), planYear: annualPlanYear(text, metadata.title, metadata.publishedAt) };
  const targetContext = { excluded, headingsAt: headingsAt(text, structure), ...years };
  const drafts = [...extractTargets(text, targetContext), ...cellTargets(text, tables.cellTargets, targetContext)].sort((a, b) => a.span.start - b.span.start);
  const targets = numberTargets(drafts, tasks);
  const warnings = [...(options.warnings ?? [])];
  if (text.trim() === '') warnings.push(warningText('emptyDocument'));
  else if (!isPlan(text, structure, clauses, targets) || (tasks.length === 0 && targets.length === 0)) warnings.push(NOT_A_PLAN);
  const kept = warnings.includes(NOT_A_PLAN) ? [] : targets;
  // Follow-up stages (issue 12) run once tasks, targets and metadata exist.
  const deadlines = findDeadlines(text, tasks, { period: metadata.period });
  const built = buildExport({ id: options.id, source: options.source, text, metadata, tasks, targets: kept, warnings, deadlines });
  const exported = validateExport(assessConfidence(built, { ocr: options.ocr ?? false }));
  return { export: exported, sourceOffsets: normalised.origin };
}
