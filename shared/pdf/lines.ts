// PDF text from item positions, shared by the Node pipeline and the extension's attachment page
// so a PDF reads the same wherever it is opened. Pure functions, no pdf.js import: callers hand
// in the items of a page.
import { findPageTables } from './table-rows.ts';

/** A text item of a page: its string, the origin of its baseline and its size, in PDF units. */
export interface PdfTextItem {
  str: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

/** A page with fewer characters than this has no usable text layer. */
export const MIN_PAGE_CHARACTERS = 20;

/** A line of a page with where it ends on the page: the right edge tells a wrapped line. */
export interface PdfLine {
  text: string;
  /** Right end of the line's last item, in PDF units. */
  right: number;
  /** Left edge of the page's text and the page's character width, for the wrap test. */
  left: number;
  charWidth: number;
}

/** Groups items into lines by baseline, orders them by x, keeps paragraph indents as two spaces. */
export function lineRecordsFromItems(items: readonly PdfTextItem[]): PdfLine[] {
  const sorted = items.filter((i) => i.str !== '').sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: PdfTextItem[][] = [];
  for (const item of sorted) {
    const line = lines[lines.length - 1];
    const tolerance = Math.max(2, item.height * 0.4);
    if (line && Math.abs((line[0] as PdfTextItem).y - item.y) <= tolerance) line.push(item);
    else lines.push([item]);
  }
  const left = Math.min(...lines.map((line) => Math.min(...line.map((i) => i.x))));
  const charWidth = median(sorted.map((i) => i.height).filter((h) => h > 0)) || 10;
  // Tables: their lines become one line per row, cells apart by tabs (table-rows.ts).
  const tables = findPageTables(lines, charWidth, charWidth);
  const records: PdfLine[] = [];
  let next = 0;
  for (const table of tables) {
    records.push(...lines.slice(next, table.from).map((line) => lineRecord(line, left, charWidth)));
    records.push(...table.rows.map((row) => ({ text: row.text, right: row.right, left, charWidth })));
    next = table.to + 1;
  }
  records.push(...lines.slice(next).map((line) => lineRecord(line, left, charWidth)));
  return records;
}

/** One line's text: items in x order, a visible gap between them one space, a paragraph indent kept. */
function lineRecord(line: PdfTextItem[], left: number, charWidth: number): PdfLine {
  line.sort((a, b) => a.x - b.x);
  let text = '';
  let end = (line[0] as PdfTextItem).x;
  for (const item of line) {
    // A visible gap between items (a justified space, a table the table reader left) becomes one space.
    if (text !== '' && item.x - end > charWidth * 0.8) text += ' ';
    text += item.str;
    end = item.x + item.width;
  }
  const indent = ((line[0] as PdfTextItem).x - left) / charWidth;
  // Centred lines (titles, signatures) are indented deeply; a paragraph start by about two characters.
  const pad = indent >= 6 ? ' '.repeat(8) : indent >= 1.5 ? '  ' : '';
  return { text: pad + text, right: Math.max(...line.map((i) => i.x + i.width)), left, charWidth };
}

/** The lines of a page as text. */
export function linesFromItems(items: readonly PdfTextItem[]): string[] {
  return lineRecordsFromItems(items).map((line) => line.text);
}

/** A line shorter than this many characters is never a full line, whatever its right end. */
const MIN_FULL_CHARACTERS = 20;
const LINE_START_MARKER = /^(?:[一二三四五六七八九十]{1,3}[、.]|\(?[一二三四五六七八九十\d]{1,3}[).、]|[①-⑳]|第[一二三四五六七八九十\d]+[章节条部])/u;

/**
 * Rejoins lines the PDF wrapped: a line whose right end reaches the text block's right edge
 * (`blockRight`, the widest line of the document) wraps, and the next line continues it when
 * it starts flush left and opens no numbered item. Works where counting characters cannot
 * (a page of short table cells with a few wrapped sentences among them).
 */
export function joinWrappedLines(lines: readonly PdfLine[], blockRight: number): string[] {
  const out: string[] = [];
  lines.forEach((line, index) => {
    const previous = lines[index - 1];
    const full =
      previous !== undefined &&
      blockRight - previous.right <= previous.charWidth &&
      previous.right - previous.left >= MIN_FULL_CHARACTERS * previous.charWidth;
    const row = line.text.includes('\t') || previous?.text.includes('\t') === true;
    if (full && !row && out.length > 0 && !line.text.startsWith(' ') && !LINE_START_MARKER.test(line.text)) out[out.length - 1] += line.text;
    else out.push(line.text);
  });
  return out;
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
