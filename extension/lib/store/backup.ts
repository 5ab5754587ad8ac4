// Backup and restore of the whole library as a dexie-export-import file. Restore never writes a
// row it has not validated and never replaces newer data silently: each plan present on both
// sides keeps the later capture, and the report names every such conflict.
import { validateExport, type GovClipExport } from '../../../shared/schema.ts';
import { sha256Hex } from '../../../shared/sha256.ts';
import { describeIssues } from '../../../shared/validation.ts';
import { applyCorrectionsDetailed } from './apply-corrections.ts';
import { CURRENT_DB_VERSION, TABLE_NAMES, type GovClipDB } from './db.ts';
import { summarise, type SummaryBase } from './summary.ts';
import { planRowSchema, storedCorrectionSchema, type PlanSummary, type StoredCorrection } from './types.ts';

/** Why a file cannot be restored; the UI says it through restoreError_<code>. */
export type BackupErrorCode = 'notBackup' | 'newerVersion' | 'damaged';

export class BackupError extends Error {
  override name = 'BackupError';
  constructor(message: string, readonly code: BackupErrorCode = 'damaged') {
    super(message);
  }
}

export interface RestoreConflict {
  planId: string;
  url: string;
  title: string | null;
  /** Which copy the library has now: the one captured later (or, captured together, corrected later). */
  kept: 'local' | 'backup';
  localCapturedAt: number;
  backupCapturedAt: number;
}

export interface RestoreReport {
  /** Plans (versions) that were only in the backup. */
  added: number;
  /** Plans replaced by the backup's newer copy. */
  updated: number;
  /** Plans where the local copy was newer or identical. */
  skipped: number;
  conflicts: RestoreConflict[];
  /** Plans of the backup left out because they did not validate, one line each. */
  errors: string[];
}

// Loaded on demand: the side panel never needs it, and the library touches `self` when loaded.
const exportImport = () => import('dexie-export-import');

/** The whole library (every table, every version) as a JSON Blob to save as a file. */
export async function createBackup(db: GovClipDB): Promise<Blob> {
  const { exportDB } = await exportImport();
  return exportDB(db, { prettyJson: false });
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Checks the file's header: a Dexie export of this library's tables, of a version we can read. */
async function checkHeader(backup: Blob): Promise<Map<string, number>> {
  const { peakImportFile } = await exportImport();
  let meta: Awaited<ReturnType<typeof peakImportFile>>;
  try {
    meta = await peakImportFile(backup);
  } catch (error) {
    throw new BackupError(`not a GovClip backup: the file cannot be read as a database export (${describe(error)})`, 'notBackup');
  }
  if (meta?.formatName !== 'dexie' || meta.formatVersion !== 1 || !meta.data) {
    throw new BackupError('not a GovClip backup: the file is not a database export', 'notBackup');
  }
  const tables = (meta.data.tables ?? []).map((t) => t.name).sort();
  if (tables.join(',') !== [...TABLE_NAMES].sort().join(',')) {
    throw new BackupError(`not a GovClip backup: it holds the tables ${tables.join(', ') || '(none)'}, a GovClip library holds ${TABLE_NAMES.join(', ')}`, 'notBackup');
  }
  const version = meta.data.databaseVersion;
  if (!Number.isInteger(version) || version < 1) throw new BackupError(`not a GovClip backup: unknown library schema version ${String(version)}`, 'notBackup');
  if (version > CURRENT_DB_VERSION) {
    throw new BackupError(`this backup was made by a newer GovClip (library schema ${version}; this version reads up to ${CURRENT_DB_VERSION}): update the extension first`, 'newerVersion');
  }
  return new Map(meta.data.tables.map((t) => [t.name, t.rowCount]));
}

type Rows = Record<(typeof TABLE_NAMES)[number], unknown[]>;

/**
 * Reads every row through importInto so the same code that wrote the file revives it, but with a
 * filter that keeps none: nothing reaches the library before it is validated and merged below.
 */
async function readRows(db: GovClipDB, backup: Blob, rowCounts: Map<string, number>): Promise<Rows> {
  const { importInto } = await exportImport();
  const rows: Rows = { plans: [], documents: [], corrections: [] };
  try {
    await importInto(db, backup, {
      acceptNameDiff: true,
      acceptVersionDiff: true,
      filter: (table, value) => {
        if (table in rows) rows[table as keyof Rows].push(value);
        return false;
      },
    });
  } catch (error) {
    throw new BackupError(`the backup is damaged: ${describe(error)}`);
  }
  // The streaming reader stops quietly where a cut-off file ends: the header's counts tell.
  for (const name of TABLE_NAMES) {
    const expected = rowCounts.get(name) ?? 0;
    if (rows[name].length !== expected) {
      throw new BackupError(`the backup is damaged: table ${name} holds ${rows[name].length} of its ${expected} rows (is the file cut off?)`);
    }
  }
  return rows;
}

interface BackupPlan {
  /** isLatest is settled per URL after the merge. */
  base: SummaryBase;
  export: GovClipExport;
  corrections: StoredCorrection[];
}

function idOf(row: unknown): string {
  const id = (row as { id?: unknown; planId?: unknown } | null)?.id ?? (row as { planId?: unknown } | null)?.planId;
  return typeof id === 'string' ? id : '(no id)';
}

/** Validates the backup's rows plan by plan; a plan with any bad row is left out and reported. */
async function validPlans(rows: Rows, errors: string[]): Promise<BackupPlan[]> {
  const documents = new Map<string, unknown>();
  for (const row of rows.documents) documents.set(idOf(row), (row as { export?: unknown } | null)?.export);
  const corrections = new Map<string, unknown[]>();
  for (const row of rows.corrections) {
    const planId = (row as { planId?: unknown } | null)?.planId;
    const key = typeof planId === 'string' ? planId : '(no plan)';
    corrections.set(key, [...(corrections.get(key) ?? []), row]);
  }
  const plans: BackupPlan[] = [];
  for (const row of rows.plans) {
    const id = idOf(row);
    const parsed = planRowSchema.safeParse(row);
    if (!parsed.success) {
      errors.push(`plan ${id}: malformed row (${describeIssues(parsed.error)})`);
      continue;
    }
    let exported: GovClipExport;
    try {
      exported = validateExport(documents.get(id));
    } catch (error) {
      errors.push(`plan ${id}: ${documents.has(id) ? describe(error) : 'its document is missing'}`);
      continue;
    }
    if (sha256Hex(exported.document.text) !== parsed.data.contentHash) {
      errors.push(`plan ${id}: its text does not match its content hash`);
      continue;
    }
    const own = (corrections.get(id) ?? []).map((c) => storedCorrectionSchema.safeParse(c));
    const bad = own.find((c) => !c.success);
    if (bad && !bad.success) {
      errors.push(`plan ${id}: malformed correction (${describeIssues(bad.error)})`);
      continue;
    }
    const { id: planId, url, contentHash, capturedAt, firstCapturedAt, updatedAt, previousVersionId, version, attachments, partOf } = parsed.data;
    plans.push({
      base: { id: planId, url, contentHash, capturedAt, firstCapturedAt, updatedAt, previousVersionId, version, attachments, isLatest: 0, partOf: partOf ?? null },
      export: exported,
      corrections: own.flatMap((c) => (c.success ? [c.data] : [])),
    });
  }
  return plans;
}

/** Which copy wins: the later capture; for the same capture, the later correction. */
function backupIsNewer(local: PlanSummary, backup: BackupPlan['base']): boolean | null {
  if (backup.capturedAt !== local.capturedAt) return backup.capturedAt > local.capturedAt;
  if (backup.updatedAt !== local.updatedAt) return backup.updatedAt > local.updatedAt;
  return null;
}

/**
 * Merges a backup into the library. Throws BackupError (a one-line message) when the file is not
 * a readable GovClip backup; otherwise reports what it did per plan version.
 */
export async function restoreBackup(db: GovClipDB, backup: Blob): Promise<RestoreReport> {
  const rowCounts = await checkHeader(backup);
  const rows = await readRows(db, backup, rowCounts);
  const report: RestoreReport = { added: 0, updated: 0, skipped: 0, conflicts: [], errors: [] };
  const plans = await validPlans(rows, report.errors);

  await db.transaction('rw', db.plans, db.documents, db.corrections, async () => {
    const touchedUrls = new Set<string>();
    for (const plan of plans) {
      const local = await db.plans.get(plan.base.id);
      if (local) {
        const newer = backupIsNewer(local, plan.base);
        if (newer === null) {
          report.skipped += 1;
          continue;
        }
        report.conflicts.push({
          planId: local.id,
          url: local.url,
          title: local.title,
          kept: newer ? 'backup' : 'local',
          localCapturedAt: local.capturedAt,
          backupCapturedAt: plan.base.capturedAt,
        });
        if (!newer) {
          report.skipped += 1;
          continue;
        }
        await db.corrections.where('planId').equals(local.id).delete();
        touchedUrls.add(local.url);
        report.updated += 1;
      } else {
        report.added += 1;
      }
      const corrected = applyCorrectionsDetailed(plan.export, plan.corrections.map((c) => c.correction)).export;
      await db.documents.put({ planId: plan.base.id, export: plan.export });
      await db.corrections.bulkPut(plan.corrections);
      await db.plans.put(summarise(plan.base, corrected));
      touchedUrls.add(plan.base.url);
    }
    // Exactly one latest version per URL: the latest capture, whichever side it came from.
    for (const url of touchedUrls) {
      const versions = await db.plans.where('url').equals(url).toArray();
      const latest = versions.reduce((a, b) => (b.capturedAt > a.capturedAt || (b.capturedAt === a.capturedAt && b.version > a.version) ? b : a));
      for (const v of versions) {
        const isLatest = v.id === latest.id ? 1 : 0;
        if (v.isLatest !== isLatest) await db.plans.update(v.id, { isLatest });
      }
    }
  });
  return report;
}
