// A selection on the page → the span of the plan's text it covers. The reverse of anchoring: DOM
// positions → the reader's text (its segments) → the normalised text (the normalise stage's
// origin map). So whatever white space, line breaks or element boundaries the selection crosses,
// the span names the same characters the extractor read, and a correction added from it finds them.
import type { TextSegment } from '../../../shared/html/dom-text.ts';
import type { Span } from '../../../shared/schema.ts';
import { originalPosition } from './highlight.ts';

/** The text nodes the range touches, with the part of each it covers. */
function coveredPieces(range: Range): Array<{ node: Text; from: number; to: number }> {
  const root = range.commonAncestorContainer;
  const pieces: Array<{ node: Text; from: number; to: number }> = [];
  const consider = (node: Text) => {
    if (!range.intersectsNode(node)) return;
    const from = node === range.startContainer ? range.startOffset : 0;
    const to = node === range.endContainer ? range.endOffset : node.length;
    if (to > from) pieces.push({ node, from, to });
  };
  if (root.nodeType === Node.TEXT_NODE) consider(root as Text);
  else {
    const doc = (root.ownerDocument ?? root) as Document;
    const walker = doc.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) consider(node as Text);
  }
  return pieces;
}

/** [start, end) in the reader's text of the characters the range covers, or null when none. */
function readerSpan(range: Range, segments: readonly TextSegment[]): Span | null {
  const byNode = new Map<Text, TextSegment[]>();
  for (const segment of segments) {
    const list = byNode.get(segment.node);
    if (list) list.push(segment);
    else byNode.set(segment.node, [segment]);
  }
  let start = -1;
  let end = -1;
  for (const piece of coveredPieces(range)) {
    // A piece our highlighting split off: its place in the node the reader read.
    const origin = originalPosition(piece.node, piece.from);
    const from = origin.offset;
    const to = origin.offset + (piece.to - piece.from);
    for (const segment of byNode.get(origin.node) ?? []) {
      const segmentEnd = segment.nodeOffset + (segment.end - segment.start);
      const lo = Math.max(from, segment.nodeOffset);
      const hi = Math.min(to, segmentEnd);
      if (hi <= lo) continue;
      const readFrom = segment.start + (lo - segment.nodeOffset);
      const readTo = segment.start + (hi - segment.nodeOffset);
      if (start === -1 || readFrom < start) start = readFrom;
      if (readTo > end) end = readTo;
    }
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
