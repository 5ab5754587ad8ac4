// What `govclip diff OLD NEW --json` prints and the library's 版本对比 shows: the zod schema is
// the single source of truth, as for the export.
import { z } from 'zod';
import { diffPartSchema } from '../compare/schema.ts';
import { spanSchema, targetSchema, unitRoleSchema } from '../schema.ts';

export const PLAN_DIFF_VERSION = 1 as const;

export const diffPlanSchema = z.object({
  id: z.string(),
  title: z.string().nullable(),
  file: z.string().nullable(),
  url: z.string().nullable(),
  publishedAt: z.string().nullable(),
});

export const taskRefSchema = z.object({
  id: z.string(),
  path: z.array(z.string()),
  title: z.string().nullable(),
  span: spanSchema,
});

/** A target as the diff shows it: the export's own fields, picked (one definition of a target). */
export const figureSchema = targetSchema.pick({ id: true, metric: true, op: true, value: true, max: true, unit: true, year: true, span: true });

export const targetFieldSchema = z.enum(['value', 'op', 'unit', 'year']);

/** A target changed (both sides), added (new only) or removed (old only) inside an aligned task or outside any task. */
export const targetChangeSchema = z.object({
  kind: z.enum(['changed', 'added', 'removed']),
  metric: z.string(),
  old: figureSchema.nullable(),
  new: figureSchema.nullable(),
  fields: z.array(targetFieldSchema),
});

export const unitChangeSchema = z.object({
  role: unitRoleSchema,
  added: z.array(z.string()),
  removed: z.array(z.string()),
});

export const taskChangeSchema = z.object({
  old: taskRefSchema,
  new: taskRefSchema,
  /** The numbering path differs (a task inserted before it, or moved). */
  renumbered: z.boolean(),
  /** A character diff of the task's wording where it changed beyond the figures listed; else null. */
  text: z.array(diffPartSchema).nullable(),
  units: z.array(unitChangeSchema),
  targets: z.array(targetChangeSchema),
  /** The deadlines as written, old and new, where they differ; else null. */
  deadlines: z.object({ old: z.array(z.string()), new: z.array(z.string()) }).nullable(),
});

export const planDiffSchema = z.object({
  version: z.literal(PLAN_DIFF_VERSION),
  old: diffPlanSchema,
  new: diffPlanSchema,
  unchanged: z.number().int().nonnegative(),
  added: z.array(taskRefSchema),
  removed: z.array(taskRefSchema),
  changed: z.array(taskChangeSchema),
  /** Targets outside any task. */
  targets: z.array(targetChangeSchema),
});

export type DiffPlan = z.infer<typeof diffPlanSchema>;
export type TaskRef = z.infer<typeof taskRefSchema>;
export type Figure = z.infer<typeof figureSchema>;
export type TargetField = z.infer<typeof targetFieldSchema>;
export type TargetChange = z.infer<typeof targetChangeSchema>;
export type UnitChange = z.infer<typeof unitChangeSchema>;
export type TaskChange = z.infer<typeof taskChangeSchema>;
export type PlanDiff = z.infer<typeof planDiffSchema>;
