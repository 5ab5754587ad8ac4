// A library entry is a page with its 附件: a PDF captured from the page's attachment list is part
// of the page's entry, not a second row without the page's metadata. When the page's own text is
// only the notice (关于印发…的通知) and the plan is in the attachment, the entry's tasks and
// targets are the attachment's, under the page's metadata (issuers, date, 文号).
import { warningText } from '../../../shared/messages.ts';
import type { GovClipExport } from '../../../shared/schema.ts';
import { applyCorrectionsDetailed } from './apply-corrections.ts';
import type { GovClipDB } from './db.ts';
import type { PlanSummary } from './types.ts';

/** The page holds no plan of its own: no tasks and no targets, or the extractor said it is not one. */
export function isNoticeOnly(page: GovClipExport): boolean {
  return (page.tasks.length === 0 && page.targets.length === 0) || page.warnings.includes(warningText('notAPlan'));
}

/**
 * The plan an entry stands for: the page's own, or, when the page only announces it, its largest
 * attachment plan with the page's metadata where the page has it (the 政府信息公开 table is on the page).
 */
export function entryExport(page: GovClipExport, parts: readonly GovClipExport[]): GovClipExport {
  const plan = parts[entryPart(page, parts)];
  if (!plan) return page;
  const own = page.document;
  const found = plan.document;
  return {
    ...plan,
    document: {
      ...found,
      issuers: own.issuers.length > 0 ? own.issuers : found.issuers,
      docNumber: own.docNumber ?? found.docNumber,
      publishedAt: own.publishedAt ?? found.publishedAt,
      region: found.region ?? own.region,
      title: found.title ?? own.title,
      period: found.period ?? own.period,
    },
  };
}

/** Which attachment the entry's plan is (its index), or -1 for the page's own. */
export function entryPart(page: GovClipExport, parts: readonly GovClipExport[]): number {
  if (!isNoticeOnly(page)) return -1;
  let best = -1;
  parts.forEach((part, k) => {
    const size = part.tasks.length + part.targets.length;
    if (size > 0 && (best === -1 || size > (parts[best] as GovClipExport).tasks.length + (parts[best] as GovClipExport).targets.length)) best = k;
  });
  return best;
}

/** The latest versions of the attachments captured from the page at `url`. */
export async function partsOf(db: GovClipDB, url: string): Promise<PlanSummary[]> {
  return db.plans.where('isLatest').equals(1).filter((row) => row.partOf === url).toArray();
}

/** A plan version's export with its corrections applied (inside a transaction). */
export async function correctedDocument(db: GovClipDB, planId: string): Promise<GovClipExport | null> {
  const document = await db.documents.get(planId);
  if (!document) return null;
  const rows = await db.corrections.where('planId').equals(planId).toArray();
  rows.sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1));
  return applyCorrectionsDetailed(document.export, rows.map((row) => row.correction)).export;
}

/** The corrected exports of a page's attachments. */
export async function correctedParts(db: GovClipDB, url: string): Promise<GovClipExport[]> {
  const parts = await partsOf(db, url);
  const exports = await Promise.all(parts.map((part) => correctedDocument(db, part.id)));
  return exports.filter((exp): exp is GovClipExport => exp !== null);
}
