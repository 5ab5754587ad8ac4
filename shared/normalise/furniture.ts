// Page and web furniture: lines that a PDF page or a pasted web page adds around the plan.
// Each rule is a whole-line test on the line with its spaces removed; bodies are never cut.
import { concat, inserted, lineSlices, slice, type MappedText } from '../mapped-text.ts';

interface FurnitureRule {
  name: string;
  test: RegExp;
  /**
   * Site-chrome rules fire only on short lines that are not sentences or numbered items, so a
   * body sentence that names 主办单位 or 党政机关 stays.
   */
  maxLength?: number;
}

const FURNITURE_RULES: readonly FurnitureRule[] = [
  // - 11 -, —3—, 第3页 共10页, 3/10: printed page numbers.
  { name: 'page number', test: /^[-—―_~·•]*\d{1,4}[-—―_~·•]*$/ },
  // OCR reads the dashes around a page number as 一: 一 3 一.
  { name: 'page number', test: /^[-—―一]+\d{1,4}[-—―一]+$/ },
  { name: 'page of pages', test: /^第\d{1,4}页[,，]?(共\d{1,4}页)?$|^\d{1,4}\/\d{1,4}$|^page\d+(of\d+)?$/i },
  // 您当前的位置:首页 > 政府信息公开 > …
  { name: 'breadcrumb', test: /^(您(当前|现在)?的?(所在)?位置|当前位置|所在位置)[:：]/, maxLength: 120 },
  { name: 'share', test: /扫一扫|扫描二维码|二维码|分享(至|到)|微信分享|打印本页|关闭窗口|【打印】|【关闭】|^(打印|关闭|收藏|分享)$/, maxLength: 40 },
  { name: 'font size', test: /^【?字[号体][:：]?大中小】?|^【大】【中】【小】/, maxLength: 30 },
  { name: 'site footer', test: /^(主办单位|承办单位|协办单位|主办|承办|联系方式|联系电话|联系地址|地址|邮编|电子邮箱|网站标识码|版权所有|技术支持)[:：]|^(网站地图|Copyright|©)/i, maxLength: 80 },
  { name: 'site footer', test: /ICP备|公网安备|党政机关(网站|标识)|网站支持无障碍|IPv6访问|网站标识码/i, maxLength: 80 },
  { name: 'comment box', test: /^(评论一下|发表评论|我要评论|网友评论|最热评论|最新评论|查看更多评论)$|^评论\d+人参与|^还没有评论|^已有\d+人参与|^\d+条评论$/, maxLength: 60 },
  { name: 'page views', test: /^(阅读|浏览|访问|点击)(次数|量)?[:：]\d+/, maxLength: 30 },
  { name: 'editor line', test: /^(编辑|责任编辑|审核|审校|校对|初审|复审|终审|编审|责编)[:：]\S{1,20}$/, maxLength: 30 },
  { name: 'attachment header', test: /^(附件下载|相关附件|附件)[:：]?$/ },
  { name: 'close mark', test: /^[×✕✖]$/ },
];

export interface FurnitureResult {
  text: MappedText;
  /** The dropped lines, for the metadata reader (发布时间 and 来源 lines live there). */
  dropped: string[];
}

/** A sentence or a numbered item is body text, whatever words it contains. */
const BODY_LIKE = /。|^[(（]?[一二三四五六七八九十\d]{1,3}[、.．)）]/;

export function classifyFurniture(line: string): string | null {
  const compact = line.replace(/\s+/g, '');
  if (compact === '') return null;
  const bodyLike = BODY_LIKE.test(compact);
  for (const rule of FURNITURE_RULES) {
    if (rule.maxLength !== undefined && (compact.length > rule.maxLength || bodyLike)) continue;
    if (rule.test.test(compact)) return rule.name;
  }
  return null;
}

/** A running title: a short line without sentence punctuation that a PDF repeats on every page. */
const RUNNING_TITLE_CANDIDATE = /^[^。:;,：；，]{4,40}$/;
const RUNNING_TITLE_REPEATS = 3;

/** Lines that stand at a page break: next to a page number, blank lines aside. */
function besidePageNumber(lines: readonly string[], kinds: ReadonlyArray<string | null>, index: number): boolean {
  for (const step of [-1, 1]) {
    let seen = 0;
    for (let k = index + step; k >= 0 && k < lines.length && seen < 2; k += step) {
      if ((lines[k] as string).trim() === '') continue;
      if (kinds[k]?.startsWith('page')) return true;
      seen++;
    }
  }
  return false;
}

function runningTitles(lines: readonly string[], kinds: ReadonlyArray<string | null>): Set<string> {
  const counts = new Map<string, number>();
  lines.forEach((line, index) => {
    const compact = line.replace(/\s+/g, '');
    if (!RUNNING_TITLE_CANDIDATE.test(compact) || BODY_LIKE.test(compact) || !besidePageNumber(lines, kinds, index)) return;
    counts.set(compact, (counts.get(compact) ?? 0) + 1);
  });
  return new Set([...counts].filter(([, n]) => n >= RUNNING_TITLE_REPEATS).map(([line]) => line));
}

/**
 * A table flattened one cell per line numbers its rows with bare lines (序号 / … / 1 / … / 2 …),
 * which look like page numbers. After a 序号 header line, the bare numbers that count up from 1
 * are row numbers and stay.
 */
function keepRowNumbers(lines: readonly string[], kinds: Array<string | null>): void {
  let expected = 0;
  lines.forEach((line, index) => {
    const compact = line.replace(/\s+/g, '');
    if (compact === '序号') {
      expected = 1;
      return;
    }
    if (expected > 0 && compact === String(expected) && kinds[index] === 'page number') {
      kinds[index] = null;
      expected += 1;
    }
  });
}

/**
 * A bare number on a line of its own (no dashes around it) is a page number only where such lines
 * count pages: up by one, each a page's worth of lines after the last. Anywhere else they are a
 * table's cells (分值 3, 目标任务 186) and stay.
 */
const BARE_NUMBER = /^\d{1,4}$/;
const MIN_PAGE_LINES = 5;

function keepTableNumbers(lines: readonly string[], kinds: Array<string | null>): void {
  const bare: number[] = [];
  lines.forEach((line, index) => {
    if (kinds[index] === 'page number' && BARE_NUMBER.test(line.replace(/\s+/g, ''))) bare.push(index);
  });
  const countsPages = bare.every((index, k) => {
    if (k === 0) return true;
    const previous = bare[k - 1] as number;
    const value = Number(lines[index]?.trim());
    return value === Number(lines[previous]?.trim()) + 1 && index - previous >= MIN_PAGE_LINES;
  });
  if (!countsPages) for (const index of bare) kinds[index] = null;
}

/** Drops furniture lines; keeps every other line (and its line break) as it was. */
export function dropFurniture(input: MappedText): FurnitureResult {
  const kept: MappedText[] = [];
  const dropped: string[] = [];
  const slices = lineSlices(input.text);
  const lines = slices.map((line) => input.text.slice(line.start, line.end));
  const kinds = lines.map(classifyFurniture);
  keepRowNumbers(lines, kinds);
  keepTableNumbers(lines, kinds);
  const running = runningTitles(lines, kinds);
  const seenRunning = new Set<string>();
  for (const [index, line] of slices.entries()) {
    const lineText = lines[index] as string;
    const compact = lineText.replace(/\s+/g, '');
    // The first occurrence of a running title is the document's title; the repeats are page headers.
    const isRepeat = running.has(compact) && seenRunning.has(compact);
    if (running.has(compact)) seenRunning.add(compact);
    if (isRepeat || kinds[index] !== null) {
      dropped.push(lineText.trim());
      kept.push(inserted('\n', input.origin[line.start] ?? 0));
      continue;
    }
    kept.push(slice(input, line.start, Math.min(line.end + 1, input.text.length)));
    if (line.end >= input.text.length && lineText.length > 0) kept.push(inserted('\n', input.origin[line.end - 1] ?? 0));
  }
  return { text: concat(kept), dropped };
}
