// The comparison output (`govclip compare --json`, the extension's library page): one zod
// schema, types inferred from it, validated before anything is printed or written.
import { z } from 'zod';
import { targetSchema, unitRoleSchema } from '../schema.ts';
import { parseOrThrow } from '../validation.ts';

export const COMPARISON_VERSION = 1 as const;

export const comparedPlanSchema = z.object({
  /** The key members, clauses and duties use for this plan (file name, else title, else id). */
  doc: z.string().min(1),
  id: z.string(),
  title: z.string().nullable(),
  region: z.string().nullable(),
  /** 2023, or 2021–2023 for a multi-year plan; null when the plan gives no year. */
  year: z.string().nullable(),
  file: z.string().nullable(),
});

export const normalisedValueSchema = z.object({
  kind: z.enum(['level', 'change']),
  value: z.number(),
  max: z.number().nullable(),
  unit: z.string(),
});

export const indicatorMemberSchema = z.object({
  doc: z.string(),
  region: z.string().nullable(),
  targetId: z.string(),
  // The target as exported: its parse, the sentence it came from and where in the plan's text.
  ...targetSchema.pick({ metric: true, op: true, value: true, max: true, unit: true, year: true, text: true, span: true }).shape,
  normalised: normalisedValueSchema,
  /** The strictest target of its indicator among comparable ones (only when they differ). */
  stricter: z.boolean(),
  /** How it joined the group: lexicon wording, typing slip, same wording, similar wording, or too vague to compare. */
  match: z.enum(['lexicon', 'typo', 'wording', 'similar', 'alone']),
  score: z.number().min(0).max(1),
});

export const indicatorSchema = z.object({
  id: z.string().min(1),
  name: z.string(),
  lexiconId: z.string().nullable(),
  direction: z.enum(['higher', 'lower']).nullable(),
  /** Number of distinct plans with a member. */
  plans: z.number().int().nonnegative(),
  members: z.array(indicatorMemberSchema).min(1),
});

export const diffPartSchema = z.object({ op: z.enum(['equal', 'delete', 'insert']), text: z.string() });

const taskRefSchema = z.object({
  doc: z.string(),
  taskId: z.string(),
  path: z.array(z.string()),
  title: z.string().nullable(),
  text: z.string(),
});

export const clauseSchema = taskRefSchema.extend({
  similar: z.array(taskRefSchema.extend({
    score: z.number().min(0).max(1),
    bm25: z.number().nonnegative(),
    /** delete: only this task asks it; insert: only the similar task does. */
    diff: z.array(diffPartSchema),
  })).min(1),
});

export const unitDutiesSchema = z.object({
  unit: z.string().min(1),
  names: z.array(z.string()),
  plans: z.number().int().nonnegative(),
  duties: z.array(taskRefSchema.extend({ role: unitRoleSchema, name: z.string() })),
});

export const comparisonSchema = z.object({
  comparisonVersion: z.literal(COMPARISON_VERSION),
  plans: z.array(comparedPlanSchema),
  indicators: z.array(indicatorSchema),
  clauses: z.array(clauseSchema),
  units: z.array(unitDutiesSchema),
});

export type ComparedPlan = z.infer<typeof comparedPlanSchema>;
export type IndicatorMember = z.infer<typeof indicatorMemberSchema>;
export type Indicator = z.infer<typeof indicatorSchema>;
export type ClauseComparison = z.infer<typeof clauseSchema>;
export type UnitDutiesView = z.infer<typeof unitDutiesSchema>;
export type Comparison = z.infer<typeof comparisonSchema>;

export function validateComparison(value: unknown): Comparison {
  return parseOrThrow(comparisonSchema, value, 'comparison does not match its schema', 10);
}
