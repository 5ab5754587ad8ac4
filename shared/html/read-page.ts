// A government web page → the plan's text (headline first, then the body), the DOM anchors of
// every character, and the page's own metadata. Browser-safe: the extension calls it on the
// live document, the pipeline on a linkedom document.
import { domText, type TextSegment } from './dom-text.ts';
import { findContentRoot } from './content-root.ts';
import { readPageMetadata, type PageMetadata } from './page-metadata.ts';
import { warningText } from '../messages.ts';

export interface PageReading {
  text: string;
  segments: TextSegment[];
  metadata: PageMetadata;
  warnings: string[];
}

export function readPage(doc: Document, parse: (html: string) => Document): PageReading {
  // Metadata first: the table and the 发布时间 line are outside the body and would be lost.
  const metadata = readPageMetadata(doc);
  const root = findContentRoot(doc, parse);
  const warnings: string[] = [];
  if (!root) return { text: '', segments: [], metadata, warnings: [warningText('noContent')] };
  const body = domText(root);
  const headline = doc.querySelector('h1');
  // The headline usually sits outside the body container; put it first so the title is read
  // from the text like any other plan's (and stays highlightable).
  if (headline && !root.contains(headline)) {
    const head = domText(headline);
    if (head.text !== '' && !body.text.startsWith(head.text)) {
      const shift = head.text.length + 1;
      return {
        text: `${head.text}\n${body.text}`,
        segments: [...head.segments, ...body.segments.map((s) => ({ ...s, start: s.start + shift, end: s.end + shift }))],
        metadata,
        warnings,
      };
    }
  }
  return { text: body.text, segments: body.segments, metadata, warnings };
}
