// Images are checked before OCR: a damaged PNG or JPEG handed to tesseract prints libpng,
// libjpeg and leptonica lines beside GovClip's own, and a small file may declare a picture of
// billions of pixels. The structure is walked (PNG chunks with their CRCs; JPEG segments up to
// the scan and its end marker); the pixels are left to OCR.
import { crc32 } from 'node:zlib';
import { MAX_IMAGE_PIXELS } from './pdf-guard.ts';

export type ImageCheck = { ok: true; width: number; height: number } | { ok: false; error: string };

const DAMAGED = 'not a readable image (the image data is damaged)';
const tooLarge = (width: number, height: number) => `image too large: ${width} × ${height} pixels (the limit is ${MAX_IMAGE_PIXELS / 1e6} megapixels)`;

function checkPng(bytes: Uint8Array): ImageCheck {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let width = 0;
  let height = 0;
  let sawData = false;
  for (let at = 8; at + 12 <= bytes.length; ) {
    const length = view.getUint32(at);
    const type = String.fromCharCode(...bytes.subarray(at + 4, at + 8));
    const end = at + 12 + length;
    if (end > bytes.length || !/^[A-Za-z]{4}$/.test(type)) return { ok: false, error: DAMAGED };
    if (crc32(bytes.subarray(at + 4, at + 8 + length)) !== view.getUint32(at + 8 + length)) return { ok: false, error: DAMAGED };
    if (at === 8) {
      if (type !== 'IHDR') return { ok: false, error: DAMAGED };
      width = view.getUint32(at + 8);
      height = view.getUint32(at + 12);
      if (width * height > MAX_IMAGE_PIXELS) return { ok: false, error: tooLarge(width, height) };
    }
    if (type === 'IDAT') sawData = true;
    if (type === 'IEND') return sawData && width > 0 && height > 0 ? { ok: true, width, height } : { ok: false, error: DAMAGED };
    at = end;
  }
  return { ok: false, error: DAMAGED };
}

/** Start-of-frame markers (SOF0–SOF15 but DHT, JPG and DAC) carry the picture's size. */
const isFrame = (marker: number) => marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;

function checkJpeg(bytes: Uint8Array): ImageCheck {
  let width = 0;
  let height = 0;
  for (let at = 2; at + 4 <= bytes.length; ) {
    if (bytes[at] !== 0xff) return { ok: false, error: DAMAGED };
    const marker = bytes[at + 1] as number;
    if (marker === 0xff) {
      at++;
      continue;
    }
    const length = ((bytes[at + 2] as number) << 8) | (bytes[at + 3] as number);
    if (length < 2 || at + 2 + length > bytes.length) return { ok: false, error: DAMAGED };
    if (isFrame(marker)) {
      height = ((bytes[at + 5] as number) << 8) | (bytes[at + 6] as number);
      width = ((bytes[at + 7] as number) << 8) | (bytes[at + 8] as number);
      if (width * height > MAX_IMAGE_PIXELS) return { ok: false, error: tooLarge(width, height) };
    }
    if (marker === 0xda) {
      // The scan runs to the end marker; a file cut short has none (trailing bytes after it are common).
      if (width === 0 || height === 0) return { ok: false, error: DAMAGED };
      const tail = bytes.subarray(Math.max(at, bytes.length - 4096));
      for (let i = tail.length - 2; i >= 0; i--) if (tail[i] === 0xff && tail[i + 1] === 0xd9) return { ok: true, width, height };
      return { ok: false, error: DAMAGED };
    }
    at += 2 + length;
  }
  return { ok: false, error: DAMAGED };
}

export function checkImage(bytes: Uint8Array): ImageCheck {
  if (bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47) return checkPng(bytes);
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return checkJpeg(bytes);
  return { ok: false, error: 'not a PNG or JPEG image' };
}
