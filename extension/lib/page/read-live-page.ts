// The live page → the export and the DOM ranges of what to highlight. Runs in the content script
// with the same page reader and core as the pipeline; only the document differs.
import { extractPlanDetailed } from '../../../shared/extract.ts';
import { spanToDom } from '../../../shared/html/anchor.ts';
import type { TextSegment } from '../../../shared/html/dom-text.ts';
import { planMetadataOf } from '../../../shared/html/page-metadata.ts';
import { readPage } from '../../../shared/html/read-page.ts';
import type { PlanMetadata } from '../../../shared/model.ts';
import type { GovClipExport, Span } from '../../../shared/schema.ts';
import { sha256Hex } from '../../../shared/sha256.ts';
import { findAttachments, type Attachment } from './attachments.ts';
import { headingSpan } from './heading.ts';

export type MarkKind = 'target' | 'unit' | 'task';

/** One thing to highlight: a target, one mention of a unit, or a task's heading. */
export interface PageMark {
  kind: MarkKind;
  /** Target id, task id, or the unit's name. */
  id: string;
  range: Range;
}

export interface LivePage {
  /** The extraction, before any correction. */
  export: GovClipExport;
  /** What is highlighted: the export's items, or a corrected plan's (markPlan). */
  marks: PageMark[];
  /** Items whose text could not be found on the page (text the reader inserted). */
  unanchored: number;
  attachments: Attachment[];
  /** The reader's text anchors and the normalised → reader offset map: selection ↔ span. */
  segments: TextSegment[];
  sourceOffsets: readonly number[];
}

function parseHtml(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html');
}

/** What the extractor needs from a page: its text and what the page says about itself. */
export interface PageText {
  text: string;
  url: string;
  metadata: Partial<PlanMetadata>;
  warnings: string[];
}

/** The extraction of a page's text: the export and the map of its offsets back to the page text. */
export interface PageExtraction {
  export: GovClipExport;
  sourceOffsets: readonly number[];
}

/** The core on a page's text (pure): run here, or by the background on the content script's behalf. */
export function extractPageText(page: PageText): PageExtraction {
  const detailed = extractPlanDetailed(page.text, {
    id: sha256Hex(page.text),
    source: { kind: 'html', url: page.url, file: null },
    metadata: page.metadata,
    warnings: page.warnings,
  });
  return { export: detailed.export, sourceOffsets: detailed.sourceOffsets };
}

/** Step 1, on the page: its text and the DOM anchors of every character. */
export function readPageText(doc: Document, url: string): { text: PageText; segments: TextSegment[] } {
  const reading = readPage(doc, parseHtml);
  return { text: { text: reading.text, url, metadata: planMetadataOf(reading.metadata), warnings: reading.warnings }, segments: reading.segments };
}

/** Step 3, on the page: the extraction anchored to the page's text nodes. */
export function anchorExtraction(doc: Document, url: string, segments: TextSegment[], extraction: PageExtraction): LivePage {
  const page = { segments, sourceOffsets: extraction.sourceOffsets };
  const { marks, unanchored } = markPlan(doc, extraction.export, page);
  return { export: extraction.export, marks, unanchored, attachments: findAttachments(doc, url), ...page };
}

/** Read, extract and anchor in one go, here (tests and tools; the content script extracts in the background). */
export function readLivePage(doc: Document, url: string): LivePage {
  const { text, segments } = readPageText(doc, url);
  return anchorExtraction(doc, url, segments, extractPageText(text));
}

/**
 * The marks of a plan over the page it was read from: the extraction itself, or the same text's
 * plan with the user's corrections (a target added, rejected or re-parsed).
 */
export function markPlan(doc: Document, plan: GovClipExport, page: Pick<LivePage, 'segments' | 'sourceOffsets'>): { marks: PageMark[]; unanchored: number } {
  const text = plan.document.text;
  const marks: PageMark[] = [];
  let unanchored = 0;
  const add = (kind: MarkKind, id: string, span: Span) => {
    const ends = spanToDom(span, page.sourceOffsets, page.segments);
    if (!ends) {
      unanchored++;
      return;
    }
    const range = doc.createRange();
    range.setStart(ends.start.node, ends.start.offset);
    range.setEnd(ends.end.node, ends.end.offset);
    marks.push({ kind, id, range });
  };
  for (const task of plan.tasks) add('task', task.id, headingSpan(text, task.span, task.title));
  for (const unit of plan.units) for (const span of unit.spans) add('unit', unit.name, span);
  for (const target of plan.targets) add('target', target.id, target.span);
  return { marks, unanchored };
}
