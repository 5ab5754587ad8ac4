// Files a user may hand GovClip by mistake: each gives one clear line or a warning in the
// export, never a stack trace, and the rest of the batch goes through.
import { mkdtemp, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../pipeline/cli.ts';
import { extractFile } from '../pipeline/extract-file.ts';
import { OcrPool } from '../pipeline/load/ocr.ts';
import { captureIo } from './support/io.ts';

const BAD = join(import.meta.dirname, '..', 'fixtures', 'forms', 'bad');
const GOOD = join(import.meta.dirname, '..', 'fixtures', 'forms', 'pdf', 'seed-003.pdf');
// No test here may start OCR: a pool that is asked for fails the test.
const noOcr = { ocr: 'auto' as const, pool: (): OcrPool => { throw new Error('OCR was not expected'); } };


describe('bad inputs', () => {
  it('reports each bad file in one line and still writes the good ones', { timeout: 60_000 }, async () => {
    const out = await mkdtemp(join(tmpdir(), 'govclip-bad-'));
    const io = captureIo();
    const files = ['truncated.pdf', 'encrypted.pdf', 'zero-pages.pdf', 'not-a-png.png'].map((f) => join(BAD, f));
    const code = await main(['extract', ...files, GOOD, join(BAD, 'not-a-plan.html'), '--out', out, '--ocr', 'never'], io);
    expect(code).toBe(1);
    expect((await readdir(out)).sort()).toEqual(['not-a-plan.json', 'seed-003.json']);
    const messages = io.stderr.map((line) => line.replace(`${BAD}/`, ''));
    expect(messages).toHaveLength(4);
    expect(messages[0]).toMatch(/^govclip: truncated\.pdf: not a readable PDF/);
    expect(messages[1]).toBe('govclip: encrypted.pdf: encrypted PDF: it needs a password, which GovClip does not ask for');
    expect(messages[2]).toMatch(/^govclip: zero-pages\.pdf: (the PDF has no pages|not a readable PDF)/);
    expect(messages[3]).toBe('govclip: not-a-png.png: not a PNG or JPEG image');
    expect(io.stderr.join('\n')).not.toMatch(/\n\s+at /);
  });

  it('reports a damaged image in one line and goes on', { timeout: 120_000 }, async () => {
    const dir = await mkdtemp(join(tmpdir(), 'govclip-img-'));
    const damaged = join(dir, 'damaged.png');
    await writeFile(damaged, Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('garbage'.repeat(100))]));
    const io = captureIo();
    expect(await main(['extract', damaged, GOOD, '--out', dir, '--quiet'], io)).toBe(1);
    expect(io.stderr).toEqual([`govclip: ${damaged}: not a readable image (the image data is damaged)`]);
    expect(await readdir(dir)).toContain('seed-003.json');
  });

  it('warns that a web page is not a plan', async () => {
    const result = await extractFile(join(BAD, 'not-a-plan.html'), noOcr);
    expect(result.ok && result.export.warnings).toEqual(['not a plan: no numbered tasks, responsibility clauses or numeric targets were found']);
  });

  it('says that a scan needs OCR when OCR is turned off', { timeout: 60_000 }, async () => {
    const scan = join(import.meta.dirname, '..', 'fixtures', 'forms', 'scan', 'seed-004.pdf');
    const result = await extractFile(scan, { ...noOcr, ocr: 'never' });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.export.tasks).toEqual([]);
    expect(result.export.warnings[0]).toMatch(/^22 of 22 pages have no text layer and OCR is turned off/);
  });

  it('reads a 300-page PDF page by page with bounded memory', { timeout: 300_000 }, async () => {
    const before = process.memoryUsage().rss;
    let peak = before;
    const result = await extractFile(join(BAD, 'many-pages.pdf'), {
      ...noOcr,
      onPage: () => {
        peak = Math.max(peak, process.memoryUsage().rss);
      },
    });
    expect(result.ok && result.pages).toBe(300);
    // Pages are released as they are read: growth stays far below what 300 held pages would take.
    expect((peak - before) / 1048576).toBeLessThan(400);
  });
});
