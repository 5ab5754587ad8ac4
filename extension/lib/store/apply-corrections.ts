// Pure: an export and the user's corrections in, the corrected export out. Corrections apply in
// order, each to the result of those before it, and name items by stable keys (types.ts) so the
// same list can be replayed on a later version of the page.
import { canonicalUnitName } from '../../../shared/units.ts';
import { describeIssues } from '../../../shared/validation.ts';
import { validateExport, type GovClipExport, type Span, type TargetExport, type TaskExport, type UnitExport, type UnitRole } from '../../../shared/schema.ts';
import { correctionSchema, type Correction, type CorrectionInput, type TargetKey, type TaskKey } from './types.ts';

export interface CorrectionOutcome {
  export: GovClipExport;
  /** For each correction, whether it found its item (false: the item is gone, nothing changed). */
  applied: boolean[];
}

/** Why a correction was refused; the UI says it through the locale message correctionError_<code>. */
export type CorrectionErrorCode = 'noMatch' | 'malformed' | 'invalid' | 'noItem';

export class CorrectionError extends Error {
  override name = 'CorrectionError';
  constructor(message: string, readonly code: CorrectionErrorCode = 'invalid') {
    super(message);
  }
}

function parseCorrection(input: CorrectionInput | Correction, index: number): Correction {
  const result = correctionSchema.safeParse(input);
  if (!result.success) throw new CorrectionError(`correction ${index + 1} is malformed: ${describeIssues(result.error)}`, 'malformed');
  return result.data;
}

/** The stable key of a task of `exp`, to name it in a correction. */
export function taskKeyOf(exp: GovClipExport, taskId: string): TaskKey {
  const task = exp.tasks.find((t) => t.id === taskId);
  if (!task) throw new CorrectionError(`no task ${taskId} in this plan`, 'noItem');
  return { text: task.text };
}

/** The stable key of a target of `exp` (pass the export the user sees, i.e. the corrected one). */
export function targetKeyOf(exp: GovClipExport, targetId: string): TargetKey {
  const index = exp.targets.findIndex((t) => t.id === targetId);
  const target = exp.targets[index];
  if (!target) throw new CorrectionError(`no target ${targetId} in this plan`, 'noItem');
  const occurrence = exp.targets.slice(0, index).filter((t) => t.text === target.text && t.metric === target.metric).length;
  return { text: target.text, metric: target.metric, occurrence };
}

function findTarget(targets: readonly TargetExport[], key: TargetKey): TargetExport | undefined {
  return targets.filter((t) => t.text === key.text && t.metric === key.metric)[key.occurrence];
}

function unitList(task: TaskExport, role: UnitRole): string[] {
  return role === 'lead' ? task.leadUnits : task.responsibleUnits;
}

/** The innermost task whose span holds `at`: the owner of a target added there. */
function taskAt(tasks: readonly TaskExport[], at: number): TaskExport | undefined {
  let best: TaskExport | undefined;
  for (const task of tasks) {
    const [start, end] = task.span;
    if (start <= at && at < end && (!best || end - start < best.span[1] - best.span[0])) best = task;
  }
  return best;
}

/** Where an added target sits: its own span when it fits the text, else its text's first occurrence. */
function locate(text: string, target: { text: string; span: Span | null }): Span | null {
  if (target.span && target.span[1] <= text.length) return target.span;
  const at = text.indexOf(target.text);
  return at === -1 ? null : [at, at + target.text.length];
}

function nextAddedId(targets: readonly TargetExport[]): string {
  let max = 0;
  for (const t of targets) {
    const m = /^u(\d+)$/.exec(t.id);
    if (m) max = Math.max(max, Number(m[1]));
  }
  return `u${max + 1}`;
}

/** Where each unit name is written, per task: a rename moves the mentions in its task along. */
type Mentions = Map<string, Array<{ span: Span; taskId: string | null }>>;

function mentionsOf(exp: GovClipExport): Mentions {
  const mentions: Mentions = new Map();
  for (const unit of exp.units) {
    const own = exp.tasks.filter((t) => unit.taskIds.includes(t.id));
    mentions.set(
      unit.name,
      unit.spans.map((span) => ({ span, taskId: taskAt(own, span[0])?.id ?? null })),
    );
  }
  return mentions;
}

function moveMentions(mentions: Mentions, taskId: string, from: string, to: string): void {
  const source = mentions.get(from) ?? [];
  const moving = source.filter((m) => m.taskId === taskId);
  mentions.set(from, source.filter((m) => m.taskId !== taskId));
  mentions.set(to, [...(mentions.get(to) ?? []), ...moving]);
}

/**
 * Units follow the tasks after a rename: same order as before for names that remain (new names
 * after them), roles and task ids recomputed from the tasks so the export stays consistent.
 */
function rebuildUnits(before: readonly UnitExport[], tasks: readonly TaskExport[], mentions: Mentions): UnitExport[] {
  const byName = new Map<string, UnitExport>();
  for (const task of tasks) {
    for (const role of ['lead', 'responsible'] as const) {
      for (const name of unitList(task, role)) {
        const old = before.find((u) => u.name === name);
        const entry: UnitExport = byName.get(name) ?? { name, canonical: old?.canonical ?? canonicalUnitName(name), roles: [], taskIds: [], spans: [] };
        if (!entry.roles.includes(role)) entry.roles.push(role);
        if (!entry.taskIds.includes(task.id)) entry.taskIds.push(task.id);
        byName.set(name, entry);
      }
    }
  }
  const order = new Map(before.map((u, i) => [u.name, i]));
  const rank = (name: string) => order.get(name) ?? Number.MAX_SAFE_INTEGER;
  const roleOrder = (role: UnitRole) => (role === 'lead' ? 0 : 1);
  return [...byName.values()]
    .map((u) => ({
      ...u,
      roles: u.roles.sort((a, b) => roleOrder(a) - roleOrder(b)),
      spans: (mentions.get(u.name) ?? []).map((m) => m.span).sort((a, b) => a[0] - b[0]),
    }))
    .sort((a, b) => rank(a.name) - rank(b.name));
}

/** fixText: the wording replaced in every field a reader sees; says whether any field held it. */
function fixWording(state: GovClipExport, from: string, to: string, mentions: Mentions): { applied: boolean; unitsChanged: boolean } {
  let applied = false;
  const fix = (value: string): string => {
    if (!value.includes(from)) return value;
    applied = true;
    return value.replaceAll(from, to);
  };
  const fixNullable = (value: string | null) => (value === null ? null : fix(value));
  state.document.title = fixNullable(state.document.title);
  for (const task of state.tasks) {
    task.text = fix(task.text);
    task.title = fixNullable(task.title);
  }
  for (const target of state.targets) {
    target.text = fix(target.text);
    target.metric = fix(target.metric);
  }
  let unitsChanged = false;
  for (const task of state.tasks) {
    for (const list of [task.leadUnits, task.responsibleUnits]) {
      const fixed = list.map(fix);
      if (fixed.every((name, k) => name === list[k])) continue;
      unitsChanged = true;
      // A fixed name that the task already lists (the same unit written right) is merged.
      list.splice(0, list.length, ...new Set(fixed));
    }
  }
  for (const [name, list] of [...mentions]) {
    if (!name.includes(from)) continue;
    const fixed = name.replaceAll(from, to);
    mentions.delete(name);
    mentions.set(fixed, [...(mentions.get(fixed) ?? []), ...list]);
  }
  return { applied, unitsChanged };
}

function applyOne(state: GovClipExport, c: Correction, mentions: Mentions): { applied: boolean; unitsChanged: boolean } {
  switch (c.kind) {
    case 'fixText':
      return fixWording(state, c.from, c.to, mentions);
    case 'renameUnit': {
      let applied = false;
      for (const task of state.tasks) {
        if (task.text !== c.task.text) continue;
        const list = unitList(task, c.role);
        const at = list.indexOf(c.from);
        if (at === -1 || c.from === c.to) continue;
        if (list.includes(c.to)) list.splice(at, 1);
        else list[at] = c.to;
        // The mention moves only when the old name is gone from the task (it may hold the other role).
        if (!task.leadUnits.includes(c.from) && !task.responsibleUnits.includes(c.from)) moveMentions(mentions, task.id, c.from, c.to);
        applied = true;
      }
      return { applied, unitsChanged: applied };
    }
    case 'editTarget': {
      const target = findTarget(state.targets, c.target);
      if (!target) return { applied: false, unitsChanged: false };
      Object.assign(target, c.changes);
      return { applied: true, unitsChanged: false };
    }
    case 'rejectTarget': {
      const target = findTarget(state.targets, c.target);
      if (!target) return { applied: false, unitsChanged: false };
      state.targets = state.targets.filter((t) => t !== target);
      for (const task of state.tasks) task.targetIds = task.targetIds.filter((id) => id !== target.id);
      return { applied: true, unitsChanged: false };
    }
    case 'addTarget': {
      const { text: docText } = state.document;
      const span = locate(docText, c.target);
      if (!span) return { applied: false, unitsChanged: false };
      const owner = (c.target.task && state.tasks.find((t) => t.text === c.target.task?.text)) || taskAt(state.tasks, span[0]);
      const id = nextAddedId(state.targets);
      const { metric, op, value, max, unit, year, text } = c.target;
      state.targets.push({ id, taskId: owner?.id ?? null, text, metric, op, value, max, unit, year, span });
      owner?.targetIds.push(id);
      return { applied: true, unitsChanged: false };
    }
  }
}

/** applyCorrections, also saying which corrections found their item. */
export function applyCorrectionsDetailed(exp: GovClipExport, corrections: readonly (CorrectionInput | Correction)[]): CorrectionOutcome {
  const parsed = corrections.map(parseCorrection);
  // A deep copy: the stored export stays as extracted, so corrections can be replayed or undone.
  const state = structuredClone(exp);
  const mentions = mentionsOf(exp);
  let unitsChanged = false;
  const applied = parsed.map((c) => {
    const outcome = applyOne(state, c, mentions);
    unitsChanged ||= outcome.unitsChanged;
    return outcome.applied;
  });
  if (unitsChanged) state.units = rebuildUnits(exp.units, state.tasks, mentions);
  try {
    return { export: validateExport(state), applied };
  } catch (error) {
    throw new CorrectionError(`the corrected export is invalid: ${(error as Error).message}`);
  }
}

/** The export with the corrections applied; still valid against shared/schema.ts. Pure. */
export function applyCorrections(exp: GovClipExport, corrections: readonly (CorrectionInput | Correction)[]): GovClipExport {
  return applyCorrectionsDetailed(exp, corrections).export;
}

/**
 * Corrections made on one version, restated for the next: added targets' spans pointed into the
 * old text, so they move to where the same characters are in the new one (or are dropped to be
 * found by their text). Whether each still applies is then up to applyCorrectionsDetailed.
 */
export function rebaseCorrection(c: Correction, oldText: string, newText: string): Correction {
  if (c.kind !== 'addTarget' || !c.target.span) return c;
  const quoted = oldText.slice(c.target.span[0], c.target.span[1]);
  const at = quoted === '' ? -1 : newText.indexOf(quoted);
  const span: Span | null = at === -1 ? null : [at, at + quoted.length];
  return { ...c, target: { ...c.target, span } };
}
