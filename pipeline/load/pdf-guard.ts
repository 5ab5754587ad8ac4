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
  // Searched as bytes: a 256 MB PDF is not copied into a string.
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
  const largeImages: PdfGuard['largeImages'] = [];
  for (let at = buffer.indexOf('stream'); at !== -1; at = buffer.indexOf('stream', at + 6)) {
    if (at >= 3 && buffer.toString('latin1', at - 3, at) === 'end') continue;
    let start = at + 6;
    if (buffer[start] === 0x0d) start++;
    if (buffer[start] !== 0x0a) continue;
    start++;
    // The stream's dictionary: back to the object it belongs to.
    const objectStart = buffer.lastIndexOf(' obj', at);
    const dict = buffer.toString('latin1', Math.max(objectStart, at - 4096, 0), at);
    const end = buffer.indexOf('endstream', start);
    const data = bytes.subarray(start, end === -1 ? bytes.length : end);
    if (end !== -1) at = end + 3;
    if (/\/Subtype\s*\/Image/.test(dict)) {
      const width = Number(/\/Width\s+(\d+)/.exec(dict)?.[1] ?? 0);
      const height = Number(/\/Height\s+(\d+)/.exec(dict)?.[1] ?? 0);
      if (width * height > MAX_IMAGE_PIXELS) largeImages.push({ width, height });
      continue;
    }
    // [/FlateDecode /FlateDecode]: 2 KB can hold 400 MB when compressed twice.
    const levels = dict.match(/\/FlateDecode|\/Fl\b/g)?.length ?? 0;
    if (levels > 0 && inflatesPast(data, levels, MAX_INFLATED_STREAM_BYTES)) return { bomb: true, largeImages };
  }
  return { bomb: false, largeImages };
}
