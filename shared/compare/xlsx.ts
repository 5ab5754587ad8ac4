// A minimal OOXML workbook (what Excel and WPS need and nothing more): content types, the
// package and workbook relationships, a workbook listing the sheets, a style sheet with a bold
// header, and one worksheet per table with inline strings. Zipped with fflate, so it runs in
// the extension as well.
import { strToU8, zipSync } from 'fflate';
import stringWidth from 'string-width';
import type { Comparison } from './schema.ts';
import { clauseTable, indicatorDetailTable, indicatorTable, unitTable, type PlanSource, type Table } from './views.ts';

export interface Sheet {
  name: string;
  table: Table;
  /** How the sheet prints; absent: widths from the content, no wrap, the printer's defaults. */
  print?: PrintLayout;
}

/** A sheet laid out for paper: fixed column widths, wrapped cells, A4 landscape, header on every page. */
export interface PrintLayout {
  /** Column widths in Excel's character units, one per column. */
  widths: readonly number[];
  /** Wrap every cell's text (top-aligned) so long texts grow the row instead of the column. */
  wrap: boolean;
  orientation: 'landscape' | 'portrait';
  /** Repeat the header row at the top of every printed page. */
  repeatHeader: boolean;
  /** Printed in the page header (the plan's title). */
  title?: string;
}

/** XML-escape, dropping characters XML 1.0 forbids (control characters from damaged PDFs). */
function xml(text: string): string {
  return text
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

/** A1-style column letters: 0 → A, 25 → Z, 26 → AA. */
export function columnName(index: number): string {
  let name = '';
  let n = index + 1;
  while (n > 0) {
    const rest = (n - 1) % 26;
    name = String.fromCharCode(65 + rest) + name;
    n = Math.floor((n - 1) / 26);
  }
  return name;
}

/** Excel refuses sheet names over 31 characters or with []:*?/\ in them, and duplicates. */
function sheetNames(sheets: readonly Sheet[]): string[] {
  const used = new Set<string>();
  return sheets.map((sheet, i) => {
    let name = sheet.name.replace(/[[\]:*?/\\]/g, ' ').trim().slice(0, 31) || `Sheet${i + 1}`;
    while (used.has(name.toLowerCase())) name = `${name.slice(0, 28)}_${i + 1}`;
    used.add(name.toLowerCase());
    return name;
  });
}

/** Excel's cell limit; longer texts (a whole task) are cut with a mark rather than refused. */
const MAX_CELL = 32_767;

function cell(ref: string, value: string, header: boolean, wrap = false): string {
  // Styles (STYLES below): 1 bold header; 2 wrapped body; 3 wrapped bold header.
  const style = wrap ? (header ? ' s="3"' : ' s="2"') : header ? ' s="1"' : '';
  if (!header && /^-?(0|[1-9]\d*)(\.\d+)?$/.test(value) && value.length < 16) return `<c r="${ref}"${style}><v>${value}</v></c>`;
  const text = value.length > MAX_CELL ? `${value.slice(0, MAX_CELL - 1)}…` : value;
  return `<c r="${ref}"${style} t="inlineStr"><is><t xml:space="preserve">${xml(text)}</t></is></c>`;
}

/** Points per wrapped line at 11 pt, with room for the CJK fallback fonts LibreOffice and WPS use. */
const LINE_POINTS = 15.5;
/** Excel's largest row height. */
const MAX_ROW_POINTS = 409;

/**
 * Height of a wrapped row: its tallest cell's line count at the column's width. Written out
 * because neither Excel nor LibreOffice refits the rows of a workbook they did not write when
 * they print or convert it. Display width counts a Chinese character as two units (string-width),
 * a little more than one character takes of a column width in 等线 (LibreOffice's fallback fonts measure about 1.6), so
 * rows err on the tall side rather than cut a line.
 */
function rowHeight(row: readonly string[], widths: readonly number[]): number {
  let lines = 1;
  row.forEach((value, c) => {
    const usable = Math.max(1, (widths[c] ?? 10) - 1.5);
    const cellLines = value.split('\n').reduce((n, line) => n + Math.max(1, Math.ceil((stringWidth(line) * 0.92) / usable)), 0);
    lines = Math.max(lines, cellLines);
  });
  return Math.min(MAX_ROW_POINTS, Math.ceil(lines * LINE_POINTS + 4));
}

function worksheet(table: Table, print?: PrintLayout): string {
  const wrap = print?.wrap ?? false;
  const rows = [table.header, ...table.rows].map((row, r) => {
    const cells = row.map((value, c) => cell(`${columnName(c)}${r + 1}`, value, r === 0, wrap)).join('');
    const height = print && wrap ? ` ht="${rowHeight(row, print.widths)}" customHeight="1"` : '';
    return `<row r="${r + 1}"${height}>${cells}</row>`;
  });
  const widths = table.header.map((_, c) => {
    const longest = Math.max(...[table.header, ...table.rows].slice(0, 200).map((row) => (row[c] ?? '').length));
    const width = print?.widths[c] ?? Math.min(60, Math.max(8, longest * 2 + 2));
    return `<col min="${c + 1}" max="${c + 1}" width="${width}" customWidth="1"/>`;
  });
  // Element order is fixed by the schema: sheetPr, sheetViews, cols, sheetData, …, pageMargins, pageSetup, headerFooter.
  const sheetPr = print ? '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>' : '';
  const paper = print
    ? '<printOptions gridLines="1"/>'
      + '<pageMargins left="0.4" right="0.4" top="0.6" bottom="0.6" header="0.3" footer="0.3"/>'
      // paperSize 9 is A4; fit all columns to the page width, as many pages down as it takes.
      + `<pageSetup paperSize="9" orientation="${print.orientation}" fitToWidth="1" fitToHeight="0"/>`
      + `<headerFooter>${print.title ? `<oddHeader>&amp;C${xml(print.title.replace(/&/g, '&&'))}</oddHeader>` : ''}<oddFooter>&amp;C第 &amp;P 页,共 &amp;N 页</oddFooter></headerFooter>`
    : '';
  return '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    + '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
    + sheetPr
    + '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>'
    + `<cols>${widths.join('')}</cols>`
    + `<sheetData>${rows.join('')}</sheetData>${paper}</worksheet>`;
}

const STYLES = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
  + '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
  + '<fonts count="2"><font><sz val="11"/><name val="等线"/></font><font><b/><sz val="11"/><name val="等线"/></font></fonts>'
  + '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>'
  + '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
  + '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
  + '<cellXfs count="4"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>'
  + '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf>'
  + '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1" applyAlignment="1"><alignment horizontal="center" vertical="center" wrapText="1"/></xf></cellXfs>'
  + '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>'
  + '</styleSheet>';

/** The header row printed on every page: Excel's _xlnm.Print_Titles, one per sheet that asks for it. */
function printTitles(sheets: readonly Sheet[], names: readonly string[]): string {
  const titles = sheets.flatMap((sheet, i) =>
    sheet.print?.repeatHeader ? [`<definedName name="_xlnm.Print_Titles" localSheetId="${i}">'${xml(names[i]?.replace(/'/g, "''") ?? '')}'!$1:$1</definedName>`] : [],
  );
  return titles.length === 0 ? '' : `<definedNames>${titles.join('')}</definedNames>`;
}

export function buildXlsx(sheets: readonly Sheet[]): Uint8Array {
  const names = sheetNames(sheets);
  const files: Record<string, Uint8Array> = {};
  const add = (path: string, content: string) => {
    files[path] = strToU8(content);
  };
  add('[Content_Types].xml', '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    + '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    + '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    + '<Default Extension="xml" ContentType="application/xml"/>'
    + '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    + '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
    + sheets.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join('')
    + '</Types>');
  add('_rels/.rels', '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    + '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    + '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
    + '</Relationships>');
  add('xl/workbook.xml', '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    + '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
    + `<sheets>${names.map((name, i) => `<sheet name="${xml(name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('')}</sheets>`
    + printTitles(sheets, names)
    + '</workbook>');
  add('xl/_rels/workbook.xml.rels', '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    + '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    + sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('')
    + `<Relationship Id="rId${sheets.length + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>`
    + '</Relationships>');
  add('xl/styles.xml', STYLES);
  sheets.forEach((sheet, i) => add(`xl/worksheets/sheet${i + 1}.xml`, worksheet(sheet.table, sheet.print)));
  return zipSync(files, { level: 6 });
}

/**
 * The comparison workbook, the same from the CLI (`govclip compare --xlsx`) and the compare page:
 * 指标对比 (indicator × plan), 指标来源 (each target with its numbers, sentence and URL),
 * 相似条款 and 单位职责.
 */
export function comparisonWorkbook(comparison: Comparison, sources: readonly (PlanSource | undefined)[] = []): Uint8Array {
  return buildXlsx([
    { name: '指标对比 indicators', table: indicatorTable(comparison) },
    { name: '指标来源 targets', table: indicatorDetailTable(comparison, sources) },
    { name: '相似条款 clauses', table: clauseTable(comparison) },
    { name: '单位职责 units', table: unitTable(comparison) },
  ]);
}
