// A minimal OOXML workbook (what Excel and WPS need and nothing more): content types, the
// package and workbook relationships, a workbook listing the sheets, a style sheet with a bold
// header, and one worksheet per table with inline strings. Zipped with fflate, so it runs in
// the extension as well.
import { strToU8, zipSync } from 'fflate';
import type { Comparison } from './schema.ts';
import { clauseTable, indicatorDetailTable, indicatorTable, unitTable, type PlanSource, type Table } from './views.ts';

export interface Sheet {
  name: string;
  table: Table;
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

function cell(ref: string, value: string, header: boolean): string {
  const style = header ? ' s="1"' : '';
  if (!header && /^-?(0|[1-9]\d*)(\.\d+)?$/.test(value) && value.length < 16) return `<c r="${ref}"${style}><v>${value}</v></c>`;
  const text = value.length > MAX_CELL ? `${value.slice(0, MAX_CELL - 1)}…` : value;
  return `<c r="${ref}"${style} t="inlineStr"><is><t xml:space="preserve">${xml(text)}</t></is></c>`;
}

function worksheet(table: Table): string {
  const rows = [table.header, ...table.rows].map((row, r) => {
    const cells = row.map((value, c) => cell(`${columnName(c)}${r + 1}`, value, r === 0)).join('');
    return `<row r="${r + 1}">${cells}</row>`;
  });
  const widths = table.header.map((_, c) => {
    const longest = Math.max(...[table.header, ...table.rows].slice(0, 200).map((row) => (row[c] ?? '').length));
    return `<col min="${c + 1}" max="${c + 1}" width="${Math.min(60, Math.max(8, longest * 2 + 2))}" customWidth="1"/>`;
  });
  return '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    + '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
    + '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>'
    + `<cols>${widths.join('')}</cols>`
    + `<sheetData>${rows.join('')}</sheetData></worksheet>`;
}

const STYLES = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
  + '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
  + '<fonts count="2"><font><sz val="11"/><name val="等线"/></font><font><b/><sz val="11"/><name val="等线"/></font></fonts>'
  + '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>'
  + '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
  + '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
  + '<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs>'
  + '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>'
  + '</styleSheet>';

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
    + '</workbook>');
  add('xl/_rels/workbook.xml.rels', '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    + '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    + sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('')
    + `<Relationship Id="rId${sheets.length + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>`
    + '</Relationships>');
  add('xl/styles.xml', STYLES);
  sheets.forEach((sheet, i) => add(`xl/worksheets/sheet${i + 1}.xml`, worksheet(sheet.table)));
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
