// Scoring of task deadlines against the `deadlines` lists of gold assignments
// (fixtures/spec/gold-format.md, "Deadlines"). A deadline is scored on the task that the
// assignment's quote locates; tasks that no gold assignment with a `deadlines` list points to are
// not scored (gold lists assignments only for tasks with a responsibility clause).
import type { GoldAssignment, GoldDeadline } from './gold.ts';
import { normaliseQuote } from './quote.ts';
import { locateTask, prf, type PRF } from './score.ts';
import type { DeadlineExport, TaskExport } from '../../shared/schema.ts';

export interface DeadlineMiss {
  taskId: string | null;
  quote: string;
  text: string;
  reading: string;
}

export interface DeadlineScore extends PRF {
  missed: DeadlineMiss[];
  spurious: DeadlineMiss[];
}

export function readingOf(d: Pick<GoldDeadline, 'by' | 'from' | 'ongoing'>): string {
  return `${d.from === null ? '' : `${d.from}..`}${d.by ?? 'null'}${d.ongoing ? ' ongoing' : ''}`;
}

/** Same reading (by, from, ongoing) and the texts overlap: one holds the other after quote normalisation. */
export function deadlineMatches(pred: DeadlineExport, gold: GoldDeadline): boolean {
  if (readingOf(pred) !== readingOf(gold)) return false;
  const p = normaliseQuote(pred.text);
  const g = normaliseQuote(gold.text);
  return p.includes(g) || g.includes(p);
}

export function scoreDeadlines(tasks: readonly TaskExport[], gold: readonly GoldAssignment[], approximateQuotes = false): DeadlineScore {
  let tp = 0;
  const missed: DeadlineMiss[] = [];
  const spurious: DeadlineMiss[] = [];
  const scored = new Set<number>();
  for (const assignment of gold) {
    if (assignment.deadlines === undefined) continue;
    const t = locateTask(tasks, assignment.quote, approximateQuotes);
    // Two clauses in one task: the task's deadlines are scored once, against the first.
    if (t !== null && scored.has(t)) continue;
    if (t !== null) scored.add(t);
    const task = t === null ? undefined : tasks[t];
    const predicted = [...(task?.deadlines ?? [])];
    const where = (d: { text: string } & Pick<GoldDeadline, 'by' | 'from' | 'ongoing'>): DeadlineMiss => ({
      taskId: task?.id ?? null,
      quote: assignment.quote,
      text: d.text,
      reading: readingOf(d),
    });
    for (const g of assignment.deadlines) {
      const k = predicted.findIndex((p) => deadlineMatches(p, g));
      if (k === -1) missed.push(where(g));
      else {
        tp += 1;
        predicted.splice(k, 1);
      }
    }
    spurious.push(...predicted.map(where));
  }
  return { ...prf({ tp, fp: spurious.length, fn: missed.length }), missed, spurious };
}

/** The deadline line under a set's table: precision and recall over the tasks gold dates. */
export function formatDeadlineLine(summary: { deadlines?: PRF }): string {
  const d = summary.deadlines;
  if (d === undefined || d.tp + d.fp + d.fn === 0) return 'deadlines: no gold deadlines in this set';
  const f = (n: number | null) => (n === null ? '-' : n.toFixed(3));
  return `deadlines: P ${f(d.precision)}  R ${f(d.recall)}  F1 ${f(d.f1)}  (tp ${d.tp}, fp ${d.fp}, fn ${d.fn}; tasks located by gold assignments)`;
}

/** For --verbose: the deadlines that cost points in one document. */
export function deadlineDetails(score: DeadlineScore | undefined): string[] {
  if (score === undefined) return [];
  const line = (m: DeadlineMiss) => `  ${m.text} → ${m.reading}  (${m.taskId === null ? 'no task' : `task ${m.taskId}`}, quote=${m.quote})`;
  return [
    ...(score.missed.length === 0 ? [] : [`missed deadlines (${score.missed.length}):`, ...score.missed.map(line)]),
    ...(score.spurious.length === 0 ? [] : [`spurious deadlines (${score.spurious.length}):`, ...score.spurious.map(line)]),
  ];
}
