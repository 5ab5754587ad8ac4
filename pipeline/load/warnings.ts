// Every warning the loaders put into an export, made in one place: each entry is a stable key
// (a future message code) and a function of its parameters, so the wording can be localised
// without hunting through the backends.

/** Page numbers as ranges: 1-3, 7, 9-12 (a 2,000-page list would not fit a line). */
export function pageRanges(pages: readonly number[]): string {
  const sorted = [...pages].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && (sorted[j + 1] as number) === (sorted[j] as number) + 1) j++;
    parts.push(i === j ? String(sorted[i]) : `${sorted[i]}-${sorted[j]}`);
    i = j + 1;
  }
  return parts.join(', ');
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

export const loadWarnings = {
  decodedAs: (encoding: string) => `decoded as ${encoding}`,
  replacedBytes: (count: number, firstLine: number) => `undecodable bytes: ${plural(count, 'character')} replaced with �, the first on line ${firstLine}`,
  mixedEncoding: (lines: number, firstLine: number) => `mixed encodings: ${plural(lines, 'line')} decoded as gb18030 inside a UTF-8 file, the first is line ${firstLine}`,
  markupInText: () => 'read as HTML: the text file holds a web page',
  deepNesting: (max: number, tags: number) => `deep nesting: the page nests elements more than ${max} levels deep; ${plural(tags, 'tag')} below that were dropped, their text kept`,
  noTextLayer: (pages: readonly number[], of: number) => `${pages.length} of ${of} pages have no text layer and OCR is turned off (pages ${pageRanges(pages)})`,
  imageWithoutOcr: () => 'an image has no text without OCR, and OCR is turned off',
  blankPages: (pages: readonly number[]) => `blank pages: ${plural(pages.length, 'page')} without text or ink, not OCR'd (pages ${pageRanges(pages)})`,
  ocrPageCap: (pages: readonly number[], cap: number) => `OCR page limit: only ${cap} pages are OCR'd per file (--max-ocr-pages); ${plural(pages.length, 'page')} skipped (pages ${pageRanges(pages)})`,
  pageScaledDown: (pages: readonly number[], megapixels: number) => `page too large: ${plural(pages.length, 'page')} drawn for OCR below the usual resolution, to stay within ${megapixels} megapixels (pages ${pageRanges(pages)})`,
  imageTooLarge: (width: number, height: number, megapixels: number) => `image too large: an image of ${width} × ${height} pixels was not drawn (the limit is ${megapixels} megapixels)`,
} as const;
