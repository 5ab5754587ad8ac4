// Shapes of what the library stores. Corrections and rows are zod schemas because they cross a
// trust boundary twice: from the UI (a user's edit) and from a backup file (restore).
import { z } from 'zod';
import { comparatorSchema, spanSchema, unitRoleSchema, type GovClipExport } from '../../../shared/schema.ts';

export const attachmentSchema = z.object({
  url: z.string().min(1),
  title: z.string(),
  kind: z.enum(['pdf', 'doc', 'other']),
});
export type Attachment = z.infer<typeof attachmentSchema>;

/**
 * A task is named by its text (the whole item, clause included), not by the extractor's `t12`:
 * sequential ids shift when an item is added above it, the text of an unchanged item does not.
 */
export const taskKeySchema = z.object({ text: z.string().min(1) });
export type TaskKey = z.infer<typeof taskKeySchema>;

/**
 * A target is named by its clause text and metric; `occurrence` tells apart targets that share
 * both (a 分别 list with one metric), counted in export order among those that share them.
 */
export const targetKeySchema = z.object({
  text: z.string().min(1),
  metric: z.string(),
  occurrence: z.number().int().nonnegative(),
});
export type TargetKey = z.infer<typeof targetKeySchema>;

export const targetFieldsSchema = z.object({
  metric: z.string(),
  op: comparatorSchema,
  value: z.number().finite(),
  max: z.number().finite().nullable(),
  unit: z.string(),
  year: z.number().int().nullable(),
});
export type TargetFields = z.infer<typeof targetFieldsSchema>;

export const correctionSchema = z.discriminatedUnion('kind', [
  /** Rename a lead or responsible unit on one task (a misread or truncated name). */
  z.object({
    kind: z.literal('renameUnit'),
    task: taskKeySchema,
    role: unitRoleSchema,
    from: z.string().min(1),
    to: z.string().trim().min(1),
  }),
  /** Change some parsed fields of a target; fields left out stay as extracted. */
  z.object({
    kind: z.literal('editTarget'),
    target: targetKeySchema,
    changes: targetFieldsSchema.partial().refine((c) => Object.keys(c).length > 0, 'no field to change'),
  }),
  /** A number the extractor took for a target that is none (a phone number, a date). */
  z.object({ kind: z.literal('rejectTarget'), target: targetKeySchema }),
  /** A target the extractor missed. Without a span it is found by its text in document.text. */
  z.object({
    kind: z.literal('addTarget'),
    target: targetFieldsSchema.extend({
      text: z.string().trim().min(1),
      span: spanSchema.nullable().default(null),
      /** The task it belongs to; by default the task whose span holds the target's. */
      task: taskKeySchema.nullable().default(null),
    }),
  }),
  /**
   * A misread wording (an OCR slip: 背街小埠 → 背街小巷) fixed wherever the plan shows it: task
   * text and titles, targets' clauses and metrics, unit names, the title. The source text keeps
   * what the page or scan says; spans still point at it.
   */
  z.object({
    kind: z.literal('fixText'),
    from: z.string().trim().min(1),
    to: z.string().trim(),
  }).refine((c) => c.from !== c.to, 'the new wording is the same as the old'),
]);
export type Correction = z.infer<typeof correctionSchema>;
/** What callers pass: defaults (span, task) may be left out. */
export type CorrectionInput = z.input<typeof correctionSchema>;

export const storedCorrectionSchema = z.object({
  id: z.string().min(1),
  planId: z.string().min(1),
  /** Order of application: later corrections see the result of earlier ones. */
  createdAt: z.number(),
  correction: correctionSchema,
});
export type StoredCorrection = z.infer<typeof storedCorrectionSchema>;

/** The heavy row: the export as extracted (before corrections), normalised text included. */
export interface DocumentRow {
  planId: string;
  export: GovClipExport;
}

/**
 * The light row the library page lists (one per captured version). Derived fields are
 * computed from the corrected export, so a renamed unit is found by its new name.
 */
export interface PlanSummary {
  id: string;
  url: string;
  /** sha256 of document.text, hex. */
  contentHash: string;
  title: string | null;
  region: string | null;
  docNumber: string | null;
  publishedAt: string | null;
  period: { from: number; to: number } | null;
  sourceKind: GovClipExport['document']['source']['kind'];
  /** ms since epoch; the last time this content was captured. */
  capturedAt: number;
  firstCapturedAt: number;
  /** ms since epoch; the last capture or correction. */
  updatedAt: number;
  previousVersionId: string | null;
  /** 1 for the newest version of its URL, else 0 (IndexedDB cannot index booleans). */
  isLatest: 0 | 1;
  /** 1 for the first capture of a URL, counting up. */
  version: number;
  attachments: Attachment[];
  /**
   * A 附件 captured from a page: that page's URL. The library lists it inside the page's entry
   * (and the entry's tasks and targets come from it when the page is only a notice). Absent in
   * rows stored before it existed: read as null.
   */
  partOf?: string | null;
  taskCount: number;
  targetCount: number;
  /** Unit names as written and canonical, deduplicated. */
  units: string[];
  metrics: string[];
  /** Added in schema version 2: lower-cased title, region, units and metrics, for search. */
  searchText: string;
  /** Added in schema version 2: publishedAt, else the capture date (YYYY-MM-DD), for sorting. */
  sortDate: string;
  /** Not stored: set by listPlans when the same text was captured from other addresses too. */
  alsoAt?: string[];
}

/** A row as schema version 1 stored it (before searchText and sortDate). */
export type PlanSummaryV1 = Omit<PlanSummary, 'searchText' | 'sortDate'>;

/** Validation of summary rows read from a backup (version 1 or 2: the derived fields are rebuilt). */
export const planRowSchema = z.object({
  id: z.string().min(1),
  url: z.string().min(1),
  contentHash: z.string().regex(/^[0-9a-f]{64}$/),
  capturedAt: z.number(),
  firstCapturedAt: z.number(),
  updatedAt: z.number(),
  previousVersionId: z.string().nullable(),
  version: z.number().int().positive(),
  attachments: z.array(attachmentSchema),
  partOf: z.string().nullable().optional(),
});
