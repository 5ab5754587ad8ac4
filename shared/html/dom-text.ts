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

export function domText(root: Node): DomText {
  let text = '';
  const segments: TextSegment[] = [];
  /** Inside a task-table cell blocks do not break the line: the row is one sentence. */
  let inline = false;
  const newline = () => {
    if (inline) return;
    if (text === '' || text.endsWith('\n')) return;
    // Trim trailing blanks by hand: a regex anchored at $ would rescan the whole text each time.
    let end = text.length;
    while (end > 0 && (text[end - 1] === ' ' || text[end - 1] === '\t')) end--;
    text = `${text.slice(0, end)}\n`;
  };
  /** Text that the page implies but does not contain (the 。(牵头单位: of a table row). */
  const add = (synthetic: string) => {
    text += synthetic;
  };
  const visitTaskTable = (table: Element, columns: TaskTableColumns) => {
    newline();
    for (const row of rowsOf(table)) {
      if (row === columns.header) continue;
      const cells = cellsOf(row);
      const content = (index: number) => (cells[index]?.textContent ?? '').replace(/\s+/g, '');
      if (columns.tasks.every((index) => content(index) === '')) continue;
      inline = true;
      if (columns.number !== null && /^\d{1,3}$/.test(content(columns.number))) {
        visit(cells[columns.number] as Element);
        add('.');
      }
      for (const index of columns.tasks) if (cells[index]) visit(cells[index] as Element);
      const roles = columns.roles.filter((role) => content(role.index) !== '');
      roles.forEach((role, k) => {
        add(`${k === 0 ? '(' : ';'}${role.label}:`);
        visit(cells[role.index] as Element);
      });
      // The 完成时限 cell joins the clause, where the deadline reader finds it as a label.
      const deadline = columns.deadline;
      if (deadline !== null && content(deadline) !== '') {
        add(`${roles.length === 0 ? '(' : ';'}完成时限:`);
        visit(cells[deadline] as Element);
      }
      if (roles.length > 0 || (deadline !== null && content(deadline) !== '')) add(')');
      inline = false;
      newline();
    }
  };
  const visit = (node: Node) => {
    if (node.nodeType === 3) {
      const data = (node as Text).data;
      // Collapse runs of HTML white space; a space at a line start is dropped.
      let i = 0;
      while (i < data.length) {
        const ws = /^[ \t\r\n\f]+/.exec(data.slice(i, i + 64));
        if (ws) {
          if (text !== '' && !text.endsWith('\n') && !text.endsWith(' ')) text += ' ';
          i += ws[0].length;
          continue;
        }
        const run = /^[^ \t\r\n\f]+/.exec(data.slice(i)) as RegExpExecArray;
        segments.push({ start: text.length, end: text.length + run[0].length, node: node as Text, nodeOffset: i });
        text += run[0];
        i += run[0].length;
      }
      return;
    }
    if (node.nodeType !== 1 && node.nodeType !== 9 && node.nodeType !== 11) return;
    const element = node as Element;
    const tag = (element.tagName ?? '').toUpperCase();
    if (SKIPPED.has(tag)) return;
    if (tag === 'BR') {
      newline();
      return;
    }
    if (tag === 'TABLE' && !inline) {
      const columns = taskTableColumns(element);
      if (columns) {
        visitTaskTable(element, columns);
        return;
      }
    }
    const block = BLOCKS.has(tag);
    if (block) newline();
    if (CELLS.has(tag) && !inline && text !== '' && !text.endsWith('\n') && !text.endsWith(' ')) text += ' ';
    for (let child = node.firstChild; child; child = child.nextSibling) visit(child);
    if (block) newline();
  };
  visit(root);
  return { text: text.trimEnd(), segments };
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
