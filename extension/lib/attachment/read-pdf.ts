// Reading a PDF's text layer with pdf.js, the module injected: the extension page hands in the
// modern browser build, the Node tests the legacy build. Lines are rebuilt by the pipeline's own
// code (shared/pdf/), so a PDF gives the same text here as on the command line.
import { describePdfError } from '../../../shared/pdf/errors.ts';
import type { PdfJsTextItem } from '../../../shared/pdf/pages.ts';

/** The part of a pdf.js page this code uses (text, and drawing for OCR). */
export interface PdfPageLike {
  getTextContent(): Promise<{ items: ReadonlyArray<PdfJsTextItem | object> }>;
  getViewport(options: { scale: number }): { width: number; height: number };
  render(parameters: { canvas: HTMLCanvasElement; canvasContext?: CanvasRenderingContext2D; viewport: never }): { promise: Promise<void> };
  cleanup(): boolean | void;
}

export interface PdfDocumentLike {
  numPages: number;
  getPage(number: number): Promise<PdfPageLike>;
  destroy(): Promise<void>;
}

export interface PdfLoadingTaskLike {
  promise: Promise<PdfDocumentLike>;
  destroy(): Promise<void>;
}

/** The getDocument parameters used here; pdf.js takes many more. */
export interface OpenParameters {
  data: Uint8Array;
  cMapUrl: string;
  cMapPacked: boolean;
  standardFontDataUrl: string;
  wasmUrl?: string;
  iccUrl?: string;
  isEvalSupported: boolean;
  verbosity: number;
  useSystemFonts?: boolean;
  disableFontFace?: boolean;
}

export interface PdfJsLike {
  getDocument(parameters: OpenParameters): PdfLoadingTaskLike;
}

export interface PdfDataUrls {
  cMapUrl: string;
  standardFontDataUrl: string;
  wasmUrl?: string;
  iccUrl?: string;
}

export type Opened = { ok: true; document: PdfDocumentLike } | { ok: false; error: string };

/** Opens a PDF; damaged, encrypted and empty files come back as one line. */
export async function openPdfDocument(pdfjs: PdfJsLike, bytes: Uint8Array, urls: PdfDataUrls): Promise<Opened> {
  let task: PdfLoadingTaskLike;
  try {
    // pdf.js transfers the buffer it is given to its worker: a copy keeps the caller's bytes.
    task = pdfjs.getDocument({
      data: bytes.slice(),
      ...urls,
      // Without the CMaps, PDFs whose Chinese fonts are not embedded give no text.
      cMapPacked: true,
      // Extension pages forbid eval; pdf.js would only find that out by trying.
      isEvalSupported: false,
      verbosity: 0,
    });
  } catch (error) {
    return { ok: false, error: describePdfError(error) };
  }
  try {
    const document = await task.promise;
    if (document.numPages === 0) {
      await document.destroy();
      return { ok: false, error: 'the PDF has no pages' };
    }
    return { ok: true, document };
  } catch (error) {
    // A PDF that fails to open still holds a loading task: release it.
    await task.destroy().catch(() => undefined);
    return { ok: false, error: describePdfError(error) };
  }
}

export { readTextLayer, type TextRead } from '../../../shared/pdf/text-layer.ts';
