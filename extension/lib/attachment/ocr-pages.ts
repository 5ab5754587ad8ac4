// OCR of the pages a PDF has no text for: the pipeline's rule (fewer than MIN_PAGE_CHARACTERS),
// pages drawn at 200 dpi like the pipeline's, read by tesseract.js workers from packaged files.
import { OCR_DPI, type PdfReading } from '../../../shared/pdf/pages.ts';
import type { PdfDocumentLike, PdfPageLike } from './read-pdf.ts';

/** A page drawn larger than this (a poster, a drawing) is drawn at a lower resolution: canvases have limits. */
export const MAX_CANVAS_PIXELS = 40_000_000;

export interface Recognized {
  text: string;
  /** Mean confidence, 0–100. */
  confidence: number;
}

export interface Recognizer {
  recognize(image: HTMLCanvasElement): Promise<Recognized>;
  terminate(): Promise<void>;
}

export interface OcrPageResult extends Recognized {
  page: number;
  seconds: number;
}

/** The pages to OCR: those without a usable text layer. */
export function pagesNeedingOcr(reading: PdfReading): number[] {
  return [...reading.imagePages];
}

/** The scale to draw a page of this size (in PDF units, 1/72 inch) at `dpi`, within the canvas limit. */
export function renderScale(width: number, height: number, dpi = OCR_DPI, maxPixels = MAX_CANVAS_PIXELS): number {
  const scale = dpi / 72;
  const pixels = width * scale * height * scale;
  return pixels <= maxPixels ? scale : scale * Math.sqrt(maxPixels / pixels);
}

/** Draws a page onto a new canvas on white (tesseract reads transparent pixels as black). */
export async function renderPage(page: PdfPageLike, createCanvas: () => HTMLCanvasElement = () => document.createElement('canvas')): Promise<HTMLCanvasElement> {
  const unit = page.getViewport({ scale: 1 });
  const viewport = page.getViewport({ scale: renderScale(unit.width, unit.height) });
  const canvas = createCanvas();
  canvas.width = Math.ceil(viewport.width);
  canvas.height = Math.ceil(viewport.height);
  const context = canvas.getContext('2d');
  if (!context) throw new Error('no 2D canvas to draw the page on');
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, canvas.width, canvas.height);
  await page.render({ canvas, canvasContext: context, viewport: viewport as never }).promise;
  return canvas;
}

export interface OcrRun {
  document: PdfDocumentLike;
  pages: readonly number[];
  /** Started lazily by the caller's factory; one recognizer reads one page at a time. */
  recognizers: readonly Recognizer[];
  render?: (page: PdfPageLike) => Promise<HTMLCanvasElement>;
  onPage?: (event: { page: number; done: number; of: number; phase: 'start' | 'done' }) => void;
  now?: () => number;
}

/**
 * Reads the pages, as many at once as there are recognizers. Each page is drawn just before it is
 * read and its canvas released after, so memory holds one page per recognizer.
 */
export async function ocrPages(run: OcrRun): Promise<OcrPageResult[]> {
  const render = run.render ?? ((page: PdfPageLike) => renderPage(page));
  const now = run.now ?? (() => performance.now());
  const queue = [...run.pages];
  const results: OcrPageResult[] = [];
  let done = 0;
  const lane = async (recognizer: Recognizer) => {
    try {
      await readPages(recognizer);
    } catch (error) {
      // One failure ends the run: the other lanes stop taking pages.
      queue.length = 0;
      throw error;
    }
  };
  const readPages = async (recognizer: Recognizer) => {
    for (let number = queue.shift(); number !== undefined; number = queue.shift()) {
      const started = now();
      run.onPage?.({ page: number, done, of: run.pages.length, phase: 'start' });
      const page = await run.document.getPage(number);
      const canvas = await render(page);
      page.cleanup();
      try {
        const { text, confidence } = await recognizer.recognize(canvas);
        results.push({ page: number, text, confidence, seconds: (now() - started) / 1000 });
      } finally {
        // A 200 dpi A4 page is about 15 MB of pixels: give them back at once.
        canvas.width = 0;
        canvas.height = 0;
      }
      done++;
      run.onPage?.({ page: number, done, of: run.pages.length, phase: 'done' });
    }
  };
  await Promise.all(run.recognizers.map(lane));
  return results.sort((a, b) => a.page - b.page);
}
