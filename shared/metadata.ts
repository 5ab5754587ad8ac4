// Metadata: title, region, issuers, 文号, publication date and period, read from the head of
// the plan (before its first numbered item), its signature block and the furniture lines.
import { parseChineseNumeral } from './numerals.ts';
import type { PlanMetadata, ResponsibilityClause, Structure } from './model.ts';

const PLAN_WORDS = '方案|计划|规划|意见|办法|纲要|要点|细则|规定|决定|通知';
const TITLE_LINE = new RegExp(`(${PLAN_WORDS})(\\([^()]{2,20}\\))?$`);
/** 关于印发《X》的通知, 市委市政府下发《X》, and the same without 《》: 关于印发X的通知. */
const PUBLISHED_IN = /(?:关于)?(?:印发|下发|发布|转发)《([^》]{4,80})》|关于(?:印发|下发|发布|转发)(.{4,80}?)的通知$/;
/** The second line of a broken title: 实施方案, 工作规划(2021―2023年). */
const SHORT_TITLE_TAIL = new RegExp(`^[\\u4e00-\\u9fff]{0,6}(${PLAN_WORDS})(\\([^()]{2,20}\\))?$`);
const DRAFT_MARK = /\((征求意见稿|送审稿|试行|草案|讨论稿)\)$/;

function headLines(text: string, structure: Structure): string[] {
  const first = structure.nodes[0]?.span.start ?? Math.min(text.length, 400);
  return text
    .slice(0, first)
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '')
    .slice(0, 10);
}

export function findTitle(head: readonly string[]): string | null {
  for (let i = 0; i < head.length; i++) {
    const line = head[i] as string;
    if (line.length > 80 || /[。,;]/.test(line) || PUBLISHED_IN.test(line) || /^关于|《[^》]*$|^[^《]*》/.test(line)) continue;
    if (!TITLE_LINE.test(line)) continue;
    // A title broken over two short lines: 会宁县2021年度文明城市创建工作 / 实施方案.
    const previous = head[i - 1];
    const isTail = line.length <= 12 || SHORT_TITLE_TAIL.test(line);
    const joined = previous && previous.length <= 30 && !/[。,;:)]$/.test(previous) && !PUBLISHED_IN.test(previous) && isTail ? previous + line : line;
    // The period may sit on the line below: 渠湾区生态环境保护三年行动方案 / (2024—2026年).
    const below = head[i + 1];
    const withPeriod = below && /^\((19|20)\d{2}[-—―~至到](19|20)\d{2}年?\)$/.test(below) ? joined + below : joined;
    return withPeriod.replace(DRAFT_MARK, '');
  }
  // A long 关于印发《…》的通知 may be wrapped over two or three lines.
  for (let i = 0; i < head.length; i++) {
    for (let span = 1; span <= 3 && i + span <= head.length; span++) {
      const inner = PUBLISHED_IN.exec(head.slice(i, i + span).join(''));
      if (inner) return (inner[1] ?? inner[2]) as string;
    }
  }
  return null;
}

const PROVINCES = [
  '北京', '天津', '上海', '重庆', '河北', '山西', '辽宁', '吉林', '黑龙江', '江苏', '浙江', '安徽', '福建', '江西', '山东',
  '河南', '湖北', '湖南', '广东', '海南', '四川', '贵州', '云南', '陕西', '甘肃', '青海', '台湾', '内蒙古', '广西', '西藏',
  '宁夏', '新疆', '香港', '澳门',
];
const MUNICIPALITIES = new Set(['北京', '天津', '上海', '重庆']);
const AUTONOMOUS: Readonly<Record<string, string>> = {
  内蒙古: '内蒙古自治区', 广西: '广西壮族自治区', 西藏: '西藏自治区', 宁夏: '宁夏回族自治区', 新疆: '新疆维吾尔自治区',
  香港: '香港特别行政区', 澳门: '澳门特别行政区',
};
/** Administrative levels from the top; a title names them in this order (宁夏回族自治区吴忠市利通区). */
const LEVELS: readonly RegExp[] = [
  /^([\u4e00-\u9fff]{2,8}?(?:自治区|省))/,
  /^([\u4e00-\u9fff]{2,7}?(?:自治州|市|州|盟|地区))/,
  /^([\u4e00-\u9fff]{1,7}?(?:自治县|县|区|旗))/,
  /^([\u4e00-\u9fff]{1,6}?(?:街道|镇|乡))/,
];
/** Words that end in 市 or 区 but name no place: 创建全国文明城市, 城区. */
const NOT_A_PLACE = /(全国|全省|全市|全县|全区|各|本|我|关于|城市|文明|创建|工作|建成|城区|社区|园区|景区|城乡|乡镇|村镇|城镇)/;

/** The most specific place at the start of the title: 襄阳市; 利通区 from 吴忠市利通区. */
export function regionFromTitle(title: string): string | null {
  let rest = title.replace(/^(中共|中国共产党)/, '');
  let region: string | null = null;
  for (const level of LEVELS) {
    const match = level.exec(rest);
    if (!match || NOT_A_PLACE.test(match[1] as string)) continue;
    region = match[1] as string;
    rest = rest.slice(region.length);
  }
  return region;
}

/** Without a title, the level of the units (省委宣传部 → 省) and the province named in the text. */
function regionFromBody(text: string, clauses: readonly ResponsibilityClause[]): string | null {
  const levels = new Map<string, number>();
  for (const clause of clauses) {
    for (const unit of clause.units) {
      const level = /^(省|市|县|区)/.exec(unit.name)?.[1];
      if (level) levels.set(level, (levels.get(level) ?? 0) + 1);
    }
  }
  const level = [...levels].sort((a, b) => b[1] - a[1])[0]?.[0];
  if (level === '省') {
    const counts = PROVINCES.map((p) => [p, text.split(p).length - 1] as const).sort((a, b) => b[1] - a[1]);
    const [province, count] = counts[0] ?? ['', 0];
    if (count > 0) return AUTONOMOUS[province] ?? (MUNICIPALITIES.has(province) ? `${province}市` : `${province}省`);
  }
  return null;
}

const ORG_END = /(委员会|人民政府|政府|办公室|办公厅|办事处|管委会|委|局|厅|院|部)$/;
/** One organisation in a run of names: 市委, 市政府, 襄阳市人民政府办公室, 柳塘街道办事处. */
const ORG_PART = /.+?(?:(?:委员会|人民政府|政府|委(?!员))(?:办公室|办公厅)?|办公室|办公厅|办事处|管委会|局|厅)/g;

function splitIssuers(text: string): string[] {
  return text
    .split(/[\s、,和]+/)
    .flatMap((part) => part.match(ORG_PART) ?? [])
    .filter((name) => name.length >= 2);
}

export function findIssuers(signature: readonly string[], head: readonly string[]): string[] {
  const signed = signature.filter((line) => ORG_END.test(line) && !/\d/.test(line) && line.length <= 30);
  if (signed.length > 0) return signed;
  for (const [k, line] of head.entries()) {
    const match = /^(.{2,40}?)(?:关于(?:印发|下发|发布|转发)|(?:印发|下发|发布)《)/.exec(line);
    if (match) return splitIssuers(match[1] as string);
    // Issuers on their own line above 关于印发《…》的通知: 中共会宁县委办公室 会宁县人民政府办公室.
    const next = head[k + 1];
    if (next && /^关于(印发|下发|发布)/.test(next) && line.split(/\s+/).every((part) => ORG_END.test(part))) return splitIssuers(line);
  }
  return [];
}

const DOC_NUMBER = /([\u4e00-\u9fff]{1,10})[〔[(]((?:19|20)\d{2})[〕\])]第?(\d{1,4})号/;
/** A page that lost the brackets' neighbours: 吴党发〔202114 → 吴党发〔2021〕14号. */
const DOC_NUMBER_DAMAGED = /([\u4e00-\u9fff]{1,10}?(?:发|办|函|字))〔((?:19|20)\d{2})(\d{1,4})(?!\d)/;

export function findDocNumber(lines: readonly string[]): string | null {
  for (const line of lines) {
    const match = DOC_NUMBER.exec(line);
    if (match) return `${match[1]}〔${match[2]}〕${match[3]}号`;
  }
  for (const line of lines) {
    const match = DOC_NUMBER_DAMAGED.exec(line);
    if (match) return `${match[1]}〔${match[2]}〕${match[3]}号`;
  }
  return null;
}

function isoDate(year: number, month: number, day: number): string | null {
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** 2021年4月19日, 2021-04-19, 二〇二一年四月十九日, and a line that lost its 年月日: 2021419. */
export function parseDate(line: string): string | null {
  const arabic = /((?:19|20)\d{2})\s*[年\-/.]\s*(\d{1,2})\s*[月\-/.]\s*(\d{1,2})/.exec(line);
  if (arabic) return isoDate(Number(arabic[1]), Number(arabic[2]), Number(arabic[3]));
  const chinese = /([〇零一二三四五六七八九]{4})年([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,3})日/.exec(line);
  if (chinese) {
    const year = Number([...(chinese[1] as string)].map((c) => parseChineseNumeral(c) ?? 0).join(''));
    return isoDate(year, parseChineseNumeral(chinese[2] as string) ?? 0, parseChineseNumeral(chinese[3] as string) ?? 0);
  }
  const packed = /^((?:19|20)\d{2})(\d{2,4})$/.exec(line.trim());
  if (packed) {
    const rest = packed[2] as string;
    // Month and day lost their 月/日: accept only an unambiguous split.
    const splits = [1, 2]
      .filter((k) => k < rest.length && rest.length - k <= 2)
      .map((k) => isoDate(Number(packed[1]), Number(rest.slice(0, k)), Number(rest.slice(k))))
      .filter((d): d is string => d !== null);
    if (splits.length === 1) return splits[0] as string;
  }
  return null;
}

const LABELLED_DATE = /(发布时间|发布日期|成文日期|印发日期|日期)[:：]?\s*(.+)/;

export function findPublishedAt(signature: readonly string[], furniture: readonly string[], head: readonly string[]): string | null {
  for (const line of [...furniture, ...head]) {
    const labelled = LABELLED_DATE.exec(line);
    if (labelled) {
      const date = parseDate(labelled[2] as string);
      if (date) return date;
    }
  }
  for (const line of [...signature].reverse()) {
    const date = parseDate(line);
    if (date) return date;
  }
  return null;
}

const PERIOD = /((?:19|20)\d{2})\s*[-—―~至到]\s*((?:19|20)\d{2})\s*年?/;
const SINGLE_YEAR_PLAN = /((?:19|20)\d{2})年度?/;

export function findPeriod(title: string | null, opening: string): { from: number; to: number } | null {
  for (const source of [title ?? '', opening]) {
    const range = PERIOD.exec(source);
    if (range && Number(range[1]) <= Number(range[2])) return { from: Number(range[1]), to: Number(range[2]) };
  }
  const single = title ? SINGLE_YEAR_PLAN.exec(title) : null;
  if (single) return { from: Number(single[1]), to: Number(single[1]) };
  return null;
}

export function readMetadata(
  text: string,
  structure: Structure,
  clauses: readonly ResponsibilityClause[],
  furniture: readonly string[],
): PlanMetadata {
  const head = headLines(text, structure);
  const signature = text.slice(structure.bodyEnd).split('\n').map((l) => l.trim()).filter((l) => l !== '');
  const title = findTitle(head);
  const region = (title ? regionFromTitle(title) : null) ?? regionFromBody(text, clauses);
  // The opening paragraph names the period when the title does not (现制定2018-2020年三年行动计划).
  const opening = head.slice(0, 6).join('\n').replace(/《[^》]*》/g, '');
  return {
    title,
    region,
    issuers: findIssuers(signature, head),
    docNumber: findDocNumber([...head, ...furniture]),
    publishedAt: findPublishedAt(signature, furniture, head),
    period: findPeriod(title, opening),
  };
}
