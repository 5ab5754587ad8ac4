// Zod's complaints as one readable line, for every place that validates what crosses a boundary
// (exports, comparisons, gold files, corrections, backups).
import type { z } from 'zod';

/** `path.to.field: message; other: message`, the root named (root); at most `limit` issues. */
export function describeIssues(error: z.ZodError, limit = Infinity): string {
  return error.issues
    .slice(0, limit)
    .map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`)
    .join('; ');
}

/** The parsed value, or an Error saying `what` is wrong and where. */
export function parseOrThrow<T extends z.ZodType>(schema: T, value: unknown, what: string, limit?: number): z.infer<T> {
  const result = schema.safeParse(value);
  if (!result.success) throw new Error(`${what}: ${describeIssues(result.error, limit)}`);
  return result.data;
}
