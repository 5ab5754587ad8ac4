// Tables whose cells stand apart by white space: a table copied from a web page or a
// spreadsheet (tabs), typed with runs of spaces, or rebuilt from a PDF's columns. The gaps
// between the cells of such rows are kept as one tab each, so that the table reader
// (shared/tables/flat-table.ts) still sees the cells once spaces are tidied away; everywhere
// else a tab is a space, as before. Runs before lines are rejoined: a row is never joined.
//
// A block of rows opens at a header line (its cells name columns: 序号 考核指标 单位 工作目标)
// or at two tab-separated lines, and reads its rows with the header's kind of gap:
import { lineSlices, type MappedText } from '../mapped-text.ts';
import { columnKind, isHeader } from '../tables/columns.ts';

type GapMode = 'tab' | 'wide' | 'any';

interface Gap {
  start: number;
  end: number;
}

interface BlockRule {
  name: string;
  mode: GapMode;
  example: string;
  /** The gaps of the line that separate its cells when the line opens a block in this mode, else null. */
  opens: (line: string, gaps: readonly Gap[], next: string | null) => Gap[] | null;
}

/** Runs of spaces and tabs between two visible characters of a line. */
function gapsOf(line: string): Gap[] {
  const gaps: Gap[] = [];
  let k = 0;
  while (k < line.length && (line[k] === ' ' || line[k] === '\t')) k++;
  for (; k < line.length; k++) {
    if (line[k] !== ' ' && line[k] !== '\t') continue;
    let end = k;
    while (end < line.length && (line[end] === ' ' || line[end] === '\t')) end++;
    if (end < line.length) gaps.push({ start: k, end });
    k = end;
  }
  return gaps;
}

/** The gaps that separate cells in a mode: any tab; runs of two or more spaces; any run at all. */
function separators(line: string, gaps: readonly Gap[], mode: GapMode): Gap[] {
  return gaps.filter((g) => {
    const run = line.slice(g.start, g.end);
    if (mode === 'tab') return run.includes('\t');
    if (mode === 'wide') return run.includes('\t') || run.length >= 2;
    return true;
  });
}

function cellsBetween(line: string, gaps: readonly Gap[]): string[] {
  const cells: string[] = [];
  let from = 0;
  for (const gap of gaps) {
    cells.push(line.slice(from, gap.start).trim());
    from = gap.end;
  }
  cells.push(line.slice(from).trim());
  return cells.filter((c) => c !== '');
}

const MAX_HEADER_CELLS = 16;
const SINGLE_HAN = /^[\u4e00-\u9fff]$/u;

/**
 * Letter-spaced header words (单 位, 备  注, 序 号): a run of single characters is one word, so the
 * gaps inside it separate nothing.
 */
function withoutLetterSpacing(line: string, gaps: readonly Gap[]): Gap[] {
  const cells = [line.slice(0, gaps[0]?.start ?? line.length).trim()];
  gaps.forEach((gap, k) => cells.push(line.slice(gap.end, gaps[k + 1]?.start ?? line.length).trim()));
  return gaps.filter((_, k) => !(SINGLE_HAN.test(cells[k] as string) && SINGLE_HAN.test(cells[k + 1] as string)));
}

function headerGaps(line: string, gaps: Gap[]): Gap[] | null {
  const cells = cellsBetween(line, gaps);
  if (cells.length < 3 || cells.length > MAX_HEADER_CELLS) return null;
  return isHeader(cells.map(columnKind)) ? gaps : null;
}

const TAB_ROW = (line: string, gaps: readonly Gap[]) => separators(line, gaps, 'tab').length > 0;

const BLOCK_RULES: readonly BlockRule[] = [
  { name: 'tab-header', mode: 'tab', example: '序号\\t项目名称\\t牵头单位\\t配合单位', opens: (line, gaps) => headerGaps(line, separators(line, gaps, 'tab')) },
  { name: 'wide-header', mode: 'wide', example: '序号   指标名称   2020 年目标值   资料来源', opens: (line, gaps) => headerGaps(line, separators(line, gaps, 'wide')) },
  { name: 'any-header', mode: 'any', example: '序号 考核指标 单 位 工作目标 已完成数 备  注', opens: (line, gaps) => headerGaps(line, withoutLetterSpacing(line, gaps)) },
  {
    name: 'tab-rows',
    mode: 'tab',
    example: '1\\t新建公办幼儿园5所\\t县教育局 (two such lines, no header: a spreadsheet paste or PDF columns)',
    opens: (line, gaps, next) => (TAB_ROW(line, gaps) && next !== null && TAB_ROW(next, gapsOf(next)) ? separators(line, gaps, 'tab') : null),
  },
];

/** A line without a gap stays in a block when it is short and a row follows it: a category (宏观调控) or a wrapped cell. */
const MAX_LINE_IN_BLOCK = 40;
/** A line that ends a sentence is prose after the table, not a category. */
const SENTENCE_END = /[。;；!?！？]$/u;

export function keepCellGaps(input: MappedText): MappedText {
  const { text, origin } = input;
  const lines = lineSlices(text).map((s) => ({ ...s, text: text.slice(s.start, s.end) }));
  /** Per line: the gaps that become tabs (null: the line is no table row). */
  const kept: Array<Gap[] | null> = lines.map(() => null);
  let mode: GapMode | null = null;
  for (let k = 0; k < lines.length; k++) {
    const line = (lines[k] as { text: string }).text;
    const gaps = gapsOf(line);
    if (mode !== null) {
      const cells = separators(line, gaps, mode);
      if (cells.length > 0) {
        kept[k] = cells;
        continue;
      }
      if (line.trim() === '') continue;
      const next = nextLine(lines, k);
      const short = line.trim().length <= MAX_LINE_IN_BLOCK && !SENTENCE_END.test(line.trim());
      if (short && next !== null && separators(next, gapsOf(next), mode).length > 0) continue;
      mode = null;
    }
    if (gaps.length === 0) continue;
    const next = nextLine(lines, k);
    for (const rule of BLOCK_RULES) {
      const opened = rule.opens(line, gaps, next);
      if (opened === null) continue;
      kept[k] = opened;
      mode = rule.mode;
      break;
    }
  }
  return rewrite(text, origin, lines, kept);
}

function nextLine(lines: ReadonlyArray<{ text: string }>, k: number): string | null {
  for (let j = k + 1; j < lines.length; j++) {
    const text = (lines[j] as { text: string }).text;
    if (text.trim() !== '') return text;
  }
  return null;
}

/** Each kept gap becomes one tab (with the origin of its first character); other tabs become spaces. */
function rewrite(text: string, origin: readonly number[], lines: ReadonlyArray<{ start: number; end: number }>, kept: ReadonlyArray<Gap[] | null>): MappedText {
  if (!text.includes('\t') && kept.every((g) => g === null)) return { text, origin };
  let out = '';
  const outOrigin: number[] = [];
  let from = 0;
  const copy = (end: number) => {
    const piece = text.slice(from, end);
    out += piece.replace(/\t/gu, ' ');
    for (let i = from; i < end; i++) outOrigin.push(origin[i] ?? 0);
    from = end;
  };
  lines.forEach((line, k) => {
    for (const gap of kept[k] ?? []) {
      copy(line.start + gap.start);
      out += '\t';
      outOrigin.push(origin[line.start + gap.start] ?? 0);
      from = line.start + gap.end;
    }
  });
  copy(text.length);
  return { text: out, origin: outOrigin };
}
