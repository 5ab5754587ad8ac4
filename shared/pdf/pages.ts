// From pdf.js text content to page texts, and the page texts of a PDF some of whose pages were
// read by OCR. Shared by the Node pipeline and the extension's attachment page; pdf.js itself is
// never imported here (callers hand in what it returned), so this stays pure and browser-safe.
import { dropPageNumberLines, dropRunningLines, joinWrappedLines, lineRecordsFromItems, MIN_PAGE_CHARACTERS, type PdfLine, type PdfTextItem } from './lines.ts';
import { warningText } from '../messages.ts';

export interface PdfPage {
  number: number;
  text: string;
  /** Characters on the page that are not white space: few or none means a scan. */
  characters: number;
}

export interface PdfReading {
  pages: PdfPage[];
  /** Pages (1-based) without a text layer. */
  imagePages: number[];
}

/** The parts of pdf.js's TextItem used here; marked-content entries (no `str`) are skipped. */
export interface PdfJsTextItem {
  str: string;
  transform: readonly number[];
  width: number;
  height: number;
}

/** Pages under this mean OCR confidence get a warning in the export. */
export const LOW_OCR_CONFIDENCE = 80;
/** Pages without text are drawn at this resolution for OCR: tesseract is told it, and chi_sim reads best near it. */
export const OCR_DPI = 200;

/** A page's text items as positioned items (x, y from the transform; height from the font size when pdf.js gives none). */
export function itemsOfTextContent(items: ReadonlyArray<PdfJsTextItem | object>): PdfTextItem[] {
  const positioned: PdfTextItem[] = [];
  for (const item of items) {
    if (!('str' in item)) continue;
    const { str, transform, width, height } = item as PdfJsTextItem;
    positioned.push({ str, x: transform[4] as number, y: transform[5] as number, width, height: height || Math.abs(transform[3] as number) });
  }
  return positioned;
}

/** The lines of one page with their right ends, for joinPageLines once every page is read. */
export function pageLineRecordsOf(items: readonly PdfTextItem[]): PdfLine[] {
  return items.length > 0 ? lineRecordsFromItems(items) : [];
}

/** Every page's lines, wrapped lines rejoined against the document's widest line. */
export function joinPageLines(pages: ReadonlyArray<readonly PdfLine[]>): string[][] {
  let right = -Infinity;
  for (const page of pages) for (const line of page) if (line.text.trim() !== '' && line.right > right) right = line.right;
  return pages.map((page) => (Number.isFinite(right) ? joinWrappedLines(page, right) : page.map((line) => line.text)));
}

/** The pages of a text-layer reading: running lines dropped; pages under MIN_PAGE_CHARACTERS need OCR. */
export function readingOfPages(pageLines: readonly string[][]): PdfReading {
  const pages = dropRunningLines(pageLines).map((lines, index) => {
    const text = lines.join('\n');
    return { number: index + 1, text, characters: text.replace(/\s+/g, '').length };
  });
  return { pages, imagePages: pages.filter((p) => p.characters < MIN_PAGE_CHARACTERS).map((p) => p.number) };
}

/**
 * The text of each page, OCR'd pages replaced by what OCR read. OCR reads running titles and
 * page numbers too, a little differently on each page: with any OCR page they are dropped again,
 * approximately.
 */
export function pageTextsWithOcr(pages: readonly PdfPage[], ocrTexts: ReadonlyMap<number, string>): string[] {
  const texts = pages.map((p) => ocrTexts.get(p.number) ?? p.text);
  if (ocrTexts.size === 0) return texts;
  const lines = texts.map((t) => t.split('\n').filter((l) => l.trim() !== ''));
  return dropPageNumberLines(dropRunningLines(lines, true)).map((page) => page.join('\n'));
}

/** One warning per page OCR read with low confidence, as the pipeline words them. */
export function ocrConfidenceWarnings(ocrPages: ReadonlyArray<{ page: number; confidence: number }>): string[] {
  return [...ocrPages]
    .sort((a, b) => a.page - b.page)
    .filter((p) => p.confidence < LOW_OCR_CONFIDENCE)
    .map((p) => warningText('ocrConfidence', p.page, Math.round(p.confidence)));
}
