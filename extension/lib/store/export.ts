// Exports of selected plans: JSON in the export contract and a targets table for Excel. Both are
// of the corrected plans, each validated against shared/schema.ts before it leaves.
import { csvDocument } from '../../../shared/csv.ts';
import { planYear } from '../../../shared/format-target.ts';
import { validateExport, type GovClipExport } from '../../../shared/schema.ts';
import { correctedExport, PlanNotFoundError } from './corrections.ts';
import type { GovClipDB } from './db.ts';

/**
 * One plan gives one export object, the same document `govclip extract --json` prints, so a
 * single-plan file is read by every consumer of the contract as is; several plans (or none) give
 * a JSON array of exports, in the order of `planIds`.
 */
export async function exportPlansJson(db: GovClipDB, planIds: readonly string[]): Promise<string> {
  const exports = (await correctedPlans(db, planIds)).map((plan) => plan.export);
  return JSON.stringify(exports.length === 1 ? exports[0] : exports, null, 2);
}

/** The selected plans, corrected and validated, with the URL they were captured from. */
async function correctedPlans(db: GovClipDB, planIds: readonly string[]): Promise<Array<{ export: GovClipExport; url: string }>> {
  const plans: Array<{ export: GovClipExport; url: string }> = [];
  for (const id of planIds) {
    const summary = await db.plans.get(id);
    if (!summary) throw new PlanNotFoundError(id);
    plans.push({ export: validateExport(await correctedExport(db, id)), url: summary.url });
  }
  return plans;
}

interface Column {
  header: string;
  /** Numeric columns print numbers as they are: a negative value is data, not a formula. */
  numeric: boolean;
  get: (row: { exp: GovClipExport; url: string; index: number }) => string | number | null;
}

const COLUMNS: Column[] = [
  { header: '计划名称 title', numeric: false, get: ({ exp }) => exp.document.title },
  { header: '地区 region', numeric: false, get: ({ exp }) => exp.document.region },
  { header: '计划年度 planYear', numeric: false, get: ({ exp }) => planYear(exp.document, '-') },
  { header: '指标 metric', numeric: false, get: ({ exp, index }) => exp.targets[index]?.metric ?? null },
  { header: '比较 comparator', numeric: false, get: ({ exp, index }) => exp.targets[index]?.op ?? null },
  { header: '数值 value', numeric: true, get: ({ exp, index }) => exp.targets[index]?.value ?? null },
  { header: '上限 max', numeric: true, get: ({ exp, index }) => exp.targets[index]?.max ?? null },
  { header: '单位 unit', numeric: false, get: ({ exp, index }) => exp.targets[index]?.unit ?? null },
  { header: '完成年份 deadlineYear', numeric: true, get: ({ exp, index }) => exp.targets[index]?.year ?? null },
  { header: '原文 text', numeric: false, get: ({ exp, index }) => exp.targets[index]?.text ?? null },
  {
    header: '任务编号 taskPath',
    numeric: false,
    get: ({ exp, index }) => {
      const taskId = exp.targets[index]?.taskId;
      return exp.tasks.find((t) => t.id === taskId)?.path.join('/') ?? null;
    },
  },
  { header: '网址 url', numeric: false, get: ({ url }) => url },
];

const PLAIN_NUMBER = /^-?\d+(\.\d+)?(e[+-]?\d+)?$/i;

/**
 * A cell Excel or LibreOffice would run as a formula (= + - @, or a tab or CR before one) is
 * prefixed with an apostrophe so it shows as text; plain numbers in numeric columns are left alone.
 */
export function guardFormula(cell: string, numeric: boolean): string {
  if (numeric && PLAIN_NUMBER.test(cell)) return cell;
  return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}

function csvCell(value: string | number | null, numeric: boolean): string {
  return value === null ? '' : guardFormula(String(value), numeric);
}

/**
 * The targets of corrected exports as CSV that Excel opens as UTF-8: a BOM first, CRLF line
 * ends (after the last row too). Save it as a Blob of type text/csv;charset=utf-8.
 */
export function targetsCsv(plans: readonly { export: GovClipExport; url: string }[]): string {
  const rows = [COLUMNS.map((c) => csvCell(c.header, false))];
  for (const { export: exp, url } of plans) {
    exp.targets.forEach((_, index) => {
      rows.push(COLUMNS.map((c) => csvCell(c.get({ exp, url, index }), c.numeric)));
    });
  }
  return csvDocument(rows);
}

/** The targets of the selected plans (corrections applied) as CSV, in the order of `planIds`. */
export async function exportTargetsCsv(db: GovClipDB, planIds: readonly string[]): Promise<string> {
  return targetsCsv(await correctedPlans(db, planIds));
}
