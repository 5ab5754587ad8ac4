// Capture: an extracted page into the library. The same content again refreshes its record; a
// changed page becomes a new version linked to the old one, inheriting the corrections that
// still find their item.
import { validateExport, type GovClipExport } from '../../../shared/schema.ts';
import { sha256Hex } from '../../../shared/sha256.ts';
import { applyCorrectionsDetailed, rebaseCorrection } from './apply-corrections.ts';
import { listCorrections, rewriteSummary } from './corrections.ts';
import { partsOf } from './entries.ts';
import type { GovClipDB } from './db.ts';
import { summarise } from './summary.ts';
import { attachmentSchema, type Attachment, type PlanSummary, type StoredCorrection } from './types.ts';

export interface CaptureInput {
  /** The extractor's export (extractPlan), uncorrected. */
  export: GovClipExport;
  /** The page's address; defaults to export.document.source.url. */
  url?: string;
  /** Links to the plan's files found on the page; on a re-capture, replaces the stored list. */
  attachments?: readonly Attachment[];
  /** ms since epoch; injectable for tests. */
  capturedAt?: number;
  /** A 附件: the URL of the page it was linked from; it becomes part of that page's entry. */
  partOf?: string | null;
}

export interface CaptureResult {
  planId: string;
  /** created: first capture of this URL; updated: same content again; newVersion: the page changed. */
  status: 'created' | 'updated' | 'newVersion';
  previousVersionId: string | null;
  /** newVersion only: corrections copied to the new version, and those whose item is gone. */
  carriedCorrections: number;
  droppedCorrections: number;
}

export class CaptureError extends Error {
  override name = 'CaptureError';
}

/** One page, one identity: the fragment (#top) does not make another document. */
export function normaliseUrl(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.hash = '';
    return parsed.href;
  } catch {
    return url.trim();
  }
}

/** The newest version stored for a URL, if any. */
export async function latestVersionOf(db: GovClipDB, url: string): Promise<PlanSummary | undefined> {
  const versions = await db.plans.where('url').equals(normaliseUrl(url)).toArray();
  return versions.find((v) => v.isLatest === 1) ?? versions.sort((a, b) => b.capturedAt - a.capturedAt)[0];
}

export async function capturePlan(db: GovClipDB, input: CaptureInput): Promise<CaptureResult> {
  const exported = validateExport(input.export);
  const rawUrl = input.url ?? exported.document.source.url;
  if (!rawUrl) throw new CaptureError('a capture needs the page URL (none given and none in the export)');
  const url = normaliseUrl(rawUrl);
  const attachments = input.attachments?.map((a) => attachmentSchema.parse(a));
  const now = input.capturedAt ?? Date.now();
  // Keep the URL with the export, so a JSON export says where the plan came from.
  const stored: GovClipExport = exported.document.source.url
    ? exported
    : { ...exported, document: { ...exported.document, source: { ...exported.document.source, url } } };
  const contentHash = sha256Hex(exported.document.text);
  const partOf = input.partOf ? normaliseUrl(input.partOf) : null;

  return db.transaction('rw', db.plans, db.documents, db.corrections, async (): Promise<CaptureResult> => {
    const latest = await latestVersionOf(db, url);

    if (latest && latest.contentHash === contentHash) {
      // The same text: a newer extraction of it replaces the old (extractor fixes, page metadata),
      // the corrections stay, keyed by items that have not changed.
      const document = { planId: latest.id, export: stored };
      await db.documents.put(document);
      await rewriteSummary(db, latest, document, {
        capturedAt: Math.max(now, latest.capturedAt),
        updatedAt: Math.max(now, latest.updatedAt),
        attachments: attachments ?? latest.attachments,
        partOf: partOf ?? latest.partOf ?? null,
      });
      return { planId: latest.id, status: 'updated', previousVersionId: latest.previousVersionId, carriedCorrections: 0, droppedCorrections: 0 };
    }

    const planId = crypto.randomUUID();
    let carried: StoredCorrection[] = [];
    let dropped = 0;
    if (latest) {
      const oldDocument = await db.documents.get(latest.id);
      const old = await listCorrections(db, latest.id);
      const rebased = old.map((c) => rebaseCorrection(c.correction, oldDocument?.export.document.text ?? '', stored.document.text));
      const { applied } = applyCorrectionsDetailed(stored, rebased);
      carried = old.flatMap((c, i) => (applied[i] ? [{ ...c, id: crypto.randomUUID(), planId, correction: rebased[i] ?? c.correction }] : []));
      dropped = old.length - carried.length;
      await db.plans.update(latest.id, { isLatest: 0 });
    }
    await db.documents.add({ planId, export: stored });
    await db.corrections.bulkAdd(carried);
    const corrected = applyCorrectionsDetailed(stored, carried.map((c) => c.correction)).export;
    await db.plans.add(
      summarise(
        {
          id: planId,
          url,
          contentHash,
          capturedAt: now,
          firstCapturedAt: now,
          updatedAt: now,
          previousVersionId: latest?.id ?? null,
          isLatest: 1,
          version: (latest?.version ?? 0) + 1,
          attachments: attachments ?? latest?.attachments ?? [],
          partOf: partOf ?? latest?.partOf ?? null,
        },
        corrected,
      ),
    );
    // The page's entry now has this attachment; a new page version takes its attachments' plan.
    const added = await db.plans.get(planId);
    const document = await db.documents.get(planId);
    if (added && document && (partOf || (await partsOf(db, url)).length > 0)) await rewriteSummary(db, added, document);
    return {
      planId,
      status: latest ? 'newVersion' : 'created',
      previousVersionId: latest?.id ?? null,
      carriedCorrections: carried.length,
      droppedCorrections: dropped,
    };
  });
}
