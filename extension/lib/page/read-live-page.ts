// The live page → the export and the DOM ranges of what to highlight. Runs in the content script
// with the same page reader and core as the pipeline; only the document differs.
import { extractPlanDetailed } from '../../../shared/extract.ts';
import { spanToDom } from '../../../shared/html/anchor.ts';
import type { TextSegment } from '../../../shared/html/dom-text.ts';
import { planMetadataOf } from '../../../shared/html/page-metadata.ts';
import { readPage } from '../../../shared/html/read-page.ts';
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

export function readLivePage(doc: Document, url: string): LivePage {
  const reading = readPage(doc, parseHtml);
  const detailed = extractPlanDetailed(reading.text, {
    id: sha256Hex(reading.text),
    source: { kind: 'html', url, file: null },
    metadata: planMetadataOf(reading.metadata),
    warnings: reading.warnings,
  });
  const page = { segments: reading.segments, sourceOffsets: detailed.sourceOffsets };
  const { marks, unanchored } = markPlan(doc, detailed.export, page);
  return { export: detailed.export, marks, unanchored, attachments: findAttachments(doc, url), ...page };
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
