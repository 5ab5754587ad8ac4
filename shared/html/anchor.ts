// From a span of the export (offsets into the normalised text) to a DOM range on the page:
// normalised offset → source offset (the normalise stage's origin map) → text node and offset
// (the page reader's segments). What the extension highlights with.
import { domPosition, type TextSegment } from './dom-text.ts';

export interface DomRangeEnds {
  start: { node: Text; offset: number };
  end: { node: Text; offset: number };
}

/**
 * The DOM positions of [start, end) of the normalised text, or null when the span covers only
 * text the page does not contain (a separator the reader inserted).
 */
export function spanToDom(span: readonly [number, number], sourceOffsets: readonly number[], segments: readonly TextSegment[]): DomRangeEnds | null {
  const [start, end] = span;
  if (end <= start) return null;
  // The first and last characters that exist on the page: inserted separators have no node.
  for (let first = start; first < end; first++) {
    const from = domPosition(segments, sourceOffsets[first] ?? -1);
    if (!from) continue;
    for (let last = end - 1; last >= first; last--) {
      const to = domPosition(segments, sourceOffsets[last] ?? -1);
      if (to) return { start: from, end: { node: to.node, offset: to.offset + 1 } };
    }
  }
  return null;
}
