// The JSON export (schema version 1): the single source of truth for what the CLI prints
// with --json, what the extension exports and what the evaluation reads.
// fixtures/spec/export-contract.md lists the minimum; fields may be added, never renamed or dropped.
import { z } from 'zod';
import { parseOrThrow } from './validation.ts';

export const SCHEMA_VERSION = 1 as const;

/** [start, end) offsets into the document's normalised text. */
export const spanSchema = z
  .tuple([z.number().int().nonnegative(), z.number().int().nonnegative()])
  .refine(([start, end]) => start <= end, 'span start must not exceed its end');

export const comparatorSchema = z.enum(['>=', '>', '<=', '<', '=', 'range', '~', 'increase', 'decrease']);

export const sourceKindSchema = z.enum(['html', 'pdf', 'image', 'text']);

export const periodSchema = z
  .object({ from: z.number().int(), to: z.number().int() })
  .refine((p) => p.from <= p.to, 'period must not end before it starts');

export const documentMetaSchema = z.object({
  id: z.string().regex(/^[0-9a-f]{64}$/, 'sha256 of the source bytes, hex'),
  title: z.string().nullable(),
  region: z.string().nullable(),
  issuers: z.array(z.string()),
  docNumber: z.string().nullable(),
  publishedAt: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullable(),
  period: periodSchema.nullable(),
  source: z.object({
    kind: sourceKindSchema,
    url: z.string().nullable(),
    file: z.string().nullable(),
  }),
  /** The normalised text that every span points into, so a reader can check each item. */
  text: z.string(),
});

/** YYYY-MM or YYYY. */
const planMonthSchema = z.string().regex(/^\d{4}(-(0[1-9]|1[0-2]))?$/, 'YYYY or YYYY-MM');

/** A task's deadline as the plan states it (added in schema version 1; exports before it read as []). */
export const deadlineSchema = z.object({
  text: z.string().min(1),
  by: planMonthSchema.nullable(),
  from: planMonthSchema.nullable(),
  ongoing: z.boolean(),
  span: spanSchema,
});

/** How far to trust an item (confidence.ts): high items need no check; the reasons say why not. */
export const confidenceSchema = z.enum(['high', 'medium', 'low']);

export const taskSchema = z.object({
  id: z.string(),
  path: z.array(z.string()),
  title: z.string().nullable(),
  text: z.string(),
  leadUnits: z.array(z.string()),
  responsibleUnits: z.array(z.string()),
  targetIds: z.array(z.string()),
  span: spanSchema,
  /** Always written by the extractor; optional so that exports and code from before it stay valid. */
  deadlines: z.array(deadlineSchema).optional(),
  /** Confidence in the task's units (leadUnits, responsibleUnits) and its reasons; added in version 1. */
  unitConfidence: confidenceSchema.optional(),
  unitReasons: z.array(z.string()).optional(),
});

export const targetSchema = z.object({
  id: z.string(),
  taskId: z.string().nullable(),
  text: z.string(),
  metric: z.string(),
  op: comparatorSchema,
  value: z.number(),
  max: z.number().nullable(),
  unit: z.string(),
  year: z.number().int().nullable(),
  span: spanSchema,
  /** Confidence in the target's reading and its reasons (codes such as bare-count); added in version 1. */
  confidence: confidenceSchema.optional(),
  reasons: z.array(z.string()).optional(),
});

export const unitRoleSchema = z.enum(['lead', 'responsible']);

export const unitSchema = z.object({
  name: z.string().min(1),
  /** The alias-table name (省精神文明办 → 省文明办), equal to `name` when the table knows no other. */
  canonical: z.string().min(1),
  roles: z.array(unitRoleSchema),
  taskIds: z.array(z.string()),
  /** Where the name is written in document.text, each mention once (exports before this field read as []). */
  spans: z.array(spanSchema).default([]),
});

export const exportSchema = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION),
  document: documentMetaSchema,
  tasks: z.array(taskSchema),
  targets: z.array(targetSchema),
  units: z.array(unitSchema),
  warnings: z.array(z.string()),
});

export type Span = z.infer<typeof spanSchema>;
export type Comparator = z.infer<typeof comparatorSchema>;
export type SourceKind = z.infer<typeof sourceKindSchema>;
export type Period = z.infer<typeof periodSchema>;
export type DocumentMeta = z.infer<typeof documentMetaSchema>;
export type TaskExport = z.infer<typeof taskSchema>;
export type ConfidenceLevel = z.infer<typeof confidenceSchema>;
export type DeadlineExport = z.infer<typeof deadlineSchema>;
export type TargetExport = z.infer<typeof targetSchema>;
export type UnitExport = z.infer<typeof unitSchema>;
export type UnitRole = z.infer<typeof unitRoleSchema>;
export type GovClipExport = z.infer<typeof exportSchema>;

/** Validates an export before it leaves the program; throws a readable error listing every problem. */
export function validateExport(value: unknown): GovClipExport {
  return parseOrThrow(exportSchema, value, `export does not match schema version ${SCHEMA_VERSION}`);
}
