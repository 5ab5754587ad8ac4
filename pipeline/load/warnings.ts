// Every warning the loaders put into an export, made in one place: each entry is a coded message
// (shared/messages.ts) filled with its parameters, so the CLI and the extension say it in
// Chinese or English from the locale files.
import { warningText } from '../../shared/messages.ts';

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

/** The English wire form of each; the template (shared/messages.ts) gives its code and its Chinese. */
export const loadWarnings = {
  decodedAs: (encoding: string) => warningText('decodedAs', encoding),
  replacedBytes: (count: number, firstLine: number) => warningText('replacedBytes', count, firstLine),
  mixedEncoding: (lines: number, firstLine: number) => warningText('mixedEncoding', lines, firstLine),
  markupInText: () => warningText('markupInText'),
  deepNesting: (max: number, tags: number) => warningText('deepNesting', max, tags),
  noTextLayer: (pages: readonly number[], of: number) => warningText('noTextLayer', pages.length, of, pageRanges(pages)),
  imageWithoutOcr: () => warningText('imageWithoutOcr'),
  blankPages: (pages: readonly number[]) => warningText('blankPages', pages.length, pageRanges(pages)),
  ocrPageCap: (pages: readonly number[], cap: number) => warningText('ocrPageCap', cap, pages.length, pageRanges(pages)),
  pageScaledDown: (pages: readonly number[], megapixels: number) => warningText('pageScaledDown', pages.length, megapixels, pageRanges(pages)),
  imageTooLarge: (width: number, height: number, megapixels: number) => warningText('imageTooLarge', width, height, megapixels),
} as const;
