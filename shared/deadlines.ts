// Deadlines: when each task is due, as the plan states it. A small grammar of rule rows over the
// text (labelled 完成时限, month ranges, dated milestones, month-only milestones, 年内, 每年X月,
// standing duties), each row with an example; overlapping finds keep the longest. A month without
// a year takes the plan's year when the plan is annual (period from = to), else stays month-only.
import type { Deadline, Span, Task } from './model.ts';
import type { Period } from './schema.ts';
import { parseChineseNumeral } from './numerals.ts';
import { SpanIndex } from './span-index.ts';
import { insideBookTitle } from './targets/years.ts';

export interface DeadlineContext {
  /** The plan's period: annual plans lend their year to month-only deadlines. */
  period: Period | null;
}

export interface Found {
  start: number;
  end: number;
  by: string | null;
  from: string | null;
  ongoing: boolean;
  /** Lower wins among finds of the same extent (a label's reading over a bare date's). */
  rank: number;
}

const NUM = '[0-9０-９一二三四五六七八九十两]{1,3}';
const YEAR = '(?:19|20)\\d{2}';
/** 底 末 上旬 …, then 前 以前 之前: 6月底前, 2020年末, 10月1日前. */
const MONTH_TAIL = '(?:份)?(?:\\d{1,2}日)?(?:底|末|初|上旬|中旬|下旬)?(?:前|以前|之前)?';
const YEAR_TAIL = '(?:底|末|上半年|下半年)?(?:前|以前|之前)?';
const TO = '(?:至|到|—|－|-|~|～)';
/** Words that make a time term a standing duty: 长期坚持, 持续推进, 常态化. */
const ONGOING_WORDS = /^(长期坚持|长期推进|长期开展|长期|持续推进|持续开展|持续|常态化推进|常态化开展|常态化|常年开展|常年|经常性)$/;
/** Before a year, a baseline or a start: 比2015年, 自2018年起. */
const NOT_DEADLINE_BEFORE = /(比|较|与|同|相比|自|从|截至|截止|[—－\-~～])$/;
/** After a year: 2017年以来, 2018年起, 2021年度, 2016年的. */
const NOT_DEADLINE_AFTER = /^(以来|起|度|的|为|是|同期|基础上|水平|相比)/;
const CLAUSE_START = /(^|[\n。;；,，:：(（、]|^\s*)$/;

function toNumber(numeral: string): number | null {
  const ascii = numeral.replace(/[０-９]/g, (d) => String(d.charCodeAt(0) - 0xff10));
  return /^\d+$/.test(ascii) ? Number(ascii) : parseChineseNumeral(ascii);
}

function month(numeral: string): string | null {
  const m = toNumber(numeral);
  return m !== null && m >= 1 && m <= 12 ? String(m).padStart(2, '0') : null;
}

function annualYear(context: DeadlineContext): number | null {
  const p = context.period;
  return p !== null && p.from === p.to ? p.from : null;
}

/** 2024年8月 → 2024-08; 8月 in an annual 2024 plan → 2024-08, elsewhere null. */
function monthOf(year: string | undefined, m: string | undefined, context: DeadlineContext): string | null {
  const mm = m === undefined ? null : month(m);
  const y = year ?? (annualYear(context) === null ? undefined : String(annualYear(context)));
  if (y === undefined) return null;
  return mm === null ? y : `${y}-${mm}`;
}

interface Rule {
  name: string;
  example: string;
  pattern: RegExp;
  /** Null when the context says this is no deadline after all. */
  read: (match: RegExpExecArray, text: string, context: DeadlineContext) => Omit<Found, 'start' | 'end' | 'rank'> | null;
}

const deadline = (by: string | null, from: string | null = null, ongoing = false) => ({ by, from, ongoing });

/** The value of a 完成时限 label or a table's 完成时限 cell, read as a whole. */
function readValue(value: string, context: DeadlineContext): Omit<Found, 'start' | 'end' | 'rank'> | null {
  if (ONGOING_WORDS.test(value)) return deadline(null, null, true);
  for (const rule of RULES) {
    if (rule.name === 'labelled') continue;
    const match = new RegExp(`^(?:${rule.pattern.source})$`, rule.pattern.flags.replace('g', '')).exec(value);
    const read = match ? rule.read(match, value, context) : null;
    if (read) return read;
  }
  const bare = new RegExp(`^(?:(${YEAR})年)?(${NUM})月${MONTH_TAIL}$`).exec(value);
  if (bare) return deadline(monthOf(bare[1], bare[2], context));
  return null;
}

const RULES: readonly Rule[] = [
  {
    name: 'labelled',
    example: '完成时限:2024年11月底 / 完成时限:长期坚持',
    pattern: /(?:完成时限|完成时间|完成期限|时间节点|时限要求|时间要求|时限)[:：]\s*([^;；。,，)）\n]{1,20})/g,
    read: (m, _text, context) => readValue((m[1] ?? '').trim(), context),
  },
  {
    name: 'month range',
    example: '3月至6月 / 2024年8月至2025年12月',
    pattern: new RegExp(`(?:(${YEAR})年)?(${NUM})月份?${TO}(?:(${YEAR})年)?(${NUM})月${MONTH_TAIL}`, 'g'),
    read: (m, _text, context) => {
      const fromMonth = monthOf(m[1], m[2], context);
      const byMonth = monthOf(m[3] ?? m[1], m[4], context);
      if (month(m[2] ?? '') === null || month(m[4] ?? '') === null) return null;
      return deadline(byMonth, fromMonth);
    },
  },
  {
    name: 'year range',
    example: '2023年至2025年',
    pattern: new RegExp(`(${YEAR})年${TO}(${YEAR})年${YEAR_TAIL}`, 'g'),
    read: (m) => deadline(m[2] ?? null, m[1] ?? null),
  },
  {
    name: 'every year',
    example: '每年12月底前',
    pattern: new RegExp(`每年(?:的)?(${NUM})月${MONTH_TAIL}`, 'g'),
    read: (m, _text, context) => (month(m[1] ?? '') === null ? null : deadline(annualYear(context) === null ? null : monthOf(undefined, m[1], context), null, true)),
  },
  {
    name: 'dated',
    example: '到2020年底 / 2024年10月底前 / 2024年,全县完成…',
    pattern: new RegExp(`(?:到|至|于|在)?(${YEAR})年(?:(${NUM})月${MONTH_TAIL}|${YEAR_TAIL})`, 'g'),
    read: (m, text) => {
      const start = m.index + (m[0].length - m[0].replace(/^(到|至|于|在)/, '').length);
      const before = text.slice(Math.max(0, start - 3), start);
      const after = text.slice(m.index + m[0].length, m.index + m[0].length + 4);
      if (NOT_DEADLINE_BEFORE.test(before) || NOT_DEADLINE_AFTER.test(after) || insideBookTitle(text, start)) return null;
      if (/^[—－\-~～至到]\d/.test(after)) return null;
      const year = m[1] as string;
      const half = /上半年/.test(m[0]) ? '06' : /下半年/.test(m[0]) ? '12' : undefined;
      if (m[2] !== undefined && month(m[2]) === null) return null;
      // A bare year is a deadline where it opens a clause (2024年,全县完成…), not as an adjective (2016年民生实事).
      const marked = m[0] !== `${year}年` || m[2] !== undefined;
      if (!marked && !CLAUSE_START.test(text.slice(Math.max(0, start - 2), start))) return null;
      return deadline(m[2] !== undefined ? `${year}-${month(m[2])}` : half ? `${year}-${half}` : year);
    },
  },
  {
    name: 'month',
    example: '10月底前完成 / 到6月',
    pattern: new RegExp(`(?:到|至|于)?(${NUM})月(?:份)?(?:\\d{1,2}日)?(?:底|末|上旬|中旬|下旬)?(?:前|以前|之前)?`, 'g'),
    read: (m, text, context) => {
      const marked = /^(到|至|于)|(底|末|旬|前)$/.test(m[0]);
      const before = text.slice(Math.max(0, m.index - 1), m.index);
      // 每月, 一月一主题, 3个月: frequencies and durations, not dates; 2024年10月 is the dated row's.
      if (!marked || /[\d年每个第]/.test(before) || month(m[1] ?? '') === null) return null;
      return deadline(monthOf(undefined, m[1], context));
    },
  },
  {
    name: 'quarter or half',
    example: '一季度末前 / 2024年第三季度 / 上半年完成',
    pattern: new RegExp(`(?:(${YEAR})年)?(?:第?([一二三四1-4])季度|(上|下)半年)(?:末|底)?(?:前|以前|之前)?`, 'g'),
    read: (m, text, context) => {
      const before = text.slice(Math.max(0, m.index - 1), m.index);
      // 每季度 is a frequency; 2024年上半年 without a 年 prefix here is the dated row's.
      if (/[每各逐]/.test(before)) return null;
      const quarter = m[2] === undefined ? null : toNumber(m[2]);
      const month = quarter !== null ? String(quarter * 3).padStart(2, '0') : m[3] === '上' ? '06' : '12';
      const year = m[1] ?? (annualYear(context) === null ? null : String(annualYear(context)));
      return deadline(year === null ? null : `${year}-${month}`);
    },
  },
  {
    name: 'this year',
    example: '年内建成 / 到年底 / 年底前',
    pattern: /(?:到|至|于)?(?:本年度内|本年内|今年内|今年底前?|年内|年底前|年底|年末)/g,
    read: (m, text, context) => {
      const before = text.slice(Math.max(0, m.index - 1), m.index);
      // 2024年底 is the dated row's; 全年内, 当年内 and 三年内 are other rows or no deadline.
      if (/[\d〇一二三四五六七八九十两全当每近]/.test(before)) return null;
      const year = annualYear(context);
      return deadline(year === null ? null : String(year));
    },
  },
  {
    name: 'years within',
    example: '三年内完成18个行政村 (in a 2023—2025 plan: by 2025)',
    pattern: new RegExp(`(${NUM})年内`, 'g'),
    read: (m, text, context) => {
      const n = toNumber(m[1] ?? '');
      if (n === null || /[近前过去每]$/.test(text.slice(Math.max(0, m.index - 2), m.index))) return null;
      const p = context.period;
      return deadline(p !== null && p.to - p.from + 1 === n ? String(p.to) : null);
    },
  },
  {
    name: 'standing duty',
    example: '…;长期坚持) — as a clause of its own, not 持续推进移风易俗',
    pattern: /(?<=^|[\n。;；,，:：(（])(长期坚持|长期推进|持续推进|常态化推进|长期开展|常年开展)(?=$|[\n。;；,，)）])/g,
    read: () => deadline(null, null, true),
  },
];

/** Every deadline in `range` of the text, in order, overlapping finds resolved to the longest. */
export function findDeadlineSpans(text: string, range: Span, context: DeadlineContext): Array<Found> {
  const part = text.slice(range.start, range.end);
  const found: Found[] = [];
  RULES.forEach((rule, rank) => {
    for (const match of part.matchAll(rule.pattern)) {
      const read = rule.read(match as RegExpExecArray, part, context);
      if (read === null) continue;
      // The labelled row's span is its value (2024年11月底), not the label.
      const valueAt = rule.name === 'labelled' ? match[0].length - (match[1] ?? '').length : 0;
      const start = range.start + match.index + valueAt;
      let end = range.start + match.index + match[0].length;
      if (rule.name === 'labelled') end = start + (match[1] ?? '').trim().length;
      found.push({ start, end, rank, ...read });
    }
  });
  found.sort((a, b) => a.start - b.start || b.end - a.end || a.rank - b.rank);
  const kept: Found[] = [];
  for (const f of found) {
    const last = kept.at(-1);
    if (last && f.start < last.end) continue;
    kept.push(f);
  }
  return kept;
}

/** Each task's deadlines, found in its own text: a deadline belongs to the innermost task that holds it. */
export function findDeadlines(text: string, tasks: readonly Task[], context: DeadlineContext): Map<string, Deadline[]> {
  const byTask = new Map<string, Deadline[]>();
  const index = new SpanIndex(tasks);
  for (const task of tasks) byTask.set(task.id, []);
  const covered = mergedSpans(tasks.map((t) => t.span));
  for (const range of covered) {
    for (const f of findDeadlineSpans(text, range, context)) {
      const owner = index.innermost(f.start);
      if (!owner) continue;
      byTask.get(owner.id)?.push({ text: text.slice(f.start, f.end), by: f.by, from: f.from, ongoing: f.ongoing, span: { start: f.start, end: f.end } });
    }
  }
  return byTask;
}

/** Task spans nest: scan each stretch of text once. */
function mergedSpans(spans: readonly Span[]): Span[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  const merged: Span[] = [];
  for (const s of sorted) {
    const last = merged.at(-1);
    if (last && s.start <= last.end) last.end = Math.max(last.end, s.end);
    else merged.push({ ...s });
  }
  return merged;
}
