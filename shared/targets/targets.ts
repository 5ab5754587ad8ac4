// Targets: a quantity, the comparator words around it, the metric it measures and its deadline.
// Reads sentence by sentence; within a sentence, quantity by quantity, in named steps:
//   find fragment → read quantity → decide comparator → find metric → is it a target → decide year → emit.
// Special cases are rule rows: comparator words (comparators.ts), what is not a target
// (target-rules.ts), metric framing (metric.ts), years (years.ts, governing-years.ts).
import type { Span, Target } from '../model.ts';
import { CHINESE_NUMERAL_CHARS } from '../numerals.ts';
import type { Comparator } from '../schema.ts';
import { SpanIndex } from '../span-index.ts';
import { CHANGE_BRIDGE, CHANGE_WORDS, SORTED_PREFIX, SORTED_SUFFIX, type PrefixWord } from './comparators.ts';
import type { YearScope } from './governing-years.ts';
import { borrowSubject, cleanMetric, shareScope, completeMetric, conjuncts, leadingCountVerb, listItemMetric, looksLikeMeasure, shareQualifier, splitMetrics, withTopic } from './metric.ts';
import { readQuantity, type Quantity } from './quantities.ts';
import { rejects } from './target-rules.ts';
import { TIME_UNITS } from './units-of-measure.ts';
import { deadlineYears, yearFor, type YearFallbacks } from './years.ts';
import { zeroTargets } from './zero.ts';

/** Where a quantity can start besides a digit: 百分之九十, 不少于两次. */
const CHINESE_START = new Set(CHINESE_NUMERAL_CHARS);

export interface TargetContext {
  /** Spans where no target can be (numbering markers, responsibility clauses, table cells). */
  excluded: readonly Span[];
  /** The heading lines enclosing a position, nearest first (for the deadline year). */
  headingsAt: (at: number) => Span[];
  /** Paragraph openers and list lead-ins (governing-years.ts). */
  yearScopes?: readonly YearScope[];
  /** The plan's own year when it is an annual plan. */
  planYear?: number | null;
}

const SENTENCE_END = /[。!?！？\n]/;
/** Bounds on how far a fragment or sentence reaches, so text without punctuation stays linear. */
const MAX_FRAGMENT = 200;
const MAX_SENTENCE = 2000;
/** Fragment ends (a tab: between two table cells); brackets are handled apart (a closed bracket inside a metric does not end it). */
const FRAGMENT_END = /[,;:。!?！？\n,;|\t]/;
const BRACKET_OPEN = /[(（]/;
const BRACKET_CLOSE = /[)）]/;
const MAX_BRACKET = 30;
/** A bare count is a commitment when one of these verbs asks for it: 新增燃气用户4000户. */
const COMMIT_VERBS = /(新\([改扩、]+\)建|确保稳定|计划|改善|迁建|重建|新增|增加|新建|建成|建设|改建|扩建|新改建|新\(改\)建|修建|修复|铺设|改造|整治|清理|拆除|清运|安装|增设|新设|设置|设立|配置|配备|购置|新辟|开通|打通|优化|组建|建立|培养|培训|培育|招募|打造|创建|选取|确定|安排|投入|投资|预算|拨付|筹集|种植|栽植|造林|完成|举办|开展|实施|评选|评定|选树|表彰|命名|储备|存栏|出栏|扩种|更换|开工|完工|竣工|交付|提供|接种|筛查|救助|资助|减负|减轻|转移|吸纳|帮扶|脱贫|引进|招引|签约|解决|再就业|就业|实现|招聘|维修|配套|养护|加装|亮化|续建|树立|完善|建有|硬化|绿化|美化|扩容)/;
/** Clause boundaries for the commitment verb: a list (建成A6个、B10个) shares the verb before it. */
const CLAUSE_END = /[,;:。!?！？\n|\t]/;
/** An age before a noun qualifies a group (80岁以上高龄老人); it is not a target. */
const AGE_QUALIFIER = /^的?[\u4e00-\u9fff]/;
/** Between the values of 分别达到95%和100%. */
const VALUE_LIST_JOINER = /^[和、及与,]/;
const BARE_RATIO_UNITS = new Set(['%', '‰', '百分点']);

export type TargetDraft = Omit<Target, 'id' | 'taskId'>;

// ---------------------------------------------------------------------------------------------
// Step 1. The fragment: where a quantity's own words start.

function lastIndexOfAny(text: string, pattern: RegExp, from: number, to: number): number {
  for (let i = to - 1; i >= from; i--) if (pattern.test(text[i] as string)) return i;
  return -1;
}

function indexOfAny(text: string, pattern: RegExp, from: number, to: number): number {
  for (let i = from; i < to; i++) if (pattern.test(text[i] as string)) return i;
  return to;
}

/** 工作计划.一、…: some sites end sentences with a period; after a word (not a digit) it is one. */
const PERIOD = /[.．]/;
const WORD_BEFORE_PERIOD = /[\u4e00-\u9fff)）》”]/u;

function sentenceEndFrom(text: string, from: number, to: number): number {
  for (let i = from; i < to; i++) {
    const char = text[i] as string;
    if (SENTENCE_END.test(char)) return i;
    if (PERIOD.test(char) && i > from && WORD_BEFORE_PERIOD.test(text[i - 1] as string)) return i;
  }
  return to;
}

/**
 * Scans back from `at` to the fragment's start: a clause mark, or an opening bracket the quantity
 * sits inside (…(2020年底前达到90%)). A bracket closed before the quantity belongs to the metric
 * (新增城市(县城)公共停车位2500个, 配置自动体外除颤仪(AED)15台).
 */
function fragmentStart(text: string, floor: number, at: number): number {
  let depth = 0;
  let closedAt = -1;
  for (let i = at - 1; i >= floor; i--) {
    const char = text[i] as string;
    if (BRACKET_CLOSE.test(char)) {
      if (depth === 0) closedAt = i;
      depth += 1;
      continue;
    }
    if (BRACKET_OPEN.test(char)) {
      if (depth === 0) return i + 1;
      depth -= 1;
      continue;
    }
    // A bracket that runs long is prose, not part of a name: the fragment starts after it.
    if (depth > 0 && closedAt - i > MAX_BRACKET) return closedAt + 1;
    if (depth === 0 && FRAGMENT_END.test(char)) return i + 1;
  }
  return floor;
}

/**
 * The fragment's end after the quantity: the next clause mark or bracket, except a short bracket
 * that closes inside the words (有15%左右的县级城市(区)进入全省文明城市行列).
 */
function fragmentEnd(text: string, from: number, limit: number): number {
  for (let i = from; i < limit; i++) {
    const char = text[i] as string;
    if (BRACKET_OPEN.test(char) && i > from) {
      const close = indexOfAny(text, BRACKET_CLOSE, i + 1, Math.min(limit, i + 1 + MAX_BRACKET));
      const inside = text.slice(i + 1, close);
      if (close < limit && !FRAGMENT_END.test(inside) && !/[\d]/u.test(inside) && close + 1 < limit && !FRAGMENT_END.test(text[close + 1] ?? ',')) {
        i = close;
        continue;
      }
    }
    if (FRAGMENT_END.test(char) || BRACKET_OPEN.test(char) || BRACKET_CLOSE.test(char)) return i;
  }
  return limit;
}

// ---------------------------------------------------------------------------------------------
// Step 2. The comparator: words before the number (prefix), after it (suffix), or a change.

interface Found {
  prefix: PrefixWord | null;
  prefixStart: number;
  change: 'increase' | 'decrease' | null;
  changeStart: number;
}

/** 改造提升40条 upgrades forty streets: 提升 after a verb of works is part of that verb, not an increase. */
const UPGRADE_COMPOUND = /(改造|整治|打造|美化|亮化|绿化|建设)(提升|提高)$/;
/** 不低于每生每年720元: a rate phrase may stand between a comparator and its number. */
const RATE_PHRASE = /(每[\u4e00-\u9fff]{1,2}){1,3}$/;
/** 至少组织1次: words that may stand a verb away from their number. */
const GAPPED_PREFIX = SORTED_PREFIX.filter((w) => w.gap).map((w) => ({ word: w, pattern: new RegExp(`${w.word}[\\u4e00-\\u9fff]{1,${w.gap}}$`) }));

/** 达到95%: the comparator word right before the number. */
function adjacentPrefix(before: string, unit: string): PrefixWord | null {
  return SORTED_PREFIX.find((word) => (!word.units || word.units.includes(unit)) && before.endsWith(word.word)) ?? null;
}

/** 不低于每生每年720元: a comparator before a rate phrase; returns where the word starts in `before`. */
function prefixBeforeRate(before: string): { word: PrefixWord; at: number } | null {
  const rate = RATE_PHRASE.exec(before);
  if (!rate) return null;
  const beforeRate = before.slice(0, rate.index);
  const word = SORTED_PREFIX.find((w) => !w.units && w.word.length > 1 && beforeRate.endsWith(w.word));
  return word ? { word, at: rate.index - word.word.length } : null;
}

/** 至少组织1次: a comparator a verb away from the number. */
function gappedPrefix(before: string): { word: PrefixWord; at: number } | null {
  for (const { word, pattern } of GAPPED_PREFIX) {
    const gapped = pattern.exec(before);
    if (gapped) return { word, at: gapped.index };
  }
  return null;
}

/**
 * 比2015年降低15%, 逐年提升不低于1个百分点, 提高了5%: a change word before the comparator (or
 * before the number, bridged by 了/约 …). A level (提高到, 控制在) is not a change.
 */
function changeWord(before: string, prefix: PrefixWord | null, prefixAt: number): { direction: 'increase' | 'decrease'; at: number } | null {
  if (prefix !== null && /[到至在]$/.test(prefix.word)) return null;
  const upTo = before.slice(0, prefixAt);
  for (const [word, direction] of CHANGE_WORDS) {
    const index = upTo.lastIndexOf(word);
    if (index === -1 || UPGRADE_COMPOUND.test(upTo.slice(Math.max(0, index - 2), index + word.length))) continue;
    const bridge = upTo.slice(index + word.length);
    if (CHANGE_BRIDGE.test(bridge) || (prefix === null && bridge === '')) return { direction, at: index };
  }
  return null;
}

function findComparatorWords(text: string, fragStart: number, at: number, unit: string): Found {
  const before = text.slice(fragStart, at);
  const adjacent = adjacentPrefix(before, unit);
  const located = adjacent ? { word: adjacent, at: before.length - adjacent.word.length } : (prefixBeforeRate(before) ?? gappedPrefix(before));
  const prefix = located?.word ?? null;
  const prefixAt = located?.at ?? before.length;
  const change = changeWord(before, prefix, prefixAt);
  return {
    prefix,
    prefixStart: fragStart + prefixAt,
    change: change?.direction ?? null,
    changeStart: change ? fragStart + change.at : fragStart + prefixAt,
  };
}

/** 内 alone is a suffix only where the words end (5个工作日内,); 60条内街小巷 is a street name. */
const WORD_GOES_ON = /^[\u4e00-\u9fff]/u;
const INNER_ENDS = /^(完成|实现|达到|办结|建成|的)/u;

function readSuffix(text: string, at: number): { op: Comparator; word: string; length: number } | null {
  for (const suffix of SORTED_SUFFIX) {
    if (!text.startsWith(suffix.word, at)) continue;
    const next = text.slice(at + suffix.word.length, at + suffix.word.length + 2);
    if (suffix.word === '内' && WORD_GOES_ON.test(next) && !INNER_ENDS.test(next)) return null;
    return { op: suffix.op, word: suffix.word, length: suffix.word.length };
  }
  return null;
}

/** Decision order: range > change (increase/decrease) > approximately > suffix > 多/余 > prefix. */
function decideOp(q: Quantity, found: Found, suffix: { op: Comparator } | null): Comparator | null {
  if (q.max !== null) return 'range';
  if (found.change) return found.change;
  if (suffix?.op === '~' || found.prefix?.op === '~') return '~';
  if (suffix) return suffix.op;
  if (q.more) return '>';
  if (found.prefix) return found.prefix.op;
  return null;
}

interface ValueList {
  items: Array<{ value: number; max: number | null; unit: string }>;
  end: number;
  suffix: { op: Comparator; length: number } | null;
}

/** The values after 分别: 95%和100%, 90和60%以上 (a unit or suffix written once applies to all). */
function readValueList(text: string, first: Quantity, from: number): ValueList | null {
  const items = [{ value: first.value, max: first.max, unit: first.unit }];
  let end = from;
  let suffix: ValueList['suffix'] = null;
  while (VALUE_LIST_JOINER.test(text[end] ?? '')) {
    const next = readQuantity(text, end + 1, true);
    if (!next) break;
    items.push({ value: next.value, max: next.max, unit: next.unit });
    suffix = readSuffix(text, next.end);
    end = next.end + (suffix?.length ?? 0);
  }
  if (items.length < 2) return null;
  const lastUnit = (items[items.length - 1] as { unit: string }).unit;
  // 4.68万和7000个: a multiplier alone takes the unit written once at the end (万个).
  const lastBase = lastUnit.replace(/^[万亿]+/u, '');
  for (const item of items) {
    if (item.unit === '') item.unit = lastUnit;
    else if (/^[万亿]+$/u.test(item.unit)) item.unit = `${item.unit}${lastBase}`;
  }
  return { items, end, suffix };
}

/**
 * Words that may stand before a Chinese numeral, by their last character: comparators (不少于两次),
 * change words (降低三个百分点), and 约/逾 (新增约五百万人, 新增就业逾二百五十万人).
 */
const CHINESE_PREFIXES = new Map<string, string[]>();
for (const word of [...SORTED_PREFIX.filter((w) => !w.units && w.word.length >= 2).map((w) => w.word), ...CHANGE_WORDS.map(([w]) => w), '约', '逾']) {
  const last = word.slice(-1);
  CHINESE_PREFIXES.set(last, [...(CHINESE_PREFIXES.get(last) ?? []), word]);
}

/** A comparator word may precede a Chinese numeral (不少于两次); nothing else makes 两 a number. */
function chineseAllowed(text: string, fragStart: number, at: number): boolean {
  if (text.startsWith('百分之', at)) return true;
  const candidates = CHINESE_PREFIXES.get(text[at - 1] ?? '');
  if (!candidates) return false;
  const before = text.slice(Math.max(fragStart, at - 4), at);
  return candidates.some((word) => before.endsWith(word));
}

// ---------------------------------------------------------------------------------------------
// The sentence reader: the steps in order, one quantity at a time.

interface SentenceState {
  /** End of the previous target in this sentence: the next fragment starts after it. */
  lastEnd: number;
  /** The previous target's metric and commitment verb, for list items and per-area pairs. */
  previous: { metric: string; verb: string | null; end: number; quantityEnd: number; bare: boolean } | null;
}

/** 对300户困难老人家庭进行居家适老化改造: a count after 对/为/在, its verb after the noun. */
const COUNT_AFTER_PREPOSITION = /(对|为|在|给|向)(?:[\u4e00-\u9fff]{0,4}|[^,;。，；]{1,12}等)$/u;
const COMPLETION_AFTER_NOUN = /^[\u4e00-\u9fff()]{2,24}?(?:全面|加快|尽快|如期|按期|全部|基本)?(?:投产|建成|开工|竣工|完工|投用|投入使用|建设|达标|挂牌|运营)$/u;
/** 300个建制村达到省宜居标准要求: so many units brought up to a standard. */
const STANDARD_REACHED = /^[\u4e00-\u9fff]{2,12}(?:达到|通过)[\u4e00-\u9fff]{0,12}(?:标准|要求|验收)(?:要求)?$/u;
const PER_HEAD = /每(?:千|万|百|十万)?(?:人|户|常住人口)[\u4e00-\u9fff]{0,2}(?:拥有|配备)[^,;。，；]{1,16}$/u;
const VERB_AFTER_NOUN = /(进行|开展|实施|发放|提供|免费|做|完成|建设|改造)/u;

/** 分别是未脱贫人口: the subject a list of places shares. */
const SHARES_OF = /分别(?:是|为)([\u4e00-\u9fff]{2,12})[:：]/gu;
const PLACE = /^[\u4e00-\u9fff]{1,6}(?:镇|乡|县|区|市|街道|村|社区)$/u;

/**
 * A count after `分别是X:` that a place name precedes (河边镇941人) is that place's share of X:
 * metric 河边镇未脱贫人口. Null when the quantity is not such a list item.
 */
function placeShare(text: string, sentence: Span, fragStart: number, q: Quantity): string | null {
  const before = text.slice(sentence.start, q.start);
  let subject: string | null = null;
  for (const match of before.matchAll(SHARES_OF)) subject = match[1] ?? null;
  if (subject === null || q.unit === '' || q.chinese) return null;
  const item = text.slice(fragStart, q.start);
  const place = item.slice(Math.max(item.lastIndexOf('、'), item.lastIndexOf(':'), item.lastIndexOf('：')) + 1);
  return PLACE.test(place) ? `${place}${subject}` : null;
}

/** The clause around a bare count: its words before the number and after it. */
interface CountClause {
  before: string;
  after: string;
}

/** What makes a bare count a commitment (a target), in the order a reader would look. */
const COMMITTED_COUNT: ReadonlyArray<{ name: string; example: string; test: (c: CountClause) => boolean }> = [
  { name: 'verb of commitment', example: '新增燃气用户4000户', test: (c) => COMMIT_VERBS.test(c.before) },
  { name: 'completing verb after the noun', example: '推动30条生产线投产; 全市首批100个示范社区全面建成', test: (c) => COMPLETION_AFTER_NOUN.test(c.after) && !/\d/u.test(c.after) },
  { name: 'brought up to a standard', example: '300个建制村达到省宜居标准要求', test: (c) => STANDARD_REACHED.test(c.after) && !/\d/u.test(c.after) },
  { name: 'a level per head', example: '每千人拥有社会体育指导员2.16名', test: (c) => PER_HEAD.test(c.before) },
  { name: 'preposition, then the work', example: '对300户困难老人家庭进行居家适老化改造', test: (c) => COUNT_AFTER_PREPOSITION.test(c.before) && VERB_AFTER_NOUN.test(c.after) },
];

/** A bare number is a target when it is a share (装灯率100%) or a count its clause commits to. */
function bareTarget(text: string, q: Quantity, sentence: Span): boolean {
  if (BARE_RATIO_UNITS.has(q.unit)) return true;
  if (q.chinese || q.unit === '' || TIME_UNITS.has(q.unit) || q.unit === '分') return false;
  const clauseStart = lastIndexOfAny(text, CLAUSE_END, Math.max(sentence.start, q.start - MAX_FRAGMENT), q.start) + 1 || sentence.start;
  const clauseEnd = indexOfAny(text, CLAUSE_END, q.end, Math.min(sentence.end, q.end + MAX_FRAGMENT));
  const clause = { before: text.slice(clauseStart, q.start), after: text.slice(q.end, clauseEnd) };
  return COMMITTED_COUNT.some((rule) => rule.test(clause));
}


export function extractTargets(text: string, context: TargetContext): TargetDraft[] {
  const drafts: TargetDraft[] = [];
  const excluded = new SpanIndex(context.excluded.map((span) => ({ span })));
  const fallbacksAt = yearFallbacks(context);
  let sentenceStart = 0;
  while (sentenceStart < text.length) {
    const sentenceEnd = sentenceEndFrom(text, sentenceStart, Math.min(text.length, sentenceStart + MAX_SENTENCE));
    drafts.push(...sentenceTargets(text, { start: sentenceStart, end: sentenceEnd }, fallbacksAt, excluded));
    sentenceStart = sentenceEnd + 1;
  }
  return drafts.sort((a, b) => a.span.start - b.span.start);
}

/** The fallbacks of yearFor at a position: scopes looked up in O(log n). */
function yearFallbacks(context: TargetContext): (at: number) => YearFallbacks {
  const scopes = new SpanIndex(context.yearScopes ?? []);
  const planYear = context.planYear ?? null;
  return (at) => ({ headings: context.headingsAt(at), scoped: scopes.innermost(at)?.year ?? null, planYear });
}

function sentenceTargets(text: string, sentence: Span, fallbacksAt: (at: number) => YearFallbacks, excluded: SpanIndex<{ span: Span }>): TargetDraft[] {
  const drafts: TargetDraft[] = [];
  const years = deadlineYears(text, sentence);
  const state: SentenceState = { lastEnd: sentence.start, previous: null };
  for (let at = sentence.start; at < sentence.end; at++) {
    const code = text.charCodeAt(at);
    // Quantities start with a digit, 百 (百分之) or a Chinese numeral: skip everything else fast.
    const isDigit = code >= 48 && code <= 57;
    if (!isDigit && !CHINESE_START.has(text[at] as string)) continue;
    // A Chinese numeral counts only after a comparator word (or in 百分之): most 一 are words.
    if (!isDigit && !chineseAllowed(text, sentence.start, at)) continue;
    if (excluded.has(at)) continue;

    // Step 1: the fragment the quantity sits in, starting after the previous target in it.
    const floor = Math.max(sentence.start, state.lastEnd, at - MAX_FRAGMENT);
    const start = fragmentStart(text, floor, at);
    // Step 2: the quantity and its unit.
    const q = readQuantity(text, at, chineseAllowed(text, start, at));
    if (!q) continue;
    at = q.end - 1;
    const suffix = readSuffix(text, q.end);
    let quantityEnd = q.end + (suffix?.length ?? 0);
    if (q.unit === '岁' && AGE_QUALIFIER.test(text.slice(quantityEnd, quantityEnd + 2))) continue;
    // Step 3: the comparator.
    const found = findComparatorWords(text, start, q.start, q.unit);
    let op = decideOp(q, found, suffix);
    // 实现10%以上增长: a change named after its figure.
    if ((op === null || op === '>=') && /^的?(?:增长|提高|提升)/u.test(text.slice(quantityEnd, quantityEnd + 3))) op = 'increase';

    // Step 4: the metric — the words before the comparator, completed by those after the number.
    const metricEnd = found.change ? Math.min(found.changeStart, found.prefixStart) : found.prefixStart;
    const rawBefore = text.slice(start, metricEnd);
    // 新改扩建中小学45所、幼儿园18所,分别新增学位4.68万和7000个: 分别 opening the words pairs the
    // values with the items listed before, in order.
    const leadingShare = /^分别/u.test(rawBefore.replace(/^[、和及与\s]+/u, ''));
    const values = /分别$/.test(rawBefore) || leadingShare ? readValueList(text, q, quantityEnd) : null;
    if (values) {
      quantityEnd = values.end;
      at = values.end - 1;
      if (op === null && values.suffix) op = values.suffix.op;
    }
    const fragEnd = fragmentEnd(text, quantityEnd, Math.min(sentence.end, quantityEnd + MAX_FRAGMENT));
    // 为62户贫困残疾人家庭实施…: 为 opening the fragment is a preposition before what is counted.
    const afterPreposition = found.prefix?.word === '为' && cleanMetric(rawBefore) === '';
    // Only a bare noun continues the list: a fragment with a verb of its own (重点养护600公里) does not.
    const afterComma = /[,，]/u.test(text[start - 1] ?? '') && state.previous?.end === start - 1 && fragEnd === quantityEnd && !COMMIT_VERBS.test(rawBefore);
    const item = afterPreposition ? null : listItemMetric(rawBefore, text, quantityEnd, fragEnd, { verb: state.previous?.verb ?? null, bare: op === null && (state.previous?.bare ?? false), afterComma });
    const completed = item ?? completeMetric(cleanMetric(rawBefore.replace(/^[、和及与]/, '')), text, quantityEnd, fragEnd, afterPreposition);
    let metric = completed.metric;
    let textStart = start;
    if (start > sentence.start) {
      // …比例连续三年上升,或达到70%; 开展农村人居环境整治,完成投资25亿元; 城区不低于95%,农村不低于70%:
      // a metric with no subject of its own borrows the clause before (or the previous target's).
      // A bracket just before (…新增8万户(其中…3万户),普及率…) is read whole, its own figures included.
      const afterBracket = BRACKET_CLOSE.test(text[start - 2] ?? '');
      const previousFloor = Math.max(sentence.start, afterBracket ? 0 : state.lastEnd, start - MAX_FRAGMENT);
      const previousStart = fragmentStart(text, previousFloor, start - 1);
      const borrowed = borrowSubject(metric, text.slice(previousStart, start - 1), state.previous?.metric ?? null);
      if (borrowed !== null) {
        metric = borrowed.metric;
        if (borrowed.fromClause) textStart = previousStart;
      }
    }
    // 组织1次综合性全民健身活动(运动项目超过5项): a bracket explains the words right before it.
    if (start > sentence.start && BRACKET_OPEN.test(text[start - 1] as string) && !looksLikeMeasure(metric)) {
      // The words may be the previous target's own (组织1次综合性全民健身活动): from its number on.
      const subjectFloor = Math.max(sentence.start, state.previous?.quantityEnd ?? state.lastEnd, start - 1 - MAX_FRAGMENT);
      const subject = cleanMetric(text.slice(fragmentStart(text, subjectFloor, start - 1), start - 1));
      if (subject.length >= 2 && subject.length <= 16 && !/\d/u.test(subject)) metric = `${subject}${metric}`;
    }
    // 婴幼儿照护服务托位:3月底前新增100个以上托位: the topic before a colon heads the milestones.
    // Within the sentence only: an unbounded lastIndexOf rescans the document for every number.
    const colonInSentence = text.slice(sentence.start, start).lastIndexOf(':');
    const colon = colonInSentence === -1 ? -1 : sentence.start + colonInSentence;
    if (colon >= sentence.start && colon < start) {
      const topicStart = fragmentStart(text, Math.max(sentence.start, colon - MAX_FRAGMENT), colon);
      const topic = cleanMetric(text.slice(topicStart, colon));
      metric = withTopic(metric, topic) ?? metric;
    }
    // 城区主干道装灯率100%、亮灯率99%: the next list item takes the scope of the one before.
    const previous = state.previous;
    // The mark between the two items: before the fragment, or its first character (…100%、回收利用率).
    const joiner = previous === null ? null : text.slice(previous.end, start) || (text[start] === '、' ? '、' : '');
    if (previous !== null && joiner !== null && /^[、,和及]?$/u.test(joiner)) metric = shareQualifier(metric, previous.metric, joiner) ?? shareScope(metric, previous.metric, joiner) ?? metric;
    // 分别是未脱贫人口:河边镇941人、回马镇252人: a place's share of the list's subject.
    const share = op === null ? placeShare(text, sentence, start, q) : null;
    if (share !== null) metric = share;
    if (op === null) {
      // 粮食播种面积达1520万亩、…;油料作物播种面积237.5万亩: after a target in the same sentence, a
      // measure with its figure continues the list of targets.
      const listedMeasure = state.previous !== null && looksLikeMeasure(metric) && q.unit !== '' && !q.chinese && !TIME_UNITS.has(q.unit);
      if (share === null && !listedMeasure && !item?.sharedVerb && !bareTarget(text, q, sentence)) continue;
      op = '=';
    }

    // Step 5: is it a target? (target-rules.ts, then the grammar's own checks)
    const rejected = rejects({
      before: text.slice(sentence.start, q.start),
      after: text.slice(quantityEnd, quantityEnd + 40),
      fragment: rawBefore,
      unit: q.unit,
      suffix: suffix?.word ?? null,
      op,
      chinese: q.chinese,
      metric,
    });
    if (rejected) continue;
    // 为 is too common a word to be a comparator unless a measure or a unit says so.
    if (found.prefix?.word === '为' && !looksLikeMeasure(metric) && !values && q.unit === '') continue;
    if (q.max === null && q.unit === '' && !found.prefix && !suffix) continue;
    if (metric === '') continue;

    // Step 6: the year.
    const year = yearFor(text, years, q.start, fallbacksAt(q.start));

    // Step 7: emit, with the spans the extension highlights.
    const textEnd = Math.max(quantityEnd, completed.end);
    state.lastEnd = textEnd;
    state.previous = { metric, verb: leadingCountVerb(metric) ?? state.previous?.verb ?? null, end: textEnd, quantityEnd, bare: found.prefix === null && suffix === null && !found.change };
    const spanStart = Math.min(metricEnd, q.start);
    // Bounded to this target's own text: an unbounded lastIndexOf rescans the document.
    const metricAt = text.slice(textStart, metricEnd + 2).lastIndexOf(metric.slice(0, 2));
    const metricStart = metricAt === -1 ? -1 : textStart + metricAt;
    const span = { start: metricStart >= textStart ? metricStart : spanStart, end: textEnd };
    const textSpan = { start: textStart, end: textEnd };
    if (values) {
      const earlier = drafts.filter((d) => d.span.start >= sentence.start).slice(-values.items.length);
      const metrics = leadingShare && earlier.length === values.items.length
        ? earlier.map((d) => `${d.metric.slice((leadingCountVerb(d.metric) ?? '').length)}${cleanMetric(rawBefore.replace(/^[、和及与\s]*分别/u, ''))}`)
        : conjuncts(metric.replace(/^分别/u, ''));
      // 到2022年、2023年、2024年…分别达到40%、60%、80%: one year per value, in order.
      const listed = years.filter((m) => m.end <= q.start && m.start >= start);
      const yearList = listed.length === values.items.length ? listed.map((m) => m.year) : null;
      values.items.forEach((v, k) => {
        const part = metrics.length === values.items.length ? (metrics[k] as string) : metric;
        drafts.push({ textSpan, metric: part, op: op as Comparator, value: v.value, max: v.max, unit: v.unit, year: yearList?.[k] ?? year, span });
      });
      continue;
    }
    // 化学需氧量、氨氮排放量分别减少1%: 分别 with one value gives it to each metric listed.
    const parts = /分别将?$/u.test(rawBefore) ? conjuncts(metric) : splitMetrics(metric, /(均|都)$/.test(rawBefore));
    for (const part of parts) {
      drafts.push({ textSpan, metric: part, op, value: q.value, max: q.max, unit: q.unit, year, span });
    }
  }
  drafts.push(...zeroTargets(text, sentence).map((z) => ({ ...z, year: yearFor(text, years, z.span.start, fallbacksAt(z.span.start)) })));
  return drafts;
}

/**
 * Targets a table states cell by cell: the row's label is the metric, the figure cell the value
 * (全社会固定资产投资额 / 3 / 186 → = 186; 城镇登记失业率 / 1 / 低于 4.1 → < 4.1). A figure without a
 * comparator is `=`; a figure without a unit word has unit "".
 */
/**
 * Targets a table states (shared/tables/table-plan.ts): the figure cell read by the quantity
 * grammar; the table may add the metric (the label without its own quantities), the unit of a
 * bare figure (a 计量单位 cell) and the year (a 2020年目标值 header).
 */
export function cellTargets(text: string, cells: ReadonlyArray<{ label: Span; value: Span; metric?: string; unit?: string; year?: number }>, context: TargetContext): TargetDraft[] {
  const fallbacksAt = yearFallbacks(context);
  const drafts: TargetDraft[] = [];
  for (const { label, value, ...given } of cells) {
    const cell = text.slice(value.start, value.end);
    const digit = cell.search(/\d/u);
    if (digit === -1) continue;
    const at = value.start + digit;
    const q = readQuantity(text, at, false);
    if (!q) continue;
    const before = text.slice(value.start, at).replace(/\s+/gu, '');
    const prefix = before === '' ? null : (SORTED_PREFIX.find((w) => !w.units && before.endsWith(w.word)) ?? null);
    // A suffix inside the cell counts (6左右, 100以上); one past the cell's end is another cell's.
    const suffix = q.end < value.end ? readSuffix(text, q.end) : null;
    const op = decideOp(q, { prefix, prefixStart: at, change: null, changeStart: at }, suffix) ?? '=';
    const metric = cleanMetric(given.metric ?? text.slice(label.start, label.end));
    if (metric === '') continue;
    const span = { start: label.start, end: value.end };
    const unit = q.unit !== '' ? q.unit : (given.unit ?? '');
    drafts.push({ textSpan: span, metric, op, value: q.value, max: q.max, unit, year: given.year ?? yearFor(text, [], at, fallbacksAt(at)), span });
  }
  return drafts;
}
