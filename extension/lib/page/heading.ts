// Where a task's heading is in the plan's text: what the page and the library mark for a task.
import type { Span } from '../../../shared/schema.ts';

/** A task's heading: its marker and title, else its first line. */
export function headingSpan(text: string, span: Span, title: string | null): Span {
  const [start, end] = span;
  const lineEnd = text.indexOf('\n', start);
  const firstLineEnd = Math.min(lineEnd === -1 ? end : lineEnd, end);
  if (title) {
    const at = text.indexOf(title, start);
    if (at !== -1 && at + title.length <= firstLineEnd) return [start, at + title.length];
  }
  return [start, Math.min(firstLineEnd, start + 40)];
}
