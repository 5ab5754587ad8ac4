// From flattened tables to the document model: each row is a numbered item (a task), its unit
// cells a responsibility clause, and the cells that hold no commitment (序号, 进展情况, 分值,
// 完成时限, 领导, unit names) are excluded from targets.
import type { ResponsibilityClause, Span, Structure, StructureNode, UnitMention } from '../model.ts';
import type { YearScope } from '../targets/governing-years.ts';
import type { UnitRole } from '../schema.ts';
import { canonicalUnitName, splitUnitList } from '../units.ts';
import { headerUnit, headerYear, type ColumnKind } from './columns.ts';
import { isEmptyMark, looksLikeFigure } from './cells.ts';
import { gluedUnitNames } from './run-together.ts';
import type { Cell, FlatTable, TableRow } from './flat-table.ts';

/** Cells whose numbers are never targets: reported progress, weights, baselines, dates, people, names, units of measure. */
const NOT_TARGET_CELLS = new Set<ColumnKind>(['number', 'progress', 'weight', 'baseline', 'measure', 'deadline', 'people', 'ignored', 'lead', 'responsible', 'unit']);
const TITLE_MAX = 40;

/** The role a unit cell takes: its own column's, else the header's only unit role, else by order. */
function roleOf(cell: Cell, roles: readonly UnitRole[], order: number): UnitRole | null {
  if (cell.kind === 'lead' || cell.kind === 'responsible') return cell.kind;
  if (cell.kind !== 'unit' || roles.length === 0) return null;
  if (roles.length === 1) return roles[0] as UnitRole;
  return order === 0 ? (roles[0] as UnitRole) : (roles[roles.length - 1] as UnitRole);
}

/** The units of a cell: as the list is written (、 , ;), or, a list with no separator, where the names end (glued-unit-names). */
function unitsOfCell(text: string): Array<{ name: string; offset: number }> {
  const listed = splitUnitList(text);
  if (listed.length !== 1) return listed;
  return gluedUnitNames(text) ?? listed;
}

function rowClause(table: FlatTable, row: TableRow): ResponsibilityClause | null {
  const roles = table.columns.filter((k): k is UnitRole => k === 'lead' || k === 'responsible');
  const units: UnitMention[] = [];
  let order = 0;
  for (const cell of row.cells) {
    const role = roleOf(cell, roles, order);
    if (role === null) continue;
    order += 1;
    for (const { name, offset } of unitsOfCell(cell.text)) {
      const start = cell.span.start + offset;
      units.push({ name, canonical: canonicalUnitName(name), role, span: { start, end: start + name.length } });
    }
  }
  if (units.length === 0) return null;
  const first = units[0] as UnitMention;
  const last = units[units.length - 1] as UnitMention;
  return { span: { start: first.span.start, end: last.span.end }, units };
}

function rowTitle(row: TableRow): { title: string; span: Span } | null {
  const content = row.cells.find((c) => c.kind === 'content');
  if (!content) return null;
  const stop = content.text.search(/[。;；]/u);
  const length = Math.min(stop === -1 ? content.text.length : stop, TITLE_MAX);
  return { title: content.text.slice(0, length), span: { start: content.span.start, end: content.span.start + length } };
}

/**
 * A target a table states: the row's label and its figure (全社会固定资产投资额 / 186), with what
 * the row and the header add to it.
 */
export interface CellTarget {
  /** The row's label cell: where the target's text starts. */
  label: Span;
  value: Span;
  /** The label as a metric, its own quantities left out (新增15万户直播卫星用户 → 新增直播卫星用户). */
  metric?: string;
  /** The unit of the row's 计量单位 cell or of the column header's bracket, for a bare figure. */
  unit?: string;
  /** The year of the column header (2020年目标值). */
  year?: number;
}

export interface TablePlan {
  cellTargets: CellTarget[];
  clauses: ResponsibilityClause[];
  excluded: Span[];
  /** The regions the tables cover: numbering inside them is the cells', not the plan's. */
  regions: Span[];
  /** Tables whose target column names one year (2020年目标值): the year of every target read in their rows. */
  yearScopes: YearScope[];
  rows: Array<{ row: TableRow; title: { title: string; span: Span } | null }>;
}

export function readTables(tables: readonly FlatTable[]): TablePlan {
  const plan: TablePlan = { cellTargets: [], clauses: [], excluded: [], regions: [], rows: [], yearScopes: [] };
  for (const table of tables) {
    plan.excluded.push(table.header);
    const last = table.rows[table.rows.length - 1];
    const region = { start: table.header.start, end: last ? last.span.end : table.header.end };
    plan.regions.push(region);
    const year = tableYear(table);
    if (year !== null) plan.yearScopes.push({ span: { start: table.header.end, end: region.end }, year, rule: 'table-header' });
    for (const row of table.rows) {
      const clause = rowClause(table, row);
      if (clause) plan.clauses.push(clause);
      plan.excluded.push(...row.cells.filter((c) => NOT_TARGET_CELLS.has(c.kind)).map((c) => c.span));
      for (const target of rowTargets(table, row)) {
        plan.cellTargets.push(target);
        plan.excluded.push(target.value);
      }
      plan.rows.push({ row, title: rowTitle(row) });
    }
  }
  return plan;
}

/**
 * A label's own quantities are not the metric of the figure in the target column (named rule
 * `label-quantity`): a count at the label's end (减少义务教育大班额1.4万个以上 | 869 →
 * 减少义务教育大班额) or before what it counts (新增15万户直播卫星用户 | 12800 → 新增直播卫星用户),
 * and a bracket that lists places with counts (基本消除村卫生室“空白村”(平江17、汩罗4) →
 * …“空白村”). A threshold that names a class stays (新引进5亿元以上重大项目), and a year is no
 * quantity (地区生产总值(2010年不变价) stays whole).
 */
const COUNT_WORDS = '人次|平方米|公里|千米|个|座|户|人|所|家|名|米|亩|吨|辆|套|台|张|条|处|项|次|场|间|栋|片';
const COUNT = String.raw`\d+(?:\.\d+)?(?:万|亿)?`;
const COUNT_AT_END = new RegExp(`${COUNT}(?:万元|亿元|元|${COUNT_WORDS})(?:以上|以下|以内|左右)?$`, 'u');
const COUNT_BEFORE_NOUN = new RegExp(`${COUNT}(?:${COUNT_WORDS})(?=[\u4e00-\u9fff])`, 'gu');
const COUNTED_BRACKET = /\((?=[^()]*(?<![A-Za-z.\d])\d+(?![\d.]*年))[^()]*\)/gu;

/**
 * Named rule `label-group`: a label that opens with its group's name (an 工程, 项目 or 行动 that a
 * merged cell gave the rows below) before the item's own count or verb: 数字广播电视户户通工程
 * 60座台站开展省级节目数字化覆盖 → 台站开展省级节目数字化覆盖.
 */
const GROUP_NAME = /^[\u4e00-\u9fff“”()]{2,16}(?:工程|项目|行动|计划)\s*(?=\d|新建|新增|建设|建成|完成|实施|开展|改造|提升)/u;

function labelMetric(label: string): string {
  return label.replace(GROUP_NAME, '').replace(COUNTED_BRACKET, '').replace(COUNT_AT_END, '').replace(COUNT_BEFORE_NOUN, '').trim();
}

/** Named rule `dated-target-column`: the one year the table's target columns name (2020年目标值), else null. */
function tableYear(table: FlatTable): number | null {
  const years = new Set(table.headerCells.flatMap((cell, k) => (table.columns[k] === 'target' ? [headerYear(cell.text)] : [])).filter((y): y is number => y !== null));
  return years.size === 1 ? ([...years][0] as number) : null;
}

/** The unit for a bare figure: the row's 计量单位 cell, else the header's bracket (目标值(%)). */
function rowUnit(table: FlatTable, row: TableRow, figure: Cell): string | undefined {
  const measure = row.cells.find((c) => c.kind === 'measure' && !isEmptyMark(c.text));
  if (measure) return measure.text.replace(/[\s\u3000]/gu, '').replace(/^\((.+)\)$/u, '$1');
  const header = figure.column === undefined ? undefined : table.headerCells[figure.column];
  return (header && headerUnit(header.text)) ?? undefined;
}

/**
 * The targets of a row: each figure in a target column with the label before it (the last
 * content cell before the figure: a group name in front gives way to the row's own content).
 * Named rule `paired-slash`: 城镇登记失业率/城镇调查失业率 | <4/<5.5 gives one target per pair.
 */
function rowTargets(table: FlatTable, row: TableRow): CellTarget[] {
  const targets: CellTarget[] = [];
  const firstContent = row.cells.find((c) => c.kind === 'content');
  let lastContent: Cell | undefined;
  row.cells.forEach((figure) => {
    if (figure.kind === 'content') lastContent = figure;
    if (figure.kind !== 'target') return;
    const label = lastContent ?? firstContent;
    if (!label) return;
    const header = figure.column === undefined ? undefined : table.headerCells[figure.column];
    const year = header ? headerYear(header.text) : null;
    const unit = rowUnit(table, row, figure);
    const extra = { ...(unit !== undefined ? { unit } : {}), ...(year !== null ? { year } : {}) };
    if (looksLikeFigure(figure.text)) {
      targets.push({ label: label.span, value: figure.span, metric: labelMetric(label.text), ...extra });
      return;
    }
    const values = figure.text.split('/');
    const names = label.text.split('/');
    if (values.length < 2 || values.length !== names.length || !values.every((v) => looksLikeFigure(v))) return;
    let valueAt = figure.span.start;
    let nameAt = label.span.start;
    values.forEach((value, p) => {
      const name = names[p] as string;
      targets.push({ label: { start: nameAt, end: nameAt + name.length }, value: { start: valueAt, end: valueAt + value.length }, metric: labelMetric(name), ...extra });
      valueAt += value.length + 1;
      nameAt += name.length + 1;
    });
  });
  return targets;
}

/** The region holding `at`, by binary search over the regions (in document order, disjoint). */
function regionAt(at: number, regions: readonly Span[]): Span | null {
  let low = 0;
  let high = regions.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const region = regions[mid] as Span;
    if (at < region.start) high = mid - 1;
    else if (at >= region.end) low = mid + 1;
    else return region;
  }
  return null;
}

/**
 * The structure with the tables' rows as items: numbering found inside a table (1.4月底前… in a
 * cell) gives way to the rows; items that ran into a table now hold all of it; nesting is rebuilt
 * from the spans.
 */
export function withTableRows(structure: Structure, plan: TablePlan): Structure {
  if (plan.rows.length === 0) return structure;
  const kept = structure.nodes.filter((n) => regionAt(n.span.start, plan.regions) === null).map((n) => ({ ...n, span: { ...n.span }, body: { ...n.body }, children: [] as number[] }));
  for (const node of kept) {
    // An item that ran into a table now holds all of it.
    const region = regionAt(node.span.end - 1, plan.regions);
    if (region !== null && node.span.start < region.start && node.span.end < region.end) {
      node.span.end = region.end;
      node.body.end = Math.max(node.body.end, region.end);
    }
  }
  const rows: StructureNode[] = plan.rows.map(({ row, title }, k) => {
    const number = row.cells.find((c) => c.kind === 'number');
    return {
      index: -1,
      style: 'table-row',
      ordinal: row.label !== null ? Number(row.label) : k + 1,
      label: row.label ?? String(k + 1),
      depth: 0,
      parent: null,
      children: [],
      span: { ...row.span },
      body: { start: number ? number.span.end : row.span.start, end: row.span.end },
      title: title?.title ?? null,
      titleSpan: title?.span ?? null,
    };
  });
  const nodes = [...kept, ...rows].sort((a, b) => a.span.start - b.span.start || b.span.end - a.span.end);
  const stack: StructureNode[] = [];
  nodes.forEach((node, index) => {
    node.index = index;
    while (stack.length > 0 && (stack[stack.length - 1] as StructureNode).span.end <= node.span.start) stack.pop();
    const parent = stack[stack.length - 1];
    node.parent = parent ? parent.index : null;
    node.depth = stack.length;
    if (parent) parent.children.push(index);
    stack.push(node);
  });
  // A table's last rows are short lines that look like a signature block; the body runs past them.
  const bodyEnd = Math.max(structure.bodyEnd, ...plan.regions.map((r) => r.end));
  return { ...structure, nodes, bodyEnd };
}
