// Repairs for what OCR gets wrong in plan text, where it matters to targets: tesseract reads
// ≥ as >, 之 or 宇 (or drops it) and mixes letters into numbers. Applied to OCR text only.
import { type MappedText } from '../mapped-text.ts';

/** A measure word right before a misread comparator: …普及率之95%, …面积>12平方米. */
const MEASURE_THEN_MISREAD = /(率|比例|比重|占比|面积|时间|密度|数|量|值|水平|寿命)[>之宇](?=\s*\d)/g;
/** Letters that OCR puts inside numbers: 1O0% → 100%, 9l% → 91%. */
const LETTER_IN_NUMBER: ReadonlyArray<readonly [RegExp, string]> = [
  [/(?<=\d)[Oo](?=[\d%.])/g, '0'],
  [/(?<=\d)[lI|](?=[\d%.])/g, '1'],
];

/** Rewrites characters in place (one for one), so every offset keeps its source. */
function replaceEach(input: MappedText, pattern: RegExp, replace: (match: RegExpExecArray) => string): MappedText {
  const chars = [...input.text];
  if (chars.length !== input.text.length) {
    // Astral characters would shift offsets; OCR output has none that matter here.
    return input;
  }
  for (const match of input.text.matchAll(pattern)) {
    const replacement = replace(match as RegExpExecArray);
    for (let k = 0; k < replacement.length; k++) chars[(match.index ?? 0) + k] = replacement[k] as string;
  }
  return { text: chars.join(''), origin: input.origin };
}

export function repairOcr(input: MappedText): MappedText {
  let text = replaceEach(input, MEASURE_THEN_MISREAD, (m) => `${m[1]}≥`);
  for (const [pattern, digit] of LETTER_IN_NUMBER) text = replaceEach(text, pattern, () => digit);
  return text;
}
