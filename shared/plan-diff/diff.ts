// Two versions of a plan compared (a draft 征求意见稿 and the final text, or a page re-published):
// tasks added, removed and changed, aligned by their wording so that renumbering alone is only
// renumbering; in each aligned task, targets whose figure changed, units added or removed per
// role, deadlines changed, and the wording's diff where it changed beyond those.
import { taskContent } from '../breakdown/table.ts';
import { diffText } from '../compare/diff.ts';
import { normaliseMetric } from '../compare/wording.ts';
import { formatQuantity } from '../format-target.ts';
import type { GovClipExport, TargetExport, TaskExport, UnitRole } from '../schema.ts';
import { PLAN_DIFF_VERSION, type DiffPlan, type Figure, type PlanDiff, type TargetChange, type TargetField, type TaskChange, type TaskRef, type UnitChange } from './schema.ts';

/** Two tasks below this wording similarity are different tasks (one removed, one added). */
export const TASK_SIMILARITY = 0.5;
/** Two metrics of aligned tasks at or above this similarity are the same target. */
const METRIC_SIMILARITY = 0.6;
/** Unmatched items are compared with the unmatched items this many places either side of theirs. */
const ALIGN_WINDOW = 40;
/** Of those, the best this many stay candidates for the greedy pairing. */
const CANDIDATES_PER_ITEM = 8;
/** Same numbering path: a small nudge so that among equally similar candidates the one in place wins. */
const SAME_PATH_BONUS = 0.05;

const PUNCTUATION = /[\s\p{P}\p{S}]/gu;

function bigrams(text: string): Map<string, number> {
  const chars = [...text.replace(PUNCTUATION, '')];
  const grams = new Map<string, number>();
  for (let i = 0; i + 1 < chars.length; i++) {
    const g = `${chars[i]}${chars[i + 1]}`;
    grams.set(g, (grams.get(g) ?? 0) + 1);
  }
  if (chars.length === 1) grams.set(chars[0] as string, 1);
  return grams;
}

/** Dice coefficient over character bigrams (counted with repeats): 1 for equal texts, 0 for nothing shared. */
export function similarity(a: Map<string, number>, b: Map<string, number>): number {
  let shared = 0;
  let total = 0;
  for (const [g, n] of a) {
    shared += Math.min(n, b.get(g) ?? 0);
    total += n;
  }
  for (const n of b.values()) total += n;
  return total === 0 ? 1 : (2 * shared) / total;
}

/** What a task says, without its numbering and its clause of units: the part that identifies it. */
function wording(task: TaskExport): string {
  return `${task.title ?? ''}|${taskContent(task)}`;
}

function refOf(task: TaskExport): TaskRef {
  return { id: task.id, path: task.path, title: task.title, span: task.span };
}

function figureOf(t: TargetExport): Figure {
  return { id: t.id, metric: t.metric, op: t.op, value: t.value, max: t.max, unit: t.unit, year: t.year, span: t.span };
}

function changedFields(a: TargetExport, b: TargetExport): TargetField[] {
  const fields: TargetField[] = [];
  if (a.value !== b.value || a.max !== b.max) fields.push('value');
  if (a.op !== b.op) fields.push('op');
  if (a.unit !== b.unit) fields.push('unit');
  if (a.year !== b.year) fields.push('year');
  return fields;
}

/**
 * Pairs of items by similarity, best first, each item used once; pairs below `threshold` are left.
 * Exact keys pair first (linear); only what is left is compared pairwise.
 */
function align<T>(olds: readonly T[], news: readonly T[], key: (item: T) => string, score: (a: T, b: T) => number, threshold: number): Array<[number, number]> {
  const pairs: Array<[number, number]> = [];
  const usedOld = new Set<number>();
  const usedNew = new Set<number>();
  const byKey = new Map<string, number[]>();
  news.forEach((item, j) => {
    const list = byKey.get(key(item));
    if (list) list.push(j);
    else byKey.set(key(item), [j]);
  });
  olds.forEach((item, i) => {
    const j = byKey.get(key(item))?.shift();
    if (j === undefined) return;
    pairs.push([i, j]);
    usedOld.add(i);
    usedNew.add(j);
  });
  // What is left is compared near its place only (a revision keeps the order of most tasks), so a
  // plan twice as long costs twice as much, not four times.
  const leftOld = olds.flatMap((_, i) => (usedOld.has(i) ? [] : [i]));
  const leftNew = news.flatMap((_, j) => (usedNew.has(j) ? [] : [j]));
  const candidates: Array<{ i: number; j: number; s: number }> = [];
  leftOld.forEach((i, p) => {
    const at = leftOld.length <= 1 ? 0 : Math.round((p * (leftNew.length - 1)) / (leftOld.length - 1));
    // Each item keeps only its best few candidates: enough for the greedy pass, and the sort stays small.
    const mine: Array<{ i: number; j: number; s: number }> = [];
    for (let q = Math.max(0, at - ALIGN_WINDOW); q <= Math.min(leftNew.length - 1, at + ALIGN_WINDOW); q++) {
      const j = leftNew[q] as number;
      const s = score(olds[i] as T, news[j] as T);
      if (s >= threshold) mine.push({ i, j, s });
    }
    candidates.push(...mine.sort((x, y) => y.s - x.s).slice(0, CANDIDATES_PER_ITEM));
  });
  candidates.sort((x, y) => y.s - x.s || x.i - y.i || x.j - y.j);
  for (const { i, j } of candidates) {
    if (usedOld.has(i) || usedNew.has(j)) continue;
    pairs.push([i, j]);
    usedOld.add(i);
    usedNew.add(j);
  }
  return pairs.sort((x, y) => x[1] - y[1]);
}

/** Targets of two aligned tasks (or of the text outside tasks): same metric (normalised) or a similar one. */
export function compareTargets(olds: readonly TargetExport[], news: readonly TargetExport[]): TargetChange[] {
  const metricKey = (t: TargetExport) => `${normaliseMetric(t.metric)}|${t.op}|${t.value}|${t.unit}|${t.year}`;
  const grams = new Map<TargetExport, Map<string, number>>();
  const gramsOf = (t: TargetExport) => grams.get(t) ?? grams.set(t, bigrams(normaliseMetric(t.metric))).get(t) as Map<string, number>;
  const pairs = align(olds, news, metricKey, (a, b) => similarity(gramsOf(a), gramsOf(b)) + (a.unit === b.unit ? 0.01 : 0), METRIC_SIMILARITY);
  const changes: TargetChange[] = [];
  const pairedOld = new Set(pairs.map(([i]) => i));
  const pairedNew = new Set(pairs.map(([, j]) => j));
  for (const [i, j] of pairs) {
    const a = olds[i] as TargetExport;
    const b = news[j] as TargetExport;
    const fields = changedFields(a, b);
    if (fields.length > 0) changes.push({ kind: 'changed', metric: b.metric, old: figureOf(a), new: figureOf(b), fields });
  }
  olds.forEach((t, i) => {
    if (!pairedOld.has(i)) changes.push({ kind: 'removed', metric: t.metric, old: figureOf(t), new: null, fields: [] });
  });
  news.forEach((t, j) => {
    if (!pairedNew.has(j)) changes.push({ kind: 'added', metric: t.metric, old: null, new: figureOf(t), fields: [] });
  });
  return changes;
}

function compareUnits(a: TaskExport, b: TaskExport): UnitChange[] {
  const roles: Array<[UnitRole, readonly string[], readonly string[]]> = [
    ['lead', a.leadUnits, b.leadUnits],
    ['responsible', a.responsibleUnits, b.responsibleUnits],
  ];
  return roles.flatMap(([role, olds, news]) => {
    const added = news.filter((u) => !olds.includes(u));
    const removed = olds.filter((u) => !news.includes(u));
    return added.length + removed.length === 0 ? [] : [{ role, added, removed }];
  });
}

function deadlineReadings(task: TaskExport): string[] {
  return (task.deadlines ?? []).map((d) => `${d.from ?? ''}|${d.by ?? ''}|${d.ongoing}|${d.by === null ? d.text : ''}`);
}

/** Figures written as digits are listed as target or deadline changes; the wording around them is what is left. */
const withoutNumbers = (text: string) => text.replace(/\d+(\.\d+)?/g, '#');

function compareTask(a: TaskExport, b: TaskExport, targetsA: readonly TargetExport[], targetsB: readonly TargetExport[]): TaskChange | null {
  const renumbered = a.path.join('/') !== b.path.join('/');
  const units = compareUnits(a, b);
  const targets = compareTargets(targetsA, targetsB);
  const deadlinesChanged = deadlineReadings(a).join('\n') !== deadlineReadings(b).join('\n');
  const deadlines = deadlinesChanged ? { old: (a.deadlines ?? []).map((d) => d.text), new: (b.deadlines ?? []).map((d) => d.text) } : null;
  const wa = wording(a);
  const wb = wording(b);
  // Wording that changed only in figures the target and deadline changes already list is not repeated.
  const explained = (targets.length > 0 || deadlines !== null) && withoutNumbers(wa) === withoutNumbers(wb);
  const text = wa !== wb && !explained ? diffText(taskContent(a), taskContent(b)) : null;
  const titleChanged = a.title !== b.title;
  if (!renumbered && units.length === 0 && targets.length === 0 && deadlines === null && text === null && !titleChanged) return null;
  return { old: refOf(a), new: refOf(b), renumbered, text: text ?? (titleChanged ? diffText(a.title ?? '', b.title ?? '') : null), units, targets, deadlines };
}

function planOf(exp: GovClipExport): DiffPlan {
  const d = exp.document;
  return { id: d.id, title: d.title, file: d.source.file, url: d.source.url, publishedAt: d.publishedAt };
}

function targetsByTask(exp: GovClipExport): Map<string | null, TargetExport[]> {
  const map = new Map<string | null, TargetExport[]>();
  for (const t of exp.targets) {
    const list = map.get(t.taskId);
    if (list) list.push(t);
    else map.set(t.taskId, [t]);
  }
  return map;
}

export function diffPlans(oldExp: GovClipExport, newExp: GovClipExport): PlanDiff {
  const grams = new Map<TaskExport, Map<string, number>>();
  const gramsOf = (t: TaskExport) => grams.get(t) ?? grams.set(t, bigrams(wording(t))).get(t) as Map<string, number>;
  const score = (a: TaskExport, b: TaskExport) => similarity(gramsOf(a), gramsOf(b)) + (a.path.join('/') === b.path.join('/') ? SAME_PATH_BONUS : 0);
  const pairs = align(oldExp.tasks, newExp.tasks, wording, score, TASK_SIMILARITY);
  const oldTargets = targetsByTask(oldExp);
  const newTargets = targetsByTask(newExp);
  const changed: TaskChange[] = [];
  let unchanged = 0;
  for (const [i, j] of pairs) {
    const a = oldExp.tasks[i] as TaskExport;
    const b = newExp.tasks[j] as TaskExport;
    const change = compareTask(a, b, oldTargets.get(a.id) ?? [], newTargets.get(b.id) ?? []);
    if (change) changed.push(change);
    else unchanged++;
  }
  const pairedOld = new Set(pairs.map(([i]) => i));
  const pairedNew = new Set(pairs.map(([, j]) => j));
  return {
    version: PLAN_DIFF_VERSION,
    old: planOf(oldExp),
    new: planOf(newExp),
    unchanged,
    added: newExp.tasks.filter((_, j) => !pairedNew.has(j)).map(refOf),
    removed: oldExp.tasks.filter((_, i) => !pairedOld.has(i)).map(refOf),
    changed,
    targets: compareTargets(oldTargets.get(null) ?? [], newTargets.get(null) ?? []),
  };
}

// ---------------------------------------------------------------------------------------------
// For people: Markdown (the CLI's --md and the library's 版本对比 share these lines)

const ROLE_LABEL: Record<UnitRole, string> = { lead: '牵头单位', responsible: '责任单位' };

export function taskName(ref: TaskRef): string {
  return `${ref.path.join('')}${ref.title ? ` ${ref.title}` : ''}`;
}

function figureText(f: Figure): string {
  return `${formatQuantity(f)}${f.year === null ? '' : ` (${f.year})`}`;
}

export function targetChangeLine(c: TargetChange): string {
  if (c.kind === 'added' && c.new) return `新增指标 ${c.metric} ${figureText(c.new)}`;
  if (c.kind === 'removed' && c.old) return `删除指标 ${c.metric} ${figureText(c.old)}`;
  return `指标 ${c.metric}: ${c.old ? figureText(c.old) : ''} → ${c.new ? figureText(c.new) : ''}`;
}

export function unitChangeLine(c: UnitChange): string {
  return `${ROLE_LABEL[c.role]}: ${[...c.removed.map((u) => `−${u}`), ...c.added.map((u) => `+${u}`)].join(' ')}`;
}

/** Each change of an aligned task as one line, in a fixed order. */
export function taskChangeLines(c: TaskChange): string[] {
  return [
    ...(c.renumbered ? [`编号 ${c.old.path.join('')} → ${c.new.path.join('')}`] : []),
    ...c.targets.map(targetChangeLine),
    ...c.units.map(unitChangeLine),
    ...(c.deadlines ? [`完成时限: ${c.deadlines.old.join('；') || '无'} → ${c.deadlines.new.join('；') || '无'}`] : []),
    ...(c.text ? [`文字: ${c.text.map((p) => (p.op === 'equal' ? shorten(p.text) : p.op === 'delete' ? `[-${p.text}-]` : `{+${p.text}+}`)).join('')}`] : []),
  ];
}

/** Unchanged stretches in a text diff shown by their ends only. */
function shorten(text: string): string {
  const chars = [...text];
  return chars.length <= 24 ? text : `${chars.slice(0, 10).join('')}…${chars.slice(-10).join('')}`;
}

function planTitle(p: DiffPlan): string {
  return p.title ?? p.file ?? p.url ?? p.id.slice(0, 8);
}

export function renderDiffMarkdown(diff: PlanDiff): string {
  const lines = [
    `# 版本对比: ${planTitle(diff.old)} → ${planTitle(diff.new)}`,
    '',
    `未变 ${diff.unchanged} 项任务; 新增 ${diff.added.length}; 删除 ${diff.removed.length}; 修改 ${diff.changed.length}${diff.targets.length > 0 ? `; 任务外指标变化 ${diff.targets.length}` : ''}`,
  ];
  if (diff.added.length > 0) lines.push('', '## 新增任务', ...diff.added.map((t) => `- ${taskName(t)}`));
  if (diff.removed.length > 0) lines.push('', '## 删除任务', ...diff.removed.map((t) => `- ${taskName(t)}`));
  if (diff.changed.length > 0) {
    lines.push('', '## 修改任务');
    for (const c of diff.changed) lines.push(`- ${taskName(c.new)}`, ...taskChangeLines(c).map((l) => `  - ${l}`));
  }
  if (diff.targets.length > 0) lines.push('', '## 任务外的指标', ...diff.targets.map((c) => `- ${targetChangeLine(c)}`));
  return lines.join('\n');
}
