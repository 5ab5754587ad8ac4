// PDF backend (Node): pdf.js legacy build, lines rebuilt from text-item positions, running
// headers and page numbers dropped, pages streamed one at a time. Pages without a text layer
// are reported so the OCR backend can read them.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describePdfError } from '../../shared/pdf/errors.ts';
import type { PdfReading } from '../../shared/pdf/pages.ts';
import { readTextLayer } from '../../shared/pdf/text-layer.ts';
import { MAX_IMAGE_PIXELS } from './pdf-guard.ts';

const require = createRequire(import.meta.url);
const PDFJS_DIR = dirname(require.resolve('pdfjs-dist/package.json'));
/** Without the CMaps, PDFs whose Chinese fonts are not embedded (Adobe-GB1, STSong) give no text. */
const CMAP_URL = `${join(PDFJS_DIR, 'cmaps')}/`;
const STANDARD_FONTS_URL = `${join(PDFJS_DIR, 'standard_fonts')}/`;

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
let pdfjs: Promise<PdfJs> | null = null;
function loadPdfJs(): Promise<PdfJs> {
  pdfjs ??= import('pdfjs-dist/legacy/build/pdf.mjs').then((module) => {
    module.GlobalWorkerOptions.workerSrc = pathToFileURL(join(PDFJS_DIR, 'legacy', 'build', 'pdf.worker.mjs')).href;
    return module;
  });
  return pdfjs;
}

export type { PdfPage, PdfReading } from '../../shared/pdf/pages.ts';
// The line rebuilding is shared with the extension's attachment page: the same PDF reads the same there.
export { describePdfError } from '../../shared/pdf/errors.ts';
export { dropPageNumberLines, dropRunningLines, linesFromItems, MIN_PAGE_CHARACTERS } from '../../shared/pdf/lines.ts';

export type PdfResult = { ok: true; reading: PdfReading } | { ok: false; error: string };

/** Opens a PDF; errors a user can cause (damaged, encrypted, empty) come back as messages. */
export async function openPdf(bytes: Uint8Array) {
  const { getDocument } = await loadPdfJs();
  const task = getDocument({
    data: bytes,
    cMapUrl: CMAP_URL,
    cMapPacked: true,
    standardFontDataUrl: STANDARD_FONTS_URL,
    useSystemFonts: false,
    disableFontFace: true,
    isEvalSupported: false,
    verbosity: 0,
    // Larger images are not decoded at all (a 4 KB file may declare 60,000 × 60,000 pixels).
    maxImageSize: MAX_IMAGE_PIXELS,
  });
  try {
    return await task.promise;
  } catch (error) {
    // A PDF that fails to open still holds a loading task: release it.
    await task.destroy();
    throw error;
  }
}

export async function readPdf(bytes: Uint8Array, onPage?: (page: number, of: number) => void): Promise<PdfResult> {
  let document;
  try {
    // pdf.js takes ownership of the buffer it is given: hand it a copy.
    document = await openPdf(bytes.slice());
  } catch (error) {
    return { ok: false, error: describePdfError(error) };
  }
  try {
    if (document.numPages === 0) return { ok: false, error: 'the PDF has no pages' };
    return await readTextLayer(document, onPage);
  } finally {
    await document.destroy();
  }
}

/** A page is drawn for OCR at most this large: A2 at 200 dpi; a 14,400-pt page is scaled down to it. */
export const MAX_RENDER_PIXELS = 25_000_000;

/** Operators that put ink on a page (pdf.js OPS): a page with none of them is blank. */
const INK_OPERATORS = new Set([20, 21, 22, 23, 24, 25, 26, 27, 44, 45, 46, 47, 62, 66, 74, 83, 84, 85, 86, 87, 88, 89, 90, 94]);
const CONSTRUCT_PATH = 91;
const END_PATH = 28;

function hasInkOperators(operators: { fnArray: number[]; argsArray: unknown[] }): boolean {
  return operators.fnArray.some((op, k) => INK_OPERATORS.has(op) || (op === CONSTRUCT_PATH && (operators.argsArray[k] as unknown[] | null)?.[0] !== END_PATH));
}

/** Any pixel darker than paper, looked at in bands (a full page's pixels at once are 100 MB). */
function hasInk(context: { getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray } }, width: number, height: number): boolean {
  const BAND = 128;
  for (let y = 0; y < height; y += BAND) {
    const { data } = context.getImageData(0, y, width, Math.min(BAND, height - y));
    for (let i = 0; i < data.length; i += 4) {
      if ((data[i] as number) < 200 || (data[i + 1] as number) < 200 || (data[i + 2] as number) < 200) return true;
    }
  }
  return false;
}

export interface RenderReport {
  /** Pages without ink: no drawing operators, or nothing darker than paper once drawn. */
  blank: number[];
  /** Pages not drawn because `limit` pages with ink had been. */
  skipped: number[];
  /** Pages drawn below `dpi` to stay within MAX_RENDER_PIXELS. */
  scaled: number[];
}

/**
 * Renders pages to PNG for OCR (pdf.js draws onto @napi-rs/canvas in Node), one at a time. Blank
 * pages are found before OCR, cheaply: first by their operators (no drawing at all, without
 * rendering), then by their pixels. At most `limit` pages are drawn.
 */
export async function renderPdfPages(
  bytes: Uint8Array,
  pages: readonly number[],
  dpi: number,
  each: (page: number, png: Buffer) => Promise<void>,
  options: { limit?: number; onPage?: (done: number, of: number) => void } = {},
): Promise<RenderReport> {
  const { createCanvas } = await import('@napi-rs/canvas');
  const document = await openPdf(bytes.slice());
  const report: RenderReport = { blank: [], skipped: [], scaled: [] };
  let drawn = 0;
  try {
    for (const [k, number] of pages.entries()) {
      options.onPage?.(k + 1, pages.length);
      const page = await document.getPage(number);
      if (!hasInkOperators(await page.getOperatorList())) {
        report.blank.push(number);
        page.cleanup();
        continue;
      }
      if (drawn >= (options.limit ?? Infinity)) {
        report.skipped.push(number);
        page.cleanup();
        continue;
      }
      let viewport = page.getViewport({ scale: dpi / 72 });
      if (viewport.width * viewport.height > MAX_RENDER_PIXELS) {
        viewport = page.getViewport({ scale: (dpi / 72) * Math.sqrt(MAX_RENDER_PIXELS / (viewport.width * viewport.height)) });
        report.scaled.push(number);
      }
      const width = Math.max(1, Math.floor(viewport.width));
      const height = Math.max(1, Math.floor(viewport.height));
      const canvas = createCanvas(width, height);
      const context = canvas.getContext('2d');
      context.fillStyle = '#ffffff';
      context.fillRect(0, 0, width, height);
      await page.render({ canvas: canvas as unknown as HTMLCanvasElement, canvasContext: context as unknown as CanvasRenderingContext2D, viewport }).promise;
      page.cleanup();
      if (!hasInk(context, width, height)) {
        report.blank.push(number);
        continue;
      }
      drawn++;
      await each(number, canvas.toBuffer('image/png'));
    }
  } finally {
    await document.destroy();
  }
  report.blank.sort((a, b) => a - b);
  return report;
}
