// Which plan the side panel shows beside a page. Usually the page's own; but when the page is only
// the notice that issues the plan (关于印发…的通知) and the plan's 附件 was captured from it, the
// attachment's tasks and targets under the page's metadata — the same choice as the page's library
// entry (store/entries.ts). The page's own text stays on the page, the attachment's in the panel.
import type { GovClipExport } from '../../../shared/schema.ts';
import { normaliseUrl } from '../store/capture.ts';
import type { GovClipDB } from '../store/db.ts';
import { correctedDocument, entryExport, entryPart, partsOf } from '../store/entries.ts';

/** An attachment captured from a page: its library version and its plan with its corrections. */
export interface CapturedPart {
  planId: string;
  url: string;
  export: GovClipExport;
}

/** The attachment plan the panel shows instead of the page's own. */
export interface AttachmentPlan extends CapturedPart {
  /** The plan as the panel lists it: the attachment's items under the page's metadata. */
  entry: GovClipExport;
}

/**
 * The attachment whose plan stands for the page, or null when the page has a plan of its own (or
 * no captured attachment holds one). `page` is the page's plan as it shows it (corrections applied).
 */
export function attachmentPlanFor(page: GovClipExport, parts: readonly CapturedPart[]): AttachmentPlan | null {
  const exports = parts.map((part) => part.export);
  const part = parts[entryPart(page, exports)];
  return part ? { ...part, entry: entryExport(page, exports) } : null;
}

/** The attachments the library holds for the page at `url`, each with its corrections applied. */
export async function capturedParts(db: GovClipDB, url: string): Promise<CapturedPart[]> {
  const rows = await partsOf(db, normaliseUrl(url));
  const parts = await Promise.all(rows.map(async (row) => {
    const exported = await correctedDocument(db, row.id);
    return exported ? { planId: row.id, url: row.url, export: exported } : null;
  }));
  return parts.filter((part): part is CapturedPart => part !== null);
}
