// Files to plan text, one backend per input kind (text, HTML, PDF, images), all feeding the same
// core. Problems a user can cause come back as data, never as exceptions.
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { planMetadataOf } from '../../shared/html/page-metadata.ts';
import type { PlanMetadata } from '../../shared/model.ts';
import { OCR_DPI, ocrConfidenceWarnings, pageTextsWithOcr } from '../../shared/pdf/pages.ts';
import type { SourceKind } from '../../shared/schema.ts';
import { decodeText } from './decode-text.ts';
import type { OcrPool } from './ocr.ts';
import { readPdf, renderPdfPages } from './pdf.ts';
import { warningText } from '../../shared/messages.ts';

export const MAX_INPUT_BYTES = 256 * 1024 * 1024;

export type OcrMode = 'auto' | 'always' | 'never';

export interface LoadOptions {
  ocr: OcrMode;
  /** Shared across the files of a batch; created by the caller, terminated at the end. */
  pool: () => OcrPool;
  onPage?: (done: number, of: number) => void;
}

export interface LoadedDocument {
  file: string;
  kind: SourceKind;
  id: string;
  text: string;
  warnings: string[];
  metadata?: Partial<PlanMetadata>;
  pages: number | null;
  /** Pages read by OCR, with their confidence. */
  ocrPages: Array<{ page: number; confidence: number; seconds: number }>;
  /** The text of each page (PDFs and images), for per-page error rates. */
  pageTexts?: string[];
}

export type LoadResult = { ok: true; document: LoadedDocument } | { ok: false; file: string; error: string };

const KIND_BY_EXTENSION: Readonly<Record<string, SourceKind>> = {
  '.txt': 'text',
  '.text': 'text',
  '.htm': 'html',
  '.html': 'html',
  '.shtml': 'html',
  '.pdf': 'pdf',
  '.png': 'image',
  '.jpg': 'image',
  '.jpeg': 'image',
};

export function kindOf(path: string): SourceKind | null {
  return KIND_BY_EXTENSION[extname(path).toLowerCase()] ?? null;
}

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

const PNG_MAGIC = [0x89, 0x50, 0x4e, 0x47];
const JPEG_MAGIC = [0xff, 0xd8, 0xff];
const startsWith = (bytes: Uint8Array, magic: readonly number[]) => magic.every((b, i) => bytes[i] === b);

type Backend = (bytes: Uint8Array, options: LoadOptions) => Promise<Omit<LoadedDocument, 'file' | 'kind' | 'id'> | { error: string }>;

const textBackend: Backend = async (bytes) => {
  const decoded = decodeText(bytes);
  if (!decoded.ok) return { error: decoded.error };
  return { text: decoded.text, warnings: decoded.encoding === 'utf-8' ? [] : [warningText('decodedAs', decoded.encoding)], pages: null, ocrPages: [] };
};

const htmlBackend: Backend = async (bytes) => {
  if (bytes.subarray(0, 8192).includes(0)) return { error: 'binary file (contains NUL bytes), not an HTML page' };
  // linkedom and Readability load only when a page is read.
  const { readHtml } = await import('./html.ts');
  const page = readHtml(bytes);
  const metadata = planMetadataOf(page.metadata);
  const warnings = [...page.warnings, ...(page.encoding === 'utf-8' ? [] : [warningText('decodedAs', page.encoding)])];
  return { text: page.text, warnings, metadata, pages: null, ocrPages: [] };
};

async function ocrImages(images: AsyncIterable<{ page: number; png: Buffer }> | Iterable<{ page: number; png: Buffer }>, options: LoadOptions) {
  const pool = options.pool();
  const jobs: Array<Promise<{ page: number; text: string; confidence: number; seconds: number }>> = [];
  for await (const { page, png } of images) jobs.push(pool.recognize(png).then((r) => ({ page, ...r })));
  return Promise.all(jobs);
}

const pdfBackend: Backend = async (bytes, options) => {
  if (!startsWith(bytes, [0x25, 0x50, 0x44, 0x46])) return { error: 'not a PDF (no %PDF header)' };
  const read = await readPdf(bytes, options.onPage);
  if (!read.ok) return { error: read.error };
  const { pages, imagePages } = read.reading;
  const toOcr = options.ocr === 'always' ? pages.map((p) => p.number) : options.ocr === 'auto' ? imagePages : [];
  const warnings: string[] = [];
  const ocrTexts = new Map<number, string>();
  const ocrPages: LoadedDocument['ocrPages'] = [];
  if (toOcr.length > 0) {
    // Pages are rendered one at a time and queued to the pool, so OCR runs while the next renders.
    const results: Array<Promise<void>> = [];
    const pool = options.pool();
    await renderPdfPages(bytes, toOcr, OCR_DPI, async (page, png) => {
      results.push(
        pool.recognize(png).then((r) => {
          ocrTexts.set(page, r.text);
          ocrPages.push({ page, confidence: r.confidence, seconds: r.seconds });
        }),
      );
      // Bounded memory: at most a pool's worth of rendered pages wait at once.
      if (results.length % pool.size === 0) await Promise.all(results);
    });
    await Promise.all(results);
    ocrPages.sort((a, b) => a.page - b.page);
  } else if (imagePages.length > 0) {
    warnings.push(warningText('noTextLayer', imagePages.length, pages.length, imagePages.join(', ')));
  }
  warnings.push(...ocrConfidenceWarnings(ocrPages));
  const pageTexts = pageTextsWithOcr(pages, ocrTexts);
  return { text: pageTexts.join('\n'), warnings, pages: pages.length, ocrPages, pageTexts };
};

const imageBackend: Backend = async (bytes, options) => {
  if (!startsWith(bytes, PNG_MAGIC) && !startsWith(bytes, JPEG_MAGIC)) return { error: 'not a PNG or JPEG image' };
  if (options.ocr === 'never') return { text: '', warnings: [warningText('imageWithoutOcr')], pages: 1, ocrPages: [] };
  let result;
  try {
    [result] = await ocrImages([{ page: 1, png: Buffer.from(bytes) }], options);
  } catch {
    return { error: 'not a readable image (the image data is damaged)' };
  }
  if (!result) return { error: 'OCR returned nothing' };
  const warnings = ocrConfidenceWarnings([{ page: 1, confidence: result.confidence }]);
  return { text: result.text, warnings, pages: 1, ocrPages: [{ page: 1, confidence: result.confidence, seconds: result.seconds }], pageTexts: [result.text] };
};

const BACKENDS: Readonly<Record<SourceKind, Backend>> = { text: textBackend, html: htmlBackend, pdf: pdfBackend, image: imageBackend };

export async function loadDocument(path: string, options: LoadOptions): Promise<LoadResult> {
  const file = basename(path);
  const kind = kindOf(path);
  if (kind === null) return { ok: false, file, error: `unsupported file type "${extname(path) || '(none)'}": give .txt, .html, .pdf, .png or .jpg` };
  try {
    const info = await stat(path);
    if (!info.isFile()) return { ok: false, file, error: 'not a regular file' };
    if (info.size > MAX_INPUT_BYTES) return { ok: false, file, error: `too large (${(info.size / 1048576).toFixed(0)} MB; the limit is ${MAX_INPUT_BYTES / 1048576} MB)` };
  } catch (error) {
    return { ok: false, file, error: `cannot read: ${(error as NodeJS.ErrnoException).code ?? String(error)}` };
  }
  const bytes = new Uint8Array(await readFile(path));
  const loaded = await BACKENDS[kind](bytes, options);
  if ('error' in loaded) return { ok: false, file, error: loaded.error };
  return { ok: true, document: { file, kind, id: sha256Hex(bytes), ...loaded } };
}
