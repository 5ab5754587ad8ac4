// PDF backend (Node): pdf.js legacy build, lines rebuilt from text-item positions, running
// headers and page numbers dropped, pages streamed one at a time. Pages without a text layer
// are reported so the OCR backend can read them.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

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

export interface PdfPage {
  number: number;
  text: string;
  /** Characters on the page that are not white space: few or none means a scan. */
  characters: number;
}

interface Item {
  str: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

/** A page with fewer characters than this has no usable text layer. */
export const MIN_PAGE_CHARACTERS = 20;

/** Groups items into lines by baseline, orders them by x, keeps paragraph indents as two spaces. */
export function linesFromItems(items: readonly Item[]): string[] {
  const sorted = items.filter((i) => i.str !== '').sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: Item[][] = [];
  for (const item of sorted) {
    const line = lines[lines.length - 1];
    const tolerance = Math.max(2, item.height * 0.4);
    if (line && Math.abs((line[0] as Item).y - item.y) <= tolerance) line.push(item);
    else lines.push([item]);
  }
  const left = Math.min(...lines.map((line) => Math.min(...line.map((i) => i.x))));
  const charWidth = median(sorted.map((i) => i.height).filter((h) => h > 0)) || 10;
  return lines.map((line) => {
    line.sort((a, b) => a.x - b.x);
    let text = '';
    let end = (line[0] as Item).x;
    for (const item of line) {
      // A visible gap between items (a table column, a justified space) becomes one space.
      if (text !== '' && item.x - end > charWidth * 0.8) text += ' ';
      text += item.str;
      end = item.x + item.width;
    }
    const indent = ((line[0] as Item).x - left) / charWidth;
    // Centred lines (titles, signatures) are indented deeply; a paragraph start by about two characters.
    const pad = indent >= 6 ? ' '.repeat(8) : indent >= 1.5 ? '  ' : '';
    return pad + text;
  });
}

function median(values: readonly number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

function bigrams(text: string): Set<string> {
  const grams = new Set<string>();
  for (let i = 0; i + 1 < text.length; i++) grams.add(text.slice(i, i + 2));
  return grams;
}

/** Two readings of the same line (OCR reads a running title a little differently on each page). */
function sameLine(a: string, b: string): boolean {
  if (a === b) return true;
  const x = bigrams(a);
  const y = bigrams(b);
  let shared = 0;
  for (const gram of x) if (y.has(gram)) shared++;
  return x.size + y.size > 0 && shared / (x.size + y.size - shared) >= 0.6;
}

/**
 * Lines that open or close most pages with the same words: a running title or footer. Exact
 * matches for text layers; OCR pages match approximately (`fuzzy`).
 */
export function dropRunningLines(pages: readonly string[][], fuzzy = false): string[][] {
  if (pages.length < 3) return pages.map((p) => [...p]);
  const exactKey = (line: string) => line.replace(/\s+/g, '').replace(/\d+/g, '#');
  const representatives: string[] = [];
  // Fuzzy keys: each line maps to the first edge line it reads like.
  const key = (line: string) => {
    const exact = exactKey(line);
    if (!fuzzy || exact.length < 4) return exact;
    const match = representatives.find((r) => sameLine(r, exact));
    if (match) return match;
    representatives.push(exact);
    return exact;
  };
  const counts = new Map<string, number>();
  for (const lines of pages) {
    const edges = new Set([...lines.slice(0, 2), ...lines.slice(-2)].map(key));
    for (const edge of edges) counts.set(edge, (counts.get(edge) ?? 0) + 1);
  }
  const running = new Set([...counts].filter(([k, n]) => k !== '' && n >= Math.max(3, pages.length / 2)).map(([k]) => k));
  // On the first page a running title is the document's own title: keep it there.
  return pages.map((lines, pageIndex) =>
    lines.filter((line, index) => {
      const k = key(line);
      if (!((index < 2 || index >= lines.length - 2) && running.has(k))) return true;
      // …except a page number, which is furniture on every page.
      return pageIndex === 0 && index < 2 && !/^[-—―~·第]*#[-—―~·页]*$/.test(k);
    }),
  );
}

/**
 * OCR turns a page number (— 3 —) into a few odd characters (二玉生, RE, 一5 一). When most
 * pages end in such a short line, those lines are page numbers.
 */
export function dropPageNumberLines(pages: readonly string[][]): string[][] {
  const short = (line: string | undefined) => line !== undefined && line.replace(/\s+/g, '').length <= 5 && !/[。;:)）,、]$/.test(line.trim());
  const ending = pages.filter((lines) => short(lines[lines.length - 1])).length;
  if (pages.length < 3 || ending < pages.length / 2) return pages.map((p) => [...p]);
  return pages.map((lines) => (short(lines[lines.length - 1]) ? lines.slice(0, -1) : [...lines]));
}

export interface PdfReading {
  pages: PdfPage[];
  /** Pages (1-based) without a text layer. */
  imagePages: number[];
}

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

export function describePdfError(error: unknown): string {
  const name = (error as { name?: string })?.name ?? '';
  const message = (error as Error)?.message ?? String(error);
  if (name === 'PasswordException') return 'encrypted PDF: it needs a password, which GovClip does not ask for';
  if (name === 'InvalidPDFException') return `not a readable PDF (${message})`;
  return `cannot read the PDF: ${message}`;
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
    const pageLines: string[][] = [];
    for (let number = 1; number <= document.numPages; number++) {
      const page = await document.getPage(number);
      const content = await page.getTextContent();
      const items: Item[] = [];
      for (const item of content.items) {
        if (!('str' in item)) continue;
        items.push({ str: item.str, x: item.transform[4] as number, y: item.transform[5] as number, width: item.width, height: item.height || Math.abs(item.transform[3] as number) });
      }
      pageLines.push(items.length > 0 ? linesFromItems(items) : []);
      page.cleanup();
      onPage?.(number, document.numPages);
    }
    const cleaned = dropRunningLines(pageLines);
    const pages = cleaned.map((lines, index) => {
      const text = lines.join('\n');
      return { number: index + 1, text, characters: text.replace(/\s+/g, '').length };
    });
    return { ok: true, reading: { pages, imagePages: pages.filter((p) => p.characters < MIN_PAGE_CHARACTERS).map((p) => p.number) } };
  } catch (error) {
    return { ok: false, error: describePdfError(error) };
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
