// Precision per confidence level (shared/confidence.ts): of the targets the extractor rated high,
// how many match a gold target, and how many are right in every field; of the (role, unit) pairs
// of tasks whose units it rated high, how many are gold pairs. `high` must hold ≥ 0.98 so that
// staff can check only the rest.
import type { Gold } from './gold.ts';
import { metricsMatch, scoreAssignments, scoreTargets } from './score.ts';
import type { ConfidenceLevel, GovClipExport, TaskExport } from '../../shared/schema.ts';

export const LEVELS: readonly ConfidenceLevel[] = ['high', 'medium', 'low'];

export interface LevelCounts {
  /** Items the extractor gave this level. */
  predicted: number;
  /** Of those, matched to gold (targets: same figure over the same text; units: a gold pair). */
  correct: number;
  /** Targets only: matched and right in op, year and metric too. */
  exact: number;
}

export interface ConfidenceCounts {
  targets: Record<ConfidenceLevel, LevelCounts>;
  units: Record<ConfidenceLevel, LevelCounts>;
}

const empty = (): Record<ConfidenceLevel, LevelCounts> => ({
  high: { predicted: 0, correct: 0, exact: 0 },
  medium: { predicted: 0, correct: 0, exact: 0 },
  low: { predicted: 0, correct: 0, exact: 0 },
});

/** (role, unit) pairs of a task, each once, as the assignment score counts them. */
function pairCount(task: TaskExport): number {
  return new Set([...task.leadUnits.map((u) => `lead|${u}`), ...task.responsibleUnits.map((u) => `responsible|${u}`)]).size;
}

export function scoreConfidence(exp: GovClipExport, gold: Gold, approximateQuotes = false): ConfidenceCounts {
  const counts: ConfidenceCounts = { targets: empty(), units: empty() };
  // Targets without a rating (exports from before it) are not counted.
  const targets = scoreTargets(exp.targets, gold.targets);
  const matched = new Map(targets.matched.map((m) => [m.pred, m]));
  for (const pred of exp.targets) {
    if (pred.confidence === undefined) continue;
    const c = counts.targets[pred.confidence];
    const m = matched.get(pred);
    const spurious = targets.spurious.includes(pred);
    // Targets matched to optional gold are neither right nor wrong, as in the main score.
    if (!m && !spurious) continue;
    c.predicted++;
    if (m) {
      c.correct++;
      if (m.pred.op === m.gold.op && m.pred.year === m.gold.year && metricsMatch(m.pred.metric, m.gold.metric)) c.exact++;
    }
  }
  const assignments = scoreAssignments(exp.tasks, gold.assignments, approximateQuotes);
  const spuriousOf = new Map<string, number>();
  for (const p of assignments.roles.spurious) if (p.taskId !== null) spuriousOf.set(p.taskId, (spuriousOf.get(p.taskId) ?? 0) + 1);
  for (const task of exp.tasks) {
    if (task.unitConfidence === undefined) continue;
    const n = pairCount(task);
    const c = counts.units[task.unitConfidence];
    c.predicted += n;
    c.correct += Math.max(0, n - (spuriousOf.get(task.id) ?? 0));
  }
  return counts;
}

export function addConfidence(list: ReadonlyArray<ConfidenceCounts | undefined>): ConfidenceCounts {
  const total: ConfidenceCounts = { targets: empty(), units: empty() };
  for (const item of list) {
    if (!item) continue;
    for (const kind of ['targets', 'units'] as const) {
      for (const level of LEVELS) {
        total[kind][level].predicted += item[kind][level].predicted;
        total[kind][level].correct += item[kind][level].correct;
        total[kind][level].exact += item[kind][level].exact;
      }
    }
  }
  return total;
}

export function levelPrecision(c: LevelCounts): number | null {
  return c.predicted === 0 ? null : c.correct / c.predicted;
}

/** The lines under a set's table: per level, how many items and how many of them are right. */
export function formatConfidenceLines(counts: ConfidenceCounts | undefined): string[] {
  if (!counts) return [];
  const f = (n: number | null) => (n === null ? '-' : n.toFixed(3));
  const cell = (c: LevelCounts, exact: boolean) =>
    `${f(levelPrecision(c))} of ${c.predicted}${exact ? ` (exact ${f(c.predicted === 0 ? null : c.exact / c.predicted)})` : ''}`;
  return [
    `confidence, targets: ${LEVELS.map((l) => `${l} ${cell(counts.targets[l], true)}`).join('; ')}`,
    `confidence, unit pairs: ${LEVELS.map((l) => `${l} ${cell(counts.units[l], false)}`).join('; ')}`,
  ];
}
