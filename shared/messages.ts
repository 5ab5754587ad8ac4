// Warnings as coded messages. The core states a warning by its code and parameters; the export
// carries it in its wire form, the English sentence (the JSON contract's `warnings: string[]`
// is unchanged), from which the code and parameters are read back exactly. The extension renders
// a warning through its locale files (warning_<code>), the CLI in English or Chinese by --lang/LANG.
// The English templates here are the locale files' `en` messages (a test keeps them equal).

/** Each warning's English template; $1, $2… are its parameters in order. */
export const WARNING_TEMPLATES = {
  notAPlan: 'not a plan: no numbered tasks, responsibility clauses or numeric targets were found',
  emptyDocument: 'empty document: no text to extract from',
  noContent: 'no content found on the page',
  decodedAs: 'decoded as $1',
  /** $1 pages of $2 have no text layer; $3 lists them. */
  noTextLayer: '$1 of $2 pages have no text layer and OCR is turned off (pages $3)',
  imageWithoutOcr: 'an image has no text without OCR, and OCR is turned off',
  /** $1 the page, $2 the confidence in percent. */
  ocrConfidence: 'page $1: OCR confidence $2%',
  /** $1 the pages, $2 the engine's reason (its own words). */
  ocrFailed: 'OCR failed, pages $1 were not read: $2',
  // The loaders' warnings (pipeline/load/warnings.ts). Counts stand where no plural is needed:
  // a template has one wording, in English as in Chinese.
  /** $1 characters replaced, $2 the line of the first. */
  replacedBytes: 'undecodable bytes: $1 replaced with �, the first on line $2',
  /** $1 lines read as GB18030, $2 the first of them. */
  mixedEncoding: 'mixed encodings: $1 of the lines decoded as gb18030 inside a UTF-8 file, the first is line $2',
  markupInText: 'read as HTML: the text file holds a web page',
  /** $1 the depth kept, $2 the tags dropped below it. */
  deepNesting: 'deep nesting: the page nests elements more than $1 levels deep; $2 of its tags below that were dropped, their text kept',
  /** $1 how many, $2 which. */
  blankPages: "blank pages: $1 without text or ink, not OCR'd (pages $2)",
  /** $1 the cap, $2 how many pages were skipped, $3 which. */
  ocrPageCap: 'OCR page limit: $1 per file (--max-ocr-pages); $2 more skipped (pages $3)',
  /** $1 how many, $2 the megapixel limit, $3 which. */
  pageScaledDown: 'pages too large: $1 drawn for OCR below the usual resolution, to stay within $2 megapixels (pages $3)',
  /** $1 × $2 the image's pixels, $3 the megapixel limit. */
  imageTooLarge: 'image too large: an image of $1 × $2 pixels was not drawn (the limit is $3 megapixels)',
} as const;

export type WarningCode = keyof typeof WARNING_TEMPLATES;

export interface CodedWarning {
  code: WarningCode;
  params: string[];
}

function fill(template: string, params: readonly (string | number)[]): string {
  return template.replace(/\$(\d)/g, (_m, n: string) => String(params[Number(n) - 1] ?? ''));
}

/** The wire form of a warning (English), as the export carries it. */
export function warningText(code: WarningCode, ...params: Array<string | number>): string {
  return fill(WARNING_TEMPLATES[code], params);
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Templates as anchored patterns: each parameter is whatever lies between the fixed words. */
const PATTERNS = (Object.entries(WARNING_TEMPLATES) as Array<[WarningCode, string]>).map(([code, template]) => ({
  code,
  pattern: new RegExp(`^${template.split(/\$\d/).map(escape).join('(.+?)')}$`, 's'),
}));

/** The code and parameters of a warning in its wire form; null for text no template wrote. */
export function readWarning(text: string): CodedWarning | null {
  for (const { code, pattern } of PATTERNS) {
    const match = pattern.exec(text);
    if (match) return { code, params: match.slice(1) };
  }
  return null;
}

/**
 * A warning in the reader's language: `lookup` gives the locale message of warning_<code> with
 * its parameters filled (the extension's i18n, or the CLI's locale file). Text no template wrote
 * (an export from elsewhere) is shown as it is.
 */
export function localiseWarning(text: string, lookup: (key: string, params: string[]) => string | null | undefined): string {
  const coded = readWarning(text);
  if (!coded) return text;
  return lookup(`warning_${coded.code}`, coded.params) || text;
}
