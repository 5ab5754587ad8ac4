// Images are checked before OCR: a damaged or truncated PNG/JPEG is one line of GovClip's own
// (not libpng and leptonica lines from inside OCR), and a picture declared billions of pixels
// large is refused before anything decodes it.
import { crc32 } from 'node:zlib';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCanvas } from '@napi-rs/canvas';
import { describe, expect, it } from 'vitest';
import { extractFile } from '../../pipeline/extract-file.ts';
import { checkImage } from '../../pipeline/load/image-check.ts';
import type { OcrPool } from '../../pipeline/load/ocr.ts';

const noOcr = { ocr: 'auto' as const, pool: (): OcrPool => { throw new Error('OCR was not expected'); } };

function drawn(type: 'image/png' | 'image/jpeg'): Uint8Array {
  const canvas = createCanvas(120, 80);
  const context = canvas.getContext('2d');
  context.fillStyle = '#fff';
  context.fillRect(0, 0, 120, 80);
  context.fillStyle = '#000';
  context.fillText('覆盖率达到90%', 5, 40);
  return new Uint8Array(type === 'image/png' ? canvas.toBuffer('image/png') : canvas.toBuffer('image/jpeg'));
}

/** A PNG whose header declares `width` × `height` pixels, with a valid CRC. */
function pngDeclaring(width: number, height: number): Uint8Array {
  const png = Buffer.from(drawn('image/png'));
  png.writeUInt32BE(width, 16);
  png.writeUInt32BE(height, 20);
  png.writeUInt32BE(crc32(png.subarray(12, 29)), 29);
  return new Uint8Array(png);
}

describe('image checks', () => {
  it('accepts whole PNG and JPEG files', () => {
    expect(checkImage(drawn('image/png'))).toEqual({ ok: true, width: 120, height: 80 });
    expect(checkImage(drawn('image/jpeg'))).toEqual({ ok: true, width: 120, height: 80 });
  });

  it('calls a truncated or altered file damaged', () => {
    const png = drawn('image/png');
    const jpeg = drawn('image/jpeg');
    const flipped = png.slice();
    flipped[60] = (flipped[60] as number) ^ 0xff;
    for (const bytes of [png.subarray(0, png.length - 30), flipped, jpeg.subarray(0, jpeg.length - 40)]) {
      expect(checkImage(bytes)).toEqual({ ok: false, error: 'not a readable image (the image data is damaged)' });
    }
  });

  it('refuses a picture declared larger than 50 megapixels', () => {
    expect(checkImage(pngDeclaring(60000, 60000))).toEqual({ ok: false, error: 'image too large: 60000 × 60000 pixels (the limit is 50 megapixels)' });
  });

  it('gives one line for a damaged image, before OCR starts', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'govclip-image-'));
    const file = join(dir, 'scan.jpg');
    const jpeg = drawn('image/jpeg');
    await writeFile(file, jpeg.subarray(0, jpeg.length / 2));
    expect(await extractFile(file, noOcr)).toMatchObject({ ok: false, error: 'not a readable image (the image data is damaged)' });
  });
});
