// The plan as the side panel and the library show it: metadata, the task tree with its lead and
// responsible units, the targets table and the units. Items call back to reveal or correct them.
import { COMPARATOR_SYMBOLS } from '../../../shared/format-target.ts';
import type { GovClipExport, TargetExport, TaskExport, UnitRole } from '../../../shared/schema.ts';
import { localiseWarning } from '../../../shared/messages.ts';
import { t } from '../i18n.ts';
import { describeTarget } from '../page/tooltip.ts';
import type { MarkKind } from '../page/read-live-page.ts';
import { el, type Child } from './dom.ts';
import { confidenceMark, renderReview } from './confidence-mark.ts';

export type ItemKind = 'all' | 'tasks' | 'targets' | 'units' | 'review';

export interface PlanViewOptions {
  kind?: ItemKind;
  /** Only tasks (and their targets) where this unit leads or is responsible. */
  unit?: string | null;
  onReveal?: (kind: MarkKind, id: string) => void;
  onEditTarget?: (target: TargetExport) => void;
  onRejectTarget?: (target: TargetExport) => void;
  onRenameUnit?: (task: TaskExport, role: UnitRole, name: string) => void;
  /** 更正文字: fix a misread wording throughout the plan (the words selected, if any, prefill it). */
  onFixText?: (selected: string | null) => void;
}

/** The comparator as a column shows it; a range has no symbol of its own, so it shows a dash. */
export function comparatorLabel(op: TargetExport['op']): string {
  return COMPARATOR_SYMBOLS[op] || '–';
}

function metadataList(exp: GovClipExport): HTMLElement {
  const meta = exp.document;
  const rows: Array<[string, string | null]> = [
    [t('metaTitle'), meta.title],
    [t('metaRegion'), meta.region],
    [t('metaIssuers'), meta.issuers.join('、') || null],
    [t('metaDocNumber'), meta.docNumber],
    [t('metaDate'), meta.publishedAt],
    [t('metaPeriod'), meta.period ? `${meta.period.from}–${meta.period.to}` : null],
  ];
  return el('dl', { class: 'meta' }, ...rows.flatMap(([label, value]) => [el('dt', null, label), el('dd', null, value ?? '—')]));
}

/**
 * A roving tab stop: the list is one stop for Tab (its current item), arrow keys, Home and End
 * move within it. The current item follows focus, so Tab comes back to where the reader was.
 */
export function arrowNavigation(list: HTMLElement, selector = 'button.item'): void {
  const items = () => Array.from(list.querySelectorAll<HTMLElement>(selector));
  const makeCurrent = (current: HTMLElement | undefined) => {
    for (const item of items()) item.tabIndex = item === current ? 0 : -1;
  };
  makeCurrent(items()[0]);
  list.addEventListener('focusin', (event) => {
    const item = (event.target as HTMLElement).closest?.(selector) as HTMLElement | null;
    if (item && list.contains(item)) makeCurrent(item);
  });
  list.addEventListener('keydown', (event) => {
    const keys: Record<string, (at: number, last: number) => number> = {
      ArrowDown: (at, last) => Math.min(last, at + 1),
      ArrowUp: (at) => Math.max(0, at - 1),
      Home: () => 0,
      End: (_at, last) => last,
    };
    const move = keys[event.key];
    if (!move) return;
    const all = items();
    const at = all.indexOf(document.activeElement as HTMLElement);
    if (at === -1) return;
    event.preventDefault();
    all[move(at, all.length - 1)]?.focus();
  });
}

function unitChips(task: TaskExport, role: UnitRole, names: readonly string[], options: PlanViewOptions): Child {
  if (names.length === 0) return null;
  return el('div', { class: `units ${role}` },
    el('span', { class: 'label' }, role === 'lead' ? t('leadUnits') : t('responsibleUnits')),
    // One mark per task: on its first row of units.
    role === 'lead' || task.leadUnits.length === 0 ? confidenceMark(task.unitConfidence, task.unitReasons) : null,
    ...names.map((name) => el('span', { class: 'chip' },
      el('button', { class: 'item link', attrs: { type: 'button' }, on: { click: () => options.onReveal?.('unit', name) } }, name),
      options.onRenameUnit
        ? el('button', { class: 'edit', attrs: { type: 'button', title: t('renameUnit'), 'aria-label': `${t('renameUnit')} ${name}` }, on: { click: () => options.onRenameUnit?.(task, role, name) } }, '✎')
        : null)));
}

function targetLine(target: TargetExport, options: PlanViewOptions): HTMLElement {
  return el('li', { class: 'target' },
    el('button', { class: 'item', attrs: { type: 'button', 'data-target-id': target.id }, on: { click: () => options.onReveal?.('target', target.id) } }, describeTarget(target)),
    confidenceMark(target.confidence, target.reasons),
    options.onEditTarget ? el('button', { class: 'edit', attrs: { type: 'button', title: t('editTarget') }, on: { click: () => options.onEditTarget?.(target) } }, '✎') : null,
    options.onRejectTarget ? el('button', { class: 'edit', attrs: { type: 'button', title: t('rejectTarget') }, on: { click: () => options.onRejectTarget?.(target) } }, '✕') : null);
}

function taskTree(exp: GovClipExport, tasks: readonly TaskExport[], options: PlanViewOptions): HTMLElement {
  const targets = new Map(exp.targets.map((target) => [target.id, target]));
  const list = el('ol', { class: 'tasks', attrs: { 'aria-label': t('tasks') } });
  for (const task of tasks) {
    // Depth from the numbering path: 一、 > (一) > 1. > (1).
    list.appendChild(el('li', { class: 'task', attrs: { style: `--depth:${Math.max(0, task.path.length - 1)}` } },
      el('button', { class: 'item', attrs: { type: 'button', 'data-task-id': task.id }, on: { click: () => options.onReveal?.('task', task.id) } },
        el('span', { class: 'path' }, task.path.join('.')), ' ', task.title ?? task.text.slice(0, 40)),
      unitChips(task, 'lead', task.leadUnits, options),
      unitChips(task, 'responsible', task.responsibleUnits, options),
      task.targetIds.length > 0 ? el('ul', { class: 'task-targets' }, ...task.targetIds.map((id) => targets.get(id)).filter((x): x is TargetExport => !!x).map((target) => targetLine(target, options))) : null));
  }
  arrowNavigation(list);
  return list;
}

function targetsTable(targets: readonly TargetExport[], options: PlanViewOptions): HTMLElement {
  const head = el('tr', null, ...[t('colMetric'), t('colOp'), t('colValue'), t('colUnit'), t('colYear'), ''].map((label) => el('th', { attrs: { scope: 'col' } }, label)));
  const body = el('tbody', null, ...targets.map((target) => el('tr', null,
    el('td', null, el('button', { class: 'item link', attrs: { type: 'button', 'data-target-id': target.id, title: target.text }, on: { click: () => options.onReveal?.('target', target.id) } }, target.metric || target.text), confidenceMark(target.confidence, target.reasons)),
    el('td', { class: 'op' }, comparatorLabel(target.op)),
    el('td', { class: 'num' }, target.op === 'range' && target.max !== null ? `${target.value}–${target.max}` : String(target.value)),
    el('td', null, target.unit),
    el('td', { class: 'num' }, target.year === null ? '' : String(target.year)),
    el('td', { class: 'actions' },
      options.onEditTarget ? el('button', { class: 'edit', attrs: { type: 'button', title: t('editTarget'), 'aria-label': t('editTarget') }, on: { click: () => options.onEditTarget?.(target) } }, '✎') : null,
      options.onRejectTarget ? el('button', { class: 'edit', attrs: { type: 'button', title: t('rejectTarget'), 'aria-label': t('rejectTarget') }, on: { click: () => options.onRejectTarget?.(target) } }, '✕') : null))));
  const table = el('table', { class: 'targets', attrs: { 'aria-label': t('targets') } }, el('thead', null, head), body);
  arrowNavigation(table);
  return table;
}

/** The units the filter leaves: the chosen one (by name or canonical name), else all. */
export function unitsShown(exp: GovClipExport, unit: string | null | undefined): GovClipExport['units'] {
  return unit ? exp.units.filter((u) => u.name === unit || u.canonical === unit) : exp.units;
}

function unitsList(exp: GovClipExport, options: PlanViewOptions): HTMLElement {
  const titles = new Map(exp.tasks.map((task) => [task.id, `${task.path.join('.')} ${task.title ?? ''}`.trim()]));
  const list = el('ul', { class: 'unit-list', attrs: { 'aria-label': t('units') } }, ...unitsShown(exp, options.unit).map((unit) => el('li', null,
    el('button', { class: 'item', attrs: { type: 'button' }, on: { click: () => options.onReveal?.('unit', unit.name) } }, unit.name),
    unit.canonical !== unit.name ? el('span', { class: 'canonical' }, ` → ${unit.canonical}`) : null,
    el('span', { class: 'roles' }, ` ${unit.roles.map((role) => (role === 'lead' ? t('roleLead') : t('roleResponsible'))).join('/')} · ${t('taskCount', unit.taskIds.length)}`),
    el('div', { class: 'unit-tasks' }, unit.taskIds.map((id) => titles.get(id) ?? id).join(';')))));
  arrowNavigation(list);
  return list;
}

/** Tasks a unit (by name or canonical name) leads or is responsible for. */
export function tasksOfUnit(exp: GovClipExport, unit: string | null | undefined): TaskExport[] {
  if (!unit) return exp.tasks;
  const names = new Set(exp.units.filter((u) => u.name === unit || u.canonical === unit).map((u) => u.name));
  return exp.tasks.filter((task) => [...task.leadUnits, ...task.responsibleUnits].some((name) => names.has(name)));
}

export function renderPlan(exp: GovClipExport, options: PlanViewOptions = {}): HTMLElement {
  const kind = options.kind ?? 'all';
  const tasks = tasksOfUnit(exp, options.unit);
  const taskIds = new Set(tasks.map((task) => task.id));
  const targets = options.unit ? exp.targets.filter((target) => target.taskId !== null && taskIds.has(target.taskId)) : exp.targets;
  const section = (title: string, count: number, body: HTMLElement) => el('section', null, el('h2', null, `${title} (${count})`), body);
  return el('div', { class: 'plan' },
    metadataList(exp),
    options.onFixText
      ? el('p', { class: 'plan-actions' }, el('button', { attrs: { type: 'button', 'data-action': 'fix-text' }, on: { click: () => options.onFixText?.(window.getSelection()?.toString().trim() || null) } }, t('fixText')))
      : null,
    exp.warnings.length > 0 ? el('ul', { class: 'warnings' }, ...exp.warnings.map((warning) => el('li', null, localiseWarning(warning, (key, params) => t(key, ...params))))) : null,
    kind === 'all' || kind === 'tasks' ? section(t('tasks'), tasks.length, taskTree(exp, tasks, options)) : null,
    kind === 'all' || kind === 'targets' ? section(t('targets'), targets.length, targetsTable(targets, options)) : null,
    kind === 'all' || kind === 'units' ? section(t('units'), unitsShown(exp, options.unit).length, unitsList(exp, options)) : null,
    kind === 'review' ? renderReview(exp, options) : null);
}
