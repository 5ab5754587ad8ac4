// Bytes of a .txt file to text: UTF-8 (with or without BOM), UTF-16 (with a BOM, or recognised by
// its zero bytes), or GB18030 (older offices save plans in GBK). A plan with a few damaged bytes,
// or a GBK line pasted into a UTF-8 file, is decoded line by line: what can be read is kept, the
// rest replaced, and a warning says how much and where. Binary files are refused with a reason.
import { loadWarnings } from './warnings.ts';

export type Decoded = { ok: true; text: string; encoding: string; warnings: string[] } | { ok: false; error: string };

const UTF8 = new TextDecoder('utf-8', { fatal: true });
const GB18030 = new TextDecoder('gb18030', { fatal: true });
const UTF8_LOSSY = new TextDecoder('utf-8');
const GB18030_LOSSY = new TextDecoder('gb18030');
const REPLACEMENT = 0xfffd;

/** Control characters other than tab, line feed, form feed and carriage return. */
function controlShare(text: string, countReplacements = true): number {
  if (text.length === 0) return 0;
  let count = 0;
  const sample = text.slice(0, 65536);
  for (let i = 0; i < sample.length; i++) {
    const code = sample.charCodeAt(i);
    if ((code < 32 && code !== 9 && code !== 10 && code !== 12 && code !== 13) || (countReplacements && code === REPLACEMENT)) count++;
  }
  return count / sample.length;
}

/**
 * UTF-16 saved without a BOM (Notepad's "Unicode" minus its mark): every ASCII character (digits,
 * line breaks) has a zero high byte, so zeros sit on one parity. Chinese has few (一 is U+4E00),
 * so a few per cent on one side and none on the other is enough.
 */
export function sniffUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const sample = bytes.subarray(0, Math.min(bytes.length, 8192) & ~1);
  if (sample.length < 4) return null;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < sample.length; i += 2) {
    if (sample[i] === 0) even++;
    if (sample[i + 1] === 0) odd++;
  }
  const pairs = sample.length / 2;
  if (odd >= pairs * 0.02 && even * 4 <= odd) return 'utf-16le';
  if (even >= pairs * 0.02 && odd * 4 <= even) return 'utf-16be';
  return null;
}

/** The BOM's encoding and length, if the bytes start with one. */
export function bomOf(bytes: Uint8Array): { encoding: 'utf-8' | 'utf-16le' | 'utf-16be'; length: number } | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', length: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', length: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', length: 2 };
  return null;
}

function countReplacements(text: string): number {
  let count = 0;
  for (let i = text.indexOf('\ufffd'); i !== -1; i = text.indexOf('\ufffd', i + 1)) count++;
  return count;
}

function nonAscii(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7f && text.charCodeAt(i) !== REPLACEMENT) count++;
  return count;
}

/**
 * Line by line, for a file neither encoding reads whole: a line that is mostly good UTF-8 keeps
 * UTF-8 (its damaged bytes become U+FFFD); a line that UTF-8 cannot read but GB18030 can is a
 * GBK line pasted in.
 */
function decodeByLine(bytes: Uint8Array): { text: string; replaced: number; firstReplaced: number | null; gbkLines: number; firstGbkLine: number | null } {
  const parts: string[] = [];
  let replaced = 0;
  let firstReplaced: number | null = null;
  let gbkLines = 0;
  let firstGbkLine: number | null = null;
  let line = 1;
  for (let start = 0; start < bytes.length; line++) {
    const newline = bytes.indexOf(0x0a, start);
    const end = newline === -1 ? bytes.length : newline + 1;
    const slice = bytes.subarray(start, end);
    start = end;
    let decoded: string;
    try {
      decoded = UTF8.decode(slice);
    } catch {
      const asUtf8 = UTF8_LOSSY.decode(slice);
      const bad = countReplacements(asUtf8);
      let asGbk: string | null = null;
      if (bad > nonAscii(asUtf8)) {
        try {
          asGbk = GB18030.decode(slice);
        } catch {
          const lossy = GB18030_LOSSY.decode(slice);
          if (countReplacements(lossy) < bad) asGbk = lossy;
        }
      }
      if (asGbk !== null) {
        gbkLines++;
        firstGbkLine ??= line;
        decoded = asGbk;
      } else {
        decoded = asUtf8;
      }
      const lineReplaced = countReplacements(decoded);
      if (lineReplaced > 0) firstReplaced ??= line;
      replaced += lineReplaced;
    }
    parts.push(decoded);
  }
  return { text: parts.join(''), replaced, firstReplaced, gbkLines, firstGbkLine };
}

export function decodeText(bytes: Uint8Array): Decoded {
  const bom = bomOf(bytes);
  const utf16 = bom && bom.encoding !== 'utf-8' ? bom.encoding : sniffUtf16(bytes);
  if (utf16) {
    const text = new TextDecoder(utf16).decode(bytes.subarray(bom?.length ?? 0));
    if (controlShare(text) > 0.01) return { ok: false, error: 'binary file (control characters), not plain text' };
    return { ok: true, text, encoding: utf16, warnings: [] };
  }
  if (bytes.subarray(0, 8192).includes(0)) return { ok: false, error: 'binary file (contains NUL bytes), not plain text' };
  for (const [decoder, encoding] of [[UTF8, 'utf-8'], [GB18030, 'gb18030']] as const) {
    try {
      const text = decoder.decode(bytes).replace(/^\ufeff/, '');
      if (controlShare(text) > 0.01) return { ok: false, error: 'binary file (control characters), not plain text' };
      return { ok: true, text, encoding, warnings: [] };
    } catch {
      // not this encoding: try the next
    }
  }
  const mixed = decodeByLine(bytes);
  const text = mixed.text.replace(/^\ufeff/, '');
  // More than a few damaged characters per hundred is not a damaged text file but something else.
  if (controlShare(text, false) > 0.01 || mixed.replaced > Math.max(8, text.length * 0.02)) return { ok: false, error: 'not a text file in UTF-8, UTF-16 or GB18030' };
  const warnings: string[] = [];
  if (mixed.gbkLines > 0) warnings.push(loadWarnings.mixedEncoding(mixed.gbkLines, mixed.firstGbkLine as number));
  if (mixed.replaced > 0) warnings.push(loadWarnings.replacedBytes(mixed.replaced, mixed.firstReplaced as number));
  return { ok: true, text, encoding: 'utf-8', warnings };
}
