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
  /** A target became the list's current row from the keyboard (arrows, Home, End): the page cursor follows. */
  onCursor?: (targetId: string) => void;
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

/** The buttons of one row: its item, then the row's own correction buttons (✎, ✕). */
function rowOf(button: HTMLElement): { item: HTMLElement; controls: HTMLElement[] } {
  // A unit chip, a target line, a table row; a task heading's row is its item alone.
  const row = button.closest('.chip, li.target, tr');
  const item = (row?.querySelector<HTMLElement>('button.item') ?? button);
  return { item, controls: [item, ...(row ? Array.from(row.querySelectorAll<HTMLElement>('button.edit')) : [])] };
}

/** Makes one button of a roving list its single tab stop. */
export function setTabStop(list: HTMLElement, stop: HTMLElement): void {
  for (const button of Array.from(list.querySelectorAll<HTMLElement>('button'))) button.tabIndex = button === stop ? 0 : -1;
}

export interface ArrowNavigationOptions {
  selector?: string;
  /** An item became current from the keyboard (not a click, not Tab coming back). */
  onMove?: (item: HTMLElement) => void;
}

/**
 * A roving tab stop: the list is one stop for Tab (the button last focused in it), ↑ ↓ Home End
 * move between its items, ← → between an item and its row's correction buttons. Tab leaves the
 * list and comes back to where the reader was.
 */
export function arrowNavigation(list: HTMLElement, options: ArrowNavigationOptions = {}): void {
  const selector = options.selector ?? 'button.item';
  const items = () => Array.from(list.querySelectorAll<HTMLElement>(selector));
  const first = items()[0];
  if (first) setTabStop(list, first);
  list.addEventListener('focusin', (event) => {
    const button = (event.target as HTMLElement).closest?.('button') as HTMLElement | null;
    if (button && list.contains(button)) setTabStop(list, button);
  });
  list.addEventListener('keydown', (event) => {
    const focused = list.ownerDocument.activeElement as HTMLElement | null;
    if (!focused || focused.tagName !== 'BUTTON' || !list.contains(focused)) return;
    const { item, controls } = rowOf(focused);
    if (event.key === 'ArrowLeft' || event.key === 'ArrowRight') {
      const at = controls.indexOf(focused);
      const next = controls[event.key === 'ArrowRight' ? Math.min(controls.length - 1, at + 1) : Math.max(0, at - 1)];
      if (at === -1 || !next) return;
      event.preventDefault();
      next.focus();
      return;
    }
    const keys: Record<string, (at: number, last: number) => number> = {
      ArrowDown: (at, last) => Math.min(last, at + 1),
      ArrowUp: (at) => Math.max(0, at - 1),
      Home: () => 0,
      End: (_at, last) => last,
    };
    const move = keys[event.key];
    if (!move) return;
    const all = items();
    const at = all.indexOf(item);
    if (at === -1) return;
    event.preventDefault();
    const next = all[move(at, all.length - 1)];
    if (!next) return;
    next.focus();
    if (next !== item) options.onMove?.(next);
  });
}

/** The key of a list's button, the same across renders: focus and tab stops survive a filter change. */
function keyed(key: string): Record<string, string> {
  return { 'data-key': key };
}

export interface ListPlaces {
  /** Each list's tab stop, by the list's name. */
  stops: Record<string, string>;
  /** The focused button, if it is in a list. */
  focused: { list: string; key: string } | null;
}

/** Where the reader is in the plan's lists (their tab stops and the focus), to restore after a re-render. */
export function listPlaces(root: ParentNode): ListPlaces {
  const places: ListPlaces = { stops: {}, focused: null };
  for (const list of Array.from(root.querySelectorAll<HTMLElement>('[data-list]'))) {
    const name = list.dataset.list as string;
    const stop = list.querySelector<HTMLElement>('button[tabindex="0"][data-key]');
    if (stop) places.stops[name] = stop.dataset.key as string;
    const active = list.ownerDocument.activeElement as HTMLElement | null;
    if (active && list.contains(active) && active.dataset.key) places.focused = { list: name, key: active.dataset.key };
  }
  return places;
}

/** Puts the tab stops and the focus back where they were, where the same buttons are still shown. */
export function restoreListPlaces(root: ParentNode, places: ListPlaces): void {
  const find = (list: HTMLElement, key: string) => Array.from(list.querySelectorAll<HTMLElement>('button[data-key]')).find((button) => button.dataset.key === key) ?? null;
  for (const list of Array.from(root.querySelectorAll<HTMLElement>('[data-list]'))) {
    const name = list.dataset.list as string;
    const key = places.stops[name];
    const stop = key ? find(list, key) : null;
    if (stop) setTabStop(list, stop);
    if (places.focused?.list === name) find(list, places.focused.key)?.focus({ preventScroll: true });
  }
}

/**
 * Marks the target under the page's cursor in every list that shows it (and makes it that list's
 * tab stop). Returns the row to bring into view, the targets table's first.
 */
export function showCurrentTarget(root: ParentNode, targetId: string | null): HTMLElement | null {
  for (const old of Array.from(root.querySelectorAll<HTMLElement>('button.item.current'))) {
    old.classList.remove('current');
    old.removeAttribute('aria-current');
  }
  if (targetId === null) return null;
  let shown: HTMLElement | null = null;
  for (const list of Array.from(root.querySelectorAll<HTMLElement>('[data-list]'))) {
    const item = Array.from(list.querySelectorAll<HTMLElement>('button.item[data-target-id]')).find((button) => button.dataset.targetId === targetId);
    if (!item) continue;
    item.classList.add('current');
    item.setAttribute('aria-current', 'true');
    // Tab into the list lands on it; the focus itself stays where the reader left it.
    setTabStop(list, item);
    if (!shown || list.dataset.list === 'targets') shown = item;
  }
  return shown;
}

function unitChips(task: TaskExport, role: UnitRole, names: readonly string[], options: PlanViewOptions): Child {
  if (names.length === 0) return null;
  return el('div', { class: `units ${role}` },
    el('span', { class: 'label' }, role === 'lead' ? t('leadUnits') : t('responsibleUnits')),
    // One mark per task: on its first row of units.
    role === 'lead' || task.leadUnits.length === 0 ? confidenceMark(task.unitConfidence, task.unitReasons) : null,
    ...names.map((name) => el('span', { class: 'chip' },
      el('button', { class: 'item link', attrs: { type: 'button', ...keyed(`unit:${task.id}:${role}:${name}`) }, on: { click: () => options.onReveal?.('unit', name) } }, name),
      options.onRenameUnit
        ? el('button', { class: 'edit', attrs: { type: 'button', title: t('renameUnit'), 'aria-label': `${t('renameUnit')} ${name}`, ...keyed(`unit:${task.id}:${role}:${name}:rename`) }, on: { click: () => options.onRenameUnit?.(task, role, name) } }, '✎')
        : null)));
}

function targetLine(target: TargetExport, options: PlanViewOptions): HTMLElement {
  return el('li', { class: 'target' },
    el('button', { class: 'item', attrs: { type: 'button', 'data-target-id': target.id, ...keyed(`target:${target.id}`) }, on: { click: () => options.onReveal?.('target', target.id) } }, describeTarget(target)),
    confidenceMark(target.confidence, target.reasons),
    options.onEditTarget ? el('button', { class: 'edit', attrs: { type: 'button', title: t('editTarget'), ...keyed(`target:${target.id}:edit`) }, on: { click: () => options.onEditTarget?.(target) } }, '✎') : null,
    options.onRejectTarget ? el('button', { class: 'edit', attrs: { type: 'button', title: t('rejectTarget'), ...keyed(`target:${target.id}:reject`) }, on: { click: () => options.onRejectTarget?.(target) } }, '✕') : null);
}

function taskTree(exp: GovClipExport, tasks: readonly TaskExport[], options: PlanViewOptions): HTMLElement {
  const targets = new Map(exp.targets.map((target) => [target.id, target]));
  const list = el('ol', { class: 'tasks', attrs: { 'aria-label': t('tasks'), 'data-list': 'tasks' } });
  for (const task of tasks) {
    // Depth from the numbering path: 一、 > (一) > 1. > (1).
    list.appendChild(el('li', { class: 'task', attrs: { style: `--depth:${Math.max(0, task.path.length - 1)}` } },
      el('button', { class: 'item', attrs: { type: 'button', 'data-task-id': task.id, ...keyed(`task:${task.id}`) }, on: { click: () => options.onReveal?.('task', task.id) } },
        el('span', { class: 'path' }, task.path.join('.')), ' ', task.title ?? task.text.slice(0, 40)),
      unitChips(task, 'lead', task.leadUnits, options),
      unitChips(task, 'responsible', task.responsibleUnits, options),
      task.targetIds.length > 0 ? el('ul', { class: 'task-targets' }, ...task.targetIds.map((id) => targets.get(id)).filter((x): x is TargetExport => !!x).map((target) => targetLine(target, options))) : null));
  }
  arrowNavigation(list, { onMove: targetCursor(options) });
  return list;
}

/** Arrowing onto a target moves the page's cursor there. */
function targetCursor(options: PlanViewOptions): (item: HTMLElement) => void {
  return (item) => {
    if (item.dataset.targetId) options.onCursor?.(item.dataset.targetId);
  };
}

function targetsTable(targets: readonly TargetExport[], options: PlanViewOptions): HTMLElement {
  const head = el('tr', null, ...[t('colMetric'), t('colOp'), t('colValue'), t('colUnit'), t('colYear'), ''].map((label) => el('th', { attrs: { scope: 'col' } }, label)));
  const body = el('tbody', null, ...targets.map((target) => el('tr', null,
    el('td', null, el('button', { class: 'item link', attrs: { type: 'button', 'data-target-id': target.id, title: target.text, ...keyed(`target:${target.id}`) }, on: { click: () => options.onReveal?.('target', target.id) } }, target.metric || target.text), confidenceMark(target.confidence, target.reasons)),
    el('td', { class: 'op' }, comparatorLabel(target.op)),
    el('td', { class: 'num' }, target.op === 'range' && target.max !== null ? `${target.value}–${target.max}` : String(target.value)),
    el('td', null, target.unit),
    el('td', { class: 'num' }, target.year === null ? '' : String(target.year)),
    el('td', { class: 'actions' },
      options.onEditTarget ? el('button', { class: 'edit', attrs: { type: 'button', title: t('editTarget'), 'aria-label': t('editTarget'), ...keyed(`target:${target.id}:edit`) }, on: { click: () => options.onEditTarget?.(target) } }, '✎') : null,
      options.onRejectTarget ? el('button', { class: 'edit', attrs: { type: 'button', title: t('rejectTarget'), 'aria-label': t('rejectTarget'), ...keyed(`target:${target.id}:reject`) }, on: { click: () => options.onRejectTarget?.(target) } }, '✕') : null))));
  const table = el('table', { class: 'targets', attrs: { 'aria-label': t('targets'), 'data-list': 'targets' } }, el('thead', null, head), body);
  arrowNavigation(table, { onMove: targetCursor(options) });
  return table;
}

/** The units the filter leaves: the chosen one (by name or canonical name), else all. */
export function unitsShown(exp: GovClipExport, unit: string | null | undefined): GovClipExport['units'] {
  return unit ? exp.units.filter((u) => u.name === unit || u.canonical === unit) : exp.units;
}

function unitsList(exp: GovClipExport, options: PlanViewOptions): HTMLElement {
  const titles = new Map(exp.tasks.map((task) => [task.id, `${task.path.join('.')} ${task.title ?? ''}`.trim()]));
  const list = el('ul', { class: 'unit-list', attrs: { 'aria-label': t('units'), 'data-list': 'units' } }, ...unitsShown(exp, options.unit).map((unit) => el('li', null,
    el('button', { class: 'item', attrs: { type: 'button', ...keyed(`units:${unit.name}`) }, on: { click: () => options.onReveal?.('unit', unit.name) } }, unit.name),
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

/** 待核对, one tab stop like the other lists. */
function reviewList(exp: GovClipExport, options: PlanViewOptions): HTMLElement {
  const review = renderReview(exp, options);
  const list = review.querySelector<HTMLElement>('ul.review');
  if (list) arrowNavigation(list, { onMove: targetCursor(options) });
  return review;
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
    kind === 'review' ? reviewList(exp, options) : null);
}
