// Corrections kept with a captured plan: one row each, applied in order on read. Adding or
// removing one rewrites the plan's summary, so search and counts show the corrected plan.
import type { GovClipExport } from '../../../shared/schema.ts';
import { describeIssues } from '../../../shared/validation.ts';
import { applyCorrectionsDetailed, CorrectionError } from './apply-corrections.ts';
import { latestVersionOf } from './capture.ts';
import { correctedParts, entryExport } from './entries.ts';
import type { GovClipDB } from './db.ts';
import { summarise } from './summary.ts';
import { correctionSchema, type Correction, type CorrectionInput, type DocumentRow, type PlanSummary, type StoredCorrection } from './types.ts';

export { applyCorrections, applyCorrectionsDetailed, CorrectionError, rebaseCorrection, targetKeyOf, taskKeyOf } from './apply-corrections.ts';
export type { CorrectionOutcome } from './apply-corrections.ts';

export class PlanNotFoundError extends Error {
  override name = 'PlanNotFoundError';
  constructor(planId: string) {
    super(`no plan ${planId} in the library`);
  }
}

/** A plan's corrections in the order they apply. */
export async function listCorrections(db: GovClipDB, planId: string): Promise<StoredCorrection[]> {
  const rows = await db.corrections.where('planId').equals(planId).toArray();
  return rows.sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1));
}

/**
 * Recomputes a summary's derived fields from its document and corrections (inside a
 * transaction): a page's from its entry (its attachments' plan when the page is only a notice),
 * and an attachment's page entry along with it.
 */
export async function rewriteSummary(db: GovClipDB, summary: PlanSummary, document: DocumentRow, patch: Partial<PlanSummary> = {}): Promise<PlanSummary> {
  const corrections = await listCorrections(db, summary.id);
  const corrected = applyCorrectionsDetailed(document.export, corrections.map((c) => c.correction)).export;
  const base = { ...summary, ...patch };
  const next = summarise(base, base.partOf ? corrected : entryExport(corrected, await correctedParts(db, base.url)));
  await db.plans.put(next);
  if (base.partOf) await refreshEntry(db, base.partOf);
  return next;
}

/** Rewrites the summary of the page at `url` (its latest version), after one of its attachments changed. */
export async function refreshEntry(db: GovClipDB, url: string): Promise<void> {
  const page = await latestVersionOf(db, url);
  if (!page || page.partOf) return;
  const document = await db.documents.get(page.id);
  if (document) await rewriteSummary(db, page, document);
}

async function loadRows(db: GovClipDB, planId: string): Promise<{ summary: PlanSummary; document: DocumentRow }> {
  const [summary, document] = await Promise.all([db.plans.get(planId), db.documents.get(planId)]);
  if (!summary || !document) throw new PlanNotFoundError(planId);
  return { summary, document };
}

/**
 * Records a correction on a plan version. It must find its item in the plan as it stands (with
 * the earlier corrections applied), else it is refused: a correction that changes nothing is a
 * UI bug worth seeing. `now` is injectable for tests.
 */
export async function addCorrection(db: GovClipDB, planId: string, input: CorrectionInput, now: number = Date.now()): Promise<StoredCorrection> {
  const parsed = correctionSchema.safeParse(input);
  if (!parsed.success) throw new CorrectionError(`malformed correction: ${describeIssues(parsed.error)}`, 'malformed');
  const correction: Correction = parsed.data;
  return db.transaction('rw', db.plans, db.documents, db.corrections, async () => {
    const { summary, document } = await loadRows(db, planId);
    const existing = await listCorrections(db, planId);
    const outcome = applyCorrectionsDetailed(document.export, [...existing.map((c) => c.correction), correction]);
    if (!outcome.applied.at(-1)) throw new CorrectionError(`the ${correction.kind} correction does not match any item of this plan`, 'noMatch');
    // Strictly increasing per plan, so two corrections in the same millisecond keep their order.
    const createdAt = Math.max(now, (existing.at(-1)?.createdAt ?? 0) + 1);
    const row: StoredCorrection = { id: crypto.randomUUID(), planId, createdAt, correction };
    await db.corrections.add(row);
    await rewriteSummary(db, summary, document, { updatedAt: Math.max(now, summary.updatedAt) });
    return row;
  });
}

/** Undoes one correction (by the id addCorrection returned). */
export async function removeCorrection(db: GovClipDB, correctionId: string, now: number = Date.now()): Promise<void> {
  await db.transaction('rw', db.plans, db.documents, db.corrections, async () => {
    const row = await db.corrections.get(correctionId);
    if (!row) return;
    await db.corrections.delete(correctionId);
    const { summary, document } = await loadRows(db, row.planId);
    await rewriteSummary(db, summary, document, { updatedAt: Math.max(now, summary.updatedAt) });
  });
}

/**
 * The corrections of the page at `url` as it reads now: those of the newest stored version when
 * that version holds the same text (by its sha256), else none (the page changed since).
 */
export async function correctionsForPage(db: GovClipDB, url: string, contentHash: string): Promise<Correction[]> {
  const latest = await latestVersionOf(db, url);
  if (!latest || latest.contentHash !== contentHash) return [];
  return (await listCorrections(db, latest.id)).map((row) => row.correction);
}

/** The export of a plan version with its corrections applied. */
export async function correctedExport(db: GovClipDB, planId: string): Promise<GovClipExport> {
  return db.transaction('r', db.documents, db.corrections, async () => {
    const document = await db.documents.get(planId);
    if (!document) throw new PlanNotFoundError(planId);
    const corrections = await listCorrections(db, planId);
    return applyCorrectionsDetailed(document.export, corrections.map((c) => c.correction)).export;
  });
}
