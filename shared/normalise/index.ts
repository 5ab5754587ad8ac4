// Normalise: raw text → one paragraph per line, characters repaired, furniture dropped,
// broken lines rejoined; every character keeps its source offset.
import type { MappedText } from '../mapped-text.ts';
import { normaliseCharacters } from './characters.ts';
import { dropFurniture } from './furniture.ts';
import { joinBrokenLines } from './join-lines.ts';
import { tidySpaces } from './spaces.ts';

export interface NormalisedText extends MappedText {
  /** Furniture lines that were dropped (the metadata reader looks at them). */
  dropped: string[];
}

export function normaliseText(raw: string): NormalisedText {
  const characters = normaliseCharacters(raw);
  const { text: withoutFurniture, dropped } = dropFurniture(characters);
  const joined = joinBrokenLines(withoutFurniture);
  const tidy = tidySpaces(joined);
  return { ...tidy, dropped };
}
