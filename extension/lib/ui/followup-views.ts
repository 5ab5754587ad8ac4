// The library's follow-up views over the shared core: 时间表 (the selected plans' dated tasks and
// targets by month, overdue marked, standing duties apart, filter by unit) and 版本对比 (a plan
// version against the one before it). Items call back to open their task in its plan.
import { monthLabel, type Timeline, type TimelineItem } from '../../../shared/timeline/timeline.ts';
import { taskChangeLines, taskName, targetChangeLine } from '../../../shared/plan-diff/diff.ts';
import type { PlanDiff, TaskRef } from '../../../shared/plan-diff/schema.ts';
import { t } from '../i18n.ts';
import { el } from './dom.ts';

export interface TimelineViewOptions {
  /** Opens the item's plan with its task (or target) revealed in the source text. */
  onOpen?: (item: TimelineItem) => void;
}

function itemRow(item: TimelineItem, options: TimelineViewOptions, withStatus: boolean): HTMLElement {
  return el('tr', { class: item.overdue ? 'overdue' : '' },
    withStatus ? el('td', { attrs: { title: item.overdue ? t('overdue') : '' } }, item.overdue ? '⚠' : '') : null,
    el('td', null, item.plan),
    el('td', null, el('button', { class: 'item link', attrs: { type: 'button', 'data-plan-id': item.planId, 'data-task-id': item.taskId ?? '' }, on: { click: () => options.onOpen?.(item) } },
      `${item.path.join('')} ${item.title}`.trim())),
    el('td', null, item.kind === 'task' ? item.text : `${monthLabel(item.by as string)} · ${t('timelineTarget')}`),
    el('td', { class: 'why' }, [item.leadUnits.join('、'), item.responsibleUnits.join('、')].filter(Boolean).join(' / ')));
}

function table(items: readonly TimelineItem[], options: TimelineViewOptions, withStatus: boolean): HTMLElement {
  const head = [withStatus ? '' : null, t('colPlan'), t('tasks'), t('colDeadline'), t('units')].filter((h): h is string => h !== null);
  return el('table', null, el('thead', null, el('tr', null, ...head.map((h) => el('th', { attrs: { scope: 'col' } }, h)))),
    el('tbody', null, ...items.map((item) => itemRow(item, options, withStatus))));
}

export function renderTimelineView(timeline: Timeline, options: TimelineViewOptions = {}): HTMLElement {
  const box = el('div', { class: 'followup timeline' }, el('p', { class: 'note' }, t('timelineToday', timeline.today)));
  const months = new Map<string, TimelineItem[]>();
  for (const item of timeline.dated) {
    const label = monthLabel(item.by as string);
    const list = months.get(label);
    if (list) list.push(item);
    else months.set(label, [item]);
  }
  for (const [label, items] of months) box.append(el('h3', { class: 'month' }, label), table(items, options, true));
  if (timeline.dated.length === 0) box.append(el('p', { class: 'note' }, t('timelineEmpty')));
  if (timeline.ongoing.length > 0) box.append(el('h3', { class: 'month' }, t('timelineOngoing')), table(timeline.ongoing, options, false));
  if (timeline.undated.length > 0) box.append(el('h3', { class: 'month' }, t('timelineUndated')), table(timeline.undated, options, false));
  return box;
}

export interface DiffViewOptions {
  onOpen?: (side: 'old' | 'new', task: TaskRef) => void;
}

export function renderDiffView(diff: PlanDiff, options: DiffViewOptions = {}): HTMLElement {
  const link = (side: 'old' | 'new', ref: TaskRef) =>
    el('button', { class: 'item link', attrs: { type: 'button', 'data-task-id': ref.id }, on: { click: () => options.onOpen?.(side, ref) } }, taskName(ref));
  const box = el('div', { class: 'followup diff' },
    el('p', { class: 'note' }, t('diffSummary', diff.unchanged, diff.added.length, diff.removed.length, diff.changed.length)));
  if (diff.added.length > 0) box.append(el('h3', null, t('diffAdded')), el('ul', null, ...diff.added.map((ref) => el('li', null, link('new', ref)))));
  if (diff.removed.length > 0) box.append(el('h3', null, t('diffRemoved')), el('ul', null, ...diff.removed.map((ref) => el('li', null, link('old', ref)))));
  if (diff.changed.length > 0) {
    box.append(el('h3', null, t('diffChanged')), el('ul', null, ...diff.changed.map((change) => el('li', null,
      link('new', change.new),
      el('ul', null, ...taskChangeLines({ ...change, text: null }).map((line) => el('li', null, line)),
        change.text ? el('li', null, t('diffWording'), ': ', ...change.text.map((part) => (part.op === 'equal' ? part.text : el(part.op === 'delete' ? 'del' : 'ins', null, part.text)))) : null)))));
  }
  if (diff.targets.length > 0) box.append(el('h3', null, t('diffTargetsOutside')), el('ul', null, ...diff.targets.map((c) => el('li', null, targetChangeLine(c)))));
  return box;
}
