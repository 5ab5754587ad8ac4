// A selection on the page → the span of the plan's text it covers. The reverse of anchoring: DOM
// positions → the reader's text (its segments) → the normalised text (the normalise stage's
// origin map). So whatever white space, line breaks or element boundaries the selection crosses,
// the span names the same characters the extractor read, and a correction added from it finds them.
import type { TextSegment } from '../../../shared/html/dom-text.ts';
import type { Span } from '../../../shared/schema.ts';

/** [start, end) in the reader's text of the characters the range covers, or null when none. */
function readerSpan(range: Range, segments: readonly TextSegment[]): Span | null {
  let start = -1;
  let end = -1;
  for (const segment of segments) {
    if (!range.intersectsNode(segment.node)) continue;
    const length = segment.end - segment.start;
    let from = segment.nodeOffset;
    let to = segment.nodeOffset + length;
    if (segment.node === range.startContainer) from = Math.max(from, range.startOffset);
    if (segment.node === range.endContainer) to = Math.min(to, range.endOffset);
    if (to <= from) continue;
    const readFrom = segment.start + (from - segment.nodeOffset);
    const readTo = segment.start + (to - segment.nodeOffset);
    if (start === -1 || readFrom < start) start = readFrom;
    if (readTo > end) end = readTo;
  }
  return start === -1 ? null : [start, end];
}

/**
 * The span of `text` (the normalised plan text) whose characters come from the range, trimmed of
 * white space at its ends; null when the range holds none of the plan's characters.
 */
export function rangeToSpan(range: Range, segments: readonly TextSegment[], sourceOffsets: readonly number[], text: string): Span | null {
  const read = readerSpan(range, segments);
  if (!read) return null;
  let first = -1;
  let last = -1;
  for (let i = 0; i < sourceOffsets.length; i++) {
    const at = sourceOffsets[i] as number;
    if (at < read[0] || at >= read[1]) continue;
    if (first === -1) first = i;
    last = i;
  }
  if (first === -1) return null;
  let end = last + 1;
  while (first < end && /\s/.test(text[first] ?? '')) first++;
  while (end > first && /\s/.test(text[end - 1] ?? '')) end--;
  return end > first ? [first, end] : null;
}
