// Scans that would waste minutes: blank pages are found before OCR (by their drawing operators,
// then their pixels), at most --max-ocr-pages pages are OCR'd per file, and a page too large to
// draw is drawn smaller. OCR itself is replaced by a recorder here.
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractFile } from '../../pipeline/extract-file.ts';
import type { OcrPool } from '../../pipeline/load/ocr.ts';
import { MAX_RENDER_PIXELS, renderPdfPages } from '../../pipeline/load/pdf.ts';
import { buildPdf } from './generators.ts';

/** A stand-in for the OCR pool: records the pages it is given and reads a fixed line. */
function recordingPool() {
  const images: Buffer[] = [];
  const pool = { size: 2, recognize: async (png: Buffer) => (images.push(png), { text: '覆盖率达到90%', confidence: 90, seconds: 0 }), terminate: async () => undefined };
  return { images, pool: () => pool as unknown as OcrPool };
}

/** Pages with a filled rectangle (ink) on odd pages, white on even ones; one page a white rectangle. */
const mixed = buildPdf({ pages: 7, content: (p) => (p === 7 ? '1 1 1 rg 0 0 595 842 re f' : p % 2 === 1 ? `0 0 0 rg 100 100 ${p * 40} 200 re f` : '') });

async function write(name: string, bytes: Uint8Array) {
  const dir = await mkdtemp(join(tmpdir(), 'govclip-pages-'));
  await writeFile(join(dir, name), bytes);
  return join(dir, name);
}

describe('pages drawn for OCR', () => {
  it('OCRs only pages with ink, and names the blank ones', async () => {
    const ocr = recordingPool();
    const result = await extractFile(await write('mixed.pdf', mixed), { ocr: 'auto', pool: ocr.pool });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.ocrPages.map((p) => p.page)).toEqual([1, 3, 5]);
    expect(ocr.images).toHaveLength(3);
    expect(result.export.warnings).toContain("blank pages: 4 without text or ink, not OCR'd (pages 2, 4, 6-7)");
  });

  it('OCRs at most --max-ocr-pages pages and lists the rest', async () => {
    const ocr = recordingPool();
    const pages: string[] = [];
    const result = await extractFile(await write('mixed.pdf', mixed), { ocr: 'auto', maxOcrPages: 2, pool: ocr.pool, onPage: (done, of, what) => pages.push(`${what ?? 'page'} ${done}/${of}`) });
    expect(result.ok && result.ocrPages.map((p) => p.page)).toEqual([1, 3]);
    expect(result.ok && result.export.warnings).toContain("OCR page limit: 2 per file (--max-ocr-pages); 2 more skipped (pages 5, 7)");
    // The progress shows the pages read, then the pages drawn for OCR.
    expect(pages).toContain('page 7/7');
    expect(pages).toContain('OCR page 7/7');
  });

  it('draws a 14,400-point page smaller instead of failing', async () => {
    const huge = buildPdf({ pages: 1, width: 14400, height: 14400, content: () => '0 0 0 rg 1000 1000 5000 5000 re f' });
    const sizes: number[] = [];
    const report = await renderPdfPages(huge, [1], 200, async (_, png) => {
      sizes.push(png.readUInt32BE(16) * png.readUInt32BE(20));
    });
    expect(report.scaled).toEqual([1]);
    expect(sizes).toHaveLength(1);
    expect(sizes[0]).toBeLessThanOrEqual(MAX_RENDER_PIXELS);
  });
});
