// Small files that used to cost minutes or gigabytes: 2,000 blank pages with OCR on, a content
// stream that inflates to 400 MB (twice compressed: 2 KB), an image of 60,000 × 60,000 pixels.
// Each runs in its own process so that its peak memory can be measured. Slow: `npm run test:robustness`.
import { spawnSync } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { zlibSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { buildPdf } from './generators.ts';

const SLOW = process.env.GOVCLIP_SLOW === '1';
const ROOT = join(import.meta.dirname, '..', '..');
const MB = 1024 * 1024;

/** Runs `govclip extract FILE --quiet` in a child process: its output, exit code, peak memory and seconds. */
function extractInChild(file: string) {
  const script = `
    const { main } = await import(${JSON.stringify(join(ROOT, 'pipeline', 'cli.ts'))});
    const out = [], err = [];
    const code = await main(['extract', ${JSON.stringify(file)}, '--quiet'], { out: (t) => out.push(t), err: (t) => err.push(t) });
    process.stdout.write(JSON.stringify({ code, out: out.join('\\n'), err, peak: process.resourceUsage().maxRSS * 1024 }));
    process.exit(0);`;
  const started = performance.now();
  const child = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: ROOT, encoding: 'utf8', timeout: 180_000 });
  if (child.status !== 0) throw new Error(child.stderr);
  return { ...(JSON.parse(child.stdout) as { code: number; out: string; err: string[]; peak: number }), seconds: (performance.now() - started) / 1000 };
}

async function write(name: string, bytes: Uint8Array) {
  const dir = await mkdtemp(join(tmpdir(), 'govclip-bomb-'));
  await writeFile(join(dir, name), bytes);
  return join(dir, name);
}

describe.runIf(SLOW)('PDFs built to exhaust', () => {
  it('2,000 blank pages with OCR on: no page OCR\'d, done in well under a minute', { timeout: 200_000 }, async () => {
    const file = await write('blank.pdf', buildPdf({ pages: 2000 }));
    const run = extractInChild(file);
    expect(run.code).toBe(0);
    expect(run.out).toContain("warning: blank pages: 2000 without text or ink, not OCR'd (pages 1-2000)");
    expect(run.seconds).toBeLessThan(60);
  });

  it('a content stream inflating to 400 MB is refused in one line, under 1 GB', { timeout: 200_000 }, async () => {
    const twice = zlibSync(zlibSync(new Uint8Array(400 * MB).fill(0x20)));
    const file = await write('content-bomb.pdf', buildPdf({ pages: 1, content: () => twice, filters: '[/FlateDecode /FlateDecode]' }));
    const run = extractInChild(file);
    expect(run.code).toBe(1);
    expect(run.err).toEqual([`govclip: ${file}: refused: a compressed stream inflates past 64 MB (a decompression bomb, or a damaged file)`]);
    expect(run.peak).toBeLessThan(1024 * MB);
  });

  it('an image of 60,000 × 60,000 pixels is not drawn, with a warning, under 1 GB', { timeout: 200_000 }, async () => {
    const image = zlibSync(new Uint8Array(32 * MB));
    const file = await write('image-bomb.pdf', buildPdf({
      pages: 1,
      xobjects: '/XObject << /Im1 3 0 R >>',
      content: () => 'q 500 0 0 700 50 50 cm /Im1 Do Q',
      extra: [{ dict: '<< /Type /XObject /Subtype /Image /Width 60000 /Height 60000 /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode /Length LENGTH >>', data: image }],
    }));
    const run = extractInChild(file);
    expect(run.code).toBe(0);
    expect(run.out).toContain('warning: image too large: an image of 60000 × 60000 pixels was not drawn (the limit is 50 megapixels)');
    expect(run.peak).toBeLessThan(1024 * MB);
  });
});
