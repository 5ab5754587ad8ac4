// A PDF's text layer, page by page, through whichever pdf.js build the caller has (the legacy
// build in Node, the browser build in the extension): both read the same lines.
import { describePdfError } from './errors.ts';
import { itemsOfTextContent, pageLinesOf, readingOfPages, type PdfJsTextItem, type PdfReading } from './pages.ts';

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
    const pageLines: string[][] = [];
    for (let number = 1; number <= document.numPages; number++) {
      const page = await document.getPage(number);
      const content = await page.getTextContent();
      pageLines.push(pageLinesOf(itemsOfTextContent(content.items)));
      page.cleanup();
      onPage?.(number, document.numPages);
    }
    return { ok: true, reading: readingOfPages(pageLines) };
  } catch (error) {
    return { ok: false, error: describePdfError(error) };
  }
}
