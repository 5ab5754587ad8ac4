// Correcting a plan from any view that shows one (the side panel beside its page, an attachment's
// page, the library): the same forms, the same store call, the same messages. Each view says
// which plan version it corrects and what to do once a correction is saved.
import type { GovClipExport } from '../../../shared/schema.ts';
import { t } from '../i18n.ts';
import { addCorrection, CorrectionError, targetKeyOf, taskKeyOf, type CorrectionInput, type GovClipDB } from '../store/index.ts';
import { addTargetDialog, editTargetDialog, fixTextDialog, renameUnitDialog, type SelectedText } from './correction-dialog.ts';
import type { PlanViewOptions } from './plan-view.ts';

export interface CorrectionHost {
  db: GovClipDB;
  /** The library plan version the corrections go to; a view may capture the plan first. Null: none. */
  planId(): Promise<string | null>;
  /** The plan as the user sees it (corrections applied): items are keyed from it. */
  shown(): GovClipExport | null;
  /** After a correction is stored: show the corrected plan (and page). */
  saved(planId: string): Promise<void>;
  say(message: string): void;
}

/** A correction's failure in the user's language: the store's code picks the message. */
export function correctionFailure(error: unknown): string {
  const detail = error instanceof CorrectionError ? t(`correctionError_${error.code}`) : (error as Error)?.message ?? String(error);
  return `${t('correctionFailed')}: ${detail}`;
}

export async function saveCorrection(host: CorrectionHost, input: CorrectionInput): Promise<boolean> {
  try {
    const planId = await host.planId();
    if (!planId) return false;
    await addCorrection(host.db, planId, input);
    host.say(t('correctionSaved'));
    await host.saved(planId);
    return true;
  } catch (error) {
    host.say(correctionFailure(error));
    return false;
  }
}

/** The plan view's correction buttons, wired to the forms and the store. */
export function correctionActions(host: CorrectionHost): Pick<PlanViewOptions, 'onEditTarget' | 'onRejectTarget' | 'onRenameUnit' | 'onFixText'> {
  const shown = () => {
    const exp = host.shown();
    if (!exp) throw new CorrectionError('no plan shown', 'noItem');
    return exp;
  };
  return {
    onEditTarget: async (target) => {
      const changes = await editTargetDialog(target);
      if (changes) await saveCorrection(host, { kind: 'editTarget', target: targetKeyOf(shown(), target.id), changes });
    },
    onRejectTarget: (target) => {
      void saveCorrection(host, { kind: 'rejectTarget', target: targetKeyOf(shown(), target.id) });
    },
    onRenameUnit: async (task, role, name) => {
      const to = await renameUnitDialog(name);
      if (to) await saveCorrection(host, { kind: 'renameUnit', task: taskKeyOf(shown(), task.id), role, from: name, to });
    },
    onFixText: async (selected) => {
      const fix = await fixTextDialog(selected ?? '');
      if (fix) await saveCorrection(host, { kind: 'fixText', ...fix });
    },
  };
}

/** 补充指标: a missed target from the selected words (their span when they are on the plan's text). */
export async function addMissedTarget(host: CorrectionHost, selected: SelectedText): Promise<boolean> {
  const fields = await addTargetDialog(selected);
  if (!fields) return false;
  const { span, ...target } = fields;
  return saveCorrection(host, { kind: 'addTarget', target: { ...target, span } });
}
