// A timeline across plans: every dated task deadline and every target with a year, by month,
// with its plan, path, title and units; what is due before today marked overdue; standing duties
// and month-only deadlines of plans without a year listed apart. Pure: `today` is given.
import { z } from 'zod';
import { formatQuantity } from '../format-target.ts';
import type { GovClipExport, TaskExport } from '../schema.ts';
import { csvDocument } from '../csv.ts';
import { planName } from '../breakdown/table.ts';

const monthSchema = z.string().regex(/^\d{4}(-\d{2})?$/);

export const timelineItemSchema = z.object({
  kind: z.enum(['task', 'target']),
  planId: z.string(),
  plan: z.string(),
  taskId: z.string().nullable(),
  targetId: z.string().nullable(),
  path: z.array(z.string()),
  /** The task's title, or for a target its metric and figure. */
  title: z.string(),
  leadUnits: z.array(z.string()),
  responsibleUnits: z.array(z.string()),
  /** The deadline as written (2024年6月底前), or the target's clause. */
  text: z.string(),
  by: monthSchema.nullable(),
  from: monthSchema.nullable(),
  overdue: z.boolean(),
  span: z.tuple([z.number().int(), z.number().int()]),
});

export const timelineSchema = z.object({
  today: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  /** Dated items, by month (a year alone sorts as its December). */
  dated: z.array(timelineItemSchema),
  /** Standing duties: 长期坚持, 每年12月. */
  ongoing: z.array(timelineItemSchema),
  /** Month-only deadlines of plans that give no year (3月底前 in a three-year plan). */
  undated: z.array(timelineItemSchema),
});

export type TimelineItem = z.infer<typeof timelineItemSchema>;
export type Timeline = z.infer<typeof timelineSchema>;

export interface TimelineOptions {
  /** YYYY-MM-DD; items due before its month (or year, for a year alone) are overdue. */
  today: string;
  /** Only tasks (and their targets) this unit leads or shares, by name or alias-table name. */
  unit?: string;
  from?: string;
  to?: string;
}

/** Sort key of a deadline: a year alone is due at its end. */
export function monthKey(by: string): string {
  return by.length === 4 ? `${by}-12` : by;
}

function isOverdue(by: string, today: string): boolean {
  return by.length === 4 ? by < today.slice(0, 4) : by < today.slice(0, 7);
}

/** The tasks that name the unit as lead or responsible (as written, or by its alias-table name). */
function unitTasks(exp: GovClipExport, unit: string): Set<string> {
  const canonical = exp.units.find((u) => u.name === unit || u.canonical === unit)?.canonical ?? unit;
  return new Set(exp.units.filter((u) => u.name === unit || u.canonical === canonical).flatMap((u) => u.taskIds));
}

export function buildTimeline(plans: readonly GovClipExport[], options: TimelineOptions): Timeline {
  const dated: TimelineItem[] = [];
  const ongoing: TimelineItem[] = [];
  const undated: TimelineItem[] = [];
  for (const exp of plans) {
    const plan = planName(exp);
    const keep = options.unit === undefined ? null : unitTasks(exp, options.unit);
    const tasks = new Map(exp.tasks.map((t) => [t.id, t]));
    const base = (task: TaskExport | undefined) => ({
      planId: exp.document.id,
      plan,
      taskId: task?.id ?? null,
      path: task?.path ?? [],
      leadUnits: task?.leadUnits ?? [],
      responsibleUnits: task?.responsibleUnits ?? [],
    });
    for (const task of exp.tasks) {
      if (keep && !keep.has(task.id)) continue;
      for (const d of task.deadlines ?? []) {
        const item: TimelineItem = { ...base(task), kind: 'task', targetId: null, title: task.title ?? task.path.join(''), text: d.text, by: d.by, from: d.from, overdue: false, span: d.span };
        if (d.ongoing) ongoing.push(item);
        else if (d.by === null) undated.push(item);
        else dated.push({ ...item, overdue: isOverdue(d.by, options.today) });
      }
    }
    for (const target of exp.targets) {
      if (target.year === null) continue;
      const task = target.taskId === null ? undefined : tasks.get(target.taskId);
      if (keep && (!task || !keep.has(task.id))) continue;
      const by = String(target.year);
      dated.push({ ...base(task), kind: 'target', targetId: target.id, title: `${target.metric} ${formatQuantity(target)}`, text: target.text, by, from: null, overdue: isOverdue(by, options.today), span: target.span });
    }
  }
  const inRange = (item: TimelineItem) =>
    item.by !== null && (options.from === undefined || monthKey(item.by) >= options.from) && (options.to === undefined || monthKey(item.by) <= monthKey(options.to));
  const order = (a: TimelineItem, b: TimelineItem) => monthKey(a.by ?? '').localeCompare(monthKey(b.by ?? '')) || a.plan.localeCompare(b.plan) || a.span[0] - b.span[0];
  return { today: options.today, dated: dated.filter(inRange).sort(order), ongoing, undated };
}

/** 2024年6月, or 2025年 (全年) for a year alone. */
export function monthLabel(by: string): string {
  return by.length === 4 ? `${by}年` : `${by.slice(0, 4)}年${Number(by.slice(5))}月`;
}

function units(item: TimelineItem): string {
  return [item.leadUnits.length > 0 ? `牵头: ${item.leadUnits.join('、')}` : '', item.responsibleUnits.length > 0 ? `责任: ${item.responsibleUnits.join('、')}` : ''].filter(Boolean).join('; ');
}

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

export function renderTimelineMarkdown(timeline: Timeline): string {
  const lines = [`# 时间表 (今天 ${timeline.today}; ⚠ 已逾期)`];
  let month: string | null = null;
  for (const item of timeline.dated) {
    const label = monthLabel(item.by as string);
    if (label !== month) {
      month = label;
      lines.push('', `## ${label}`, '', '| | 文件 | 任务 | 事项 | 时限 | 单位 |', '| --- | --- | --- | --- | --- | --- |');
    }
    lines.push(`| ${item.overdue ? '⚠' : ''} | ${cell(item.plan)} | ${cell(item.path.join(''))} | ${cell(item.title)} | ${cell(item.kind === 'task' ? item.text : `${item.by}年`)} | ${cell(units(item))} |`);
  }
  if (timeline.dated.length === 0) lines.push('', '(没有带日期的任务或指标)');
  const apart = (title: string, items: readonly TimelineItem[]) => {
    if (items.length === 0) return;
    lines.push('', `## ${title}`, '', '| 文件 | 任务 | 事项 | 时限 | 单位 |', '| --- | --- | --- | --- | --- |');
    for (const item of items) lines.push(`| ${cell(item.plan)} | ${cell(item.path.join(''))} | ${cell(item.title)} | ${cell(item.text)} | ${cell(units(item))} |`);
  };
  apart('长期/常态工作', timeline.ongoing);
  apart('未写年份的时限', timeline.undated);
  return lines.join('\n');
}

export function renderTimelineCsv(timeline: Timeline): string {
  const header = ['月份', '状态', '文件', '编号', '事项', '时限原文', '牵头单位', '责任单位', '类型'];
  const row = (item: TimelineItem, group: string) => [
    item.by === null ? '' : monthLabel(item.by),
    item.overdue ? '已逾期' : group,
    item.plan,
    item.path.join(''),
    item.title,
    item.kind === 'task' ? item.text : '',
    item.leadUnits.join('、'),
    item.responsibleUnits.join('、'),
    item.kind === 'task' ? '任务' : '指标',
  ];
  const rows = [
    ...timeline.dated.map((i) => row(i, '')),
    ...timeline.ongoing.map((i) => row(i, '长期')),
    ...timeline.undated.map((i) => row(i, '未写年份')),
  ];
  // csvDocument guards formulas itself.
  return csvDocument([header, ...rows]);
}
