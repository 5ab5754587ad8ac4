// @vitest-environment jsdom
// The correction forms save what the user typed: a new unit name is a value, not an error.
import { beforeAll, describe, expect, it, vi } from 'vitest';
vi.mock('wxt/browser', async () => ({ browser: (await import('./support/locale-browser.ts')).localeBrowser() }));
import { addTargetDialog, editTargetDialog, renameUnitDialog } from '../../extension/lib/ui/correction-dialog.ts';
import type { TargetExport } from '../../shared/schema.ts';

beforeAll(() => {
  // jsdom has <dialog> without its methods: the smallest faithful stand-in.
  Object.assign(HTMLDialogElement.prototype, {
    showModal(this: HTMLDialogElement) {
      this.setAttribute('open', '');
    },
    close(this: HTMLDialogElement, value?: string) {
      if (value !== undefined) this.returnValue = value;
      this.removeAttribute('open');
      this.dispatchEvent(new Event('close'));
    },
  });
});

function openForm(): { form: HTMLFormElement; input: (name: string) => HTMLInputElement; error: () => string } {
  const form = document.querySelector('dialog form') as HTMLFormElement;
  return {
    form,
    input: (name) => form.querySelector(`[name="${name}"]`) as HTMLInputElement,
    error: () => form.querySelector('.error')?.textContent ?? '',
  };
}

describe('the correction forms', () => {
  it('saves a renamed unit when the user presses 保存 (or Enter)', async () => {
    const result = renameUnitDialog('省文明');
    const { form, input } = openForm();
    input('unit').value = '省文明办';
    form.requestSubmit();
    await expect(result).resolves.toBe('省文明办');
    expect(document.querySelector('dialog')).toBeNull();
  });

  it('keeps the form open with a message when nothing changed', async () => {
    const result = renameUnitDialog('省文明办');
    const { form, error } = openForm();
    form.requestSubmit();
    expect(error()).not.toBe('');
    expect(document.querySelector('dialog')).not.toBeNull();
    (document.querySelector('dialog') as HTMLDialogElement).close('cancel');
    await expect(result).resolves.toBeNull();
  });

  it('saves only the fields of a target that changed', async () => {
    const target: TargetExport = { id: 'g1', taskId: null, text: '新开工安置房15546套', metric: '新开工安置房', op: '=', value: 15546, max: null, unit: '套', year: null, span: [0, 12] };
    const result = editTargetDialog(target);
    const { form, input } = openForm();
    input('year').value = '2024';
    form.requestSubmit();
    await expect(result).resolves.toEqual({ year: 2024 });
  });

  it('adds a target from the selected text', async () => {
    const result = addTargetDialog({ text: '新开工安置房15546套', span: [40, 52] });
    const { form, input } = openForm();
    expect((form.querySelector('[name="text"]') as HTMLTextAreaElement).value).toBe('新开工安置房15546套');
    input('metric').value = '新开工安置房';
    input('value').value = '15546';
    input('unit').value = '套';
    form.requestSubmit();
    await expect(result).resolves.toMatchObject({ text: '新开工安置房15546套', span: [40, 52], metric: '新开工安置房', value: 15546, unit: '套' });
  });
});
