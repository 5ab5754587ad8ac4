// CSV as Excel and WPS read Chinese: UTF-8 with a BOM, CRLF line ends (after the last row too),
// RFC 4180 quoting. Used by the comparison's tables and the extension's targets export.

/** A field with a comma, quote or line break (or blanks at its ends) is quoted, quotes doubled. */
export function csvField(cell: string): string {
  return /[",\r\n]/.test(cell) || /^\s|\s$/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell;
}

export function csvDocument(rows: ReadonlyArray<readonly string[]>): string {
  return `\uFEFF${rows.map((row) => row.map(csvField).join(',')).join('\r\n')}\r\n`;
}
