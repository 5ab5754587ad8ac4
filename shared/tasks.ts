// Tasks: the numbered items that carry work. An item with a responsibility clause is a task;
// so is every leaf item with a body, except the plan's framing sections (指导思想, 基本原则 …).
import type { ResponsibilityClause, Span, Structure, StructureNode, Task } from './model.ts';
import { SpanIndex } from './span-index.ts';
import { pathOf } from './structure/tree.ts';

/** Sections that frame the plan rather than assign work; their items are not tasks. */
const FRAMING_TITLES = /^(指导思想|基本原则|工作原则|总体要求|总体思路|总体目标|工作目标|创建目标|主要目标|目标任务|编制依据|适用范围|重要意义|背景|现状)$/;

function isFraming(nodes: readonly StructureNode[], index: number): boolean {
  for (let at: number | null = index; at !== null; at = (nodes[at] as StructureNode).parent) {
    const title = (nodes[at] as StructureNode).title;
    if (title !== null && FRAMING_TITLES.test(title)) return true;
  }
  return false;
}

function hasBodyBeyondTitle(node: StructureNode): boolean {
  const bodyLength = node.body.end - node.body.start;
  const titleLength = node.titleSpan ? node.titleSpan.end - node.titleSpan.start : 0;
  return bodyLength - titleLength > 8;
}

/**
 * A clause that no numbered item holds ends a task of its own: the paragraph before it
 * (`…宜居乡镇、建制村比例分别达到50%以上。(市建委牵头)`), or, when the clause stands on a line of
 * its own (`责任单位:武当山街道办事处`), the paragraph above it too. Task lists without numbering,
 * and excerpts that start mid-item, keep their units.
 */
function paragraphTasks(text: string, orphans: readonly ResponsibilityClause[]): Array<{ span: Span; clause: ResponsibilityClause }> {
  const found: Array<{ span: Span; clause: ResponsibilityClause }> = [];
  let floor = 0;
  for (const clause of orphans) {
    const lineStart = text.lastIndexOf('\n', clause.span.start - 1) + 1;
    let start = Math.max(lineStart, floor);
    if (text.slice(start, clause.span.start).trim() === '' && start > 0) {
      // The clause is its line: the task is the paragraph above.
      const previousEnd = text.lastIndexOf('\n', start - 1);
      const previousStart = previousEnd <= 0 ? 0 : text.lastIndexOf('\n', previousEnd - 1) + 1;
      start = Math.max(previousStart, floor);
    }
    found.push({ span: { start, end: clause.span.end }, clause });
    floor = clause.span.end;
  }
  return found;
}

export function findTasks(structure: Structure, clauses: readonly ResponsibilityClause[], text: string): Task[] {
  const { nodes } = structure;
  const clausesOf = new Map<number, ResponsibilityClause[]>();
  const orphans: ResponsibilityClause[] = [];
  const items = new SpanIndex(nodes);
  for (const clause of clauses) {
    // The deepest item that holds the clause owns it.
    const owner = items.innermost(clause.span.start);
    if (!owner) {
      orphans.push(clause);
      continue;
    }
    const own = clausesOf.get(owner.index);
    if (own) own.push(clause);
    else clausesOf.set(owner.index, [clause]);
  }
  const tasks: Task[] = [];
  for (const node of nodes) {
    const own = clausesOf.get(node.index) ?? [];
    const isLeafWork = node.children.length === 0 && hasBodyBeyondTitle(node) && !isFraming(nodes, node.index);
    if (own.length === 0 && !isLeafWork) continue;
    tasks.push({
      id: `t${tasks.length + 1}`,
      node: node.index,
      path: pathOf(nodes, node.index),
      title: node.title,
      span: { ...node.span },
      clauses: own,
    });
  }
  for (const { span, clause } of paragraphTasks(text, orphans)) {
    const title = text.slice(span.start, span.end).trim().split(/[。;,\n]/u)[0]?.slice(0, 30) ?? null;
    tasks.push({ id: '', node: -1, path: [], title: title === '' ? null : title, span, clauses: [clause] });
  }
  return tasks.sort((a, b) => a.span.start - b.span.start).map((task, k) => ({ ...task, id: `t${k + 1}` }));
}
