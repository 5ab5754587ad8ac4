// Repairs for what OCR gets wrong in plan text, where it matters to targets: tesseract reads
// ≥ as >, 之 or 宇 (or drops it) and mixes letters into numbers. Applied to OCR text only.
import { type MappedText } from '../mapped-text.ts';

/**
 * A measure word right before a misread comparator: …普及率之95%, …占比这39.2%, …面积>12平方米
 * read ≥; …比例入28% read ≤ (the glyphs tesseract's chi_sim model confuses them with).
 */
const MISREAD_AS: Readonly<Record<string, string>> = { '>': '≥', 之: '≥', 宇: '≥', 这: '≥', 关: '≥', 全: '≥', 三: '≥', 兰: '≥', 入: '≤' };
const MISREAD_GLYPHS = Object.keys(MISREAD_AS).join('');
const MEASURE_THEN_MISREAD = new RegExp(`(率|比例|比重|占比|面积|时间|密度|数|量|值|水平|寿命)\\s*([${MISREAD_GLYPHS}])(?=\\s*\\d)`, 'g');
/** The dash of a range read as 一 (1一2次), and a stray 0 after a percent sign (70%0,). */
const RANGE_DASH = /(?<=\d)一(?=\d)/g;
const PERCENT_TAIL = /%0(?=[^\d.])/g;
/** Specks read as punctuation at a line start (":   上。通过…"). */
const LEADING_SPECK = /^[:;,.·'`](?=\s)/gm;
/** The bracket that opens a clause read as 〈 《 < or [: 〈牵头单位, 《责任单位. */
const CLAUSE_BRACKET = /[〈《<[【](?=(牵头|责任|配合|协办|参与)(单位|部门))/g;
/** 牵 read as its look-alikes in the one word where it matters most. */
const LEAD_LABEL = /[奉牽拳](?=头(单位|部门))/g;
/** 责任单位; and 牵头单位. : the colon after a clause label read as other punctuation. */
const LABEL_PUNCTUATION = /(牵头|责任|配合|协办|参与)(单位|部门)\s*[;；.,，](?=\s*\S)/g;
/** Letters that OCR puts inside numbers: 1O0% → 100%, 9l% → 91%. */
const LETTER_IN_NUMBER: ReadonlyArray<readonly [RegExp, string]> = [
  [/(?<=\d)[Oo](?=[\d%.])/g, '0'],
  [/(?<=\d)[lI|](?=[\d%.])/g, '1'],
];

/** Rewrites characters in place (one for one), so every offset keeps its source. */
function replaceEach(input: MappedText, pattern: RegExp, replace: (match: RegExpExecArray) => string): MappedText {
  // UTF-16 units, like match.index (the patterns have no /u flag).
  const chars = input.text.split('');
  for (const match of input.text.matchAll(pattern)) {
    const replacement = replace(match as RegExpExecArray);
    for (let k = 0; k < replacement.length; k++) chars[(match.index ?? 0) + k] = replacement[k] as string;
  }
  return { text: chars.join(''), origin: input.origin };
}

export function repairOcr(input: MappedText): MappedText {
  let text = replaceEach(input, MEASURE_THEN_MISREAD, (m) => `${m[0].slice(0, -1)}${MISREAD_AS[m[2] as string]}`);
  text = replaceEach(text, RANGE_DASH, () => '—');
  // One for one: the stray 0 becomes a space, which the space stage removes.
  text = replaceEach(text, PERCENT_TAIL, () => '% ');
  text = replaceEach(text, LEADING_SPECK, () => ' ');
  // 牵 first: the bracket and colon repairs look for the label it completes.
  text = replaceEach(text, LEAD_LABEL, () => '牵');
  text = replaceEach(text, CLAUSE_BRACKET, () => '(');
  text = replaceEach(text, LABEL_PUNCTUATION, (m) => m[0].replace(/[;；.,，]$/, ':'));
  for (const [pattern, digit] of LETTER_IN_NUMBER) text = replaceEach(text, pattern, () => digit);
  return text;
}
