// From flattened tables to the document model: each row is a numbered item (a task), its unit
// cells a responsibility clause, and the cells that hold no commitment (序号, 进展情况, 分值,
// 完成时限, 领导, unit names) are excluded from targets.
import type { ResponsibilityClause, Span, Structure, StructureNode, UnitMention } from '../model.ts';
import type { UnitRole } from '../schema.ts';
import { canonicalUnitName, splitUnitList } from '../units.ts';
import type { ColumnKind } from './columns.ts';
import type { Cell, FlatTable, TableRow } from './flat-table.ts';

/** Cells whose numbers are never targets: reported progress, weights, dates, people, names. */
const NOT_TARGET_CELLS = new Set<ColumnKind>(['number', 'progress', 'weight', 'deadline', 'people', 'ignored', 'lead', 'responsible', 'unit']);
const TITLE_MAX = 40;

/** The role a unit cell takes: its own column's, else the header's only unit role, else by order. */
function roleOf(cell: Cell, roles: readonly UnitRole[], order: number): UnitRole | null {
  if (cell.kind === 'lead' || cell.kind === 'responsible') return cell.kind;
  if (cell.kind !== 'unit' || roles.length === 0) return null;
  if (roles.length === 1) return roles[0] as UnitRole;
  return order === 0 ? (roles[0] as UnitRole) : (roles[roles.length - 1] as UnitRole);
}

function rowClause(table: FlatTable, row: TableRow): ResponsibilityClause | null {
  const roles = table.columns.filter((k): k is UnitRole => k === 'lead' || k === 'responsible');
  const units: UnitMention[] = [];
  let order = 0;
  for (const cell of row.cells) {
    const role = roleOf(cell, roles, order);
    if (role === null) continue;
    order += 1;
    for (const { name, offset } of splitUnitList(cell.text)) {
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

/** A row's label and its figure (全社会固定资产投资额 / 186): a target the table states. */
export interface CellTarget {
  label: Span;
  value: Span;
}

/** A cell that is a figure and nothing else: 186, 18.4, 低于 4.1, ≥ 15, 100%. */
const FIGURE_CELL = /^(?:[≥≤<>]|不低于|不少于|不超过|低于|高于|超过|达到)?\s*\d+(?:\.\d+)?\s*(?:%|‰)?$/u;

export interface TablePlan {
  cellTargets: CellTarget[];
  clauses: ResponsibilityClause[];
  excluded: Span[];
  /** The regions the tables cover: numbering inside them is the cells', not the plan's. */
  regions: Span[];
  rows: Array<{ row: TableRow; title: { title: string; span: Span } | null }>;
}

export function readTables(tables: readonly FlatTable[]): TablePlan {
  const plan: TablePlan = { cellTargets: [], clauses: [], excluded: [], regions: [], rows: [] };
  for (const table of tables) {
    plan.excluded.push(table.header);
    const last = table.rows[table.rows.length - 1];
    plan.regions.push({ start: table.header.start, end: last ? last.span.end : table.header.end });
    for (const row of table.rows) {
      const clause = rowClause(table, row);
      if (clause) plan.clauses.push(clause);
      plan.excluded.push(...row.cells.filter((c) => NOT_TARGET_CELLS.has(c.kind)).map((c) => c.span));
      const label = row.cells.find((c) => c.kind === 'content');
      const figure = row.cells.find((c) => c.kind === 'target' && FIGURE_CELL.test(c.text));
      if (label && figure) {
        plan.cellTargets.push({ label: label.span, value: figure.span });
        plan.excluded.push(figure.span);
      }
      plan.rows.push({ row, title: rowTitle(row) });
    }
  }
  return plan;
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
