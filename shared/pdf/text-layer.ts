// A PDF's text layer, page by page, through whichever pdf.js build the caller has (the legacy
// build in Node, the browser build in the extension): both read the same lines.
import { describePdfError } from './errors.ts';
import { itemsOfTextContent, joinPageLines, pageLineRecordsOf, readingOfPages, type PdfJsTextItem, type PdfReading } from './pages.ts';
import type { PdfLine } from './lines.ts';

/** The part of a pdf.js page the text layer needs. */
export interface PdfTextPageLike {
  getTextContent(): Promise<{ items: ReadonlyArray<PdfJsTextItem | object> }>;
  cleanup(): boolean | void;
}

export interface PdfTextDocumentLike {
  numPages: number;
  getPage(number: number): Promise<PdfTextPageLike>;
}

export type TextRead = { ok: true; reading: PdfReading } | { ok: false; error: string };

/** The text layer of every page, one page at a time; pages without one are listed for OCR. */
export async function readTextLayer(document: PdfTextDocumentLike, onPage?: (page: number, of: number) => void): Promise<TextRead> {
  try {
    // Lines (not items) are kept until the last page: the widest line of the document is the
    // text block's right edge, which tells a wrapped line from a short one on every page.
    const pageLines: PdfLine[][] = [];
    for (let number = 1; number <= document.numPages; number++) {
      const page = await document.getPage(number);
      const content = await page.getTextContent();
      pageLines.push(pageLineRecordsOf(itemsOfTextContent(content.items)));
      page.cleanup();
      onPage?.(number, document.numPages);
    }
    return { ok: true, reading: readingOfPages(joinPageLines(pageLines)) };
  } catch (error) {
    return { ok: false, error: describePdfError(error) };
  }
}
