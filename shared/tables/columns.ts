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
  | 'target' // 目标值, 工作目标, 2025年: the row's figure
  | 'baseline' // 基期值, 现状值, the earlier of two year columns: where the plan starts, never a target
  | 'measure' // 计量单位, 单位: the unit of measure of the row's figures
  | 'weight' // 分值: a score weight, never a target
  | 'ignored' // 监考单位, 资料来源, 备注, 属性: not responsibility, not work
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
  { kind: 'measure', pattern: /^(计量单位|单位|指标单位)$/u, example: '计量单位' },
  { kind: 'ignored', pattern: /^(监考单位|考核单位|资料来源|数据来源|备注|属性|指标属性|指标性质|类别|指标类别|责任领域)$/u, example: '监考单位' },
  { kind: 'baseline', pattern: /^((19|20)\d{2}年)?(基期值?|基数|现状值?|基准值?|完成值|实际值|现值)$/u, example: '2020年现状值' },
  { kind: 'target', pattern: /(目标值|工作目标|年度目标|目标任务|计划数|必成数|预期值|规划值)$/u, example: '2020年目标值' },
  // A bare year heads the figures for that year: 2025年 (the later of two is the target, see resolveColumns).
  { kind: 'target', pattern: /^(19|20)\d{2}年?(末|底)?$/u, example: '2025年' },
  {
    kind: 'content',
    pattern: /^(项目|项目名称|实事项目|民生实事|项目内容|内容|内容与要求|工作内容|任务内容|主要内容|工作任务|重点工作|重点任务|主要任务|具体任务|任务|工作举措.*|具体措施|主要措施|考核指标|指标名称|指标|主要指标|指标内容|工作事项|事项|月度工作计划|工作计划)$/u,
    example: '民生实事',
  },
];

/** A unit of measure written after a header in brackets: 目标值(%) / 投资额(亿元). */
const HEADER_UNIT = /\(([^()]{1,8})\)$/u;

/** The header without white space and without a trailing bracket (目标值(%) → 目标值). */
function headerWords(header: string): string {
  return header.replace(/[\s\u3000]/gu, '').replace(HEADER_UNIT, '');
}

/** The kind of column a header cell names; 牵头单位 / 责任单位 / 配合单位 by the clause grammar's roles. */
export function columnKind(header: string): ColumnKind {
  const compact = headerWords(header);
  if (compact === '' || compact.length > 16) return 'unknown';
  const role = roleOfLabelText(compact);
  if (role !== null) return role;
  return COLUMN_RULES.find((rule) => rule.pattern.test(compact))?.kind ?? 'unknown';
}

/** The unit a header's bracket names, when it is one (目标值(%) → %), else null. */
export function headerUnit(header: string): string | null {
  return HEADER_UNIT.exec(header.replace(/[\s\u3000]/gu, ''))?.[1] ?? null;
}

const YEAR_IN_HEADER = /((?:19|20)\d{2})\s*年/u;

/** The year a header names (2020年目标值 → 2020), else null. */
export function headerYear(header: string): number | null {
  const match = YEAR_IN_HEADER.exec(header);
  return match ? Number(match[1]) : null;
}

/**
 * Kinds that depend on the other headers, as named rules:
 * - `earlier-year-is-baseline`: of two or more target columns with years (2020年 | 2025年), the
 *   latest is the target and the earlier ones are where the plan starts.
 */
export function resolveColumns(headers: readonly string[]): ColumnKind[] {
  const kinds = headers.map(columnKind);
  const years = headers.map((h, k) => (kinds[k] === 'target' ? headerYear(h) : null));
  const dated = years.filter((y): y is number => y !== null);
  if (dated.length >= 2) {
    const latest = Math.max(...dated);
    return kinds.map((kind, k) => (years[k] !== null && years[k] !== latest ? 'baseline' : kind));
  }
  return kinds;
}

/** A header names at least a task column and a unit, number, progress or target column. */
export function isHeader(kinds: readonly ColumnKind[]): boolean {
  const known = kinds.filter((k) => k !== 'unknown');
  if (known.length < 3 || known.length < kinds.length - 1) return false;
  return kinds.includes('content') && kinds.some((k) => k === 'lead' || k === 'responsible' || k === 'number' || k === 'progress' || k === 'target');
}
