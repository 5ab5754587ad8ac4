// The confidence of a target or of a task's units as the panel shows it: nothing for `high`, a
// mark for `medium` (?) and `low` (!) whose tooltip says why, and the 待核对 list of low items.
import type { ConfidenceLevel, GovClipExport, TargetExport, TaskExport } from '../../../shared/schema.ts';
import { t } from '../i18n.ts';
import type { MarkKind } from '../page/read-live-page.ts';
import { describeTarget } from '../page/tooltip.ts';
import { el } from './dom.ts';

/** A reason code (bare-count) as the user reads it; unknown codes show as written. */
export function reasonText(code: string): string {
  const key = `reason_${code.replace(/-/g, '_')}`;
  const text = t(key);
  return text === key ? code : text;
}

export function confidenceMark(level: ConfidenceLevel | undefined, reasons: readonly string[] | undefined): HTMLElement | null {
  if (level === undefined || level === 'high') return null;
  const why = (reasons ?? []).map(reasonText).join('; ');
  const label = `${level === 'low' ? t('confidenceLow') : t('confidenceMedium')}: ${why}`;
  return el('span', { class: `conf conf-${level}`, attrs: { title: label, 'aria-label': label, role: 'img', 'data-confidence': level } }, level === 'low' ? '!' : '?');
}

export interface ReviewOptions {
  onReveal?: (kind: MarkKind, id: string) => void;
}

/** 待核对: the targets and the tasks' units rated low, with why, each a click from its place in the page. */
export function renderReview(exp: GovClipExport, options: ReviewOptions = {}): HTMLElement {
  const targets = exp.targets.filter((target: TargetExport) => target.confidence === 'low');
  const tasks = exp.tasks.filter((task: TaskExport) => task.unitConfidence === 'low');
  const list = el('ul', { class: 'review', attrs: { 'aria-label': t('review'), 'data-list': 'review' } },
    ...targets.map((target) => el('li', null,
      el('button', { class: 'item', attrs: { type: 'button', 'data-target-id': target.id, 'data-key': `target:${target.id}` }, on: { click: () => options.onReveal?.('target', target.id) } }, describeTarget(target)),
      el('div', { class: 'why' }, (target.reasons ?? []).map(reasonText).join('; ')))),
    ...tasks.map((task) => el('li', null,
      el('button', { class: 'item', attrs: { type: 'button', 'data-task-id': task.id, 'data-key': `task:${task.id}` }, on: { click: () => options.onReveal?.('task', task.id) } },
        `${task.path.join('.')} ${task.title ?? ''} · ${[...task.leadUnits, ...task.responsibleUnits].join('、')}`),
      el('div', { class: 'why' }, (task.unitReasons ?? []).map(reasonText).join('; ')))));
  return el('section', null, el('h2', null, `${t('review')} (${targets.length + tasks.length})`),
    targets.length + tasks.length === 0 ? el('p', { class: 'note' }, t('reviewNone')) : list);
}
