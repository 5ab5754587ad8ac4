// The numbering grammar of Chinese plans: one named entry per style, tried at the start of a
// line (or right after a closed clause, see tree.ts). A style is a family of siblings: 一、二、三、
// are one style, (一)(二) another; which style nests in which is decided by order of appearance.
import { parseChineseNumeral, parseCircled } from '../numerals.ts';

export interface MarkerStyle {
  name: string;
  pattern: RegExp;
  /** The ordinal from the match. */
  ordinal: (match: RegExpExecArray) => number | null;
}

const CN = '[一二三四五六七八九十]{1,3}';
const fromChinese = (m: RegExpExecArray) => parseChineseNumeral(m[1] ?? '');
const fromArabic = (m: RegExpExecArray) => Number(m[1]);

export const MARKER_STYLES: readonly MarkerStyle[] = [
  // 第一阶段 / 第一部分 / 第一章 / 第一节 / 第一条: each is its own style.
  { name: '第…阶段', pattern: new RegExp(`^第(${CN})阶段`), ordinal: fromChinese },
  { name: '第…部分', pattern: new RegExp(`^第(${CN})部分`), ordinal: fromChinese },
  { name: '第…章', pattern: new RegExp(`^第(${CN})章`), ordinal: fromChinese },
  { name: '第…节', pattern: new RegExp(`^第(${CN})节`), ordinal: fromChinese },
  { name: '第…条', pattern: new RegExp(`^第(${CN})条`), ordinal: fromChinese },
  // 一、
  { name: '一、', pattern: new RegExp(`^(${CN})(?:、|\\.(?!\\d))`), ordinal: fromChinese },
  // (一)  — NFKC has already turned （） into ().
  { name: '(一)', pattern: new RegExp(`^\\((${CN})\\)`), ordinal: fromChinese },
  // 1.  1、  (not 3.15 or 2.5%: a digit after the dot is a decimal). Up to 1000. and beyond in
  // long lists; a four-digit number only continues a list (tree.ts), so 2025. never starts one.
  { name: '1.', pattern: /^(\d{1,5})\.(?![\d%])/, ordinal: fromArabic },
  { name: '1、', pattern: /^(\d{1,5})、/, ordinal: fromArabic },
  // (1)  1)
  { name: '(1)', pattern: /^\((\d{1,5})\)/, ordinal: fromArabic },
  { name: '1)', pattern: /^(\d{1,2})\)(?![\d%])/, ordinal: fromArabic },
  // ①
  { name: '①', pattern: /^([\u2460-\u2473])/, ordinal: (m) => parseCircled(m[1] ?? '') },
  // 一是 / 一要: enumerations of duties written as sentences.
  { name: '一是', pattern: new RegExp(`^(${CN})是(?=[\\u4e00-\\u9fff])`), ordinal: fromChinese },
  { name: '一要', pattern: new RegExp(`^(${CN})要(?=[\\u4e00-\\u9fff])`), ordinal: fromChinese },
];

export interface MarkerMatch {
  style: string;
  ordinal: number;
  /** The marker as written, e.g. `(二)`, `12`, `第一阶段`: used in task paths. */
  label: string;
  length: number;
}

/** Path labels keep what a reader recognises: (二), 一, 12 (the spec's ["二", "(二)", "12"]). */
function labelOf(style: string, match: RegExpExecArray): string {
  if (style === '(一)' || style === '(1)') return `(${match[1]})`;
  if (style.startsWith('第')) return match[0];
  return match[1] ?? match[0];
}

export function matchMarker(text: string, from = 0): MarkerMatch | null {
  const rest = text.slice(from, from + 12);
  for (const style of MARKER_STYLES) {
    const match = style.pattern.exec(rest);
    if (!match) continue;
    const ordinal = style.ordinal(match);
    if (ordinal === null || ordinal < 1) continue;
    return { style: style.name, ordinal, label: labelOf(style.name, match), length: match[0].length };
  }
  return null;
}

export function startsWithMarker(line: string): boolean {
  return matchMarker(line.trimStart()) !== null;
}
