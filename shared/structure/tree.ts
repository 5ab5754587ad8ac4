// Structure: the numbering tree. Markers are accepted only where the sequence allows them:
// the next sibling of an open style, a new style starting at 1, or a style that keeps counting
// across parents (items 1..24 numbered straight through (一)..(五)).
import { lineSlices } from '../mapped-text.ts';
import type { Span, Structure, StructureNode } from '../model.ts';
import { matchMarker, type MarkerMatch } from './markers.ts';

interface OpenLevel {
  style: string;
  ordinal: number;
  node: number;
}

interface Candidate {
  at: number;
  marker: MarkerMatch;
  /** Glued candidates (…(责任单位:X)2.完成…) need the strict next ordinal. */
  glued: boolean;
}

/** A line that opens a new part of the document, after which numbering may start again. */
interface PartLine {
  at: number;
  /** The part's opening as written (附件1:), its path label and marker length. */
  label: string;
  length: number;
  /** Any list starting at 1 after it begins the part; otherwise only the top style starting over. */
  restartsAny: boolean;
}

/**
 * Part lines, one named row each. An attachment's own numbering (附件:任务分工 → 一、…) or a
 * second document after the first (its title, then 一、 again) is a new top-level part, not more
 * items of the plan's last section.
 */
const PART_RULES: ReadonlyArray<{ name: string; example: string; pattern: RegExp; restartsAny: boolean }> = [
  { name: 'attachment', example: '附件1:重点任务分工表', pattern: /^附件\s*[0-9一二三四五六七八九十]{0,3}\s*[:]?/, restartsAny: true },
  // A short unpunctuated line naming a document, the way a plan's own title does.
  { name: 'second title', example: '会宁县创建全国文明城市重点任务分工方案', pattern: /^[^。;,:!?]{4,38}(?:实施方案|工作方案|方案|计划|任务分工|分工表|任务清单|责任清单|责任分解表?)$/, restartsAny: false },
];

function partLine(text: string, start: number, end: number): PartLine | null {
  const line = text.slice(start, end).trim();
  for (const rule of PART_RULES) {
    const match = rule.pattern.exec(line);
    if (!match) continue;
    const label = rule.name === 'attachment' ? match[0].replace(/[\s:]/g, '') : '附';
    return { at: start, label, length: rule.name === 'attachment' ? match[0].length : 0, restartsAny: rule.restartsAny };
  }
  return null;
}

/**
 * Characters after which a marker may be glued to the previous clause, spaces between allowed:
 * `…(责任单位:X)2.完成…`, a news page's `分别是: (1)…。 (2)…`. After a comma only 一是/一要 enumerate.
 */
const GLUE_AFTER = new Set([')', '。', ';', ':']);
const GLUE_AFTER_COMMA = new Set([',', '，', '；']);
const ENUMERATION_STYLES = new Set(['一是', '一要']);
/** A style unambiguous enough to start an item anywhere in a line. */
const INLINE_STYLES = new Set(['(一)']);

function candidates(text: string, bodyEnd: number): Array<Candidate | PartLine> {
  const found: Array<Candidate | PartLine> = [];
  for (const line of lineSlices(text)) {
    if (line.start >= bodyEnd) break;
    const atStart = matchMarker(text, line.start);
    if (atStart) found.push({ at: line.start, marker: atStart, glued: false });
    else {
      const part = partLine(text, line.start, line.end);
      if (part) found.push(part);
    }
    for (let i = line.start + 1; i < line.end; i++) {
      const char = text[i] as string;
      if (char === ' ' || char === '\u3000') continue;
      let before = i - 1;
      while (before > line.start && (text[before] === ' ' || text[before] === '\u3000')) before--;
      const glue = text[before] as string;
      const afterComma = GLUE_AFTER_COMMA.has(glue);
      // A page that ran its items into one line: …上新台阶 (一)积极创建… — a bracketed Chinese
      // numeral is an item wherever it stands (its spaces are gone after normalisation).
      if (!GLUE_AFTER.has(glue) && !afterComma) {
        const inline = char === '(' ? matchMarker(text, i) : null;
        if (inline && INLINE_STYLES.has(inline.style)) found.push({ at: i, marker: inline, glued: false });
        continue;
      }
      if (!GLUE_AFTER.has(glue) && !afterComma) continue;
      const glued = matchMarker(text, i);
      // After a colon a list opens (分别是:(1)…), as at a line start.
      if (glued && (!afterComma || ENUMERATION_STYLES.has(glued.style))) found.push({ at: i, marker: glued, glued: glue !== ':' });
    }
  }
  return found;
}

/** Where the signature block starts: trailing short lines without sentence punctuation. */
export function findBodyEnd(text: string): number {
  const lines = lineSlices(text);
  let end = text.length;
  for (let k = lines.length - 1; k >= 0; k--) {
    const line = lines[k] as { start: number; end: number };
    const content = text.slice(line.start, line.end).trim();
    if (content === '') {
      end = line.start;
      continue;
    }
    // A responsibility clause on its own line (责任单位:A、B) is the last task's, never a signature.
    if (content.length > 25 || /[。;!?]$/.test(content) || /(单位|部门)[:：]/.test(content)) break;
    end = line.start;
  }
  return end;
}

const TITLE_STOP = /[。:;!?]/;
const TITLE_MAX = 30;
const HEADING_MAX = 40;

/** The item's heading: `1.政务环境提升。落实…` → 政务环境提升; a short unpunctuated line is all heading. */
export function titleSpanOf(text: string, bodyStart: number, lineEnd: number): Span | null {
  let start = bodyStart;
  while (start < lineEnd && /[:,.、\s]/.test(text[start] as string)) start++;
  const line = text.slice(start, lineEnd);
  const stop = line.search(TITLE_STOP);
  if (stop > 0 && stop <= TITLE_MAX && stop < line.length - 1) return { start, end: start + stop };
  if (stop === -1 || stop === line.length - 1) {
    const end = stop === -1 ? line.length : stop;
    if (end > 0 && end <= HEADING_MAX) return { start, end: start + end };
  }
  return null;
}

/**
 * The usual rank of the styles in Chinese plans (一、 holds (一), which holds 1., which holds (1)).
 * Nesting is decided by order of appearance; the rank only says when a page began mid-section.
 */
const STYLE_RANK: Readonly<Record<string, number>> = { '一、': 0, '(一)': 1, '1.': 2, '1、': 2, '(1)': 3, '1)': 3, '①': 4 };

/** 二、 after (八)(九) with no 一、 before: the page is an excerpt, and 二、 outranks all that is open. */
function outranksOpenLevels(style: string, stack: readonly OpenLevel[]): boolean {
  const rank = STYLE_RANK[style];
  if (rank === undefined || stack.length === 0) return false;
  return stack.every((open) => (STYLE_RANK[open.style] ?? -1) > rank);
}

export function buildStructure(text: string): Structure {
  const bodyEnd = findBodyEnd(text);
  const nodes: StructureNode[] = [];
  const stack: OpenLevel[] = [];
  const lastOrdinal = new Map<string, number>();

  let pendingPart: PartLine | null = null;
  let parts = 0;
  const push = (node: Omit<StructureNode, 'index' | 'children' | 'title' | 'titleSpan'>) => {
    const index = nodes.length;
    nodes.push({ ...node, index, children: [], title: null, titleSpan: null });
    if (node.parent !== null) (nodes[node.parent] as StructureNode).children.push(index);
    return index;
  };

  for (const candidate of candidates(text, bodyEnd)) {
    if (!('marker' in candidate)) {
      // Only after the plan has items: a title at the top is the plan's own.
      if (nodes.length > 0) pendingPart = candidate;
      continue;
    }
    const { at, marker, glued } = candidate;
    if (pendingPart && !glued && marker.ordinal === 1 && (pendingPart.restartsAny || stack[0]?.style === marker.style)) {
      // The part is a top-level item holding the restarted list.
      parts++;
      const label = pendingPart.label === '附' ? `附${parts}` : pendingPart.label;
      const node = push({ style: '附件', ordinal: parts, label, depth: 0, parent: null, span: { start: pendingPart.at, end: bodyEnd }, body: { start: pendingPart.at + pendingPart.length, end: bodyEnd } });
      stack.length = 0;
      stack.push({ style: '附件', ordinal: parts, node });
      lastOrdinal.clear();
      pendingPart = null;
    }
    const level = stack.findIndex((open) => open.style === marker.style);
    let depth: number;
    if (level >= 0) {
      const previous = (stack[level] as OpenLevel).ordinal;
      const isNext = marker.ordinal === previous + 1;
      // A skipped number (a typo in the plan) is tolerated at line starts, never when glued.
      if (!(isNext || (!glued && marker.ordinal === previous + 2))) continue;
      depth = level;
    } else {
      const excerpt = outranksOpenLevels(marker.style, stack) && !lastOrdinal.has(marker.style);
      if (glued && !excerpt) continue;
      const continues = marker.ordinal === (lastOrdinal.get(marker.style) ?? 0) + 1;
      // A four-digit number (2025.) only continues a list that has reached 999.
      if (marker.ordinal > 999 && !continues) continue;
      if (!(marker.ordinal === 1 || continues || stack.length === 0 || excerpt)) continue;
      // A page that starts inside a section ((八)…(九)…二、…(一)…): the higher style is the root.
      depth = excerpt ? 0 : stack.length;
    }
    pendingPart = null;
    stack.length = depth;
    const parent = depth > 0 ? (stack[depth - 1] as OpenLevel).node : null;
    const index = push({ style: marker.style, ordinal: marker.ordinal, label: marker.label, depth, parent, span: { start: at, end: bodyEnd }, body: { start: at + marker.length, end: bodyEnd } });
    stack.push({ style: marker.style, ordinal: marker.ordinal, node: index });
    lastOrdinal.set(marker.style, marker.ordinal);
  }

  // Each item ends where the next item at its depth or above begins; its body ends at its first child.
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i] as StructureNode;
    for (let j = i + 1; j < nodes.length; j++) {
      const later = nodes[j] as StructureNode;
      if (later.depth <= node.depth) {
        node.span.end = later.span.start;
        break;
      }
    }
    const firstChild = node.children[0];
    node.body.end = firstChild !== undefined ? (nodes[firstChild] as StructureNode).span.start : node.span.end;
    trimEnd(text, node.span);
    trimEnd(text, node.body);
    const lineEnd = Math.min(lineEndAfter(text, node.body.start), node.body.end);
    node.titleSpan = titleSpanOf(text, node.body.start, lineEnd);
    node.title = node.titleSpan ? text.slice(node.titleSpan.start, node.titleSpan.end) : null;
  }
  return { nodes, bodyEnd };
}

function lineEndAfter(text: string, from: number): number {
  const end = text.indexOf('\n', from);
  return end === -1 ? text.length : end;
}

function trimEnd(text: string, span: Span): void {
  while (span.end > span.start && /\s/.test(text[span.end - 1] as string)) span.end--;
}

/** Marker labels from the root down to `index`. */
export function pathOf(nodes: readonly StructureNode[], index: number): string[] {
  const path: string[] = [];
  for (let at: number | null = index; at !== null; at = (nodes[at] as StructureNode).parent) {
    path.unshift((nodes[at] as StructureNode).label);
  }
  return path;
}
