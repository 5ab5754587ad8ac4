// The GovClip library store: plain TypeScript over Dexie, no WXT or browser.* APIs, so extension
// pages and Node tests (fake-indexeddb) use the same code.
export { GovClipDB, CURRENT_DB_VERSION, DEFAULT_DB_NAME, TABLE_NAMES, declareVersion1, declareVersion2 } from './db.ts';
export { capturePlan, CaptureError, latestVersionOf, normaliseUrl } from './capture.ts';
export { sha256Hex } from '../../../shared/sha256.ts';
export type { CaptureInput, CaptureResult } from './capture.ts';
export {
  addCorrection,
  applyCorrections,
  applyCorrectionsDetailed,
  correctedExport,
  CorrectionError,
  correctionsForPage,
  listCorrections,
  PlanNotFoundError,
  removeCorrection,
  targetKeyOf,
  taskKeyOf,
} from './corrections.ts';
export type { CorrectionOutcome } from './corrections.ts';
export { deletePlan, getPlan, listPlans, listVersions } from './queries.ts';
export { entryExport, isNoticeOnly, partsOf } from './entries.ts';
export type { ListPlansOptions, PlanDetail, PlanSort } from './queries.ts';
export { exportPlansJson, exportTargetsCsv, readableTarget, targetsCsv } from './export.ts';
export { guardFormula } from '../../../shared/csv.ts';
export { BackupError, createBackup, restoreBackup } from './backup.ts';
export type { RestoreConflict, RestoreReport } from './backup.ts';
export { attachmentSchema, correctionSchema, storedCorrectionSchema } from './types.ts';
export type {
  Attachment,
  Correction,
  CorrectionInput,
  DocumentRow,
  PlanSummary,
  StoredCorrection,
  TargetFields,
  TargetKey,
  TaskKey,
} from './types.ts';
