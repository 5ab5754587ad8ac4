// What a table column holds, from its header cell: named rule rows, each with the headers seen
// in real 分解表 / 实事项目表 / 进展情况表 / 指标表.
import { roleOfLabelText } from '../clauses.ts';

export type ColumnKind =
  | 'number' // 序号
  | 'content' // the task: 项目名称, 民生实事, 工作任务, 内容与要求 …
  | 'lead' // 牵头单位
  | 'responsible' // 责任单位, 配合单位
  | 'unit' // a cell of unit names whose role the row cannot tell
  | 'deadline' // 完成时限
  | 'people' // 牵头领导, 分管领导: people, never units
  | 'progress' // 进展情况, 当前进度: reported figures, never targets
  | 'target' // 目标值, 工作目标: the row's figure
  | 'weight' // 分值: a score weight, never a target
  | 'ignored' // 监考单位, 资料来源, 备注, 计量单位: not responsibility, not work
  | 'unknown';

interface ColumnRule {
  kind: ColumnKind;
  pattern: RegExp;
  example: string;
}

const COLUMN_RULES: readonly ColumnRule[] = [
  { kind: 'number', pattern: /^(序号|编号|序)$/u, example: '序号' },
  { kind: 'people', pattern: /^.{0,6}(领导|责任人|联系人)$/u, example: '区政府分管领导' },
  { kind: 'progress', pattern: /(进展|进度|落实情况|完成情况|已完成|占年任务之比|完成率|推进情况)/u, example: '进展情况' },
  { kind: 'deadline', pattern: /^(计划)?(完成)?(时限|时间|期限|时间节点|时间安排)(要求)?$/u, example: '完成时限' },
  { kind: 'weight', pattern: /^(分值|权重|分数)$/u, example: '分值' },
  { kind: 'ignored', pattern: /^(监考单位|考核单位|资料来源|数据来源|备注|计量单位|单位|单 位)$/u, example: '监考单位' },
  { kind: 'target', pattern: /(目标值|工作目标|年度目标|目标任务|计划数|必成数)$/u, example: '2020年目标值' },
  {
    kind: 'content',
    pattern: /^(项目|项目名称|实事项目|民生实事|项目内容|内容|内容与要求|工作内容|任务内容|主要内容|工作任务|重点工作|重点任务|主要任务|具体任务|任务|工作举措.*|具体措施|主要措施|考核指标|指标名称|指标|工作事项|事项|月度工作计划|工作计划)$/u,
    example: '民生实事',
  },
];

/** The kind of column a header cell names; 牵头单位 / 责任单位 / 配合单位 by the clause grammar's roles. */
export function columnKind(header: string): ColumnKind {
  const compact = header.replace(/[\s\u3000]/gu, '');
  if (compact === '' || compact.length > 16) return 'unknown';
  const role = roleOfLabelText(compact);
  if (role !== null) return role;
  return COLUMN_RULES.find((rule) => rule.pattern.test(compact))?.kind ?? 'unknown';
}
