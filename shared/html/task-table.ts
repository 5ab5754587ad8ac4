// 任务分工 tables: rows of 序号 | 任务 | 牵头单位 | 责任单位. Read as the sentences they stand
// for, `1.任务(牵头单位:…;责任单位:…)`, so the same clause grammar reads them as prose.
import { roleOfLabelText } from '../clauses.ts';
import { columnKind, type ColumnKind } from '../tables/columns.ts';

export interface TaskTableColumns {
  header: Element;
  number: number | null;
  tasks: number[];
  roles: Array<{ index: number; label: string }>;
  /** The 完成时限 column, read into the clause as `;完成时限:…` so the row's deadline is kept; null when none. */
  deadline: number | null;
}

const NUMBER_HEADER = /^(序号|编号|序)$/;
const NOT_TASK_COLUMNS = new Set<ColumnKind>(['people', 'progress', 'weight', 'ignored', 'deadline', 'measure', 'baseline']);
/** 完成时限, 完成时间, 时间节点, 时限要求: the row's deadline (shared/deadlines.ts reads the label). */
const DEADLINE_HEADER = /^(完成时限|完成时间|完成期限|时间节点|时限要求|时间要求|时限)$/;
/** Columns that are neither the task nor a role (完成时限, 备注) are left out of the task's text. */
const OTHER_HEADER = /(时限|时间|期限|进度|备注|分值|考核|标准)/;

function cellText(cell: Element): string {
  return (cell.textContent ?? '').replace(/[\s\u00a0\u3000]+/g, '');
}

export function rowsOf(table: Element): Element[] {
  return Array.from(table.querySelectorAll('tr')).filter((row) => row.closest('table') === table);
}

export function cellsOf(row: Element): Element[] {
  return Array.from(row.children).filter((cell) => /^(TD|TH)$/i.test(cell.tagName));
}

/** The columns of a task table, or null when the table's header names no role. */
export function taskTableColumns(table: Element): TaskTableColumns | null {
  const header = rowsOf(table)[0];
  if (!header) return null;
  const labels = cellsOf(header).map(cellText);
  const roles = labels.flatMap((label, index) => (roleOfLabelText(label) ? [{ index, label }] : []));
  if (roles.length === 0) return null;
  const numberIndex = labels.findIndex((label) => NUMBER_HEADER.test(label));
  // People (分管领导), progress (进展情况), weights and the like never join the task's sentence.
  const tasks = labels.flatMap((label, index) =>
    index !== numberIndex && !roles.some((r) => r.index === index) && !OTHER_HEADER.test(label) && !NOT_TASK_COLUMNS.has(columnKind(label)) ? [index] : [],
  );
  const deadlineIndex = labels.findIndex((label) => DEADLINE_HEADER.test(label));
  return { header, number: numberIndex === -1 ? null : numberIndex, tasks, roles, deadline: deadlineIndex === -1 ? null : deadlineIndex };
}
