// A fetched PDF to an export: text layer, OCR for the pages without one, the pipeline's page
// assembly and warnings, then the shared extractor. pdf.js and the OCR engine are injected, so the
// same steps run in the extension page and in Node tests.
import { extractPlan } from '../../../shared/extract.ts';
import { ocrConfidenceWarnings, pageTextsWithOcr } from '../../../shared/pdf/pages.ts';
import type { GovClipExport } from '../../../shared/schema.ts';
import { sha256Hex } from '../../../shared/sha256.ts';
import { ocrPages, pagesNeedingOcr, type OcrPageResult, type Recognizer } from './ocr-pages.ts';
import { openPdfDocument, readTextLayer, type PdfDataUrls, type PdfJsLike, type PdfPageLike } from './read-pdf.ts';
import { warningText } from '../../../shared/messages.ts';

export type Progress =
  | { stage: 'read'; page: number; of: number }
  | { stage: 'ocr-start'; pages: readonly number[] }
  | { stage: 'ocr'; page: number; done: number; of: number }
  | { stage: 'extract' };

export interface AttachmentDeps {
  pdfjs: PdfJsLike;
  urls: PdfDataUrls;
  /** Starts the OCR engine, only when some page needs it. */
  startRecognizers: () => Promise<Recognizer[]>;
  render?: (page: PdfPageLike) => Promise<HTMLCanvasElement>;
}

export interface AttachmentReading {
  export: GovClipExport;
  pages: number;
  ocrPages: OcrPageResult[];
}

export type AttachmentResult = { ok: true; reading: AttachmentReading } | { ok: false; error: string };

export async function extractAttachment(bytes: Uint8Array, pdfUrl: string, deps: AttachmentDeps, onProgress?: (progress: Progress) => void): Promise<AttachmentResult> {
  // The id is the hash of the file's bytes, as the pipeline computes it for the same PDF.
  const id = sha256Hex(bytes);
  const opened = await openPdfDocument(deps.pdfjs, bytes, deps.urls);
  if (!opened.ok) return opened;
  const { document } = opened;
  const recognizers: Recognizer[] = [];
  try {
    const read = await readTextLayer(document, (page, of) => onProgress?.({ stage: 'read', page, of }));
    if (!read.ok) return read;
    const { pages } = read.reading;
    const toOcr = pagesNeedingOcr(read.reading);
    const warnings: string[] = [];
    let ocrResults: OcrPageResult[] = [];
    if (toOcr.length > 0) {
      onProgress?.({ stage: 'ocr-start', pages: toOcr });
      try {
        recognizers.push(...(await deps.startRecognizers()));
        ocrResults = await ocrPages({
          document,
          pages: toOcr,
          recognizers,
          render: deps.render,
          onPage: (event) => onProgress?.({ stage: 'ocr', page: event.page, done: event.done, of: event.of }),
        });
      } catch (error) {
        // The text pages are still worth reading; the export says which pages are missing.
        warnings.push(warningText('ocrFailed', toOcr.join(', '), (error as Error)?.message ?? String(error)));
        ocrResults = [];
      }
    }
    warnings.push(...ocrConfidenceWarnings(ocrResults));
    onProgress?.({ stage: 'extract' });
    const texts = pageTextsWithOcr(pages, new Map(ocrResults.map((r) => [r.page, r.text])));
    const exported = extractPlan(texts.join('\n'), {
      id,
      source: { kind: 'pdf', url: pdfUrl, file: null },
      warnings,
      // OCR misreadings (≥ read as > 之 这 关, clause brackets) are repaired only in OCR'd text.
      ocr: ocrResults.length > 0,
    });
    return { ok: true, reading: { export: exported, pages: pages.length, ocrPages: ocrResults } };
  } catch (error) {
    return { ok: false, error: `cannot read the PDF: ${(error as Error)?.message ?? String(error)}` };
  } finally {
    await Promise.all(recognizers.map((r) => r.terminate().catch(() => undefined)));
    await document.destroy().catch(() => undefined);
  }
}
