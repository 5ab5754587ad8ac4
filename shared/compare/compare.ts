// Plans side by side: indicators (targets grouped, values normalised, the stricter marked),
// similar clauses (BM25, with a character diff) and each unit's duties, composed into one
// validated Comparison. Pure: the caller brings the exports and a segmenter.
import { planYear } from '../format-target.ts';
import type { GovClipExport, TaskExport } from '../schema.ts';
import { ClauseIndex } from './clauses.ts';
import { diffText } from './diff.ts';
import { unitDuties } from './duties.ts';
import { groupIndicators, type TargetRef } from './indicators.ts';
import { INDICATOR_LEXICON, LexiconIndex, extendLexicon, type LexiconEntry } from './lexicon.ts';
import { validateComparison, COMPARISON_VERSION, type ComparedPlan, type Comparison, type Indicator } from './schema.ts';
import type { Segmenter } from './segment.ts';
import { markStricter, normaliseValue } from './values.ts';

export interface CompareOptions {
  segmenter: Segmenter;
  /** Users' entries (parseLexiconCsv), added to the built-in table. */
  extraLexicon?: readonly LexiconEntry[];
  /** Similar tasks kept per task (default 3). */
  similarPerTask?: number;
  /** Relative BM25 score under which a task is not called similar (default 0.2). */
  minClauseScore?: number;
  /** Skip the clause view (it is the costly one); indicators and units are always built. */
  clauses?: boolean;
}

/** Keys that tell plans apart in every view: the file name, else the title, else the id; made unique. */
function planKeys(exports: readonly GovClipExport[]): string[] {
  const used = new Map<string, number>();
  return exports.map((exp) => {
    const base = exp.document.source.file ?? exp.document.title ?? exp.document.id.slice(0, 12);
    const seen = used.get(base) ?? 0;
    used.set(base, seen + 1);
    return seen === 0 ? base : `${base} (${seen + 1})`;
  });
}

export function describePlans(exports: readonly GovClipExport[]): ComparedPlan[] {
  const keys = planKeys(exports);
  return exports.map((exp, i) => ({
    doc: keys[i] as string,
    id: exp.document.id,
    title: exp.document.title,
    region: exp.document.region,
    year: planYear(exp.document),
    file: exp.document.source.file,
  }));
}

/** Indicators only: what the terminal table and the benchmark need. */
export function compareIndicators(exports: readonly GovClipExport[], options: CompareOptions, plans = describePlans(exports)): Indicator[] {
  const lexicon = new LexiconIndex(options.extraLexicon ? extendLexicon(INDICATOR_LEXICON, options.extraLexicon) : INDICATOR_LEXICON);
  const refs: Array<TargetRef & { target: GovClipExport['targets'][number] }> = [];
  exports.forEach((exp, doc) => {
    for (const target of exp.targets) refs.push({ doc, metric: target.metric, op: target.op, value: target.value, max: target.max, unit: target.unit, target });
  });
  const groups = groupIndicators(refs, { segmenter: options.segmenter, lexicon });
  const indicators = groups.map((group) => {
    const members = group.members.map((m) => refs[m] as (typeof refs)[number]);
    const stricter = markStricter(members, group.direction);
    return {
      id: group.id,
      name: group.name,
      lexiconId: group.lexiconId,
      direction: group.direction,
      plans: new Set(members.map((m) => m.doc)).size,
      members: members.map((m, i) => {
        const plan = plans[m.doc] as ComparedPlan;
        const match = group.matches[i] as { kind: Indicator['members'][number]['match']; score: number };
        return {
          doc: plan.doc,
          region: plan.region,
          targetId: m.target.id,
          metric: m.target.metric,
          op: m.target.op,
          value: m.target.value,
          max: m.target.max,
          unit: m.target.unit,
          year: m.target.year,
          text: m.target.text,
          span: m.target.span,
          normalised: normaliseValue(m.target),
          stricter: stricter[i] as boolean,
          match: match.kind,
          score: match.score,
        };
      }),
    };
  });
  // Shared indicators first (most plans), then the lexicon's order, then by name.
  const lexiconOrder = new Map(lexicon.entries.map((e, i) => [e.id, i]));
  return indicators.sort((a, b) => b.plans - a.plans
    || (lexiconOrder.get(a.lexiconId ?? '') ?? Infinity) - (lexiconOrder.get(b.lexiconId ?? '') ?? Infinity)
    || a.name.localeCompare(b.name, 'zh'));
}

const taskRef = (plan: ComparedPlan, task: TaskExport) => ({ doc: plan.doc, taskId: task.id, path: task.path, title: task.title, text: task.text });

export function comparePlans(exports: readonly GovClipExport[], options: CompareOptions): Comparison {
  const plans = describePlans(exports);
  const indicators = compareIndicators(exports, options, plans);

  const clauses: Comparison['clauses'] = [];
  if (options.clauses !== false && exports.length > 1) {
    const tasks = exports.flatMap((exp, doc) => exp.tasks.map((task) => ({ doc, task })));
    const index = new ClauseIndex(tasks.map(({ doc, task }) => ({ doc, title: task.title, text: task.text })), options.segmenter);
    tasks.forEach(({ doc, task }, i) => {
      const similar = index.similar(i, options.similarPerTask ?? 3, options.minClauseScore ?? 0.2);
      if (similar.length === 0) return;
      clauses.push({
        ...taskRef(plans[doc] as ComparedPlan, task),
        similar: similar.map((s) => {
          const other = tasks[s.index] as (typeof tasks)[number];
          return { ...taskRef(plans[other.doc] as ComparedPlan, other.task), score: s.score, bm25: s.bm25, diff: diffText(task.text, other.task.text) };
        }),
      });
    });
  }

  const duties = unitDuties(exports.map((exp) => ({ region: exp.document.region, tasks: exp.tasks, units: exp.units })));
  const units = duties.map((u) => ({
    unit: u.unit,
    names: u.names,
    plans: new Set(u.duties.map((d) => d.doc)).size,
    duties: u.duties.map((d) => {
      const exp = exports[d.doc] as GovClipExport;
      const task = exp.tasks.find((t) => t.id === d.taskId) as TaskExport;
      return { ...taskRef(plans[d.doc] as ComparedPlan, task), role: d.role, name: d.name };
    }),
  }));

  return validateComparison({ comparisonVersion: COMPARISON_VERSION, plans, indicators, clauses, units });
}
