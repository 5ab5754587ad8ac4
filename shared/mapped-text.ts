// Text that remembers where each of its characters came from, so that every stage can
// rewrite the text while spans still point back into the source (for highlighting).

export interface MappedText {
  readonly text: string;
  /** origin[i] is the source offset (UTF-16 index) of text[i]. */
  readonly origin: readonly number[];
}

export function identity(text: string): MappedText {
  return { text, origin: Array.from({ length: text.length }, (_, i) => i) };
}

export function slice(m: MappedText, start: number, end = m.text.length): MappedText {
  return { text: m.text.slice(start, end), origin: m.origin.slice(start, end) };
}

/** A piece of text that is not in the source (a separator); it borrows the origin `at`. */
export function inserted(text: string, at: number): MappedText {
  return { text, origin: Array.from({ length: text.length }, () => at) };
}

export function concat(parts: readonly MappedText[]): MappedText {
  let text = '';
  const origin: number[] = [];
  for (const part of parts) {
    text += part.text;
    for (const o of part.origin) origin.push(o);
  }
  return { text, origin };
}

export interface LineSlice {
  start: number;
  end: number;
}

/** Offsets of each line (without its line break). */
/** A line of a text with its offsets. */
export interface TextLine extends LineSlice {
  text: string;
}

/** The lines of a text with their offsets and their text. */
export function textLines(text: string): TextLine[] {
  return lineSlices(text).map(({ start, end }) => ({ start, end, text: text.slice(start, end) }));
}

export function lineSlices(text: string): LineSlice[] {
  const lines: LineSlice[] = [];
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i === text.length || text.charCodeAt(i) === 10) {
      lines.push({ start, end: i });
      start = i + 1;
    }
  }
  return lines;
}
