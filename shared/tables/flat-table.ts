// Table-shaped plans as web pages and PDFs flatten them: 任务分解表 / 实事项目表 / 进展情况表 rows
// whose cells stand one per line (序号 / 民生实事 / 责任单位 / 完成时限 …), in one line between `|`,
// or in one line apart by tabs (the gaps normalise/cell-gaps.ts kept: spaced, tabbed, PDF columns).
// A header row names the columns (columns.ts); each row below it becomes a task with its units.
// Stages: find the header → cut the rows → classify each cell (by its column where the row lines
// up with the header, else by what it holds) → the row's task, clause and excluded cells.
import { textLines as linesOf, type TextLine as Line } from '../mapped-text.ts';
import type { Span } from '../model.ts';
import { columnKind, isHeader, resolveColumns, type ColumnKind } from './columns.ts';
import { looksLikeUnitList } from './cells.ts';
import { fitRow } from './fit-row.ts';

export interface Cell {
  span: Span;
  text: string;
  kind: ColumnKind;
  /** The header column the cell stands under, when the row lines up with the header. */
  column?: number;
}

export interface TableRow {
  /** From the row's first cell to its last. */
  span: Span;
  /** 序号, when the row has one. */
  label: string | null;
  cells: Cell[];
}

export interface FlatTable {
  layout: 'pipe' | 'line' | 'tab';
  header: Span;
  /** What each header cell names, in column order. */
  columns: ColumnKind[];
  /** The header cells themselves (a year or a unit in them governs the column: 2020年目标值(%)). */
  headerCells: Array<{ span: Span; text: string }>;
  rows: TableRow[];
}


/** The trimmed cells of a `|` (or tab) line with their spans (empty cells kept, for alignment). */
function pipeCells(line: Line, separator = '|'): Array<{ span: Span; text: string }> {
  const cells: Array<{ span: Span; text: string }> = [];
  let from = 0;
  const raw = line.text;
  for (let i = 0; i <= raw.length; i++) {
    if (i < raw.length && raw[i] !== separator) continue;
    const piece = raw.slice(from, i);
    const lead = piece.length - piece.trimStart().length;
    const text = piece.trim();
    cells.push({ span: { start: line.start + from + lead, end: line.start + from + lead + text.length }, text });
    from = i + 1;
  }
  // `a | b |` ends with an empty cell that is only the closing bar.
  if (cells.length > 1 && (cells[cells.length - 1] as { text: string }).text === '') cells.pop();
  return cells;
}


const ROW_NUMBER = /^\d{1,4}$/;
const PROGRESS_TEXT = /^(已完成|已经|已|目前|截至|截止|正在|完成率|进度|\d+(\.\d+)?%)/u;
const DEADLINE_TEXT = /^((19|20)\d{2}(年|\.)\d{0,2}月?|\d{1,2}月)/u;

/**
 * What a cell holds when its column cannot be trusted (the row does not line up with the header):
 * a list of unit names, a deadline, a progress note, or the task's content.
 */
function kindByContent(text: string, expected: ColumnKind): ColumnKind {
  if (text === '') return 'unknown';
  if (ROW_NUMBER.test(text)) return 'number';
  if (PROGRESS_TEXT.test(text)) return 'progress';
  if (DEADLINE_TEXT.test(text) && text.length <= 14) return 'deadline';
  if (looksLikeUnitList(text)) return expected === 'lead' || expected === 'responsible' ? expected : 'unit';
  return 'content';
}

/** Columns whose cells may hold anything: their header decides, whatever the cell looks like. */
const TRUSTED_COLUMNS = new Set<ColumnKind>(['progress', 'target', 'baseline', 'measure', 'weight', 'people', 'ignored']);

/**
 * The column's kind where the cell fits it, else what the cell itself holds: a merged cell
 * (rowspan) shifts the cells of a row, so a unit list, a date or a progress note in another
 * column is read for what it is.
 */
function classify(text: string, column: ColumnKind | undefined): ColumnKind {
  if (column === undefined || column === 'unknown') return kindByContent(text, 'unknown');
  if (text === '' || TRUSTED_COLUMNS.has(column)) return column;
  const byContent = kindByContent(text, column);
  if (byContent === 'content') return column === 'lead' || column === 'responsible' || column === 'deadline' ? 'content' : column;
  return byContent;
}

function makeRow(columns: readonly ColumnKind[], raw: ReadonlyArray<{ span: Span; text: string }>, aligned: boolean): TableRow {
  const cells: Cell[] = raw.map((cell, k) => ({ ...cell, kind: classify(cell.text, aligned ? columns[k] : undefined), ...(aligned ? { column: k } : {}) }));
  return rowOf(cells);
}

/** A row's cells with their columns decided: its span and its 序号. */
function rowOf(cells: Cell[]): TableRow {
  const first = cells.find((c) => c.text !== '');
  const last = [...cells].reverse().find((c) => c.text !== '');
  const label = first && ROW_NUMBER.test(first.text) ? first.text : null;
  return { span: { start: first?.span.start ?? 0, end: last?.span.end ?? 0 }, label, cells: cells.filter((c) => c.text !== '') };
}

function hasContent(row: TableRow): boolean {
  return row.cells.some((c) => c.kind === 'content');
}

/** A row grows by continuations up to this many cells: more is no continuation but rows read wrong. */
const MAX_ROW_CELLS = 40;

/** A row with no content of its own (`2021.8 | 城投集团`) adds its cells to the row above. */
function mergeContinuation(rows: TableRow[], row: TableRow): void {
  const previous = rows[rows.length - 1];
  if (previous && !hasContent(row) && row.label === null && previous.cells.length + row.cells.length <= MAX_ROW_CELLS) {
    previous.cells.push(...row.cells);
    previous.span.end = Math.max(previous.span.end, row.span.end);
  } else if (hasContent(row)) {
    rows.push(row);
  }
}

/** Pipe layout: `序号 | 实事项目 | 责任单位 | 配合单位 |` then one row per line. */
function pipeTable(lines: readonly Line[], at: number): { table: FlatTable; next: number } | null {
  const headerLine = lines[at] as Line;
  const headerCells = pipeCells(headerLine);
  const columns = resolveColumns(headerCells.map((c) => c.text));
  if (!isHeader(columns)) return null;
  const rows: TableRow[] = [];
  let k = at + 1;
  for (; k < lines.length; k++) {
    const line = lines[k] as Line;
    if (!line.text.includes('|')) {
      if (line.text.trim() === '') continue;
      break;
    }
    const raw = pipeCells(line);
    mergeContinuation(rows, makeRow(columns, raw, raw.length === columns.length));
  }
  if (rows.length === 0) return null;
  return { table: { layout: 'pipe', header: { start: headerLine.start, end: headerLine.end }, columns, headerCells, rows }, next: k };
}

/**
 * A tab row's cells, each under the column that fits what it holds (fit-row.ts): rows of a
 * spaced table leave cells out (a merged 序号, an empty 单位) and put group names in front.
 */
function fittedRow(columns: readonly ColumnKind[], raw: ReadonlyArray<{ span: Span; text: string }>): TableRow {
  const present = raw.filter((c) => c.text !== '');
  // Named rule `implicit-number`: rows numbered under a header with no 序号 (指标名称 | 计量单位 | …).
  const first = present[0];
  if (first && !columns.includes('number') && present.length > 1 && ROW_NUMBER.test(first.text)) {
    const rest = fittedRow(columns, present.slice(1));
    return rowOf([{ ...first, kind: 'number' }, ...rest.cells]);
  }
  const fitted = fitRow(columns, present.map((c) => c.text));
  if (fitted === null) return makeRow(columns, present, false);
  return rowOf(present.map((cell, k) => ({ ...cell, kind: columns[fitted[k] as number] as ColumnKind, column: fitted[k] as number })));
}

/** A line that stays inside a tab table without being a row: a short category line (宏观调控) before more rows. */
const MAX_CATEGORY_LINE = 40;

/** Tab layout: `序号\t考核指标\t单位\t工作目标` then one row per line, cells apart by tabs. */
function tabTable(lines: readonly Line[], at: number): { table: FlatTable; next: number } | null {
  const headerLine = lines[at] as Line;
  const headerCells = pipeCells(headerLine, '\t').filter((c) => c.text !== '');
  const columns = resolveColumns(headerCells.map((c) => c.text));
  if (!isHeader(columns)) return null;
  const rows: TableRow[] = [];
  let k = at + 1;
  for (; k < lines.length; k++) {
    const line = lines[k] as Line;
    const text = line.text.trim();
    if (text === '') continue;
    if (!line.text.includes('\t')) {
      const following = nextText(lines, k);
      if (text.length <= MAX_CATEGORY_LINE && following !== null && following.includes('\t')) continue;
      break;
    }
    mergeContinuation(rows, fittedRow(columns, pipeCells(line, '\t')));
  }
  if (rows.length === 0) return null;
  return { table: { layout: 'tab', header: { start: headerLine.start, end: headerLine.end }, columns, headerCells, rows }, next: k };
}

const MAX_HEADER_CELLS = 8;
const NUMBER_CELL = /^(?:[≥≤<>]|不低于|不少于|不超过|低于|高于|超过|达到)?\s*\d+(?:\.\d+)?\s*(?:%|‰)?$/u;

function nextText(lines: readonly Line[], k: number): string | null {
  for (let j = k + 1; j < lines.length; j++) {
    const text = (lines[j] as Line).text;
    if (text.trim() !== '') return text;
  }
  return null;
}

/**
 * Line layout with no 序号 column: an indicator table (项目 / 分值 / 目标任务 / 监考单位). A row opens
 * at a label, known by the number (分值 or 目标) on the line after it; a label line followed by
 * another label is a category (宏观调控) and opens nothing. Cells fill the columns in header order by
 * what they hold: numbers the numeric columns, unit names the unit column, words the target.
 */
function indicatorRows(lines: readonly Line[], from: number, columns: readonly ColumnKind[]): { rows: TableRow[]; next: number } {
  const rows: TableRow[] = [];
  const numeric = columns.filter((c) => c === 'weight' || c === 'target');
  let current: { row: TableRow; numbers: number; target: boolean } | null = null;
  let k = from;
  for (; k < lines.length; k++) {
    const line = lines[k] as Line;
    const text = line.text.trim();
    if (text === '') continue;
    if (text.length > 200) break;
    const lead = line.text.length - line.text.trimStart().length;
    const span = { start: line.start + lead, end: line.start + lead + text.length };
    const isNumber = NUMBER_CELL.test(text);
    const following = nextText(lines, k)?.trim() ?? null;
    if (!isNumber && !looksLikeUnitList(text) && following !== null && NUMBER_CELL.test(following)) {
      current = { row: { span: { ...span }, label: null, cells: [{ span, text, kind: 'content' }] }, numbers: 0, target: false };
      rows.push(current.row);
      continue;
    }
    if (current === null) continue;
    let kind: ColumnKind;
    if (isNumber && current.numbers < numeric.length) {
      kind = numeric[current.numbers] as ColumnKind;
      current.numbers += 1;
      if (kind === 'target') current.target = true;
    } else if (looksLikeUnitList(text)) {
      kind = columns.find((c) => c === 'lead' || c === 'responsible') ?? 'ignored';
    } else if (!current.target && columns.includes('target')) {
      kind = 'target';
      current.target = true;
      current.numbers = numeric.length;
    } else {
      // A category line between rows (宏观调控, 公共服务): no cell of this row.
      continue;
    }
    current.row.cells.push({ span, text, kind });
    current.row.span.end = span.end;
  }
  return { rows, next: k };
}

/** Line layout: 序号 / 民生实事 / 责任单位 / 完成时限 on lines of their own, then rows opened by 1, 2, 3 … */
function lineTable(lines: readonly Line[], at: number): { table: FlatTable; next: number } | null {
  const headerLines: Line[] = [];
  let k = at;
  for (; k < lines.length && headerLines.length < MAX_HEADER_CELLS; k++) {
    const line = lines[k] as Line;
    const text = line.text.trim();
    if (text === '') continue;
    if (columnKind(text) === 'unknown') break;
    headerLines.push(line);
  }
  const columns = resolveColumns(headerLines.map((l) => l.text.trim()));
  if (!isHeader(columns)) return null;
  const first = headerLines[0] as Line;
  const last = headerLines[headerLines.length - 1] as Line;
  const header = { start: first.start, end: last.end };
  const headerCells = headerLines.map((l) => {
    const lead = l.text.length - l.text.trimStart().length;
    const text = l.text.trim();
    return { span: { start: l.start + lead, end: l.start + lead + text.length }, text };
  });
  if (columns[0] !== 'number') {
    if (!columns.includes('target')) return null;
    const indicator = indicatorRows(lines, k, columns);
    return indicator.rows.length === 0 ? null : { table: { layout: 'line', header, columns, headerCells, rows: indicator.rows }, next: indicator.next };
  }
  // Rows: a line holding only the next row number opens a row; every line until the next one is a cell.
  const rows: TableRow[] = [];
  let expected = 1;
  let current: Line[] | null = null;
  const close = () => {
    if (current === null || current.length === 0) return;
    const raw = current.map((l) => {
      const lead = l.text.length - l.text.trimStart().length;
      const text = l.text.trim();
      return { span: { start: l.start + lead, end: l.start + lead + text.length }, text };
    });
    mergeContinuation(rows, makeRow(columns, raw, raw.length === columns.length));
  };
  let lastRowLine = k;
  for (; k < lines.length; k++) {
    const line = lines[k] as Line;
    const text = line.text.trim();
    if (text === '') continue;
    if (text === String(expected)) {
      close();
      current = [line];
      expected += 1;
      lastRowLine = k;
      continue;
    }
    if (current === null) break;
    // A row's cells are short lines; a long paragraph after the last row ends the table.
    if (text.length > 400) break;
    current.push(line);
    lastRowLine = k;
  }
  close();
  if (rows.length === 0) return null;
  return { table: { layout: 'line', header, columns, headerCells, rows }, next: lastRowLine + 1 };
}

/** Every flattened table of a text, in order. Linear: each line is looked at a bounded number of times. */
export function findFlatTables(text: string): FlatTable[] {
  const lines = linesOf(text);
  const tables: FlatTable[] = [];
  for (let k = 0; k < lines.length; ) {
    const line = lines[k] as Line;
    const found =
      (line.text.includes('\t') ? tabTable(lines, k) : null) ??
      (line.text.includes('|') ? pipeTable(lines, k) : null) ??
      (columnKind(line.text.trim()) !== 'unknown' ? lineTable(lines, k) : null);
    if (found) {
      tables.push(found.table);
      k = Math.max(found.next, k + 1);
    } else {
      k += 1;
    }
  }
  return tables;
}
