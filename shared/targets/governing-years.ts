// Years that govern more than their own sentence (gold-format.md, `year`): a paragraph that opens
// with its year, a lead-in line that introduces a list, and an annual plan's own year.
// yearFor (years.ts) falls back on these, in that order, after the target's own sentence.
import { textLines as linesOf, type TextLine as Line } from '../mapped-text.ts';
import type { Span } from '../model.ts';
import { deadlineYears } from './years.ts';

export type YearRule = 'sentence' | 'paragraph-opener' | 'lead-in' | 'heading' | 'plan-year';

export interface YearScope {
  /** Where the year governs: from the end of the phrase that states it. */
  span: Span;
  year: number;
  rule: 'paragraph-opener' | 'lead-in';
}

/**
 * A paragraph that opens with its deadline: `2018年,城乡民生基础设施建设…;…。新增城市道路180公里`
 * gives every later sentence of the paragraph 2018. Only the paragraph's first words count
 * (an optional 到/至/在/力争 then the year), so a year in passing does not spread.
 */
const PARAGRAPH_OPENER = /^[\s\u3000]*(?:[一二三四五六七八九十]{1,3}、|\(?[一二三四五六七八九十\d]{1,3}[).、.]|[①-⑳])?\s*(?:到|至|在|力争|争取|确保)?((?:19|20)\d{2})年(?:度|底|末|年底|年末|内)?(?:前|以前)?[,，:：]/u;

/**
 * A lead-in that introduces a list: `到2012年底,…具体达到以下目标:` then bullets. It governs the
 * lines below it up to a blank line, the next lead-in, or the next section heading (一、 / (一)).
 */
const LEAD_IN_END = /[:：]\s*$/u;
const SECTION_HEADING = /^[\s\u3000]*(?:[一二三四五六七八九十]{1,3}、|\([一二三四五六七八九十]{1,3}\)|第[一二三四五六七八九十]{1,3}[章节部分])/u;
const MAX_LEAD_IN_LINES = 40;


/** The single deadline year a span states, or null when it states none or several. */
function singleYear(text: string, span: Span): number | null {
  const years = new Set(deadlineYears(text, span).map((m) => m.year));
  return years.size === 1 ? ([...years][0] as number) : null;
}

/** Paragraph openers and lead-ins of a text, in document order (linear in the text length). */
export function yearScopes(text: string): YearScope[] {
  const scopes: YearScope[] = [];
  const lines = linesOf(text);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as Line;
    const opener = PARAGRAPH_OPENER.exec(line.text);
    if (opener) scopes.push({ span: { start: line.start + opener[0].length, end: line.end }, year: Number(opener[1]), rule: 'paragraph-opener' });
    if (!LEAD_IN_END.test(line.text)) continue;
    const year = singleYear(text, line);
    if (year === null) continue;
    let last = i;
    for (let k = i + 1; k < lines.length && k <= i + MAX_LEAD_IN_LINES; k++) {
      const below = lines[k] as Line;
      if (below.text.trim() === '' || SECTION_HEADING.test(below.text) || LEAD_IN_END.test(below.text)) break;
      last = k;
    }
    if (last > i) scopes.push({ span: { start: line.end, end: (lines[last] as Line).end }, year, rule: 'lead-in' });
  }
  return scopes;
}

/**
 * Titles that name one year and a plan for that year: `2016年民生实事目标任务分解表`,
 * `2020年政府工作报告重点工作责任分解`, `会宁县2021年度文明城市创建工作实施方案`,
 * `关于下达2017年脱贫攻坚目标任务的通知`. A title with a period, a span of years or a
 * multi-year plan word (三年行动, 十四五, 规划) is not annual.
 */
const ANNUAL_TITLE = /((?:19|20)\d{2})\s*年度?(?![-—―~至到])/u;
const TITLE_LIKE = /(表|方案|计划|分解|通知|清单|要点|报告|任务|项目|实事|安排|意见)(\([^()]{1,20}\))?\s*$/u;
const MULTI_YEAR = /((?:19|20)\d{2})\s*年?\s*[-—―~至到]\s*((?:19|20)\d{2})|[二三四五]年|十[一二三四五六七]五|规划|纲要|到(?:19|20)\d{2}年|至(?:19|20)\d{2}年/u;
/** 民生实事 (the year's practical projects for the people) are annual by nature. */
const ANNUAL_BY_NATURE = /民生实事|实事项目|为民办实事|件(?:民生)?实事|件大事/u;
const MAX_TITLE = 60;

/** 2022年是…之年: a text saying which year it speaks of. */
const YEAR_IS = /((?:19|20)\d{2})年是[^。;]{2,60}?之年/u;
const HEADLINE_WORDS = /计划|报告|目标|任务|实事|要点/u;

/** A news page's headline (数说政府工作报告丨2022年经济发展主要预期目标公布): its first line, when it names a plan. */
function headline(text: string): string[] {
  const first = text.split('\n').map((l) => l.trim()).find((l) => l !== '') ?? '';
  if (first.length <= MAX_TITLE) return !/[。;；,，]/u.test(first) && HEADLINE_WORDS.test(first) ? [first] : [];
  // 1、2021年重大民生实事项目目标任务责任分解表序号项目名称…: a title run together with the table below.
  const runTogether = RUN_TOGETHER_TITLE.exec(first.slice(0, MAX_TITLE));
  return runTogether ? [runTogether[0]] : [];
}

const RUN_TOGETHER_TITLE = /^[^。;；,，]{0,8}?(?:19|20)\d{2}\s*年度?[^。;；,，]{0,30}?(?:分解表|任务表|项目表|清单|工作要点|工作计划|实施方案|工作方案)/u;

/** Lines that read as a document or attachment title: short, no sentence punctuation. */
function titleLines(text: string): string[] {
  return linesOf(text)
    .map((l) => l.text.trim())
    .filter((l) => l.length >= 6 && l.length <= MAX_TITLE && !/[。;；,，]/u.test(l) && TITLE_LIKE.test(l));
}

/**
 * The plan's own year when it is an annual plan, else null. Read from the title and from the
 * title lines in the text (an attachment's 2016年民生实事目标任务分解表); all must agree. A
 * 民生实事 list with no titled year takes the year it was published.
 */
export function annualPlanYear(text: string, title: string | null, publishedAt: string | null): number | null {
  const head = text.slice(0, 3000);
  const candidates = [...(title ? [title] : []), ...titleLines(text), ...headline(head)];
  // 2022年是党的二十大召开之年,…做好今年工作: the year a text calls 今年.
  const thisYear = /今年/u.test(head) ? YEAR_IS.exec(head) : null;
  if (thisYear) candidates.push(`${thisYear[1]}年`);
  const years = new Set<number>();
  for (const candidate of candidates) {
    if (MULTI_YEAR.test(candidate)) return null;
    const match = ANNUAL_TITLE.exec(candidate);
    if (match) years.add(Number(match[1]));
  }
  if (years.size === 1) return [...years][0] as number;
  if (years.size === 0 && publishedAt !== null && ANNUAL_BY_NATURE.test(text.slice(0, 2000))) return Number(publishedAt.slice(0, 4));
  return null;
}
