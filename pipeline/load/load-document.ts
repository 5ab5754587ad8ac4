// Files to plan text, one backend per input kind (text, HTML, PDF, images), all feeding the same
// core. Problems a user can cause come back as data, never as exceptions.
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { planMetadataOf } from '../../shared/html/page-metadata.ts';
import type { PlanMetadata } from '../../shared/model.ts';
import { OCR_DPI, ocrConfidenceWarnings, pageTextsWithOcr } from '../../shared/pdf/pages.ts';
import type { SourceKind } from '../../shared/schema.ts';
import { describeFsError, STDIN } from '../inputs.ts';
import { decodeText } from './decode-text.ts';
import { loadWarnings } from './warnings.ts';
import type { OcrPool } from './ocr.ts';
import { guardPdf, MAX_IMAGE_PIXELS, MAX_INFLATED_STREAM_BYTES } from './pdf-guard.ts';
import { MAX_RENDER_PIXELS, readPdf, renderPdfPages } from './pdf.ts';

export const MAX_INPUT_BYTES = 256 * 1024 * 1024;

export type OcrMode = 'auto' | 'always' | 'never';

/** Pages OCR'd per file unless --max-ocr-pages says otherwise: a long scan is minutes per hundred pages. */
export const DEFAULT_MAX_OCR_PAGES = 300;

export interface LoadOptions {
  ocr: OcrMode;
  /** Shared across the files of a batch; created by the caller, terminated at the end. */
  pool: () => OcrPool;
  /** Progress within a file: pages read, then pages drawn for OCR (`what` says which). */
  onPage?: (done: number, of: number, what?: string) => void;
  /** At most this many pages of one file are OCR'd (default DEFAULT_MAX_OCR_PAGES). */
  maxOcrPages?: number;
  /** Reads standard input, for the input `-`. */
  stdin?: () => Promise<Uint8Array>;
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

/** A web page saved as .txt (or piped in): its markup, not its CSS, is what to read. */
export function looksLikeMarkup(text: string): boolean {
  const head = text.slice(0, 4096);
  if (/<(?:!doctype\s+html|html|head|body)[\s>]/i.test(head)) return true;
  return /^\s*</.test(head) && /<\/(?:p|div|span|td|table|title|a)>/i.test(head);
}

const textBackend: Backend = async (bytes) => {
  const decoded = decodeText(bytes);
  if (!decoded.ok) return { error: decoded.error };
  const warnings = [...(decoded.encoding === 'utf-8' ? [] : [loadWarnings.decodedAs(decoded.encoding)]), ...decoded.warnings];
  if (looksLikeMarkup(decoded.text)) {
    const page = await readHtmlPage(decoded.text, decoded.encoding);
    return { ...page, warnings: [loadWarnings.markupInText(), ...warnings, ...page.warnings] };
  }
  return { text: decoded.text, warnings, pages: null, ocrPages: [] };
};

async function readHtmlPage(html: string, encoding: string) {
  // linkedom and Readability load only when a page is read.
  const { readHtmlText } = await import('./html.ts');
  const page = readHtmlText(html, encoding);
  return { text: page.text, warnings: page.warnings, metadata: planMetadataOf(page.metadata), pages: null, ocrPages: [] };
}

const htmlBackend: Backend = async (bytes, options) => {
  const { decodeHtml } = await import('./html.ts');
  const { html, encoding } = decodeHtml(bytes);
  if (html.slice(0, 8192).includes('\0')) return { error: 'binary file (contains NUL bytes), not an HTML page' };
  // An empty file, or a text plan saved as .html: no markup to read, so read it as the text it is.
  if (!/<[a-z!]/i.test(html.slice(0, 65536))) {
    return textBackend(bytes, options);
  }
  const page = await readHtmlPage(html, encoding);
  return { ...page, warnings: [...page.warnings, ...(encoding === 'utf-8' ? [] : [loadWarnings.decodedAs(encoding)])] };
};

async function ocrImages(images: AsyncIterable<{ page: number; png: Buffer }> | Iterable<{ page: number; png: Buffer }>, options: LoadOptions) {
  const pool = options.pool();
  const jobs: Array<Promise<{ page: number; text: string; confidence: number; seconds: number }>> = [];
  for await (const { page, png } of images) jobs.push(pool.recognize(png).then((r) => ({ page, ...r })));
  return Promise.all(jobs);
}

const pdfBackend: Backend = async (bytes, options) => {
  if (!startsWith(bytes, [0x25, 0x50, 0x44, 0x46])) return { error: 'not a PDF (no %PDF header)' };
  const guard = guardPdf(bytes);
  if (guard.bomb) return { error: `refused: a compressed stream inflates past ${MAX_INFLATED_STREAM_BYTES / 1048576} MB (a decompression bomb, or a damaged file)` };
  const read = await readPdf(bytes, options.onPage);
  if (!read.ok) return { error: read.error };
  const { pages, imagePages } = read.reading;
  const warnings: string[] = guard.largeImages.map((image) => loadWarnings.imageTooLarge(image.width, image.height, MAX_IMAGE_PIXELS / 1e6));
  const toOcr = options.ocr === 'always' ? pages.map((p) => p.number) : options.ocr === 'auto' ? imagePages : [];
  const cap = options.maxOcrPages ?? DEFAULT_MAX_OCR_PAGES;
  const ocrTexts = new Map<number, string>();
  const ocrPages: LoadedDocument['ocrPages'] = [];
  if (toOcr.length > 0) {
    // Pages are rendered one at a time and queued to the pool, so OCR runs while the next renders.
    const results: Array<Promise<void>> = [];
    let pool: OcrPool | null = null;
    const report = await renderPdfPages(
      bytes,
      toOcr,
      OCR_DPI,
      async (page, png) => {
        pool ??= options.pool();
        const workers = pool;
        results.push(
          workers.recognize(png).then((r) => {
            ocrTexts.set(page, r.text);
            ocrPages.push({ page, confidence: r.confidence, seconds: r.seconds });
          }),
        );
        // Bounded memory: at most a pool's worth of rendered pages wait at once.
        if (results.length % workers.size === 0) await Promise.all(results);
      },
      { limit: cap, onPage: options.onPage ? (done, of) => options.onPage?.(done, of, 'OCR page') : undefined },
    );
    await Promise.all(results);
    ocrPages.sort((a, b) => a.page - b.page);
    if (report.blank.length > 0) warnings.push(loadWarnings.blankPages(report.blank));
    if (report.skipped.length > 0) warnings.push(loadWarnings.ocrPageCap(report.skipped, cap));
    if (report.scaled.length > 0) warnings.push(loadWarnings.pageScaledDown(report.scaled, MAX_RENDER_PIXELS / 1e6));
  } else if (imagePages.length > 0) {
    warnings.push(loadWarnings.noTextLayer(imagePages, pages.length));
  }
  warnings.push(...ocrConfidenceWarnings(ocrPages));
  const pageTexts = pageTextsWithOcr(pages, ocrTexts);
  return { text: pageTexts.join('\n'), warnings, pages: pages.length, ocrPages, pageTexts };
};

const imageBackend: Backend = async (bytes, options) => {
  if (!startsWith(bytes, PNG_MAGIC) && !startsWith(bytes, JPEG_MAGIC)) return { error: 'not a PNG or JPEG image' };
  if (options.ocr === 'never') return { text: '', warnings: [loadWarnings.imageWithoutOcr()], pages: 1, ocrPages: [] };
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

/** What bytes without a file name hold (standard input): a PDF, an image, a web page or text. */
export function sniffKind(bytes: Uint8Array): SourceKind {
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46])) return 'pdf';
  if (startsWith(bytes, PNG_MAGIC) || startsWith(bytes, JPEG_MAGIC)) return 'image';
  const decoded = decodeText(bytes.subarray(0, 4096));
  return decoded.ok && looksLikeMarkup(decoded.text) ? 'html' : 'text';
}

/** One input's bytes through its backend; `file` names it in the export. */
export async function loadBytes(file: string, kind: SourceKind, bytes: Uint8Array, options: LoadOptions): Promise<LoadResult> {
  const loaded = await BACKENDS[kind](bytes, options);
  if ('error' in loaded) return { ok: false, file, error: loaded.error };
  return { ok: true, document: { file, kind, id: sha256Hex(bytes), ...loaded } };
}

export async function loadDocument(path: string, options: LoadOptions): Promise<LoadResult> {
  if (path === STDIN) {
    if (!options.stdin) return { ok: false, file: 'stdin', error: 'standard input is not available here' };
    const bytes = await options.stdin();
    if (bytes.length > MAX_INPUT_BYTES) return { ok: false, file: 'stdin', error: `too large (the limit is ${MAX_INPUT_BYTES / 1048576} MB)` };
    return loadBytes('stdin', sniffKind(bytes), bytes, options);
  }
  const file = basename(path);
  const kind = kindOf(path);
  if (kind === null) return { ok: false, file, error: `unsupported file type "${extname(path) || '(none)'}": give .txt, .html, .pdf, .png or .jpg` };
  let bytes: Uint8Array;
  try {
    const info = await stat(path);
    if (!info.isFile()) return { ok: false, file, error: 'not a regular file' };
    if (info.size > MAX_INPUT_BYTES) return { ok: false, file, error: `too large (${(info.size / 1048576).toFixed(0)} MB; the limit is ${MAX_INPUT_BYTES / 1048576} MB)` };
    bytes = new Uint8Array(await readFile(path));
  } catch (error) {
    return { ok: false, file, error: `cannot read: ${describeFsError(error)}` };
  }
  return loadBytes(file, kind, bytes, options);
}
