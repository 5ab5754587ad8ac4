// Exports of selected plans: JSON in the export contract and a targets table for Excel. Both are
// of the corrected plans, each validated against shared/schema.ts before it leaves.
import { sentenceAround } from '../../../shared/compare/views.ts';
import { csvDocument, type CsvCell } from '../../../shared/csv.ts';
import { planYear } from '../../../shared/format-target.ts';
import { validateExport, type Comparator, type GovClipExport, type TargetExport, type TaskExport } from '../../../shared/schema.ts';
import { correctedExport, PlanNotFoundError } from './corrections.ts';
import type { GovClipDB } from './db.ts';
import { correctedParts, entryExport } from './entries.ts';

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
    // A page's entry: its attachment's plan when the page only announces it.
    const entry = summary.partOf ? await correctedExport(db, id) : entryExport(await correctedExport(db, id), await db.transaction('r', db.plans, db.documents, db.corrections, () => correctedParts(db, summary.url)));
    plans.push({ export: validateExport(entry), url: summary.url });
  }
  return plans;
}

/** What a row of the targets table is read from: one target of one plan. */
interface TargetRow {
  exp: GovClipExport;
  url: string;
  target: TargetExport;
  task: TaskExport | null;
}

/** The comparator as a reader writes it: ≥, ≤, 约, 提高; an exact value needs no word. */
const COMPARATOR_WORDS: Readonly<Record<Comparator, string>> = {
  '>=': '≥', '>': '>', '<=': '≤', '<': '<', '=': '', range: '区间', '~': '约', increase: '提高', decrease: '降低',
};

/** The target as a reader writes it: `≥ 95%`, `约 3 万人`, `5–7 个`, `提高 2 个百分点`. */
export function readableTarget(target: Pick<TargetExport, 'op' | 'value' | 'max' | 'unit'>): string {
  const value = target.op === 'range' && target.max !== null ? `${target.value}–${target.max}` : String(target.value);
  const unit = target.unit === '百分点' ? '个百分点' : target.unit;
  const word = target.op === 'range' ? '' : COMPARATOR_WORDS[target.op];
  // 95%, but 15 分钟: a sign sticks to its number, a word does not.
  const quantity = /^[%‰]$/.test(unit) ? `${value}${unit}` : [value, unit].filter((part) => part !== '').join(' ');
  return [word, quantity].filter((part) => part !== '').join(' ');
}

/** The units of a target's task, else of the nearest enclosing task that names them (a 牵头 on the heading). */
function unitsOf(exp: GovClipExport, task: TaskExport | null, role: 'leadUnits' | 'responsibleUnits'): string {
  if (!task) return '';
  const enclosing = exp.tasks
    .filter((t) => t.path.length <= task.path.length && t.path.every((part, k) => task.path[k] === part))
    .sort((a, b) => b.path.length - a.path.length);
  return enclosing.find((t) => t[role].length > 0)?.[role].join('、') ?? '';
}

const COLUMNS: ReadonlyArray<{ header: string; get: (row: TargetRow) => CsvCell }> = [
  { header: '计划名称', get: ({ exp }) => exp.document.title },
  { header: '地区', get: ({ exp }) => exp.document.region },
  { header: '计划年度', get: ({ exp }) => planYear(exp.document, '–') },
  { header: '任务编号', get: ({ task }) => task?.path.join('') ?? null },
  { header: '任务', get: ({ task }) => task?.title ?? task?.text.slice(0, 60) ?? null },
  { header: '牵头单位', get: ({ exp, task }) => unitsOf(exp, task, 'leadUnits') },
  { header: '责任单位', get: ({ exp, task }) => unitsOf(exp, task, 'responsibleUnits') },
  { header: '指标', get: ({ target }) => target.metric },
  { header: '目标', get: ({ target }) => readableTarget(target) },
  { header: '比较', get: ({ target }) => COMPARATOR_WORDS[target.op] },
  // Numbers as numbers, in their own columns: sortable and summable.
  { header: '数值', get: ({ target }) => target.value },
  { header: '上限', get: ({ target }) => target.max },
  { header: '单位', get: ({ target }) => target.unit },
  { header: '完成年份', get: ({ target }) => target.year },
  { header: '原文', get: ({ target }) => target.text },
  { header: '所在句子', get: ({ exp, target }) => sentenceAround(exp.document.text, target.span) },
  { header: '来源网址', get: ({ url }) => url },
];

/**
 * The targets of corrected exports as CSV that Excel and WPS open as UTF-8 (shared/csv.ts): one
 * row per target with its task, the task's 牵头 and 责任 units, the target as written, its numbers,
 * deadline year, sentence and source. Save it as a Blob of type text/csv;charset=utf-8.
 */
export function targetsCsv(plans: readonly { export: GovClipExport; url: string }[]): string {
  const rows: CsvCell[][] = [COLUMNS.map((c) => c.header)];
  for (const { export: exp, url } of plans) {
    const tasks = new Map(exp.tasks.map((task) => [task.id, task]));
    for (const target of exp.targets) {
      const row: TargetRow = { exp, url, target, task: (target.taskId && tasks.get(target.taskId)) || null };
      rows.push(COLUMNS.map((c) => c.get(row)));
    }
  }
  return csvDocument(rows);
}

/** The targets of the selected plans (corrections applied) as CSV, in the order of `planIds`. */
export async function exportTargetsCsv(db: GovClipDB, planIds: readonly string[]): Promise<string> {
  return targetsCsv(await correctedPlans(db, planIds));
}
