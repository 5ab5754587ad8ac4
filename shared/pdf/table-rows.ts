// Tables on a PDF page, read from where the text items stand: the columns are the x-ranges that
// no item of the table's lines covers (the white between the columns, top to bottom); a cell is
// the text of one column over consecutive lines (a cell wraps inside its column); a row is the
// cells whose heights overlap (a one-line cell sits beside a wrapped one, centred or not). Each
// row becomes one line with a tab between its cells, which the text's table reader reads
// (normalise/cell-gaps.ts keeps the tabs, tables/flat-table.ts fits the cells to the header).
// Pure: callers hand in the items of a page, grouped in lines.
import type { PdfTextItem } from './lines.ts';

/** A gap between two items wider than this many characters parts two pieces of a line. */
const PIECE_GAP = 0.8;
/** White between columns at least this wide (in characters) is a column boundary. */
const MIN_SEPARATOR = 0.3;
/** Lines of one table are at most this many line heights apart. */
const MAX_LINE_GAP = 2.6;
/** Two lines of one wrapped cell are at most this many line heights apart. */
const CELL_PITCH = 1.6;
/** Rows of a table: at least this many lines with two pieces or more. */
const MIN_TABLE_LINES = 2;
/** More column boundaries than this is no table (a line of scattered glyphs): the reading stays linear. */
const MAX_COLUMNS = 30;

interface Piece {
  x0: number;
  x1: number;
}

export interface TableRowLine {
  text: string;
  right: number;
}

/** A run of lines read as a table: the lines [from, to] of the page give `rows`. */
export interface PageTable {
  from: number;
  to: number;
  rows: TableRowLine[];
}

function ink(line: readonly PdfTextItem[]): PdfTextItem[] {
  return line.filter((i) => i.str.trim() !== '' && i.width > 0);
}

/** The pieces of a line: its inked items, apart where the gap between them is wide. */
function pieces(line: readonly PdfTextItem[], charWidth: number): Piece[] {
  const sorted = ink(line).sort((a, b) => a.x - b.x);
  const out: Piece[] = [];
  for (const item of sorted) {
    const last = out[out.length - 1];
    if (last && item.x - last.x1 <= charWidth * PIECE_GAP) last.x1 = Math.max(last.x1, item.x + item.width);
    else out.push({ x0: item.x, x1: item.x + item.width });
  }
  return out;
}

/** The white x-ranges between the inked ranges of the lines: the column boundaries. */
function separators(lines: ReadonlyArray<readonly PdfTextItem[]>, charWidth: number): Piece[] {
  const ranges = lines.flatMap((line) => ink(line).map((i) => ({ x0: i.x, x1: i.x + i.width }))).sort((a, b) => a.x0 - b.x0);
  const gaps: Piece[] = [];
  let reach = -Infinity;
  for (const range of ranges) {
    if (reach !== -Infinity && range.x0 - reach >= charWidth * MIN_SEPARATOR) gaps.push({ x0: reach, x1: range.x0 });
    reach = Math.max(reach, range.x1);
  }
  return gaps;
}

function crossings(line: readonly PdfTextItem[], gaps: readonly Piece[]): number {
  return gaps.filter((g) => ink(line).some((i) => i.x < g.x1 && i.x + i.width > g.x0)).length;
}

function crosses(line: readonly PdfTextItem[], gaps: readonly Piece[]): boolean {
  return crossings(line, gaps) > 0;
}

interface Fragment {
  column: number;
  y: number;
  text: string;
  x1: number;
}

interface Cell {
  column: number;
  top: number;
  bottom: number;
  fragments: Fragment[];
}

/** The text of one column's items on one line: a visible gap between them is a space. */
function fragmentText(items: readonly PdfTextItem[], charWidth: number): string {
  let text = '';
  let end = -Infinity;
  for (const item of [...items].sort((a, b) => a.x - b.x)) {
    if (text !== '' && item.x - end > charWidth * PIECE_GAP) text += ' ';
    text += item.str;
    end = item.x + item.width;
  }
  return text.trim();
}

/** A line that stops this many characters short of its column's right edge ends a paragraph of the cell. */
const HARD_BREAK = 3.5;

/**
 * A cell's text: lines of a wrapped paragraph join without a space (except between two Latin
 * words). Named rule `hard-break`: a line that stops well short of the column's right edge ended
 * its paragraph (经开区 / 高新园(邹区镇) / 各街道, one unit a line): the next line starts another
 * piece of the cell, written apart by a tab like a cell of its own.
 */
function cellTexts(fragments: readonly Fragment[], columnRight: number, charWidth: number): string[] {
  const texts: string[] = [];
  let text = '';
  let previous: Fragment | null = null;
  for (const fragment of fragments) {
    const piece = fragment.text;
    if (previous !== null && columnRight - previous.x1 > charWidth * HARD_BREAK) {
      texts.push(text);
      text = '';
    }
    if (text !== '' && /[A-Za-z]$/u.test(text) && /^[A-Za-z]/u.test(piece)) text += ' ';
    text += piece;
    previous = fragment;
  }
  texts.push(text);
  return texts.filter((t) => t !== '');
}

/**
 * Rows of one table block. Named rule `stacked-rows`: when every cell of a row has its lines on
 * the same baselines, the row is several one-line rows whose lines stand close (a table without
 * cell padding), and each baseline is a row.
 */
function blockRows(lines: ReadonlyArray<readonly PdfTextItem[]>, gaps: readonly Piece[], charWidth: number, height: number): TableRowLine[] {
  const columnOf = (item: PdfTextItem) => {
    const centre = item.x + item.width / 2;
    return gaps.filter((g) => g.x1 <= centre).length;
  };
  const fragments: Fragment[] = [];
  for (const line of lines) {
    const byColumn = new Map<number, PdfTextItem[]>();
    for (const item of ink(line)) byColumn.set(columnOf(item), [...(byColumn.get(columnOf(item)) ?? []), item]);
    const y = (line[0] as PdfTextItem).y;
    for (const [column, items] of byColumn) fragments.push({ column, y, text: fragmentText(items, charWidth), x1: Math.max(...items.map((i) => i.x + i.width)) });
  }
  // Cells: a column's fragments on consecutive lines close enough to be one wrapped cell.
  const ordered = [...fragments].sort((a, b) => b.y - a.y || a.column - b.column);
  const reach = wrapPitch(ordered, height) * WRAP_SLACK;
  const cells: Cell[] = [];
  const open = new Map<number, Cell>();
  for (const fragment of ordered) {
    const cell = open.get(fragment.column);
    if (cell && cell.bottom - fragment.y <= reach) {
      cell.fragments.push(fragment);
      cell.bottom = fragment.y;
      continue;
    }
    const fresh = { column: fragment.column, top: fragment.y, bottom: fragment.y, fragments: [fragment] };
    cells.push(fresh);
    open.set(fragment.column, fresh);
  }
  // Rows: cells whose heights overlap (a little slack for a centred one-line cell).
  const slack = height * 0.3;
  const rows: Cell[][] = [];
  let band: { top: number; bottom: number } | null = null;
  for (const cell of [...cells].sort((a, b) => b.top - a.top)) {
    if (band && cell.top >= band.bottom - slack) {
      (rows[rows.length - 1] as Cell[]).push(cell);
      band.bottom = Math.min(band.bottom, cell.bottom);
      continue;
    }
    rows.push([cell]);
    band = { top: cell.top, bottom: cell.bottom };
  }
  const rights = new Map<number, number>();
  for (const f of fragments) rights.set(f.column, Math.max(rights.get(f.column) ?? -Infinity, f.x1));
  return rows.flatMap((row) => unstack(row, slack)).map((row) => rowLine(row, rights, charWidth));
}

/** A wrapped cell's lines stand this much further apart at most than the closest two lines of one column. */
const WRAP_SLACK = 1.2;

/**
 * Named rule `wrap-pitch`: the line pitch of a wrapped cell is the smallest distance between two
 * lines of one column (rows stand further apart, by their padding and their taller cells); at most
 * CELL_PITCH line heights.
 */
function wrapPitch(ordered: readonly Fragment[], height: number): number {
  const last = new Map<number, number>();
  let pitch = height * CELL_PITCH;
  for (const fragment of ordered) {
    const above = last.get(fragment.column);
    if (above !== undefined && above - fragment.y >= height * 0.6) pitch = Math.min(pitch, above - fragment.y);
    last.set(fragment.column, fragment.y);
  }
  return Math.min(pitch, (height * CELL_PITCH) / WRAP_SLACK);
}

function unstack(row: readonly Cell[], slack: number): Cell[][] {
  const first = row[0] as Cell;
  const k = first.fragments.length;
  const same = k >= 2 && row.length >= 2 && row.every((c) => c.fragments.length === k && c.fragments.every((f, i) => Math.abs(f.y - (first.fragments[i] as Fragment).y) <= slack));
  if (!same) return [[...row]];
  return Array.from({ length: k }, (_, i) => row.map((c) => ({ column: c.column, top: (c.fragments[i] as Fragment).y, bottom: (c.fragments[i] as Fragment).y, fragments: [c.fragments[i] as Fragment] })));
}

function rowLine(row: readonly Cell[], rights: ReadonlyMap<number, number>, charWidth: number): TableRowLine {
  const cells = [...row].sort((a, b) => a.column - b.column);
  const texts = cells.flatMap((c) => cellTexts(c.fragments, rights.get(c.column) ?? -Infinity, charWidth));
  return { text: texts.join('\t'), right: Math.max(...cells.flatMap((c) => c.fragments.map((f) => f.x1))) };
}

/**
 * The tables of a page's lines (each a list of items on one baseline, top to bottom). Named rules:
 * `table-block`: two lines or more with two pieces or more, near each other, make a table's core;
 * `column-white`: its columns are parted by the white that none of their items covers;
 * `edge-lines`: a one-piece line just above the core that stays inside one column is a cell's
 * wrapped line (占年任务之 over 比), and so are such lines below it (a row with one cell filled);
 * one that crosses a column boundary (a title, a paragraph) is not the table's.
 */
export function findPageTables(lines: ReadonlyArray<readonly PdfTextItem[]>, charWidth: number, height: number): PageTable[] {
  const tables: PageTable[] = [];
  const multi = lines.map((line) => pieces(line, charWidth).length >= 2);
  const yOf = (k: number) => ((lines[k] as readonly PdfTextItem[])[0] as PdfTextItem).y;
  let k = 0;
  while (k < lines.length) {
    if (!multi[k]) {
      k += 1;
      continue;
    }
    // The core: from this line to the last line with two pieces before a wide vertical gap.
    let end = k;
    for (let j = k + 1; j < lines.length && yOf(j - 1) - yOf(j) <= height * MAX_LINE_GAP; j++) if (multi[j]) end = j;
    const core = lines.slice(k, end + 1);
    const coreGaps = separators(core.filter((_, i) => multi[k + i]), charWidth);
    // A one-piece line inside the core that spans columns (a paragraph between two tables) ends the table before it.
    const crossing = coreGaps.length > MAX_COLUMNS ? -1 : core.findIndex((line, i) => !multi[k + i] && crossings(line, coreGaps) >= 2);
    const last = crossing === -1 ? end : k + crossing - 1;
    const kept = lines.slice(k, last + 1).filter((_, i) => multi[k + i]).length;
    // The columns: the white that none of the table's lines covers (a wrapped cell's one-piece lines too).
    const gaps = separators(lines.slice(k, last + 1), charWidth);
    if (kept < MIN_TABLE_LINES || gaps.length === 0 || gaps.length > MAX_COLUMNS || (gaps.length < 2 && kept < 3)) {
      k = last + 1 > k ? last + 1 : k + 1;
      continue;
    }
    let from = k;
    while (from > 0 && !multi[from - 1] && yOf(from - 1) - yOf(from) <= height * CELL_PITCH && !crosses(lines[from - 1] as readonly PdfTextItem[], gaps)) from -= 1;
    let to = last;
    // Below, a row may hold one cell only (an item's further content): one-piece lines that keep inside the columns go on.
    while (to + 1 < lines.length && !multi[to + 1] && yOf(to) - yOf(to + 1) <= height * MAX_LINE_GAP && !crosses(lines[to + 1] as readonly PdfTextItem[], gaps)) to += 1;
    const previous = tables[tables.length - 1];
    if (previous && from <= previous.to) from = previous.to + 1;
    tables.push({ from, to, rows: blockRows(lines.slice(from, to + 1), gaps, charWidth, height) });
    k = to + 1;
  }
  return tables;
}
