// govclip extract PLAN… --xlsx|--csv [--unit NAME] [--out FILE]: the 任务分解表 of each plan
// (one sheet per plan), or with --unit the 责任清单 of one unit across the plans.
// Inputs as for compare: plan files, export JSON files (with the extension's corrections
// already applied when it wrote them) and directories of either.
import { basename, extname } from 'node:path';
import { breakdownSheets, dutySheet, tableCsv } from '../shared/breakdown/table.ts';
import { buildXlsx } from '../shared/compare/xlsx.ts';
import { loadPlans, type CompareIo } from './compare/command.ts';
import { writeOutput } from './write-output.ts';

export const BREAKDOWN_USAGE = `  --xlsx       the 任务分解表 (序号 任务 具体内容 牵头单位 责任单位 完成时限 指标 原文位置), one sheet
               per plan, laid out for A4 landscape; written to --out (default <plan>-任务分解表.xlsx)
  --csv        the same table as CSV (UTF-8 with BOM); printed, or written to --out
  --unit NAME  with --xlsx/--csv: the 责任清单 of one unit: every task it leads or shares, across the plans`;

export interface BreakdownOptions {
  format: 'xlsx' | 'csv';
  unit?: string;
  out?: string;
}

export async function breakdownCommand(inputs: readonly string[], options: BreakdownOptions, io: CompareIo): Promise<number> {
  const { exports, failed } = await loadPlans(inputs, io);
  if (exports.length === 0) {
    io.err('govclip: no plan could be read, nothing written');
    return 1;
  }
  const sheets = options.unit !== undefined ? [dutySheet(exports, options.unit)] : breakdownSheets(exports);
  if (options.unit !== undefined && sheets[0]?.table.rows.length === 0) io.err(`govclip: no task names ${options.unit} as lead or responsible unit`);
  if (options.format === 'csv') {
    const csv = sheets.map((sheet) => tableCsv(sheet.table)).join('\r\n');
    if (options.out) {
      if (!(await writeOutput(options.out, csv, io.err))) return 1;
      io.out(`→ ${options.out}`);
    } else {
      io.out(csv.replace(/\r\n$/, ''));
    }
  } else {
    const first = inputs[0] ?? 'plan';
    const out = options.out ?? (options.unit !== undefined ? `${options.unit}-责任清单.xlsx` : `${basename(first, extname(first))}-任务分解表.xlsx`);
    if (!(await writeOutput(out, buildXlsx(sheets), io.err))) return 1;
    io.out(`${sheets.map((s) => `${s.name}: ${s.table.rows.length} rows`).join(', ')} → ${out}`);
  }
  return failed > 0 ? 1 : 0;
}
