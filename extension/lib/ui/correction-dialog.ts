// The forms a user corrects an item with: a target's parse, a unit's name, a missed target. Each
// resolves to what the user entered, or null when cancelled.
import type { Comparator, Span, TargetExport } from '../../../shared/schema.ts';
import { comparatorSchema } from '../../../shared/schema.ts';
import { extractTargets } from '../../../shared/targets/targets.ts';
import { t } from '../i18n.ts';
import { el } from './dom.ts';

export interface TargetFieldsInput {
  metric: string;
  op: Comparator;
  value: number;
  max: number | null;
  unit: string;
  year: number | null;
}

/** What a form's reader makes of the fields: the value to save, or the message to show. */
export type FormReading<T> = { ok: true; value: T } | { ok: false; message: string };

const ok = <T>(value: T): FormReading<T> => ({ ok: true, value });
const invalid = (message: string): FormReading<never> => ({ ok: false, message });

function field(label: string, input: HTMLElement): HTMLElement {
  return el('label', { class: 'field' }, el('span', null, label), input);
}

// The reader says explicitly whether it read a value or an error: a value may itself be a string
// (a unit's new name), so a string cannot mean "error".
function openDialog<T>(title: string, body: HTMLElement[], read: () => FormReading<T>): Promise<T | null> {
  return new Promise((resolve) => {
    const error = el('p', { class: 'error', attrs: { role: 'alert' } });
    const form = el('form', { attrs: { method: 'dialog' } },
      el('h2', null, title), ...body, error,
      el('div', { class: 'buttons' },
        el('button', { attrs: { type: 'button', value: 'cancel' }, on: { click: () => dialog.close('cancel') } }, t('cancel')),
        el('button', { class: 'primary', attrs: { type: 'submit', value: 'ok' } }, t('save'))));
    const dialog = el('dialog', { class: 'correction' }, form);
    form.addEventListener('submit', (event) => {
      // Closed here rather than by method=dialog, so Enter and 保存 behave the same everywhere.
      event.preventDefault();
      const result = read();
      if (!result.ok) {
        error.textContent = result.message;
        return;
      }
      resolved = result.value;
      dialog.close('ok');
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

const COMPARATOR_KEYS: Readonly<Record<Comparator, string>> = {
  '>=': 'opAtLeast', '>': 'opAbove', '<=': 'opAtMost', '<': 'opBelow', '=': 'opEqual', range: 'opRange', '~': 'opAbout', increase: 'opIncrease', decrease: 'opDecrease',
};

/** A comparator as a reader names it: `≥ 不低于`, `– 区间`, never the code word. */
export function comparatorChoice(op: Comparator): string {
  return t(COMPARATOR_KEYS[op]);
}

function targetInputs(initial: Partial<TargetFieldsInput>) {
  const metric = el('input', { attrs: { name: 'metric', value: initial.metric ?? '', required: true } });
  const op = el('select', { attrs: { name: 'op' } }, ...comparatorSchema.options.map((option) => el('option', { attrs: { value: option, selected: option === (initial.op ?? '>=') } }, comparatorChoice(option))));
  const value = el('input', { attrs: { name: 'value', inputmode: 'decimal', value: initial.value ?? '', required: true } });
  const max = el('input', { attrs: { name: 'max', inputmode: 'decimal', value: initial.max ?? '' } });
  const unit = el('input', { attrs: { name: 'unit', value: initial.unit ?? '' } });
  const year = el('input', { attrs: { name: 'year', inputmode: 'numeric', value: initial.year ?? '' } });
  const fields = [field(t('colMetric'), metric), field(t('colOp'), op), field(t('colValue'), value), field(t('colMax'), max), field(t('colUnit'), unit), field(t('colYear'), year)];
  const read = (): FormReading<TargetFieldsInput> => {
    const v = numberOrNull(value.value);
    const m = numberOrNull(max.value);
    const y = numberOrNull(year.value);
    if (v === null || v === 'invalid') return invalid(t('errorValue'));
    if (m === 'invalid') return invalid(t('errorValue'));
    if (y === 'invalid' || (y !== null && !Number.isInteger(y))) return invalid(t('errorYear'));
    return ok({ metric: metric.value.trim(), op: op.value as Comparator, value: v, max: m, unit: unit.value.trim(), year: y });
  };
  return { fields, read };
}

export function editTargetDialog(target: TargetExport): Promise<Partial<TargetFieldsInput> | null> {
  const { fields, read } = targetInputs(target);
  return openDialog(t('editTarget'), [el('p', { class: 'quote' }, target.text), ...fields], () => {
    const next = read();
    if (!next.ok) return next;
    // Only what changed: the correction then survives an extractor fix to the other fields.
    const changes: Partial<TargetFieldsInput> = {};
    for (const key of Object.keys(next.value) as Array<keyof TargetFieldsInput>) {
      if (next.value[key] !== target[key]) (changes as Record<string, unknown>)[key] = next.value[key];
    }
    return Object.keys(changes).length === 0 ? invalid(t('errorNoChange')) : ok(changes);
  });
}

/** The selection a missed target is added from: its text as the plan reads it, and where it is. */
export interface SelectedText {
  text: string;
  /** Offsets in document.text; null when the selection is not on the plan's text. */
  span: Span | null;
}

/** A first guess at the fields from the selected words, so the user corrects rather than types. */
export function guessTargetFields(text: string): Partial<TargetFieldsInput> {
  const [draft] = extractTargets(text, { excluded: [], headingsAt: () => [] });
  if (draft) return { metric: draft.metric, op: draft.op, value: draft.value, max: draft.max, unit: draft.unit, year: draft.year };
  // What the extractor passes over (a bare count without a verb): the first number, the words before it, the unit after.
  const bare = /^(.*?)(\d+(?:\.\d+)?)\s*([^\d\s,，。;；、:：()（）]{0,2})/u.exec(text);
  if (!bare) return {};
  return { metric: (bare[1] ?? '').replace(/[\s,，:：]+$/u, ''), op: '=', value: Number(bare[2]), unit: bare[3] ?? '' };
}

export function addTargetDialog(selected: SelectedText): Promise<(TargetFieldsInput & { text: string; span: Span | null }) | null> {
  const text = el('textarea', { attrs: { name: 'text', rows: 3, required: true } }, selected.text);
  const { fields, read } = targetInputs(guessTargetFields(selected.text));
  return openDialog(t('addTarget'), [field(t('colText'), text), ...fields], () => {
    const next = read();
    if (!next.ok) return next;
    const quote = text.value.trim();
    if (quote === '') return invalid(t('errorText'));
    // The selection's place holds only while the user keeps its words; edited words are found by text.
    return ok({ ...next.value, text: quote, span: quote === selected.text ? selected.span : null });
  });
}

export function renameUnitDialog(name: string): Promise<string | null> {
  const input = el('input', { attrs: { name: 'unit', value: name, required: true } });
  return openDialog(t('renameUnit'), [field(t('unitName'), input)], () => {
    const next = input.value.trim();
    if (next === '') return invalid(t('errorText'));
    return next === name ? invalid(t('errorNoChange')) : ok(next);
  });
}

/** 更正文字: a misread wording (an OCR slip) and what it should say, fixed throughout the plan. */
export function fixTextDialog(selected: string): Promise<{ from: string; to: string } | null> {
  const from = el('input', { attrs: { name: 'from', value: selected, required: true } });
  const to = el('input', { attrs: { name: 'to', value: selected } });
  return openDialog(t('fixText'), [el('p', { class: 'hint' }, t('fixTextHint')), field(t('fixTextFrom'), from), field(t('fixTextTo'), to)], () => {
    const wrong = from.value.trim();
    const right = to.value.trim();
    if (wrong === '') return invalid(t('errorText'));
    return wrong === right ? invalid(t('errorNoChange')) : ok({ from: wrong, to: right });
  });
}
