// The one CSV writer of the product (library, compare page, CLI): as Excel and WPS read Chinese —
// UTF-8 with a BOM, CRLF line ends (after the last row too), RFC 4180 quoting — and with a guard
// against formula injection that touches formulas only. Kept by hand: it is a dozen lines, and
// the guard's rule (what Excel would evaluate) is the part a library would not decide for us.

export type CsvCell = string | number | null;

/** A number as a reader writes it in a cell: -5, 1.5, 3e-7, 95%, +2. */
const PLAIN_NUMBER = /^[+-]?\d+(\.\d+)?(e[+-]?\d+)?%?$/i;

/**
 * A cell Excel or LibreOffice would evaluate: one that starts with = + - or @ and has more after
 * it, or starts with a tab or CR. It gets an apostrophe so it shows as the text it is. Numbers
 * (-5, +2%) and the symbols alone (a lone -) are values, not formulas, and stay as they are.
 */
export function guardFormula(cell: string): string {
  if (PLAIN_NUMBER.test(cell)) return cell;
  return /^[=+\-@]./s.test(cell) || /^[\t\r]/.test(cell) ? `'${cell}` : cell;
}

/** A field with a comma, quote or line break (or blanks at its ends) is quoted, quotes doubled. */
export function csvField(cell: string): string {
  return /[",\r\n]/.test(cell) || /^\s|\s$/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell;
}

function csvCell(cell: CsvCell): string {
  if (cell === null) return '';
  return csvField(typeof cell === 'number' ? String(cell) : guardFormula(cell));
}

export function csvDocument(rows: ReadonlyArray<readonly CsvCell[]>): string {
  return `\uFEFF${rows.map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

