// Decompression bombs, before pdf.js sees the file: a few kilobytes of PDF can inflate to
// gigabytes (a content stream of 400 MB, one image of 60,000 × 60,000 pixels). Each compressed
// stream that is not an image is inflated here in pieces, counting, and given up on past a limit;
// images are judged by the size their dictionary declares (pdf.js itself skips drawing larger
// ones: maxImageSize in pdf.ts).
import { Unzlib } from 'fflate';

/** No content stream, font or object stream of a real plan comes near this. */
export const MAX_INFLATED_STREAM_BYTES = 64 * 1024 * 1024;
/** Larger images are not drawn: a 600-dpi A4 scan is 35 megapixels. */
export const MAX_IMAGE_PIXELS = 50_000_000;

export interface PdfGuard {
  /** A stream that inflates past MAX_INFLATED_STREAM_BYTES. */
  bomb: boolean;
  /** Images declared larger than MAX_IMAGE_PIXELS. */
  largeImages: Array<{ width: number; height: number }>;
}

/** Inflates `data` in slices; null as soon as the output passes `limit` bytes. */
function inflateCapped(data: Uint8Array, limit: number): Uint8Array | null {
  const chunks: Uint8Array[] = [];
  let total = 0;
  const inflater = new Unzlib((chunk) => {
    total += chunk.length;
    if (total <= limit) chunks.push(chunk);
  });
  try {
    for (let at = 0; at < data.length && total <= limit; at += 16384) inflater.push(data.subarray(at, Math.min(data.length, at + 16384)), at + 16384 >= data.length);
  } catch {
    // Damaged data: pdf.js reports what it cannot read.
  }
  if (total > limit) return null;
  const out = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

/** Whether data compressed `levels` times over inflates past `limit` at any level. */
function inflatesPast(data: Uint8Array, levels: number, limit: number): boolean {
  let current = data;
  for (let level = 0; level < levels; level++) {
    // Deflate compresses at most about 1:1032: a stream too short to pass the limit is not inflated.
    if (current.length * 1032 ** (levels - level) <= limit) return false;
    const next = inflateCapped(current, limit);
    if (next === null) return true;
    current = next;
  }
  return false;
}

export function guardPdf(bytes: Uint8Array): PdfGuard {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('latin1');
  const largeImages: PdfGuard['largeImages'] = [];
  let bomb = false;
  const STREAM = /stream\r?\n/g;
  for (let match = STREAM.exec(text); match && !bomb; match = STREAM.exec(text)) {
    if (text.slice(match.index - 3, match.index) === 'end') continue;
    // The stream's dictionary: back to the object it belongs to.
    const objectStart = text.lastIndexOf(' obj', match.index);
    const dict = text.slice(Math.max(objectStart, match.index - 4096), match.index);
    const start = match.index + match[0].length;
    const end = text.indexOf('endstream', start);
    STREAM.lastIndex = end === -1 ? text.length : end + 9;
    if (/\/Subtype\s*\/Image/.test(dict)) {
      const width = Number(/\/Width\s+(\d+)/.exec(dict)?.[1] ?? 0);
      const height = Number(/\/Height\s+(\d+)/.exec(dict)?.[1] ?? 0);
      if (width * height > MAX_IMAGE_PIXELS) largeImages.push({ width, height });
      continue;
    }
    // [/FlateDecode /FlateDecode]: 2 KB can hold 400 MB when compressed twice.
    const levels = dict.match(/\/FlateDecode|\/Fl\b/g)?.length ?? 0;
    if (levels === 0) continue;
    bomb = inflatesPast(bytes.subarray(start, end === -1 ? bytes.length : end), levels, MAX_INFLATED_STREAM_BYTES);
  }
  return { bomb, largeImages };
}
