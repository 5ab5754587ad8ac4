// The typed document model that the stages fill in, one layer each. Offsets are into the
// normalised text ([start, end)); the export is derived from this model in document.ts.
import type { Comparator, SourceKind, UnitRole } from './schema.ts';

export interface Span {
  start: number;
  end: number;
}

/** A numbered item: 一、 (一) 1. (1) ① 第一阶段 …, with its place in the tree. */
export interface StructureNode {
  index: number;
  style: string;
  ordinal: number;
  /** The marker as a reader writes it in a path: 二, (二), 12. */
  label: string;
  depth: number;
  parent: number | null;
  children: number[];
  /** Marker start to the end of the item (its children included). */
  span: Span;
  /** Text after the marker up to the first child, or the item end for a leaf. */
  body: Span;
  title: string | null;
  /** Where the title sits in the text, for highlighting the heading. */
  titleSpan: Span | null;
}

export interface Structure {
  nodes: StructureNode[];
  /** End of the plan's body: the signature and date block after it is not part of any item. */
  bodyEnd: number;
}

export interface UnitMention {
  name: string;
  canonical: string;
  role: UnitRole;
  span: Span;
}

/** A responsibility clause: (牵头单位:…;责任单位:…) and its relatives. */
export interface ResponsibilityClause {
  span: Span;
  units: UnitMention[];
}

export interface Task {
  id: string;
  /** The numbered item (structure node) it is; -1 for an unnumbered paragraph that ends in a clause. */
  node: number;
  path: string[];
  title: string | null;
  span: Span;
  clauses: ResponsibilityClause[];
}

export interface Target {
  id: string;
  taskId: string | null;
  /** The clause that holds the target. */
  textSpan: Span;
  metric: string;
  op: Comparator;
  value: number;
  max: number | null;
  unit: string;
  year: number | null;
  /** Metric, comparator, number and unit: what the extension highlights. */
  span: Span;
}

export interface PlanMetadata {
  title: string | null;
  region: string | null;
  issuers: string[];
  docNumber: string | null;
  publishedAt: string | null;
  period: { from: number; to: number } | null;
}

export interface SourceInfo {
  kind: SourceKind;
  url: string | null;
  file: string | null;
}

/** When a task is due, as the plan states it (deadlines.ts). */
export interface Deadline {
  /** As written: 2024年11月底, 10月底前, 长期坚持. */
  text: string;
  /** YYYY-MM or YYYY; null when the plan gives no year (a month-only deadline outside an annual plan) or none at all. */
  by: string | null;
  /** Start of a range (3月至6月), else null. */
  from: string | null;
  /** A standing duty (长期坚持, 每年12月). */
  ongoing: boolean;
  span: Span;
}
