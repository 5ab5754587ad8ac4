// Chinese numerals (十二, 两, 一百零五, 百分之九十) to numbers. Small on purpose: plans use
// numerals up to the thousands; anything the parser does not understand gives null.

const DIGITS: Readonly<Record<string, number>> = {
  零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};
const SMALL_UNITS: Readonly<Record<string, number>> = { 十: 10, 百: 100, 千: 1000 };
const LARGE_UNITS: Readonly<Record<string, number>> = { 万: 10_000, 亿: 100_000_000 };

export const CHINESE_NUMERAL_CHARS = '零〇一二两三四五六七八九十百千万亿';

export function parseChineseNumeral(numeral: string): number | null {
  if (numeral === '') return null;
  let total = 0;
  let section = 0;
  let digit: number | null = null;
  for (const char of numeral) {
    if (char in DIGITS) {
      if (digit !== null && digit !== 0) return null; // 二三 is not a numeral
      digit = DIGITS[char] as number;
    } else if (char in SMALL_UNITS) {
      section += (digit ?? 1) * (SMALL_UNITS[char] as number);
      digit = null;
    } else if (char in LARGE_UNITS) {
      total += (section + (digit ?? 0)) * (LARGE_UNITS[char] as number);
      section = 0;
      digit = null;
    } else {
      return null;
    }
  }
  return total + section + (digit ?? 0);
}

/** Circled numbers ①–⑳ as numbers. */
export function parseCircled(char: string): number | null {
  const code = char.codePointAt(0) ?? 0;
  if (code >= 0x2460 && code <= 0x2473) return code - 0x2460 + 1;
  return null;
}
