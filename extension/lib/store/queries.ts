// What the library page asks: lists read summary rows only (never a document's text), one
// plan's detail loads its export.
import type { GovClipExport } from '../../../shared/schema.ts';
import { listCorrections, PlanNotFoundError } from './corrections.ts';
import { applyCorrectionsDetailed } from './apply-corrections.ts';
import type { GovClipDB } from './db.ts';
import { entryExport, entryPart, partsOf } from './entries.ts';
import { foldForSearch } from './summary.ts';
import type { PlanSummary, StoredCorrection } from './types.ts';

export type PlanSort = 'date' | 'region' | 'captured';

export interface ListPlansOptions {
  /** Case-insensitive substring of title, region, a unit or a metric; words separated by spaces must all match. */
  search?: string;
  /** date: publishedAt, else capture date (default, newest first); region: by region (A→Z, pinyin order); captured: capture time (newest first). */
  sort?: PlanSort;
  /** Reverse the default direction of the sort. */
  reverse?: boolean;
  /** Every stored version, not only the latest of each URL. */
  includeOldVersions?: boolean;
}

const collator = new Intl.Collator('zh-Hans-CN', { numeric: true });

function compareNullable(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return collator.compare(a, b);
}

const comparators: Record<PlanSort, (a: PlanSummary, b: PlanSummary) => number> = {
  // By the plan's own date; plans that give none come after, newest capture first (never their capture date as if it were theirs).
  date: (a, b) => Number(a.publishedAt === null) - Number(b.publishedAt === null) || (b.publishedAt ?? '').localeCompare(a.publishedAt ?? '') || b.capturedAt - a.capturedAt,
  captured: (a, b) => b.capturedAt - a.capturedAt,
  // Plans without a region sort after those with one (before them when reversed).
  region: (a, b) => compareNullable(a.region, b.region) || b.sortDate.localeCompare(a.sortDate),
};

export async function listPlans(db: GovClipDB, options: ListPlansOptions = {}): Promise<PlanSummary[]> {
  const all = options.includeOldVersions ? await db.plans.toArray() : await db.plans.where('isLatest').equals(1).toArray();
  // An attachment is listed inside its page's entry; alone only when its page is not in the library.
  const pages = new Set(all.filter((row) => !row.partOf).map((row) => row.url));
  const standalone = all.filter((row) => !row.partOf || !pages.has(row.partOf));
  // The same plan from two sites (the same normalised text) is one entry with both sources.
  const byText = new Map<string, PlanSummary[]>();
  for (const row of standalone) byText.set(row.contentHash, [...(byText.get(row.contentHash) ?? []), row]);
  const rows = options.includeOldVersions ? standalone : [...byText.values()].map((same) => {
    const [first, ...others] = [...same].sort((a, b) => a.firstCapturedAt - b.firstCapturedAt);
    return others.length === 0 ? (first as PlanSummary) : { ...(first as PlanSummary), alsoAt: others.map((row) => row.url) };
  });
  const terms = foldForSearch(options.search ?? '').split(/\s+/).filter((t) => t !== '');
  const found = terms.length === 0 ? rows : rows.filter((row) => terms.every((term) => row.searchText.includes(term)));
  const compare = comparators[options.sort ?? 'date'];
  return found.sort(options.reverse ? (a, b) => compare(b, a) : compare);
}

export interface PlanDetail {
  summary: PlanSummary;
  /** With the corrections applied: what the side panel shows and the exports contain. */
  export: GovClipExport;
  /** As extracted. */
  original: GovClipExport;
  corrections: StoredCorrection[];
  /** Corrections that found no item (ids), e.g. after an extractor change on re-capture. */
  unappliedCorrectionIds: string[];
  /** The attachments captured from this page (their latest versions), each with its own detail. */
  parts: PlanDetail[];
  /** The plan the entry stands for: `export`, or its attachment's when the page is only a notice. */
  entry: GovClipExport;
  /** The plan version the entry's plan is stored as (this one, or the attachment's): corrections go there. */
  entryPlanId: string;
}

export async function getPlan(db: GovClipDB, planId: string): Promise<PlanDetail | undefined> {
  return db.transaction('r', db.plans, db.documents, db.corrections, () => planDetail(db, planId, true));
}

async function planDetail(db: GovClipDB, planId: string, withParts: boolean): Promise<PlanDetail | undefined> {
  const [summary, document] = await Promise.all([db.plans.get(planId), db.documents.get(planId)]);
  if (!summary || !document) return undefined;
  const corrections = await listCorrections(db, planId);
  const outcome = applyCorrectionsDetailed(document.export, corrections.map((c) => c.correction));
  const partRows = withParts && !summary.partOf ? await partsOf(db, summary.url) : [];
  const parts = (await Promise.all(partRows.map((row) => planDetail(db, row.id, false)))).filter((p): p is PlanDetail => !!p);
  return {
    summary,
    export: outcome.export,
    original: document.export,
    corrections,
    unappliedCorrectionIds: corrections.filter((_, i) => !outcome.applied[i]).map((c) => c.id),
    parts,
    entry: entryExport(outcome.export, parts.map((part) => part.export)),
    entryPlanId: parts[entryPart(outcome.export, parts.map((part) => part.export))]?.summary.id ?? planId,
  };
}

/** Every version of the plan's URL, newest first. */
export async function listVersions(db: GovClipDB, planId: string): Promise<PlanSummary[]> {
  const summary = await db.plans.get(planId);
  if (!summary) throw new PlanNotFoundError(planId);
  const versions = await db.plans.where('url').equals(summary.url).toArray();
  return versions.sort((a, b) => b.version - a.version || b.capturedAt - a.capturedAt);
}

/**
 * Deletes a plan with its documents and corrections: by default every version of its URL (what
 * the library lists as one plan); with `allVersions: false` only this version, relinking the
 * chain around it and promoting the previous version when it was the latest.
 */
export async function deletePlan(db: GovClipDB, planId: string, options: { allVersions?: boolean } = {}): Promise<number> {
  return db.transaction('rw', db.plans, db.documents, db.corrections, async () => {
    const summary = await db.plans.get(planId);
    if (!summary) return 0;
    const siblings = await db.plans.where('url').equals(summary.url).toArray();
    const doomed = options.allVersions === false ? [summary] : siblings;
    const ids = doomed.map((p) => p.id);
    await db.plans.bulkDelete(ids);
    await db.documents.bulkDelete(ids);
    await db.corrections.where('planId').anyOf(ids).delete();
    if (options.allVersions === false) {
      for (const next of siblings.filter((p) => p.previousVersionId === planId)) {
        await db.plans.update(next.id, { previousVersionId: summary.previousVersionId });
      }
      const remaining = siblings.filter((p) => p.id !== planId).sort((a, b) => b.version - a.version)[0];
      if (summary.isLatest === 1 && remaining) await db.plans.update(remaining.id, { isLatest: 1 });
    }
    return ids.length;
  });
}
