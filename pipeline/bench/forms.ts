// PDF text extraction next to poppler's pdftotext, and OCR seconds per page next to the native
// tesseract CLI at the same dpi, with both character error rates. The references are measured
// only when installed (Debian poppler-utils, tesseract-ocr, tesseract-ocr-chi-sim).
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { characterErrorRate } from '../eval/cer.ts';
import { OcrPool } from '../load/ocr.ts';
import { readPdf, renderPdfPages } from '../load/pdf.ts';

const FORMS = join(import.meta.dirname, '..', '..', 'fixtures', 'forms');
const OCR_PAGES = [1, 2, 3];
const DPI = 200;

function available(command: string): boolean {
  return spawnSync(command, ['--version'], { stdio: 'ignore' }).status === 0 || spawnSync(command, ['-v'], { stdio: 'ignore' }).status === 0;
}

function seconds(run: () => unknown): number {
  const started = performance.now();
  run();
  return (performance.now() - started) / 1000;
}

async function secondsAsync(run: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await run();
  return (performance.now() - started) / 1000;
}

export async function benchPdf(): Promise<void> {
  const files = readdirSync(join(FORMS, 'pdf')).filter((f) => f.endsWith('.pdf')).sort();
  const poppler = available('pdftotext');
  console.log(`\nPDF text extraction (goal ≤ 1.5× pdftotext)${poppler ? '' : ' — pdftotext not installed: reference skipped (apt-get install poppler-utils)'}`);
  await readPdf(new Uint8Array(readFileSync(join(FORMS, 'pdf', files[0] as string)))); // load pdf.js once
  for (const file of files) {
    const bytes = new Uint8Array(readFileSync(join(FORMS, 'pdf', file)));
    const ours = await secondsAsync(() => readPdf(bytes));
    const reference = poppler ? seconds(() => execFileSync('pdftotext', ['-enc', 'UTF-8', join(FORMS, 'pdf', file), '-'], { maxBuffer: 1 << 26 })) : null;
    const ratio = reference ? ` pdftotext ${reference.toFixed(3)} s  ratio ${(ours / reference).toFixed(2)}×` : '';
    console.log(`  ${file.padEnd(14)} govclip ${ours.toFixed(3)} s${ratio}`);
  }
}

export async function benchOcr(): Promise<void> {
  const scan = join(FORMS, 'scan', 'seed-004.pdf');
  const text = join(FORMS, 'pdf', 'seed-004.pdf');
  const native = available('tesseract') && execFileSync('tesseract', ['--list-langs'], { encoding: 'utf8' }).includes('chi_sim');
  console.log(`\nOCR per page at ${DPI} dpi, pages ${OCR_PAGES.join(', ')} of scan/seed-004.pdf (goal ≤ 1.3× native tesseract at equal or lower CER)`);
  if (!native) console.log('  native tesseract with chi_sim not installed: reference skipped (apt-get install tesseract-ocr tesseract-ocr-chi-sim)');
  const truth = await readPdf(new Uint8Array(readFileSync(text)));
  if (!truth.ok) throw new Error(truth.error);
  const dir = mkdtempSync(join(tmpdir(), 'govclip-bench-'));
  const images: Array<{ page: number; png: Buffer }> = [];
  await renderPdfPages(new Uint8Array(readFileSync(scan)), OCR_PAGES, DPI, async (page, png) => {
    images.push({ page, png });
  });
  // One worker, warmed up, so that per-page time compares with one native process per page.
  const pool = new OcrPool(1);
  await pool.recognize(images[0]?.png as Buffer);
  try {
    for (const { page, png } of images) {
      const reference = truth.reading.pages[page - 1]?.text ?? '';
      const ours = await pool.recognize(png);
      let nativeLine = '';
      if (native) {
        const path = join(dir, `page-${page}.png`);
        writeFileSync(path, png);
        let output = '';
        const time = seconds(() => {
          output = execFileSync('tesseract', [path, '-', '-l', 'chi_sim', '--dpi', String(DPI)], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
        });
        nativeLine = `  native ${time.toFixed(1)} s CER ${characterErrorRate(output, reference).toFixed(3)}  ratio ${(ours.seconds / time).toFixed(2)}×`;
      }
      console.log(`  page ${page}: govclip ${ours.seconds.toFixed(1)} s CER ${characterErrorRate(ours.text, reference).toFixed(3)} conf ${ours.confidence.toFixed(0)}${nativeLine}`);
    }
  } finally {
    await pool.terminate();
  }
}
