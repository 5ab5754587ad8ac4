// Gold annotation files (fixtures/gold/<doc>.gold.json), format in fixtures/spec/gold-format.md.
// Validated on load so that a malformed gold file fails loudly instead of silently skewing scores.
import { z } from 'zod';
import { parseOrThrow } from '../../shared/validation.ts';
import { comparatorSchema } from '../../shared/schema.ts';

export const goldMetaSchema = z.object({
  title: z.string().nullable(),
  region: z.string().nullable(),
  issuers: z.array(z.string()),
  docNumber: z.string().nullable(),
  period: z.object({ from: z.number().int(), to: z.number().int() }).nullable(),
});

export const goldTargetSchema = z
  .object({
    quote: z.string().min(1),
    metric: z.string(),
    op: comparatorSchema,
    value: z.number(),
    max: z.number().nullable(),
    unit: z.string(),
    year: z.number().int().nullable(),
    optional: z.boolean(),
  })
  .refine((t) => t.op !== 'range' || t.max !== null, { message: 'a range needs max', path: ['max'] })
  .refine((t) => t.max === null || t.max >= t.value, { message: 'max must not be below value', path: ['max'] });

/** A deadline of the task the assignment's quote locates (gold-format.md, "Deadlines"). */
const goldPlanMonthSchema = z.string().regex(/^\d{4}(-(0[1-9]|1[0-2]))?$/, 'YYYY or YYYY-MM');
export const goldDeadlineSchema = z.object({
  text: z.string().min(1),
  by: goldPlanMonthSchema.nullable(),
  from: goldPlanMonthSchema.nullable(),
  ongoing: z.boolean(),
});

export const goldAssignmentSchema = z.object({
  quote: z.string().min(1),
  lead: z.array(z.string().min(1)),
  responsible: z.array(z.string().min(1)),
  /** Optional: files without it leave deadlines unscored for that task. */
  deadlines: z.array(goldDeadlineSchema).optional(),
});

export const goldSchema = z.object({
  doc: z.string().min(1),
  meta: goldMetaSchema,
  targets: z.array(goldTargetSchema),
  assignments: z.array(goldAssignmentSchema),
});

export type GoldMeta = z.infer<typeof goldMetaSchema>;
export type GoldTarget = z.infer<typeof goldTargetSchema>;
export type GoldAssignment = z.infer<typeof goldAssignmentSchema>;
export type GoldDeadline = z.infer<typeof goldDeadlineSchema>;
export type Gold = z.infer<typeof goldSchema>;

/** Validates parsed gold JSON; throws one error listing every problem with its path. */
export function loadGold(json: unknown): Gold {
  return parseOrThrow(goldSchema, json, 'gold file is invalid');
}
