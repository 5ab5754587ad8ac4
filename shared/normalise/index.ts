// Normalise: raw text → one paragraph per line, characters repaired, furniture dropped,
// tables run together cut into rows and cells, table cells kept apart (one tab between cells),
// broken lines rejoined; every character keeps
// its source offset.
import type { MappedText } from '../mapped-text.ts';
import { normaliseCharacters } from './characters.ts';
import { repairOcr } from './ocr-repairs.ts';
import { dropFurniture } from './furniture.ts';
import { joinBrokenLines } from './join-lines.ts';
import { keepCellGaps } from './cell-gaps.ts';
import { cutRunTogetherTables } from '../tables/run-together.ts';
import { tidySpaces } from './spaces.ts';

export interface NormalisedText extends MappedText {
  /** Furniture lines that were dropped (the metadata reader looks at them). */
  dropped: string[];
}

export interface NormaliseOptions {
  /** The text came from OCR: repair its typical misreadings. */
  ocr?: boolean;
}

export function normaliseText(raw: string, options: NormaliseOptions = {}): NormalisedText {
  const repaired = normaliseCharacters(raw);
  const characters = options.ocr ? repairOcr(repaired) : repaired;
  const { text: withoutFurniture, dropped } = dropFurniture(characters);
  const joined = joinBrokenLines(keepCellGaps(cutRunTogetherTables(withoutFurniture)));
  const tidy = tidySpaces(joined);
  return { ...tidy, dropped };
}
