// The compare page's view models: a Comparison (shared/compare) turned into what the page shows,
// pure and DOM-free so it is tested in Node with the real seeds. The indicator table's texts come
// from the shared views (indicatorTable / formatCell / planLabel), so the CLI and the extension agree.
import type { GovClipExport } from '../../../shared/schema.ts';
import type { ClauseComparison, Comparison, IndicatorMember, UnitDutiesView } from '../../../shared/compare/schema.ts';
import { STRICTER_MARK, indicatorTable, planLabel, renderCsv, type Table } from '../../../shared/compare/views.ts';
import { comparisonWorkbook } from '../../../shared/compare/xlsx.ts';
import { alignClauses, type AlignedRow } from '../../../shared/compare/diff.ts';
export type { AlignedRow };

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const CSV_MIME = 'text/csv;charset=utf-8';
export { STRICTER_MARK };

/** The plan ids of `compare.html?plans=a,b,c`, deduplicated, in order. */
export function planIdsFromSearch(search: string): string[] {
  const raw = new URLSearchParams(search).get('plans') ?? '';
  return [...new Set(raw.split(',').map((id) => id.trim()).filter(Boolean))];
}

export interface PlanColumn {
  doc: string;
  /** Region and year (襄阳市 2018–2020), as the CLI's column header. */
  label: string;
  /** Index into the comparison's plans and the exports compared. */
  index: number;
}

export interface IndicatorCell {
  /** The shared formatCell text(s), several targets of one plan joined by ；. Empty when the plan has none. */
  text: string;
  stricter: boolean;
  members: IndicatorMember[];
}

export interface IndicatorRow {
  id: string;
  name: string;
  plans: number;
  cells: IndicatorCell[];
}

export interface IndicatorView {
  columns: PlanColumn[];
  rows: IndicatorRow[];
  /** The same rows as the shared Table (what CSV and XLSX export). */
  table: Table;
}

/** Rows = indicators (shared by ≥2 plans unless `all`), columns = plans. */
export function indicatorView(comparison: Comparison, options: { all?: boolean } = {}): IndicatorView {
  const minPlans = options.all ? 1 : 2;
  const table = indicatorTable(comparison, { minPlans });
  const indicators = comparison.indicators.filter((indicator) => indicator.plans >= minPlans);
  const columns = comparison.plans.map((plan, index) => ({ doc: plan.doc, label: planLabel(plan), index }));
  const rows = indicators.map((indicator, r) => {
    const texts = table.rows[r] as string[];
    return {
      id: indicator.id,
      name: indicator.name,
      plans: indicator.plans,
      cells: columns.map((column, c) => {
        const members = indicator.members.filter((m) => m.doc === column.doc);
        return { text: texts[c + 1] ?? '', stricter: members.some((m) => m.stricter), members };
      }),
    };
  });
  return { columns, rows, table };
}

export function indicatorCsv(view: IndicatorView): string {
  return renderCsv(view.table);
}

/** The CLI's workbook (every sheet), with each plan's text and the URL it was captured from. */
export function comparisonXlsx(comparison: Comparison, exports: readonly GovClipExport[]): Uint8Array {
  return comparisonWorkbook(comparison, exports.map((exp) => ({ text: exp.document.text, url: exp.document.source.url })));
}

export interface SourceSnippet {
  before: string;
  mark: string;
  after: string;
}

const SENTENCE_END = /[。；;！!？?\n]/;

/** The sentence around a span of the plan's text (at most `context` characters each side), the span itself to be marked. */
export function sourceSnippet(text: string, span: readonly [number, number] | readonly number[], context = 120): SourceSnippet {
  const start = Math.max(0, Math.min(text.length, span[0] ?? 0));
  const end = Math.max(start, Math.min(text.length, span[1] ?? start));
  let from = start;
  while (from > 0 && start - from < context && !SENTENCE_END.test(text[from - 1] as string)) from--;
  let to = end;
  while (to < text.length && to - end < context && !SENTENCE_END.test(text[to] as string)) to++;
  if (to < text.length && text[to] !== '\n' && SENTENCE_END.test(text[to] as string)) to++;
  return { before: text.slice(from, start).trimStart(), mark: text.slice(start, end), after: text.slice(end, to).trimEnd() };
}

/** The snippet of a table cell's member, from the export it came from (same order as comparison.plans). */
export function memberSnippet(comparison: Comparison, exports: readonly GovClipExport[], member: IndicatorMember): SourceSnippet {
  const index = comparison.plans.findIndex((plan) => plan.doc === member.doc);
  const text = exports[index]?.document.text;
  if (text === undefined) return { before: '', mark: member.text, after: '' };
  return sourceSnippet(text, member.span);
}

export interface TaskOption {
  taskId: string;
  label: string;
}

export interface ClausePlanOption {
  doc: string;
  label: string;
  tasks: TaskOption[];
}

const taskLabel = (ref: { path: readonly string[]; title: string | null; text: string }) =>
  [ref.path.join(' '), ref.title ?? ref.text.slice(0, 40)].filter(Boolean).join(' ');

/** The plans and, for each, the tasks that have similar tasks in other plans (the clause picker). */
export function clausePicker(comparison: Comparison): ClausePlanOption[] {
  return comparison.plans
    .map((plan) => ({
      doc: plan.doc,
      label: planLabel(plan),
      tasks: comparison.clauses.filter((c) => c.doc === plan.doc).map((c) => ({ taskId: c.taskId, label: taskLabel(c) })),
    }))
    .filter((plan) => plan.tasks.length > 0);
}

export interface DiffSegment {
  text: string;
  /** equal: both; this: only the chosen task's plan (diff delete); other: only the similar one (diff insert). */
  side: 'both' | 'this' | 'other';
}

export interface SimilarClause {
  doc: string;
  planLabel: string;
  taskLabel: string;
  score: number;
  /** The score as shown: 0.734. */
  scoreText: string;
  text: string;
  diff: DiffSegment[];
  /** The two tasks clause by clause: similar clauses side by side, a clause only one has as a whole block. */
  rows: AlignedRow[];
}

export interface ClauseView {
  doc: string;
  planLabel: string;
  taskLabel: string;
  text: string;
  similar: SimilarClause[];
}

export function clauseView(comparison: Comparison, doc: string, taskId: string): ClauseView | null {
  const clause: ClauseComparison | undefined = comparison.clauses.find((c) => c.doc === doc && c.taskId === taskId);
  if (!clause) return null;
  const labelOf = (d: string) => {
    const plan = comparison.plans.find((p) => p.doc === d);
    return plan ? planLabel(plan) : d;
  };
  return {
    doc,
    planLabel: labelOf(doc),
    taskLabel: taskLabel(clause),
    text: clause.text,
    similar: clause.similar.map((s) => ({
      doc: s.doc,
      planLabel: labelOf(s.doc),
      taskLabel: taskLabel(s),
      score: s.score,
      scoreText: s.score.toFixed(3),
      text: s.text,
      diff: s.diff.map((part) => ({ text: part.text, side: part.op === 'equal' ? 'both' : part.op === 'delete' ? 'this' : 'other' })),
      rows: alignClauses(clause.text, s.text),
    })),
  };
}

export interface UnitOption {
  unit: string;
  label: string;
}

/** Units (canonical), those in most plans first; the label tells how many plans and duties. */
export function unitPicker(comparison: Comparison): UnitOption[] {
  return [...comparison.units]
    .sort((a, b) => b.plans - a.plans || b.duties.length - a.duties.length || a.unit.localeCompare(b.unit, 'zh'))
    .map((u) => ({ unit: u.unit, label: `${u.unit} (${u.plans} / ${u.duties.length})` }));
}

export interface DutyRow {
  plan: string;
  path: string;
  title: string;
  /** lead (牵头) or responsible (责任). */
  role: 'lead' | 'responsible';
  /** The unit's name as this plan writes it. */
  name: string;
  text: string;
}

export function unitDutyRows(comparison: Comparison, unit: string): DutyRow[] {
  const found: UnitDutiesView | undefined = comparison.units.find((u) => u.unit === unit);
  if (!found) return [];
  const labelOf = new Map(comparison.plans.map((p) => [p.doc, planLabel(p)]));
  return found.duties.map((d) => ({
    plan: labelOf.get(d.doc) ?? d.doc,
    path: d.path.join(' '),
    title: d.title ?? '',
    role: d.role === 'lead' ? 'lead' : 'responsible',
    name: d.name,
    text: d.text,
  }));
}
