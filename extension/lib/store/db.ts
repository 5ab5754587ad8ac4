// The IndexedDB schema of the library, one declaration per version.
//
// Rule: a change to the stored shape or the indexes is never an edit of an earlier version. It
// is a new `declareVersionN` with an `.upgrade()` that migrates existing rows, added to the
// constructor below, and a test in test/extension/store-upgrade.test.ts that opens a database
// populated under the previous version with the current class and checks every row survived
// with the migration applied. Users' libraries exist under every version that ever shipped.
import Dexie, { type DexieOptions, type Table, type Transaction } from 'dexie';
import type { DocumentRow, PlanSummary, PlanSummaryV1, StoredCorrection } from './types.ts';
import { searchTextOf, sortDateOf } from './summary.ts';

export const DEFAULT_DB_NAME = 'govclip';
export const CURRENT_DB_VERSION = 2;
export const TABLE_NAMES = ['plans', 'documents', 'corrections'] as const;

/**
 * Version 1: summaries (listed cheaply) apart from documents (export and text, loaded one at a
 * time) and corrections (one row each, so a re-capture can carry them over one by one).
 */
export function declareVersion1(db: Dexie): void {
  db.version(1).stores({
    plans: 'id, url, isLatest, capturedAt, region',
    documents: 'planId',
    corrections: 'id, planId',
  });
}

/** Version 2: precomputed search text and sort date on summaries, backfilled from the row. */
export function declareVersion2(db: Dexie): void {
  db.version(2)
    .stores({ plans: 'id, url, isLatest, capturedAt, region, sortDate' })
    .upgrade(async (tx: Transaction) => {
      await tx.table<PlanSummaryV1 & Partial<PlanSummary>, string>('plans').toCollection().modify((row) => {
        row.searchText = searchTextOf(row);
        row.sortDate = sortDateOf(row);
      });
    });
}

export class GovClipDB extends Dexie {
  declare plans: Table<PlanSummary, string>;
  declare documents: Table<DocumentRow, string>;
  declare corrections: Table<StoredCorrection, string>;
  /** Kept so a restore can read a backup through the same IndexedDB implementation. */
  readonly dexieOptions: DexieOptions;

  /** `name` is injectable so tests (and a future per-profile library) use their own database. */
  constructor(name: string = DEFAULT_DB_NAME, options: DexieOptions = {}) {
    super(name, options);
    this.dexieOptions = options;
    declareVersion1(this);
    declareVersion2(this);
  }
}
