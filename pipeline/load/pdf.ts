// PDF backend (Node): pdf.js legacy build, lines rebuilt from text-item positions, running
// headers and page numbers dropped, pages streamed one at a time. Pages without a text layer
// are reported so the OCR backend can read them.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describePdfError } from '../../shared/pdf/errors.ts';
import type { PdfReading } from '../../shared/pdf/pages.ts';
import { readTextLayer } from '../../shared/pdf/text-layer.ts';

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

/** Renders pages to PNG for OCR (pdf.js draws onto @napi-rs/canvas in Node). */
export async function renderPdfPages(bytes: Uint8Array, pages: readonly number[], dpi: number, each: (page: number, png: Buffer) => Promise<void>): Promise<void> {
  const { createCanvas } = await import('@napi-rs/canvas');
  const document = await openPdf(bytes.slice());
  try {
    for (const number of pages) {
      const page = await document.getPage(number);
      const viewport = page.getViewport({ scale: dpi / 72 });
      const canvas = createCanvas(Math.ceil(viewport.width), Math.ceil(viewport.height));
      const context = canvas.getContext('2d');
      context.fillStyle = '#ffffff';
      context.fillRect(0, 0, canvas.width, canvas.height);
      await page.render({ canvas: canvas as unknown as HTMLCanvasElement, canvasContext: context as unknown as CanvasRenderingContext2D, viewport }).promise;
      page.cleanup();
      await each(number, canvas.toBuffer('image/png'));
    }
  } finally {
    await document.destroy();
  }
}
