// Tables whose cells a page ran together with nothing between them:
//   指标名称计量单位2020 年目标值资料来源一、经济发展1 地区生产总值…2 战略性新兴产业增加值占GDP 比重% ≥ 15省统计局3 …
//   序号项目名称主要内容区政府分管领导牵头单位配合单位1增加教育资源供给…中小学4580个。何海平教育局经开区…2促进就业…
// The header is a run of column names; rows open at the row numbers in sequence; inside a row the
// cells are cut where a reader sees them: an indicator row at the change from its label to its
// figure (label, unit of measure, figure, data source), a task row after its content's last
// sentence (content, person, units). The cut is written into the text as white space (a line
// break before the header, each row and each category; a tab between cells), which quotes and
// spans ignore, so the table reader reads the table as a tab table.
import { concat, inserted, slice, type MappedText } from '../mapped-text.ts';
import { looksLikeMeasureUnit } from './cells.ts';
import { columnKind, isHeader, resolveColumns, type ColumnKind } from './columns.ts';

/** Column names as tables write them, longest first (each is named by a rule of columns.ts). */
const HEADER_WORDS = [
  '序号', '编号',
  '项目名称', '项目内容', '实事项目', '民生实事', '主要内容', '工作内容', '内容与要求', '任务内容', '工作任务', '重点工作', '重点任务', '主要任务', '具体任务', '指标名称', '考核指标', '主要指标',
  '牵头单位', '责任单位', '配合单位', '协办单位', '牵头部门', '责任部门', '配合部门', '实施单位', '责任主体',
  '完成时限', '完成时间', '时间节点', '时限要求',
  '进展情况', '完成情况', '当前进度', '已完成数',
  '目标值', '工作目标', '年度目标', '目标任务', '预期值', '基期值', '现状值',
  '计量单位', '资料来源', '数据来源', '监考单位', '备注', '分值', '属性',
  '指标', '项目', '单位',
];
const PEOPLE_WORD = String.raw`(?:[区市县]政府|[区市县])?(?:分管|牵头|责任)(?:区|市|县)?领导|责任人`;
const YEAR_WORD = String.raw`(?:19|20)\d{2}\s*年(?:目标值?|预期值?|规划值?|现状值?|基期值?)?`;
const HEADER_WORD = new RegExp(`${PEOPLE_WORD}|${YEAR_WORD}|${[...HEADER_WORDS].sort((a, b) => b.length - a.length).join('|')}`, 'gu');

interface Word {
  start: number;
  end: number;
  text: string;
}

interface Header {
  words: Word[];
  columns: ColumnKind[];
}

/** What a run of column words must be to open a table, each rule with what it keeps out. */
interface HeaderRule {
  name: string;
  example: string;
  holds: (run: readonly Word[], columns: readonly ColumnKind[]) => boolean;
}

const HEADER_RULES: readonly HeaderRule[] = [
  { name: 'names-a-table', example: '序号 项目名称 牵头单位 (a task column and a number, unit, progress or target column)', holds: (_, columns) => isHeader(columns) },
  {
    name: 'more-than-a-title-phrase',
    example: '民生实事项目目标任务 in a title: three words and no 序号, unit or 计量单位 column',
    holds: (run, columns) => run.length >= 4 || columns.some((c) => c === 'number' || c === 'lead' || c === 'responsible' || c === 'measure'),
  },
  { name: 'run-together', example: '指标名称计量单位 (two words touching; a header with gaps everywhere is a spaced one)', holds: (run) => run.some((w, k) => k > 0 && (run[k - 1] as Word).end === w.start) },
];

/**
 * Named step `title-word`: a title that ends in a column word (…生态环境保护主要指标 / 指标名称…):
 * the word glued to the title's text is the title's, when the run without it still names a table.
 */
function withoutTitleWord(line: string, run: readonly Word[]): readonly Word[] {
  let words = run;
  const gluedToText = (w: Word) => /[\u4e00-\u9fff”)]/u.test(line[w.start - 1] ?? '');
  while (words.length > 3 && gluedToText(words[0] as Word) && columnKind((words[0] as Word).text) !== 'number' && isHeader(resolveColumns(words.slice(1).map((w) => w.text)))) words = words.slice(1);
  return words;
}

/**
 * Named rule `run-together-header`: a run of column names one after the other (white space between
 * them at most) that holds every HEADER_RULES row. Of several runs in a line, the longest.
 */
function findHeader(line: string): Header | null {
  const runs: Word[][] = [];
  for (const match of line.matchAll(HEADER_WORD)) {
    const word = { start: match.index ?? 0, end: (match.index ?? 0) + match[0].length, text: match[0] };
    const run = runs[runs.length - 1];
    const previous = run?.[run.length - 1];
    if (run && previous && line.slice(previous.end, word.start).trim() === '') run.push(word);
    else runs.push([word]);
  }
  let best: Header | null = null;
  for (const found of runs) {
    const words = withoutTitleWord(line, found);
    if (words.length < 3 || (best !== null && best.words.length >= words.length)) continue;
    const columns = resolveColumns(words.map((w) => w.text));
    if (HEADER_RULES.every((rule) => rule.holds(words, columns))) best = { words: [...words], columns };
  }
  return best;
}

/** A cut: before offset `at` of the body, write `mark` (a line break or a tab). */
interface Cut {
  at: number;
  mark: '\n' | '\t';
}

const DIGITS = /\d+/gu;
const HAN = /[\u4e00-\u9fff“"(]/u;
const COMPARATOR_BEFORE = /[≥≤<>=]\s*$/u;

/**
 * Row numbers in sequence (1, 2, 3 …), each where a row can open: not inside a figure (PM2.5),
 * followed by the row's words (not a unit: 12个 is a count). Named rule `glued-row-number`: a
 * figure and the next row number that a page ran together (≥9818 城镇登记失业率 after row 17) are
 * split where the digits end in the number expected next.
 */
function rowStarts(body: string, isUnitAt: (at: number) => boolean): Array<{ at: number; numberEnd: number }> {
  const starts: Array<{ at: number; numberEnd: number }> = [];
  let expected = 1;
  for (const match of body.matchAll(DIGITS)) {
    const at = match.index ?? 0;
    const digits = match[0];
    const wanted = String(expected);
    if (!digits.endsWith(wanted)) continue;
    const numberAt = at + digits.length - wanted.length;
    const before = body[at - 1] ?? '';
    if (before === '.' || /[A-Za-z]/u.test(before)) continue;
    if (numberAt > at && !COMPARATOR_BEFORE.test(body.slice(Math.max(0, at - 4), at))) continue;
    let after = at + digits.length;
    if (body[after] === '、' || body[after] === '.') after += 1;
    const spaced = body[after] === ' ';
    while (body[after] === ' ') after += 1;
    if (!HAN.test(body[after] ?? '') || body[after] === '年' || body[after] === '月') continue;
    // Right after the number, a unit makes it a count (项目12个), unless what stands before ends a row
    // (a sentence, a figure, an organisation: …市卫健委2人均预期寿命); a space before the words makes it a row number.
    const rowEndsBefore = /[。;；%)）]$/u.test(body.slice(0, at)) || STRONG_END.test(body.slice(Math.max(0, at - 6), at));
    if (!spaced && !rowEndsBefore && isUnitAt(after)) continue;
    // A figure's last digits open the next row only when a label follows, not the figure's data source (≥ 55省农委).
    if (numberAt > at && unitNameAt(body, after, Math.min(body.length, after + MAX_NAME))?.strong === true) continue;
    starts.push({ at: numberAt, numberEnd: at + digits.length });
    expected += 1;
  }
  return starts;
}

/** A category between rows (一、经济发展): a line of its own. Named rule `category-line`. */
const CATEGORY_AT_END = /[一二三四五六七八九十]{1,3}、[\u4e00-\u9fff]{2,12}\s*$/u;

// ---- inside a row ---------------------------------------------------------------------------

const FIGURE_START = /^(?:[≥≤<>=]|不低于|不少于|不超过|不高于|低于|高于|超过|达到|控制在)?\s*\d/u;
const FIGURE = /^(?:[≥≤<>=]|不低于|不少于|不超过|不高于|低于|高于|超过|达到|控制在)?\s*\d+(?:\.\d+)?\s*(?:%|‰)?(?:\s*\/\s*(?:[≥≤<>=])?\s*\d+(?:\.\d+)?\s*(?:%|‰)?)*(?:以上|以下|以内|左右)?/u;

/** Where the row's figure starts: a comparator or a digit outside brackets, not a year, not inside a name (4G, PM2.5). */
function figureStart(text: string, from: number, to: number): number {
  let depth = 0;
  for (let k = from; k < to; k++) {
    const char = text[k] as string;
    if (char === '(' || char === '“') depth += 1;
    else if ((char === ')' || char === '”') && depth > 0) depth -= 1;
    if (depth > 0 || /\s/u.test(char) || !FIGURE_START.test(text.slice(k, k + 5))) continue;
    const digit = k + text.slice(k, k + 5).search(/\d/u);
    if (/[A-Za-z\d.]/u.test(text[k - 1] ?? '') && digit === k) continue;
    const digits = /^\d+(?:\.\d+)?/u.exec(text.slice(digit))?.[0] ?? '';
    const next = text.slice(digit + digits.length).trimStart()[0] ?? '';
    if (next === '年' || /[A-Za-z]/u.test(text[digit + digits.length] ?? '')) continue;
    return k;
  }
  return -1;
}

/**
 * Organisation names one after another (省人社厅 /统计局, 教育局经开区高新园(邹区镇)各街道): the
 * shortest name ending like an organisation, or a longer one when a weak ending (会, 区) is inside
 * a name that goes on to a strong one within a few characters (省人力资源社会保障厅).
 */
const STRONG_END = /(局|厅|委|办|队|中心|公司|集团|政府|管委会|街道|工委|党委|总工会|妇联|残联|团委|法院|检察院)$/u;
const WEAK_END = /(会|院|所|站|处|部|室|组|团|联|协|区|县|市|镇|乡|园|村|社区)$/u;
/** A name that ends for sure may still go on: 各街道|办事处, 经开区|管委会, 县|人民政府. */
const STRONG_GOES_ON = /^(办事处|党工委|管委会|人民政府|委员会|办公室|分局|支队|大队)/u;
const MAX_NAME = 16;
/** Words that open a sentence of work, never a unit's name (推进大庙弄核心区改造). */
const WORK_OPENER = /^(推进|推动|完成|实施|开展|建设|新建|改建|扩建|提升|提高|优化|加强|加快|落实|做好|深化|强化|健全|完善|打造|启动|组织|开工|建成|实现|支持|促进|增加|新增|改造|整治|为|对|在|将|按|由)/u;

function unitNameAt(text: string, at: number, to: number): { end: number; strong: boolean } | null {
  let weak = -1;
  const limit = Math.min(to, at + MAX_NAME);
  let k = at;
  while (k < limit) {
    const char = text[k] as string;
    // A bracket inside a name (各县(市、区)人民政府) is stepped over whole.
    if (char === '(' && k > at) {
      const close = text.indexOf(')', k);
      if (close === -1 || close >= limit || close - k > 12) break;
      k = close + 1;
      continue;
    }
    if (/[\d,，。;；:：、\s/()]/u.test(char)) break;
    k += 1;
    if (k - at < 2) continue;
    const name = text.slice(at, k);
    if (STRONG_END.test(name)) {
      const more = STRONG_GOES_ON.exec(text.slice(k, Math.min(to, k + 5)))?.[0].length ?? 0;
      return { end: withBracket(text, k + more, to), strong: true };
    }
    // A weak ending needs a name of three characters at least (经开区; not 全区, 城镇).
    if (weak === -1 && name.length >= 3 && WEAK_END.test(name)) weak = k;
    if (weak !== -1 && k - weak > 6) break;
  }
  return weak === -1 ? null : { end: withBracket(text, weak, to), strong: false };
}

/** 高新园(邹区镇): a bracket right after a name is part of it. */
function withBracket(text: string, end: number, to: number): number {
  if (text[end] !== '(') return end;
  const close = text.indexOf(')', end);
  return close !== -1 && close < to && close - end <= 12 ? close + 1 : end;
}

/**
 * Names of units from `at`, with the separators between them (/ 、 , space); their ends. A list
 * counts when one name at least ends like an organisation for sure (局, 委, 公司, 街道 …) and
 * the list runs to the row's end or to the next piece of work (推进…); else none. With
 * `gluedWeak` false a name glued on without a separator must end for sure too.
 */
function unitNames(text: string, at: number, to: number, gluedWeak = true): number[] {
  const ends: number[] = [];
  let strong = false;
  let k = at;
  while (k < to) {
    const separated = k === at || /[\s/、,，]/u.test(text[k] as string);
    while (k < to && /[\s/、,，]/u.test(text[k] as string)) k += 1;
    if (k >= to || WORK_OPENER.test(text.slice(k, k + 4))) break;
    const name = unitNameAt(text, k, to);
    // In a data-source cell the next label follows unseparated: a name glued on must end for sure (not 行政村).
    if (name === null || (!separated && !gluedWeak && !name.strong)) break;
    ends.push(name.end);
    strong ||= name.strong;
    k = name.end;
  }
  return strong ? ends : [];
}

/**
 * Named rule `glued-unit-names`: a cell of unit names a page ran together (高新园(邹区镇)各街道,
 * 南大街街道荷花池街道): the names, where they run on one after another to the cell's end, else null.
 */
export function gluedUnitNames(cell: string): Array<{ name: string; offset: number }> | null {
  const ends = unitNames(cell, 0, cell.length);
  if (ends.length < 2 || ends[ends.length - 1] !== cell.length) return null;
  return ends.map((end, k) => ({ name: cell.slice(k === 0 ? 0 : (ends[k - 1] as number), end), offset: k === 0 ? 0 : (ends[k - 1] as number) }));
}

/** Department stems a unit's name opens with: they tell a person's name (何海平) from the unit after it (教育局). */
const DEPARTMENT_STEM =
  /^(教育|教体|人社|人力|民政|住建|住房|建设|文体|文旅|文化|文广|财政|公安|卫健|卫生|交通|水利|水务|农业|农村|农委|自然|生态|环保|市场|应急|城管|城市|发改|经信|工信|商务|科技|司法|审计|统计|医保|退役|林业|园林|规划|国土|体育|旅游|广电|税务|供电|电力|通信|团|妇联|残联|工会|总工会|宣传|组织|政法|文明|街道|各|经开|高新|开发|行政|综合|执法|消防|气象|档案|机关|大数据|数据|信访|民宗|统战|编办|融媒|国资|金融|投资|粮食|邮政|移动|联通|电信|区|市|县|镇|乡)/u;

/** A person's name (2–4 characters) before the units: the split whose unit opens with a department stem, else the commonest length. */
function personEnd(text: string, at: number, to: number): number {
  const lengths = [3, 2, 4];
  const fits = lengths.filter((n) => at + n < to && /^[\u4e00-\u9fff]+$/u.test(text.slice(at, at + n)) && unitNames(text, at + n, to).length > 0);
  const unitFrom = (n: number) => text.slice(at + n, at + n + 5);
  const long = (n: number) => (unitNameAt(text, at + n, to)?.end ?? at) - (at + n) >= 3;
  // 王芳|市民政局 before 王芳市|民政局: a level (市, 县, 区) before a department stem opens the unit.
  const levelled = fits.find((n) => LEVEL.test(unitFrom(n)) && DEPARTMENT_STEM.test(unitFrom(n).slice(1)) && long(n));
  const stem = fits.find((n) => DEPARTMENT_STEM.test(unitFrom(n)) && long(n));
  const best = levelled ?? stem ?? fits[0];
  return best === undefined ? -1 : at + best;
}

const LEVEL = /^[省市县区镇乡]/u;

/**
 * Named rule `indicator-row`: label, unit of measure, figure, data source, once or several times
 * (a group's indicators run on in one row): 人力资源水平每万劳动力中研发人员数人年≥140省统计局每万劳动力中高技能人才数人≥750省人社厅.
 */
function indicatorCells(text: string, from: number, to: number, columns: readonly ColumnKind[], cuts: Cut[]): void {
  const hasMeasure = columns.includes('measure');
  const target = columns.indexOf('target');
  const sourceAfter = columns.slice(target + 1).some((c) => c === 'ignored' || c === 'unit' || c === 'lead' || c === 'responsible');
  let pos = from;
  const labels: Array<{ start: number; end: number }> = [];
  while (pos < to) {
    const start = figureStart(text, pos, to);
    if (start === -1) break;
    const figure = FIGURE.exec(text.slice(start, to));
    if (!figure) break;
    if (labels.length > 0) cuts.push({ at: pos, mark: '\n' });
    const labelEnd = text.slice(pos, start).trimEnd().length + pos;
    const measure = hasMeasure ? measureSuffix(text, pos, labelEnd) : labelEnd;
    labels.push({ start: pos + (text.slice(pos, labelEnd).length - text.slice(pos, labelEnd).trimStart().length), end: measure });
    if (measure < labelEnd && measure > pos) cuts.push({ at: measure, mark: '\t' });
    cuts.push({ at: start, mark: '\t' });
    let end = start + figure[0].length;
    if (sourceAfter) {
      const names = unitNames(text, end, to, false);
      if (names.length > 0) {
        cuts.push({ at: end, mark: '\t' });
        end = names[names.length - 1] as number;
      }
    }
    pos = end;
  }
  const group = groupNameEnd(text, labels);
  if (group !== -1) cuts.push({ at: group, mark: '\t' });
}

const SIBLING_OPENING = 3;

/**
 * Named rule `group-name-by-sibling`: a row that holds a group of indicators names the group
 * before its first one (人力资源水平 | 每万劳动力中研发人员数, then 每万劳动力中高技能人才数). Where
 * the second label's opening words stand inside the first label, the group name ends there.
 */
function groupNameEnd(text: string, labels: ReadonlyArray<{ start: number; end: number }>): number {
  const [first, second] = labels;
  if (!first || !second) return -1;
  const opening = text.slice(second.start, second.start + SIBLING_OPENING);
  if (opening.length < SIBLING_OPENING || /[\s\d]/u.test(opening)) return -1;
  const at = text.slice(first.start, first.end).indexOf(opening);
  return at > 1 ? first.start + at : -1;
}

/** The longest end of the label that is a unit of measure (…比重% → %, …研发人员数人年 → 人年), or the label's end. */
function measureSuffix(text: string, from: number, to: number): number {
  for (let k = Math.max(from + 1, to - 6); k < to; k++) {
    if (looksLikeMeasureUnit(text.slice(k, to))) return k;
  }
  return to;
}

/**
 * Named rule `task-row`: content up to the end of a sentence, then the person (a 领导 column) and
 * the units, once or several times: …中小学4580个。何海平教育局经开区高新园(邹区镇)各街道市国有公司.
 */
function taskCells(text: string, from: number, to: number, columns: readonly ColumnKind[], cuts: Cut[]): void {
  const person = columns.includes('people');
  if (columns.filter((c) => c === 'content').length >= 2) {
    const content = nameEnd(text, from, to);
    if (content !== -1) cuts.push({ at: content, mark: '\t' });
  }
  let pos = from;
  let contentStart = from;
  while (pos < to) {
    SENTENCE_STOP.lastIndex = pos;
    const stop = SENTENCE_STOP.exec(text);
    if (stop === null || stop.index >= to) break;
    const tailStart = stop.index + 1;
    const namesFrom = person ? personEnd(text, tailStart, to) : tailStart;
    const names = namesFrom === -1 ? [] : unitNames(text, namesFrom, to);
    if (names.length === 0) {
      pos = tailStart;
      continue;
    }
    if (contentStart > from) cuts.push({ at: contentStart, mark: '\n' });
    cuts.push({ at: tailStart, mark: '\t' });
    if (person) cuts.push({ at: namesFrom, mark: '\t' });
    names.slice(0, -1).forEach((end) => cuts.push({ at: end, mark: '\t' }));
    pos = names[names.length - 1] as number;
    // A 完成时限 cell after the units (…人民政府2024年12月底) is a cell of its own.
    const deadline = DEADLINE_AT.exec(text.slice(pos, to));
    if (deadline) {
      cuts.push({ at: pos, mark: '\t' });
      pos += deadline[0].length;
    }
    contentStart = pos;
  }
  if (contentStart > from && text.slice(contentStart, to).trim() !== '') cuts.push({ at: contentStart, mark: '\n' });
}

const SENTENCE_STOP = /[。;；]/gu;
const DEADLINE_AT = /^(?:(?:19|20)\d{2}年(?:\d{1,2}月)?|\d{1,2}月)(?:底|末|上旬|中旬|下旬)?(?:前|以前)?|^(?:长期坚持|长期|年底前|年内)/u;
const NAME_MIN = 4;
const NAME_MAX = 12;

/**
 * Named rule `name-then-content`: under 项目名称 | 主要内容 a row opens with the item's short name and
 * its content starts with the first word of work after it (增加教育资源供给 | 实施新建、改扩建学校…).
 */
function nameEnd(text: string, from: number, to: number): number {
  const head = text.slice(from, Math.min(to, from + NAME_MAX + 1));
  for (let k = NAME_MIN; k < head.length; k++) {
    if (/[,，。;；、(（\d]/u.test(head[k - 1] as string)) return -1;
    if (WORK_OPENER.test(head.slice(k)) && /[\u4e00-\u9fff]/u.test(head[k + 1] ?? '')) return from + k;
  }
  return -1;
}

const UNIT_COLUMNS = new Set<ColumnKind>(['lead', 'responsible', 'unit']);
const MAX_BODY = 20_000;

/** The cuts of one table: the header's words, then each row and its cells. */
function tableCuts(text: string, lineStart: number, header: Header, bodyEnd: number): Cut[] {
  const cuts: Cut[] = [];
  const first = header.words[0] as Word;
  if (first.start > 0) cuts.push({ at: lineStart + first.start, mark: '\n' });
  header.words.slice(1).forEach((w) => cuts.push({ at: lineStart + w.start, mark: '\t' }));
  const bodyStart = lineStart + (header.words[header.words.length - 1] as Word).end;
  const body = text.slice(bodyStart, bodyEnd);
  const starts = rowStarts(body, (at) => looksLikeMeasureUnit(body.slice(at, at + 1)) || looksLikeMeasureUnit(body.slice(at, at + 2)));
  // An indicator table (a target or 计量单位 column) cuts at its figures; a task table after its sentences.
  const rowGrammar = header.columns.some((c) => c === 'target' || c === 'measure') ? indicatorCells : header.columns.some((c) => UNIT_COLUMNS.has(c)) ? taskCells : null;
  starts.forEach((start, k) => {
    const rowStart = bodyStart + start.at;
    const next = starts[k + 1];
    let rowEnd = next ? bodyStart + next.at : bodyEnd;
    cuts.push({ at: rowStart, mark: '\n' });
    // A category before the next row (…省统计局二、创新驱动) is a line of its own.
    const category = CATEGORY_AT_END.exec(text.slice(rowStart, rowEnd));
    if (category && next) {
      rowEnd = rowStart + category.index;
      cuts.push({ at: rowEnd, mark: '\n' });
    }
    cuts.push({ at: bodyStart + start.numberEnd, mark: '\t' });
    rowGrammar?.(text, bodyStart + start.numberEnd, rowEnd, header.columns, cuts);
  });
  // Words between the header and the first row (一、经济发展) are a line of their own.
  const firstRow = starts[0];
  if (firstRow && body.slice(0, firstRow.at).trim() !== '') cuts.push({ at: bodyStart, mark: '\n' });
  return starts.length === 0 ? [] : cuts;
}

/**
 * The stage: each line that holds a run-together header gets its table cut into lines and cells.
 * The body runs to the next blank line; a page's line breaks inside it go (a page may break a row
 * anywhere, 高新园(邹区镇 / 2、)各街道): the table's own cuts stand instead. Linear: each character
 * is looked at a bounded number of times.
 */
export function cutRunTogetherTables(input: MappedText): MappedText {
  const { text } = input;
  const edits: Cut[] = [];
  const drops: number[] = [];
  let lineStart = 0;
  while (lineStart < text.length) {
    const newline = text.indexOf('\n', lineStart);
    const lineEnd = newline === -1 ? text.length : newline;
    const line = text.slice(lineStart, lineEnd);
    const header = HEADER_CANDIDATE.test(line) ? findHeader(line) : null;
    const bodyEnd = header ? blockEnd(text, lineEnd) : lineEnd;
    const cuts = header ? tableCuts(text, lineStart, header, bodyEnd) : [];
    if (cuts.length > 0) {
      edits.push(...cuts);
      for (let k = lineEnd; k < bodyEnd; k++) if (text[k] === '\n') drops.push(k);
    }
    lineStart = (cuts.length > 0 ? bodyEnd : lineEnd) + 1;
  }
  if (edits.length === 0) return input;
  return applyEdits(input, edits.sort((a, b) => a.at - b.at), drops);
}

/** The text with each cut's mark written before its offset and the dropped characters left out. */
function applyEdits(input: MappedText, cuts: readonly Cut[], drops: readonly number[]): MappedText {
  const parts: MappedText[] = [];
  const dropped = new Set(drops);
  let from = 0;
  let c = 0;
  const copyTo = (end: number) => {
    let k = from;
    for (let i = from; i < end; i++) {
      if (!dropped.has(i)) continue;
      parts.push(slice(input, k, i));
      k = i + 1;
    }
    parts.push(slice(input, k, end));
    from = end;
  };
  for (; c < cuts.length; c++) {
    const cut = cuts[c] as Cut;
    copyTo(cut.at);
    parts.push(inserted(cut.mark, input.origin[cut.at] ?? 0));
  }
  copyTo(input.text.length);
  return concat(parts);
}

/** Lines that may hold a run-together header: two column names touching, or a 序号/指标名称 with text after it. */
const HEADER_CANDIDATE = /(序号|编号|指标名称|项目名称|考核指标)\s*\S|(牵头单位|责任单位|计量单位|目标值)\S/u;

/** The body of a table runs over the lines after its header up to a blank line (at most MAX_BODY characters). */
function blockEnd(text: string, lineEnd: number): number {
  let end = lineEnd;
  while (end < text.length && end - lineEnd < MAX_BODY) {
    const newline = text.indexOf('\n', end + 1);
    const next = newline === -1 ? text.length : newline;
    if (text.slice(end + 1, next).trim() === '') break;
    end = next;
  }
  return end;
}
