// Quote normalisation from fixtures/spec/gold-format.md ("Text normalisation used by quotes"):
// gold quotes, predicted texts and document text are all compared in this form, so that PDF line
// breaks, full-width punctuation and page furniture never decide whether two spans match.

// A page number on a line of its own (`- 11 -`, `—11—`); only whole lines, because inline "-11-"
// could be part of a range such as 5-11.
const PAGE_NUMBER_LINE = /^[ \t\u3000]*[-\u2010-\u2015\uFF0D][ \t\u3000]*\d{1,4}[ \t\u3000]*[-\u2010-\u2015\uFF0D][ \t\u3000]*$/gmu;

// NFKC already folds most full-width forms; kept explicit so the rule does not depend on it.
const PUNCTUATION: Readonly<Record<string, string>> = {
  '：': ':',
  '（': '(',
  '）': ')',
  '，': ',',
  '；': ';',
};

/** NFKC, page-number lines dropped, every white space removed, full-width : ( ) , ; folded. */
export function normaliseQuote(s: string): string {
  return s
    .normalize('NFKC')
    .replace(PAGE_NUMBER_LINE, '')
    .replace(/[\s\u3000\u200B\uFEFF]+/gu, '')
    .replace(/[：（），；]/gu, (c) => PUNCTUATION[c] ?? c);
}
