// The forms a user corrects an item with: a target's parse, a unit's name, a missed target. Each
// resolves to what the user entered, or null when cancelled.
import type { Comparator, TargetExport } from '../../../shared/schema.ts';
import { comparatorSchema } from '../../../shared/schema.ts';
import { t } from '../i18n.ts';
import { el } from './dom.ts';
import { comparatorLabel } from './plan-view.ts';

export interface TargetFieldsInput {
  metric: string;
  op: Comparator;
  value: number;
  max: number | null;
  unit: string;
  year: number | null;
}

function field(label: string, input: HTMLElement): HTMLElement {
  return el('label', { class: 'field' }, el('span', null, label), input);
}

function openDialog<T>(title: string, body: HTMLElement[], read: () => T | string): Promise<T | null> {
  return new Promise((resolve) => {
    const error = el('p', { class: 'error', attrs: { role: 'alert' } });
    const form = el('form', { attrs: { method: 'dialog' } },
      el('h2', null, title), ...body, error,
      el('div', { class: 'buttons' },
        el('button', { attrs: { type: 'button', value: 'cancel' }, on: { click: () => dialog.close('cancel') } }, t('cancel')),
        el('button', { class: 'primary', attrs: { type: 'submit', value: 'ok' } }, t('save'))));
    const dialog = el('dialog', { class: 'correction' }, form);
    form.addEventListener('submit', (event) => {
      const result = read();
      if (typeof result === 'string') {
        event.preventDefault();
        error.textContent = result;
        return;
      }
      resolved = result;
    });
    let resolved: T | null = null;
    dialog.addEventListener('close', () => {
      dialog.remove();
      resolve(dialog.returnValue === 'ok' ? resolved : null);
    });
    document.body.appendChild(dialog);
    dialog.showModal();
  });
}

function numberOrNull(value: string): number | null | 'invalid' {
  if (value.trim() === '') return null;
  const n = Number(value);
  return Number.isFinite(n) ? n : 'invalid';
}

function targetInputs(initial: Partial<TargetFieldsInput>) {
  const metric = el('input', { attrs: { name: 'metric', value: initial.metric ?? '', required: true } });
  const op = el('select', { attrs: { name: 'op' } }, ...comparatorSchema.options.map((option) => el('option', { attrs: { value: option, selected: option === (initial.op ?? '>=') } }, `${comparatorLabel(option)} ${option}`)));
  const value = el('input', { attrs: { name: 'value', inputmode: 'decimal', value: initial.value ?? '', required: true } });
  const max = el('input', { attrs: { name: 'max', inputmode: 'decimal', value: initial.max ?? '' } });
  const unit = el('input', { attrs: { name: 'unit', value: initial.unit ?? '' } });
  const year = el('input', { attrs: { name: 'year', inputmode: 'numeric', value: initial.year ?? '' } });
  const fields = [field(t('colMetric'), metric), field(t('colOp'), op), field(t('colValue'), value), field(t('colMax'), max), field(t('colUnit'), unit), field(t('colYear'), year)];
  const read = (): TargetFieldsInput | string => {
    const v = numberOrNull(value.value);
    const m = numberOrNull(max.value);
    const y = numberOrNull(year.value);
    if (v === null || v === 'invalid') return t('errorValue');
    if (m === 'invalid') return t('errorValue');
    if (y === 'invalid' || (y !== null && !Number.isInteger(y))) return t('errorYear');
    return { metric: metric.value.trim(), op: op.value as Comparator, value: v, max: m, unit: unit.value.trim(), year: y };
  };
  return { fields, read };
}

export function editTargetDialog(target: TargetExport): Promise<Partial<TargetFieldsInput> | null> {
  const { fields, read } = targetInputs(target);
  return openDialog(t('editTarget'), [el('p', { class: 'quote' }, target.text), ...fields], () => {
    const next = read();
    if (typeof next === 'string') return next;
    // Only what changed: the correction then survives an extractor fix to the other fields.
    const changes: Partial<TargetFieldsInput> = {};
    for (const key of Object.keys(next) as Array<keyof TargetFieldsInput>) {
      if (next[key] !== target[key]) (changes as Record<string, unknown>)[key] = next[key];
    }
    return Object.keys(changes).length === 0 ? t('errorNoChange') : changes;
  });
}

export function addTargetDialog(selectedText: string): Promise<(TargetFieldsInput & { text: string }) | null> {
  const text = el('textarea', { attrs: { name: 'text', rows: 3, required: true } }, selectedText);
  const { fields, read } = targetInputs({});
  return openDialog(t('addTarget'), [field(t('colText'), text), ...fields], () => {
    const next = read();
    if (typeof next === 'string') return next;
    if (text.value.trim() === '') return t('errorText');
    return { ...next, text: text.value.trim() };
  });
}

export function renameUnitDialog(name: string): Promise<string | null> {
  const input = el('input', { attrs: { name: 'unit', value: name, required: true } });
  return openDialog(t('renameUnit'), [field(t('unitName'), input)], () => {
    const next = input.value.trim();
    if (next === '') return t('errorText');
    return next === name ? t('errorNoChange') : next;
  });
}
