// CSV as Excel and WPS read Chinese: UTF-8 with a BOM, CRLF line ends (after the last row too),
// RFC 4180 quoting. Used by the comparison's tables and the extension's targets export.

/** A field with a comma, quote or line break (or blanks at its ends) is quoted, quotes doubled. */
export function csvField(cell: string): string {
  return /[",\r\n]/.test(cell) || /^\s|\s$/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell;
}

export function csvDocument(rows: ReadonlyArray<readonly string[]>): string {
  return `\uFEFF${rows.map((row) => row.map(csvField).join(',')).join('\r\n')}\r\n`;
}

/**
 * A cell a spreadsheet would run as a formula (= + - @, or a tab or CR before one) gets an
 * apostrophe so it shows as text; plain numbers are left alone when the column is numeric.
 * (The extension's targets export keeps its own copy in extension/lib/store/export.ts.)
 */
export function guardFormula(cell: string, numeric = false): string {
  if (numeric && /^-?\d+(\.\d+)?(e[+-]?\d+)?$/i.test(cell)) return cell;
  return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}
