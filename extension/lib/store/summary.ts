// The summary row of a plan version: what the library page lists, derived from its corrected
// export so that listing and searching never load a document's text.
import type { GovClipExport } from '../../../shared/schema.ts';
import type { PlanSummary, PlanSummaryV1 } from './types.ts';

/** Case- and width-insensitive form for substring search (NFKC folds full-width Ｐ to P). */
export function foldForSearch(value: string): string {
  return value.normalize('NFKC').toLowerCase();
}

type SearchFields = Pick<PlanSummaryV1, 'title' | 'region' | 'units' | 'metrics'>;

/**
 * Used by the version 2 upgrade as well as by capture: if what is searched ever changes, that is
 * a new schema version whose upgrade recomputes it, never a silent edit here.
 */
export function searchTextOf(row: SearchFields): string {
  return foldForSearch([row.title ?? '', row.region ?? '', ...row.units, ...row.metrics].join('\n'));
}

function isoDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** The plan's own date when it has one, else the day it was captured (UTC). */
export function sortDateOf(row: Pick<PlanSummaryV1, 'publishedAt' | 'capturedAt'>): string {
  return row.publishedAt ?? isoDate(row.capturedAt);
}

/** The stored fields a summary does not take from the export. */
export type SummaryBase = Pick<
  PlanSummary,
  'id' | 'url' | 'contentHash' | 'capturedAt' | 'firstCapturedAt' | 'updatedAt' | 'previousVersionId' | 'isLatest' | 'version' | 'attachments'
> & Pick<PlanSummary, 'partOf'>;

export function summarise(base: SummaryBase, corrected: GovClipExport): PlanSummary {
  const { document } = corrected;
  const units = new Set<string>();
  for (const unit of corrected.units) {
    units.add(unit.name);
    units.add(unit.canonical);
  }
  const metrics = [...new Set(corrected.targets.map((t) => t.metric).filter((m) => m !== ''))];
  const row: PlanSummaryV1 = {
    ...base,
    title: document.title,
    region: document.region,
    docNumber: document.docNumber,
    publishedAt: document.publishedAt,
    period: document.period,
    sourceKind: document.source.kind,
    taskCount: corrected.tasks.length,
    targetCount: corrected.targets.length,
    units: [...units],
    metrics,
  };
  return { ...row, searchText: searchTextOf(row), sortDate: sortDateOf(row) };
}
