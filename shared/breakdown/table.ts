// The 任务分解表 staff hand out the week a plan is published: one row per task with who leads,
// who helps, by when and to what figure, and where it stands in the plan. And the per-unit
// 责任清单: the same rows, for every task one unit leads or shares, across plans. Pure, so the
// CLI and the extension write the same sheets (xlsx via shared/compare/xlsx.ts, or CSV).
import type { Table } from '../compare/views.ts';
import type { PrintLayout, Sheet } from '../compare/xlsx.ts';
import { csvDocument } from '../csv.ts';
import { formatQuantity } from '../format-target.ts';
import type { GovClipExport, TargetExport, TaskExport } from '../schema.ts';

export const BREAKDOWN_HEADER = ['序号', '任务', '具体内容', '牵头单位', '责任单位', '完成时限', '指标', '原文位置'] as const;
export const DUTY_HEADER = ['序号', '文件', '任务', '具体内容', '本单位角色', '牵头单位', '责任单位', '完成时限', '指标', '原文位置'] as const;

/**
 * Column widths (Excel character units) that fill A4 landscape (297 mm less 2 × 10 mm margins,
 * about 145 units of the default font) without scaling; 具体内容 takes what the others leave.
 */
const BREAKDOWN_WIDTHS = [5, 16, 46, 12, 18, 12, 24, 10];
const DUTY_WIDTHS = [5, 14, 14, 36, 8, 11, 15, 11, 21, 9];

/** 四(一)1 加强理想信念教育: the numbering path as a reader writes it, then the title. */
export function taskLabel(task: Pick<TaskExport, 'path' | 'title'>): string {
  const path = task.path.join('');
  return task.title ? `${path} ${task.title}`.trim() : path;
}

/** Where a clause of units starts: (牵头单位:…), 责任单位:…, 〔市商务局牵头…〕 at the end of a task. */
const CLAUSE_START = /[(（〔【[]?\s*(牵头单位|牵头部门|责任单位|责任部门|配合单位|配合部门|协办单位|完成时限)\s*[:：]|[(（〔【][^()（）〔〕【】。]{0,40}(牵头|负责|配合)[^()（）〔〕【】。]*[)）〕】]?\s*$/;

/**
 * 具体内容: the task's text without its numbering marker, its title and its clause of units
 * (those have columns of their own). A clause counts only in the last sentence, so a unit
 * named in the body stays.
 */
export function taskContent(task: Pick<TaskExport, 'path' | 'title' | 'text'>): string {
  let text = task.text.replace(/\s*\n\s*/g, '').trim();
  const marker = task.path.at(-1) ?? '';
  if (marker && text.startsWith(marker)) text = text.slice(marker.length).replace(/^[、.．,，\s]+/, '');
  if (task.title && text.startsWith(task.title)) text = text.slice(task.title.length).replace(/^[。.．:：,，\s]+/, '');
  const lastSentence = Math.max(text.lastIndexOf('。', text.length - 2), 0);
  const tail = text.slice(lastSentence);
  const clause = CLAUSE_START.exec(tail);
  if (clause) text = text.slice(0, lastSentence + clause.index).replace(/[;；,，\s]+$/, '');
  return text;
}

/** 完成时限: the deadlines as the plan writes them; a month the plan's year completes shows it. */
export function deadlineCell(task: Pick<TaskExport, 'deadlines'>): string {
  return (task.deadlines ?? [])
    .map((d) => {
      const yearAdded = d.by !== null && !/\d{4}/.test(d.text) && /月|年内|年底|年末/.test(d.text) ? ` (${d.by.replace('-', '年')}${d.by.includes('-') ? '月' : '年'})` : '';
      return `${d.text}${yearAdded}`;
    })
    .join('；');
}

/** 指标: one line per target: metric, comparator, value, unit, year. */
export function targetLines(targets: readonly TargetExport[]): string {
  return targets.map((t) => `${t.metric} ${formatQuantity(t)}${t.year === null ? '' : ` (${t.year}年)`}`).join('\n');
}

/** 原文位置: the line of the normalised text where the task starts, for every task in one pass. */
function lineStarts(text: string): (at: number) => number {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return (at) => {
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if ((starts[mid] as number) <= at) low = mid;
      else high = mid - 1;
    }
    return low + 1;
  };
}

function targetsById(exp: GovClipExport): Map<string, TargetExport> {
  return new Map(exp.targets.map((t) => [t.id, t]));
}

/** The 任务分解表 of one plan: one row per task, in the plan's order. */
export function breakdownTable(exp: GovClipExport): Table {
  const targets = targetsById(exp);
  const lineOf = lineStarts(exp.document.text);
  const rows = exp.tasks.map((task, i) => [
    String(i + 1),
    taskLabel(task),
    taskContent(task),
    task.leadUnits.join('、'),
    task.responsibleUnits.join('、'),
    deadlineCell(task),
    targetLines(task.targetIds.flatMap((id) => targets.get(id) ?? [])),
    `第${lineOf(task.span[0])}行`,
  ]);
  return { header: [...BREAKDOWN_HEADER], rows };
}

/** Does this export's unit entry name the unit asked for (as written, or by its alias-table name)? */
function unitMatches(entry: { name: string; canonical: string }, wanted: string, wantedCanonical: string | null): boolean {
  return entry.name === wanted || entry.canonical === wanted || (wantedCanonical !== null && entry.canonical === wantedCanonical);
}

/** A plan's short name for the 文件 column: its title, else its file. */
export function planName(exp: GovClipExport): string {
  return exp.document.title ?? exp.document.source.file ?? exp.document.source.url ?? exp.document.id.slice(0, 8);
}

/**
 * The 责任清单 of one unit across plans: every task it leads or shares (by name or by its
 * alias-table name), with that task's targets and deadlines, plan by plan.
 */
export function dutyTable(plans: readonly GovClipExport[], unit: string): Table {
  const rows: string[][] = [];
  for (const exp of plans) {
    const targets = targetsById(exp);
    const lineOf = lineStarts(exp.document.text);
    const canonical = exp.units.find((u) => u.name === unit)?.canonical ?? null;
    const entries = exp.units.filter((u) => unitMatches(u, unit, canonical));
    const names = new Set(entries.map((u) => u.name));
    const taskIds = new Set(entries.flatMap((u) => u.taskIds));
    for (const task of exp.tasks) {
      if (!taskIds.has(task.id)) continue;
      const role = task.leadUnits.some((n) => names.has(n)) ? '牵头' : '责任';
      rows.push([
        String(rows.length + 1),
        planName(exp),
        taskLabel(task),
        taskContent(task),
        role,
        task.leadUnits.join('、'),
        task.responsibleUnits.join('、'),
        deadlineCell(task),
        targetLines(task.targetIds.flatMap((id) => targets.get(id) ?? [])),
        `第${lineOf(task.span[0])}行`,
      ]);
    }
  }
  return { header: [...DUTY_HEADER], rows };
}

function layout(widths: readonly number[], title: string): PrintLayout {
  return { widths, wrap: true, orientation: 'landscape', repeatHeader: true, title };
}

/** Sheet names Excel accepts: the plan's region and year where known, else 任务分解表 N. */
function sheetName(exp: GovClipExport, index: number, count: number): string {
  if (count === 1) return '任务分解表';
  const period = exp.document.period;
  const label = [exp.document.region, period ? (period.from === period.to ? String(period.from) : `${period.from}-${period.to}`) : null].filter(Boolean).join(' ');
  return label ? `${label} 任务分解表` : `任务分解表 ${index + 1}`;
}

export function breakdownSheets(plans: readonly GovClipExport[]): Sheet[] {
  return plans.map((exp, i) => ({ name: sheetName(exp, i, plans.length), table: breakdownTable(exp), print: layout(BREAKDOWN_WIDTHS, `${planName(exp)} 任务分解表`) }));
}

export function dutySheet(plans: readonly GovClipExport[], unit: string): Sheet {
  return { name: `${unit} 责任清单`, table: dutyTable(plans, unit), print: layout(DUTY_WIDTHS, `${unit} 责任清单`) };
}

/** A table as CSV (UTF-8 with BOM, CRLF), cells that would run as formulas guarded. */
export function tableCsv(table: Table): string {
  // csvDocument guards formulas itself (numbers, such as a 序号, are never guarded).
  return csvDocument([table.header, ...table.rows]);
}
