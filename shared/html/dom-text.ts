// DOM → text, one paragraph per line, remembering which text node each character came from so
// that a span of the extracted text can be highlighted on the live page.
import { cellsOf, rowsOf, taskTableColumns, type TaskTableColumns } from './task-table.ts';

/** A run of extracted text that comes from one DOM text node. */
export interface TextSegment {
  /** [start, end) in the extracted text. */
  start: number;
  end: number;
  node: Text;
  /** Offset in node.data of the segment's first character. */
  nodeOffset: number;
}

export interface DomText {
  text: string;
  segments: TextSegment[];
}

const SKIPPED = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'IFRAME', 'OBJECT', 'EMBED', 'SVG', 'CANVAS', 'IMG', 'VIDEO', 'AUDIO', 'BUTTON', 'INPUT', 'SELECT', 'TEXTAREA', 'HEAD']);
const BLOCKS = new Set([
  'P', 'DIV', 'SECTION', 'ARTICLE', 'MAIN', 'HEADER', 'FOOTER', 'ASIDE', 'NAV', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6',
  'UL', 'OL', 'LI', 'DL', 'DT', 'DD', 'TABLE', 'THEAD', 'TBODY', 'TFOOT', 'TR', 'BLOCKQUOTE', 'PRE', 'ADDRESS',
  'FIGURE', 'FIGCAPTION', 'FORM', 'FIELDSET', 'HR', 'CENTER',
]);
/** Cells of a row stay on one line, apart. */
const CELLS = new Set(['TD', 'TH']);

const isBlank = (code: number) => code === 32 || code === 9 || code === 10 || code === 13 || code === 12;

/**
 * The text is built in chunks with the last character and a pending space tracked apart: asking
 * the growing string for its end, or re-slicing it, made a 5 MB page quadratic. The DOM is walked
 * with an explicit stack, so 100,000 nested <div>s do not overflow the call stack.
 */
export function domText(root: Node): DomText {
  const chunks: string[] = [];
  let length = 0;
  let last = '';
  /** A collapsed run of white space not yet written: dropped at a line end. */
  let pendingSpace = false;
  const segments: TextSegment[] = [];
  /** Inside a task-table cell blocks do not break the line: the row is one sentence. */
  let inline = false;
  const write = (chunk: string) => {
    if (chunk === '') return;
    if (pendingSpace) {
      chunks.push(' ');
      length++;
      pendingSpace = false;
    }
    chunks.push(chunk);
    length += chunk.length;
    last = chunk[chunk.length - 1] as string;
  };
  const space = () => {
    if (length > 0 && last !== '\n') pendingSpace = true;
  };
  const newline = () => {
    if (inline) return;
    pendingSpace = false;
    if (length === 0 || last === '\n') return;
    write('\n');
  };
  /** Text that the page implies but does not contain (the 。(牵头单位: of a table row). */
  const add = (synthetic: string) => write(synthetic);
  const visitText = (node: Text) => {
    const data = node.data;
    let i = 0;
    while (i < data.length) {
      if (isBlank(data.charCodeAt(i))) {
        // Collapse runs of HTML white space; a space at a line start is dropped.
        space();
        while (i < data.length && isBlank(data.charCodeAt(i))) i++;
        continue;
      }
      let j = i + 1;
      while (j < data.length && !isBlank(data.charCodeAt(j))) j++;
      const run = data.slice(i, j);
      if (pendingSpace) {
        chunks.push(' ');
        length++;
        pendingSpace = false;
      }
      segments.push({ start: length, end: length + run.length, node, nodeOffset: i });
      write(run);
      i = j;
    }
  };
  const visitTaskTable = (table: Element, columns: TaskTableColumns) => {
    newline();
    for (const row of rowsOf(table)) {
      if (row === columns.header) continue;
      const cells = cellsOf(row);
      const content = (index: number) => (cells[index]?.textContent ?? '').replace(/\s+/g, '');
      if (columns.tasks.every((index) => content(index) === '')) continue;
      inline = true;
      if (columns.number !== null && /^\d{1,5}$/.test(content(columns.number))) {
        walk(cells[columns.number] as Element);
        add('.');
      }
      for (const index of columns.tasks) if (cells[index]) walk(cells[index] as Element);
      const roles = columns.roles.filter((role) => content(role.index) !== '');
      roles.forEach((role, k) => {
        add(`${k === 0 ? '(' : ';'}${role.label}:`);
        walk(cells[role.index] as Element);
      });
      // The 完成时限 cell joins the clause, where the deadline reader finds it as a label.
      const deadline = columns.deadline;
      if (deadline !== null && content(deadline) !== '') {
        add(`${roles.length === 0 ? '(' : ';'}完成时限:`);
        walk(cells[deadline] as Element);
      }
      if (roles.length > 0 || (deadline !== null && content(deadline) !== '')) add(')');
      inline = false;
      newline();
    }
  };
  /** Handles a node on the way in; true when its children are to be walked. */
  const enter = (node: Node): boolean => {
    if (node.nodeType === 3) {
      visitText(node as Text);
      return false;
    }
    if (node.nodeType !== 1 && node.nodeType !== 9 && node.nodeType !== 11) return false;
    const element = node as Element;
    const tag = (element.tagName ?? '').toUpperCase();
    if (SKIPPED.has(tag)) return false;
    if (tag === 'BR') {
      newline();
      return false;
    }
    if (tag === 'TABLE' && !inline) {
      const columns = taskTableColumns(element);
      if (columns) {
        visitTaskTable(element, columns);
        return false;
      }
    }
    if (BLOCKS.has(tag)) newline();
    if (CELLS.has(tag) && !inline) space();
    return true;
  };
  const leave = (node: Node) => {
    if (node.nodeType === 1 && BLOCKS.has(((node as Element).tagName ?? '').toUpperCase())) newline();
  };
  /** Depth-first, in document order, without recursion. */
  function walk(start: Node) {
    const open: Node[] = [];
    let node: Node | null = start;
    while (node !== null) {
      const descend = enter(node);
      if (descend && node.firstChild) {
        open.push(node);
        node = node.firstChild;
        continue;
      }
      if (descend) leave(node);
      // On to the next sibling, closing the elements whose last child this was.
      for (;;) {
        if (open.length === 0) {
          node = null;
          break;
        }
        if (node.nextSibling) {
          node = node.nextSibling;
          break;
        }
        node = open.pop() as Node;
        leave(node);
      }
    }
  }
  walk(root);
  return { text: chunks.join('').trimEnd(), segments };
}

/** The DOM position of an offset in the extracted text, for building a Range. */
export function domPosition(segments: readonly TextSegment[], offset: number): { node: Text; offset: number } | null {
  let low = 0;
  let high = segments.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const segment = segments[mid] as TextSegment;
    if (offset < segment.start) high = mid - 1;
    else if (offset >= segment.end) low = mid + 1;
    else return { node: segment.node, offset: segment.nodeOffset + (offset - segment.start) };
  }
  return null;
}
