// Rejoin sentences that a PDF or a narrow page broke across lines (`牵\n\n头单位`).
// Two layouts: hard-wrapped text (most lines the same width: a line that fills the width
// continues on the next) and paragraph-per-line text (only a line that visibly stops
// mid-clause continues). A numbered line always starts a new paragraph.
import { concat, inserted, lineSlices, slice, type MappedText } from '../mapped-text.ts';
import { startsWithMarker } from '../structure/markers.ts';

interface Line {
  text: MappedText;
  width: number;
  /** Leading spaces in the source: right-aligned signatures and dates are indented deeply. */
  indent: number;
}

/** Ends a paragraph in paragraph-per-line text. */
const PARAGRAPH_END = /[。!?！？;；:：)）」』”"》\]】]$/;
/** A line that ends like this has not finished its clause. */
const CLAUSE_OPEN = /[,，、(（“《[【]$/;
/** Titles and document numbers stand alone even when long and unpunctuated. */
const TITLE_END = /(通知|方案|计划|规划|意见|办法|决定|纲要|要点|细则|规定|报告|批复|函)$/;
const DOC_NUMBER_LINE = /^\S{1,10}[〔[(]\d{4}/;
const SIGNATURE_INDENT = 8;
const LONG_LINE = 40;

/**
 * Display width as typeset: Latin letters and digits are half a character; everything else,
 * punctuation included (NFKC turned the full-width ，（ into , ( but they were typeset full), is one.
 */
export function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) {
    if (char === ' ') continue;
    width += /[A-Za-z0-9.%]/.test(char) ? 0.5 : 1;
  }
  return width;
}

/**
 * The wrap width of hard-wrapped text, or null when the text is not hard-wrapped: at least
 * a third of the lines (and eight) fall within a narrow band below the most common width.
 */
export function detectWrapWidth(widths: readonly number[]): number | null {
  const counts = new Map<number, number>();
  for (const w of widths) {
    if (w < 12) continue;
    const key = Math.round(w);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  let best: number | null = null;
  let bestCount = 0;
  for (const width of counts.keys()) {
    // Count the band [width-2, width] so that lines ending in half-width digits still count.
    let band = 0;
    for (let w = width - 2; w <= width; w++) band += counts.get(w) ?? 0;
    if (band > bestCount || (band === bestCount && best !== null && width > best)) {
      best = width;
      bestCount = band;
    }
  }
  if (best === null || best > 80) return null;
  if (bestCount < 8 || bestCount < widths.length / 3) return null;
  return best;
}

/** A flattened table row (`1 | 新建公办园5所 | 县教育局 |`): a line of its own, never joined. */
const TABLE_ROW = /\|.*\|/;
/** A row whose cells cell-gaps.ts kept apart by tabs: a line of its own whatever its width. */
const TAB_ROW = /\S\t/;
/**
 * A line that starts with a quantity and goes on in words (`600公里以上`) continues a line that
 * did not end its sentence (`…污水管网` / `600公里以上`). Not a bare number (a table's row number
 * or a cell such as `98%`) and not a date (`12月底前`, `2021年11月`).
 */
const QUANTITY_CONTINUES = /^\d+(?:\.\d+)?%?(?![月日号年时点])[\u4e00-\u9fff]/u;

function shouldJoin(line: Line, next: Line, wrapWidth: number | null): boolean {
  if (line.indent >= SIGNATURE_INDENT || next.indent >= SIGNATURE_INDENT) return false;
  const nextText = next.text.text;
  const text = line.text.text;
  if (TAB_ROW.test(text) || TAB_ROW.test(nextText)) return false;
  // In hard-wrapped text a full line continues, a `|` table row too when it stopped inside a cell;
  // a row that closed its last cell (…|建设局|) or a row opened by its number (2 | …) stands alone.
  if (wrapWidth !== null && line.width >= wrapWidth - 3 && !startsWithMarker(nextText) && !/\|\s*$/.test(text) && !/^\d{1,3}\s*\|/.test(nextText)) return true;
  if (TABLE_ROW.test(text) || TABLE_ROW.test(nextText)) return false;
  // A number broken over two lines (PM2.|5, 9|5%) is never a new item.
  if (wrapWidth !== null && /\d\.?$/.test(text) && /^\d/.test(nextText)) return true;
  if (startsWithMarker(nextText)) return false;
  if (wrapWidth !== null) {
    // A full line continues; a short one ends its paragraph unless it stops mid-clause.
    if (line.width >= wrapWidth - 3) return true;
    return CLAUSE_OPEN.test(text);
  }
  if (PARAGRAPH_END.test(text) || TITLE_END.test(text) || DOC_NUMBER_LINE.test(nextText)) return false;
  if (QUANTITY_CONTINUES.test(nextText)) return true;
  return CLAUSE_OPEN.test(text) || line.width >= LONG_LINE;
}

function isLatinLetter(char: string | undefined): boolean {
  return char !== undefined && /[A-Za-z]/.test(char);
}

export function joinBrokenLines(input: MappedText): MappedText {
  const lines: Line[] = [];
  for (const slice_ of lineSlices(input.text)) {
    const raw = input.text.slice(slice_.start, slice_.end);
    const leading = raw.length - raw.trimStart().length;
    const trimmedEnd = raw.trimEnd().length;
    if (trimmedEnd === 0) continue;
    const text = slice(input, slice_.start + leading, slice_.start + trimmedEnd);
    lines.push({ text, width: displayWidth(text.text), indent: leading });
  }
  const wrapWidth = detectWrapWidth(lines.map((l) => l.width));
  const parts: MappedText[] = [];
  lines.forEach((line, index) => {
    parts.push(line.text);
    const next = lines[index + 1];
    if (!next) return;
    const lastOrigin = line.text.origin[line.text.origin.length - 1] ?? 0;
    if (shouldJoin(line, next, wrapWidth)) {
      // Latin words broken across lines keep a space; Chinese and numbers (9|5%) need none.
      if (isLatinLetter(line.text.text.at(-1)) && isLatinLetter(next.text.text[0])) parts.push(inserted(' ', lastOrigin + 1));
    } else {
      parts.push(inserted('\n', lastOrigin + 1));
    }
  });
  return concat(parts);
}
