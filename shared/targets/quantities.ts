// Quantities: a number (Arabic, 百分之九十, or a Chinese numeral after a comparator), an optional
// range end, and its unit. What is a date, a name or a document number is excluded here.
import { CHINESE_NUMERAL_CHARS, parseChineseNumeral } from '../numerals.ts';
import { RANGE_DASHES } from './comparators.ts';
import { readUnit } from './units-of-measure.ts';

export interface Quantity {
  start: number;
  /** After the unit. */
  end: number;
  value: number;
  max: number | null;
  unit: string;
  /** 880多个: more than the number. */
  more: boolean;
  chinese: boolean;
}

const DIGIT = /[0-9]/;
const LATIN = /[A-Za-z]/;
/** A number followed by these is a date, an edition, a session or a document number. */
const NOT_A_QUANTITY_AFTER = /^(月|日|号|届|周年|年代|世纪|次会议|次全会|次党代会|版|时|点|:\d|\+|·|\.\d*[A-Za-z])/;
const YEAR_LIKE = /^(19|20|21)\d{2}$/;

function readArabic(text: string, at: number): { value: number; end: number; digits: string } | null {
  const match = /^\d+(?:\.\d+)?/.exec(text.slice(at, at + 24));
  if (!match) return null;
  return { value: Number(match[0]), end: at + match[0].length, digits: match[0] };
}

/** Inside 《…》 or a short “…” quote: names, slogans and titles, not commitments. */
export function insideQuote(text: string, at: number): boolean {
  for (const [open, close, reach] of [['《', '》', 80], ['“', '”', 24]] as const) {
    // Bounded look-back: an unbounded lastIndexOf makes long texts quadratic.
    const windowStart = Math.max(0, at - reach);
    const found = text.slice(windowStart, at + 1).lastIndexOf(open);
    if (found === -1) continue;
    const o = windowStart + found;
    const c = text.indexOf(close, o);
    if (c !== -1 && c > at) return true;
  }
  return false;
}

function isExcludedArabic(text: string, start: number, end: number, digits: string): boolean {
  const before = text[start - 1] ?? '';
  const after = text.slice(end, end + 6);
  if (LATIN.test(before) || LATIN.test(after[0] ?? '')) return true; // PM2.5, 5G, GB3095
  if (/[×*xX]/.test(before) || /^[×*]/.test(after)) return true; // 1366×768: a size, not a quantity
  if (before === '第' || before === '〔' || before === '[') return true;
  if (digits.replace('.', '').length >= 7) return true; // phone numbers, run-together dates
  if (/^[-—]\d{4}/.test(after) && !/^\d{1,4}$/.test(digits)) return true;
  if (/^[-—]\d{5,}/.test(after)) return true; // 0953-2039339
  if (YEAR_LIKE.test(digits) && /^(年|[-—―~至到]((19|20|21)\d{2})|[-/.]\d{1,2}[-/.]\d{1,2})/.test(after)) return true;
  // The month and day of 2022-04-12 or 2022/4/12.
  if (/(19|20)\d{2}[-/.](\d{1,2}[-/.])?$/.test(text.slice(Math.max(0, start - 8), start))) return true;
  if (NOT_A_QUANTITY_AFTER.test(after) && !/^时[间]/.test(after)) return true;
  return insideQuote(text, start);
}

const CHINESE_RUN = new RegExp(`^[${CHINESE_NUMERAL_CHARS}]+`);
const CHINESE_DECIMALS = /^[零〇一二三四五六七八九]+/u;

/** Reads the quantity at `at` if one starts there; `allowChinese` when a comparator precedes. */
export function readQuantity(text: string, at: number, allowChinese: boolean): Quantity | null {
  let value: number;
  let pos: number;
  let chinese = false;
  if (text.startsWith('百分之', at)) {
    const run = CHINESE_RUN.exec(text.slice(at + 3, at + 12));
    const arabic = readArabic(text, at + 3);
    const parsed = arabic ? arabic.value : run ? parseChineseNumeral(run[0]) : null;
    if (parsed === null) return null;
    const end = arabic ? arabic.end : at + 3 + (run as RegExpExecArray)[0].length;
    if (insideQuote(text, at)) return null;
    return { start: at, end, value: parsed, max: null, unit: '%', more: false, chinese: true };
  }
  const arabic = DIGIT.test(text[at] ?? '') ? readArabic(text, at) : null;
  if (arabic) {
    if (DIGIT.test(text[at - 1] ?? '') || text[at - 1] === '.') return null;
    if (isExcludedArabic(text, at, arabic.end, arabic.digits)) return null;
    value = arabic.value;
    pos = arabic.end;
  } else {
    if (!allowChinese) return null;
    const run = CHINESE_RUN.exec(text.slice(at, at + 8));
    if (!run) return null;
    const parsed = parseChineseNumeral(run[0]);
    if (parsed === null || insideQuote(text, at)) return null;
    value = parsed;
    pos = at + run[0].length;
    // 一点零三三三亿公顷: digits after 点 are the decimals.
    const decimals = text[pos] === '点' ? CHINESE_DECIMALS.exec(text.slice(pos + 1, pos + 12)) : null;
    if (decimals) {
      value = Number(`${parsed}.${[...decimals[0]].map((c) => parseChineseNumeral(c) ?? 0).join('')}`);
      pos += 1 + decimals[0].length;
    }
    chinese = true;
  }

  const more = text[pos] === '多' || text[pos] === '余';
  if (more) pos++;
  const unit = readUnit(text, pos);
  pos += unit.length;
  if (chinese && unit.unit === '') return null; // 一 alone is a word, not a number

  let max: number | null = null;
  let finalUnit = unit.unit;
  const dash = text[pos] ?? '';
  if ((RANGE_DASHES as readonly string[]).includes(dash) && DIGIT.test(text[pos + 1] ?? '')) {
    const high = readArabic(text, pos + 1);
    if (high && high.value > value && !isExcludedArabic(text, pos + 1, high.end, high.digits)) {
      const highUnit = readUnit(text, high.end);
      // 1.2万—1.5万亩: the multiplier written on both ends belongs to the one unit.
      const sameMultiplier = (unit.unit === '万' || unit.unit === '亿') && highUnit.unit.startsWith(unit.unit);
      if (unit.unit === '' || highUnit.unit === '' || highUnit.unit === unit.unit || sameMultiplier) {
        max = high.value;
        finalUnit = highUnit.unit || unit.unit;
        pos = high.end + highUnit.length;
      }
    }
  }
  return { start: at, end: pos, value, max, unit: finalUnit, more, chinese };
}
