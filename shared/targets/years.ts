// Deadline years: 到2020年末…, 2018年底前…, 2019年…95分以上, or the enclosing heading's year.
// A baseline (比2015年) or a year range (2018-2020年) is not a deadline.
import type { Span } from '../model.ts';

export interface YearMention {
  year: number;
  start: number;
  end: number;
}

const YEAR = /(?<![\d.])((?:19|20|21)\d{2})年(末|底|前|以前|年底|年末)?/g;
const BASELINE_BEFORE = /(比|较|与|同|相比|相较|对比|基于)$/;
const BASELINE_AFTER = /^(基础上|相比|水平|同期|为基数|为基准|不变价|价格|可比价)/;
const RANGE_BEFORE = /\d{4}年?[-—―~至到]$/;
const BASE_OF = /^[^,;。,;]{0,24}?为(?:基数|基准|基期)/u;
const DATE_REST = /^\d{1,2}月\d{1,2}日/u;
const DATE_DEADLINE = /^\d{1,2}月\d{1,2}日(?:前|以前|之前|止)/u;
const PLAN_NAME_AFTER = /^[\u4e00-\u9fff]{0,14}?(?:行动|计划|规划|方案|纲要|期间|周期)/u;
/** 按照2015—2020年…规划: a span that names a document someone follows. */
const REFERENCE_BEFORE = /(?:按照|依据|根据|对照|落实|贯彻)\d{4}年?[-—―~至到]$/u;
const RANGE_AFTER = /^[-—―~至到]\d{4}/;

/** What a rule row sees of one year mention. */
interface YearCandidate {
  /** Up to 12 characters before the year. */
  before: string;
  /** From the year's first digit, 30 characters. */
  from: string;
  /** After the mention (年 and 底/前 included), 18 characters. */
  after: string;
  /** 底, 前, 年末… right after 年, when written. */
  marked: boolean;
  /** Inside 《…》. */
  inTitle: boolean;
}

/** Year mentions that are not deadlines, in the order a reader would object. */
const NOT_A_DEADLINE: ReadonlyArray<{ name: string; example: string; test: (c: YearCandidate) => boolean }> = [
  { name: 'baseline', example: '比2015年降低15%; 2020年基础上', test: (c) => BASELINE_BEFORE.test(c.before.slice(-6)) || BASELINE_AFTER.test(c.after) },
  { name: 'base of an index', example: '以2010年省控考核指标为基数', test: (c) => /以$/u.test(c.before) && BASE_OF.test(c.from) },
  { name: 'a date of writing', example: '2006年01月26日 21:50 (but 2016年8月15日前 is a deadline)', test: (c) => !c.marked && DATE_REST.test(c.after) && !DATE_DEADLINE.test(c.after) },
  { name: 'start of a span', example: '2006年至2010年… is due at its end', test: (c) => RANGE_AFTER.test(c.from.slice(4)) },
  { name: 'a plan named by its span', example: '2018-2020年三年行动计划; 按照2015—2020年…规划纲要', test: (c) => RANGE_BEFORE.test(c.before) && (PLAN_NAME_AFTER.test(c.after) || REFERENCE_BEFORE.test(c.before)) },
  { name: 'a document\'s name', example: '《“健康中国2030”规划纲要》', test: (c) => c.inTitle },
];

/** Years in `text[from, to)` that can be deadlines. */
export function deadlineYears(text: string, range: Span): YearMention[] {
  const mentions: YearMention[] = [];
  const part = text.slice(range.start, range.end);
  for (const match of part.matchAll(YEAR)) {
    const start = range.start + (match.index ?? 0);
    const end = start + match[0].length;
    const candidate: YearCandidate = {
      before: text.slice(Math.max(0, start - 12), start),
      from: text.slice(start, start + 30),
      after: text.slice(end, end + 18),
      marked: match[2] !== undefined,
      inTitle: insideBookTitle(text, start),
    };
    if (NOT_A_DEADLINE.some((rule) => rule.test(candidate))) continue;
    mentions.push({ year: Number(match[1]), start, end });
  }
  return mentions;
}

/** 《…2014—2020年…》 is a document's name, not a deadline. */
export function insideBookTitle(text: string, at: number): boolean {
  const windowStart = Math.max(0, at - 80);
  const before = text.slice(windowStart, at);
  return before.lastIndexOf('《') > before.lastIndexOf('》');
}

/** What governs a target's year beyond its own sentence (governing-years.ts). */
export interface YearFallbacks {
  /** The enclosing headings, nearest first. */
  headings: readonly Span[];
  /** The year of a paragraph opener or a lead-in whose scope holds the target. */
  scoped: number | null;
  /** An annual plan's own year. */
  planYear: number | null;
}

/**
 * The year a target at `at` is due, by the first rule that gives one:
 * 1. sentence: the nearest deadline year before it in its sentence (`inSentence`, from deadlineYears);
 * 2. sentence: a deadline-marked one after it (…达到90%(2020年底前));
 * 3. the paragraph's opener or the list's lead-in (到2012年底,…具体达到以下目标:);
 * 4. the enclosing headings' year;
 * 5. an annual plan's year (2020年民生实事项目).
 */
export function yearFor(text: string, inSentence: readonly YearMention[], at: number, fallbacks: YearFallbacks): number | null {
  const before = inSentence.filter((m) => m.end <= at);
  if (before.length > 0) return (before[before.length - 1] as YearMention).year;
  const after = inSentence.find((m) => m.start >= at && /(末|底|前)$/.test(text.slice(m.start, m.end)));
  if (after) return after.year;
  if (fallbacks.scoped !== null) return fallbacks.scoped;
  for (const heading of fallbacks.headings) {
    const found = deadlineYears(text, heading);
    if (found.length === 1) return (found[0] as YearMention).year;
  }
  return fallbacks.planYear;
}
