// Spaces in Chinese text are layout, not words: PDFs and justified pages put them between
// a number and its unit (`12 万亩`, `2021 年`). Keep a space only between two Latin words or numbers.
import type { MappedText } from '../mapped-text.ts';

const LATIN_WORD = /[A-Za-z0-9]/;

export function tidySpaces(input: MappedText): MappedText {
  const { text: source, origin: sourceOrigin } = input;
  let text = '';
  // The last character written, kept apart: reading text[text.length - 1] flattens the growing
  // string at every space, which made text with many spaces quadratic.
  let last = '\n';
  const origin: number[] = [];
  for (let i = 0; i < source.length; i++) {
    const char = source[i] as string;
    if (char === ' ') {
      const before = last;
      let j = i + 1;
      while (source[j] === ' ') j++;
      const after = source[j] ?? '\n';
      const keep = LATIN_WORD.test(before) && LATIN_WORD.test(after);
      if (keep) {
        text += ' ';
        last = ' ';
        origin.push(sourceOrigin[i] ?? 0);
      }
      i = j - 1;
      continue;
    }
    text += char;
    last = char;
    origin.push(sourceOrigin[i] ?? 0);
  }
  return { text, origin };
}
