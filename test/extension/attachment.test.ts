// The attachment page's logic, run in Node: fetching, the text layer read with pdf.js's legacy
// build (the page injects the modern one), the OCR decision and page assembly with a stand-in
// recogniser, and that all of it gives what the pipeline gives for the same PDF.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { PACKAGED_ASSETS } from '../../extension/lib/attachment/asset-layout.ts';
import { assetUrlsFrom } from '../../extension/lib/attachment/assets.ts';
import { extractAttachment, type AttachmentDeps, type Progress } from '../../extension/lib/attachment/extract-attachment.ts';
import { fetchPdf, looksLikePdf, parsePdfUrl } from '../../extension/lib/attachment/fetch-pdf.ts';
import { ocrPages, pagesNeedingOcr, renderScale, type Recognizer } from '../../extension/lib/attachment/ocr-pages.ts';
import { progressView } from '../../extension/lib/attachment/progress.ts';
import { openPdfDocument, readTextLayer, type PdfJsLike, type PdfPageLike } from '../../extension/lib/attachment/read-pdf.ts';
import { recognizerCount } from '../../extension/lib/attachment/tesseract.ts';
import { extractFile } from '../../pipeline/extract-file.ts';
import * as pipelinePdf from '../../pipeline/load/pdf.ts';
import type { OcrPool } from '../../pipeline/load/ocr.ts';
import * as sharedLines from '../../shared/pdf/lines.ts';
import { ocrConfidenceWarnings, pageTextsWithOcr } from '../../shared/pdf/pages.ts';

const require = createRequire(import.meta.url);
const PDFJS_DIR = dirname(require.resolve('pdfjs-dist/package.json'));
const TEXT_PDF = 'fixtures/forms/pdf/seed-001.pdf';
const SCAN_PDF = 'fixtures/forms/scan/seed-002.pdf';
const SCAN_TEXT_PDF = 'fixtures/forms/pdf/seed-002.pdf';
const bytesOf = (path: string) => new Uint8Array(readFileSync(path));

let pdfjs: PdfJsLike;
// In Node, pdf.js takes file paths for its data (as the pipeline gives them).
const urls = { cMapUrl: `${join(PDFJS_DIR, 'cmaps')}/`, standardFontDataUrl: `${join(PDFJS_DIR, 'standard_fonts')}/` };

beforeAll(async () => {
  const module = await import('pdfjs-dist/legacy/build/pdf.mjs');
  module.GlobalWorkerOptions.workerSrc = pathToFileURL(join(PDFJS_DIR, 'legacy', 'build', 'pdf.worker.mjs')).href;
  pdfjs = module;
});

/** Stands in for the canvas: OCR is faked, so only the page number matters. */
const fakeRender = async (page: PdfPageLike) => ({ pageNumber: (page as unknown as { pageNumber: number }).pageNumber, width: 1, height: 1 }) as unknown as HTMLCanvasElement;

/**
 * What tesseract makes of a page of seed-002: the text, a running title read a little
 * differently on each page, a page number read as odd characters, and the misreadings the
 * repairs exist for (≥ as 之, a clause bracket as a letter).
 */
function ocrLike(text: string, page: number): string {
  const title = page % 2 === 0 ? '襄阳市创建全国文明城市三年行动计划' : '裹阳市创建全国文明城市三年行动计划';
  const body = text.replace(/≥/g, '之');
  return `${title}\n${body}\n一 ${page} 一`;
}

describe('the PDF code shared with the pipeline', () => {
  it('is the very same functions in pipeline/load/pdf.ts and shared/pdf/', () => {
    expect(pipelinePdf.linesFromItems).toBe(sharedLines.linesFromItems);
    expect(pipelinePdf.dropRunningLines).toBe(sharedLines.dropRunningLines);
    expect(pipelinePdf.dropPageNumberLines).toBe(sharedLines.dropPageNumberLines);
    expect(pipelinePdf.MIN_PAGE_CHARACTERS).toBe(20);
  });

  it('reads a text-layer PDF to the same pages as the pipeline', async () => {
    const opened = await openPdfDocument(pdfjs, bytesOf(TEXT_PDF), urls);
    if (!opened.ok) throw new Error(opened.error);
    const pages: number[] = [];
    const read = await readTextLayer(opened.document, (page) => pages.push(page));
    await opened.document.destroy();
    const reference = await pipelinePdf.readPdf(bytesOf(TEXT_PDF));
    if (!read.ok || !reference.ok) throw new Error('unreadable fixture');
    expect(read.reading).toEqual(reference.reading);
    expect(pages).toEqual(reference.reading.pages.map((p) => p.number));
    expect(pagesNeedingOcr(read.reading)).toEqual([]);
  });

  it('finds every page of a scan without a text layer', async () => {
    const opened = await openPdfDocument(pdfjs, bytesOf(SCAN_PDF), urls);
    if (!opened.ok) throw new Error(opened.error);
    const read = await readTextLayer(opened.document);
    await opened.document.destroy();
    if (!read.ok) throw new Error(read.error);
    expect(read.reading.pages).toHaveLength(26);
    expect(pagesNeedingOcr(read.reading)).toEqual(Array.from({ length: 26 }, (_, i) => i + 1));
  });

  it('says in one line what is wrong with a file that is not a PDF', async () => {
    const opened = await openPdfDocument(pdfjs, new TextEncoder().encode('%PDF-1.7\nnot really'), urls);
    expect(opened).toMatchObject({ ok: false });
    if (!opened.ok) expect(opened.error).toMatch(/^(not a readable PDF|cannot read the PDF)/);
  });
});

describe('extracting an attachment', () => {
  it('gives a text-layer PDF the pipeline export, with the attachment as its source, and starts no OCR', async () => {
    const reference = await extractFile(TEXT_PDF, { ocr: 'auto', pool: () => { throw new Error('no OCR expected'); } });
    if (!reference.ok) throw new Error(reference.error);
    const progress: Progress[] = [];
    const deps: AttachmentDeps = { pdfjs, urls, startRecognizers: () => { throw new Error('no OCR expected'); } };
    const result = await extractAttachment(bytesOf(TEXT_PDF), 'http://www.example.gov.cn/files/plan.pdf', deps, (p) => progress.push(p));
    if (!result.ok) throw new Error(result.error);
    const exp = result.reading.export;
    expect(exp.document.source).toEqual({ kind: 'pdf', url: 'http://www.example.gov.cn/files/plan.pdf', file: null });
    expect(exp.document.id).toBe(reference.export.document.id);
    expect(exp.document.text).toBe(reference.export.document.text);
    expect(exp.tasks).toEqual(reference.export.tasks);
    expect(exp.targets).toEqual(reference.export.targets);
    expect(exp.targets).toHaveLength(19);
    expect(progress.filter((p) => p.stage === 'read')).toHaveLength(result.reading.pages);
    expect(progress.at(-1)).toEqual({ stage: 'extract' });
  });

  it('OCRs a scan and assembles its pages as the pipeline does, repairs and warnings included', async () => {
    const textLayer = await pipelinePdf.readPdf(bytesOf(SCAN_TEXT_PDF));
    if (!textLayer.ok) throw new Error(textLayer.error);
    const truth = new Map(textLayer.reading.pages.map((p) => [p.number, p.text]));
    const confidence = (page: number) => (page === 3 ? 61.4 : 88);
    const recognizer: Recognizer = {
      recognize: async (canvas) => {
        const page = (canvas as unknown as { pageNumber: number }).pageNumber;
        return { text: ocrLike(truth.get(page) ?? '', page), confidence: confidence(page) };
      },
      terminate: async () => undefined,
    };
    const result = await extractAttachment(bytesOf(SCAN_PDF), 'http://www.example.gov.cn/scan.pdf', { pdfjs, urls, startRecognizers: async () => [recognizer], render: fakeRender });
    if (!result.ok) throw new Error(result.error);

    // The pipeline over the same file, its OCR pool answering the same, page by page in order.
    let next = 0;
    const pool = { size: 1, recognize: async () => { next++; return { text: ocrLike(truth.get(next) ?? '', next), confidence: confidence(next), seconds: 0 }; } } as unknown as OcrPool;
    const reference = await extractFile(SCAN_PDF, { ocr: 'auto', pool: () => pool });
    if (!reference.ok) throw new Error(reference.error);

    const exp = result.reading.export;
    expect(result.reading.ocrPages.map((p) => p.page)).toEqual(Array.from({ length: 26 }, (_, i) => i + 1));
    expect(exp.document.text).toBe(reference.export.document.text);
    expect(exp.targets).toEqual(reference.export.targets);
    expect(exp.warnings).toEqual(['page 3: OCR confidence 61%']);
    expect(exp.targets.length).toBeGreaterThanOrEqual(40);
    // The running title stays only where it opens the document, the page numbers are gone, and
    // 之 after a measure is ≥ again.
    expect(exp.document.text.match(/裹阳市创建全国文明城市三年行动计划/g)).toHaveLength(1);
    expect(exp.document.text).not.toMatch(/一 ?\d+ ?一/);
    expect(exp.targets.some((t) => t.op === '>=')).toBe(true);
  }, 120_000);

  it('keeps the text pages and says which were not read when OCR cannot start', async () => {
    const result = await extractAttachment(bytesOf(SCAN_PDF), 'http://x.gov.cn/a.pdf', { pdfjs, urls, startRecognizers: async () => { throw new Error('OCR could not start: no wasm'); }, render: fakeRender });
    if (!result.ok) throw new Error(result.error);
    expect(result.reading.export.warnings[0]).toMatch(/^OCR failed, pages 1, 2, 3, .* were not read: OCR could not start: no wasm$/);
    expect(result.reading.export.warnings).toContain('empty document: no text to extract from');
  });
});

describe('page assembly and OCR warnings', () => {
  const page = (number: number, text: string) => ({ number, text, characters: text.replace(/\s+/g, '').length });

  it('leaves text-layer pages alone and cleans OCR pages of running titles and page numbers', () => {
    const pages = [page(1, '会宁县创建方案\n一、总体要求'), page(2, ''), page(3, ''), page(4, '')];
    expect(pageTextsWithOcr(pages, new Map())).toEqual(['会宁县创建方案\n一、总体要求', '', '', '']);
    const ocr = new Map([
      [2, '会宁县文明城市创建工作实施方案\n1.政务环境提升。\n二玉生'],
      [3, '会宁县文明城市创建工作实施方宰\n2.法治环境提升。\nRE'],
      [4, '会宁县文明城市创建工作实施方案\n3.人文环境提升。\n一5 一'],
    ]);
    expect(pageTextsWithOcr(pages, ocr)).toEqual(['会宁县创建方案\n一、总体要求', '1.政务环境提升。', '2.法治环境提升。', '3.人文环境提升。']);
  });

  it('warns, page by page, under 80% confidence, worded as the pipeline does', () => {
    expect(ocrConfidenceWarnings([{ page: 5, confidence: 79.6 }, { page: 2, confidence: 61.2 }, { page: 3, confidence: 80 }])).toEqual(['page 2: OCR confidence 61%', 'page 5: OCR confidence 80%']);
  });

  it('reads pages with as many recognisers as there are, in page order, and stops on a failure', async () => {
    const document = { numPages: 5, getPage: async (n: number) => ({ pageNumber: n, cleanup: () => true }) as unknown as PdfPageLike, destroy: async () => undefined };
    const slow = (name: string): Recognizer => ({
      recognize: async (canvas) => {
        await new Promise((r) => setTimeout(r, 5));
        return { text: `${name}:${(canvas as unknown as { pageNumber: number }).pageNumber}`, confidence: 90 };
      },
      terminate: async () => undefined,
    });
    const events: string[] = [];
    const results = await ocrPages({ document, pages: [1, 3, 4, 5], recognizers: [slow('a'), slow('b')], render: fakeRender, onPage: (e) => events.push(`${e.phase}${e.page}`) });
    expect(results.map((r) => r.page)).toEqual([1, 3, 4, 5]);
    expect(new Set(results.map((r) => r.text.split(':')[0]))).toEqual(new Set(['a', 'b']));
    expect(events.filter((e) => e.startsWith('done'))).toHaveLength(4);

    let reads = 0;
    const failing: Recognizer = { recognize: async () => { reads++; throw new Error('worker died'); }, terminate: async () => undefined };
    await expect(ocrPages({ document, pages: [1, 2, 3, 4], recognizers: [failing], render: fakeRender })).rejects.toThrow('worker died');
    expect(reads).toBe(1);
  });

  it('draws at 200 dpi, smaller for pages beyond the canvas limit', () => {
    expect(renderScale(595, 842)).toBeCloseTo(200 / 72, 10);
    const poster = renderScale(2384, 3370);
    expect(2384 * poster * 3370 * poster).toBeLessThanOrEqual(40_000_001);
    expect(recognizerCount(2)).toBe(1);
    expect(recognizerCount(8)).toBe(2);
    expect(recognizerCount(undefined)).toBe(1);
  });

  it('shows page n of N while reading and OCR', () => {
    expect(progressView({ stage: 'read', page: 3, of: 12 })).toEqual({ stage: 'reading', key: 'attachmentReading', substitutions: [3, 12], value: 3, max: 12 });
    expect(progressView({ stage: 'ocr', page: 7, done: 1, of: 3 })).toMatchObject({ stage: 'ocr', key: 'attachmentOcrPage', substitutions: [7, 2, 3], value: 1.5, max: 3 });
    expect(progressView({ stage: 'fetch' }).value).toBeNull();
  });
});

describe('fetching', () => {
  const pdf = bytesOf(TEXT_PDF);
  const answer = (body: BodyInit | null, init: ResponseInit) => (async () => new Response(body, init)) as unknown as typeof fetch;

  it('takes only http(s) addresses', () => {
    expect(parsePdfUrl('https://www.gov.cn/附件1.pdf')).toEqual({ ok: true, url: 'https://www.gov.cn/%E9%99%84%E4%BB%B61.pdf' });
    expect(parsePdfUrl(null)).toMatchObject({ ok: false });
    expect(parsePdfUrl('javascript:alert(1)')).toMatchObject({ ok: false, error: expect.stringMatching(/^only http and https/) });
    expect(parsePdfUrl('not a url')).toMatchObject({ ok: false, error: 'not a valid address: not a url' });
  });

  it('returns the bytes of a PDF', async () => {
    const fetched = await fetchPdf('http://127.0.0.1/a.pdf', answer(pdf, { status: 200, headers: { 'content-type': 'application/pdf' } }));
    expect(fetched.ok && fetched.bytes.length).toBe(pdf.length);
  });

  it('says cannot fetch for HTTP errors and network failures', async () => {
    expect(await fetchPdf('http://127.0.0.1/a.pdf', answer('gone', { status: 404, statusText: 'Not Found' }))).toEqual({ ok: false, error: 'cannot fetch: HTTP 404 Not Found' });
    const refused = (async () => { throw new TypeError('Failed to fetch'); }) as unknown as typeof fetch;
    expect(await fetchPdf('http://127.0.0.1/a.pdf', refused)).toEqual({ ok: false, error: 'cannot fetch: Failed to fetch' });
  });

  it('recognises a login page or another file served in place of the PDF', async () => {
    expect(await fetchPdf('http://127.0.0.1/a.pdf', answer('<!doctype html><title>登录</title>', { status: 200, headers: { 'content-type': 'text/html; charset=utf-8' } })))
      .toEqual({ ok: false, error: 'not a PDF: the server sent a web page (perhaps a login or error page)' });
    expect(await fetchPdf('http://127.0.0.1/a.doc', answer(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0]), { status: 200, headers: { 'content-type': 'application/msword' } })))
      .toEqual({ ok: false, error: 'not a PDF: no %PDF header (application/msword)' });
    expect(looksLikePdf(new Uint8Array([0x0a, ...new TextEncoder().encode('%PDF-1.4')]))).toBe(true);
  });
});

describe('packaged assets', () => {
  it('all exist in node_modules, and the page asks for them under the extension root', () => {
    for (const asset of PACKAGED_ASSETS) expect(existsSync(join(dirname(require.resolve(`${asset.pkg}/package.json`)), asset.from)), asset.from).toBe(true);
    const assets = assetUrlsFrom('chrome-extension://abc/');
    expect(assets.tesseractLang).toBe('chrome-extension://abc/tesseract/lang');
    expect(assets.cMapUrl).toBe('chrome-extension://abc/pdfjs/cmaps/');
    expect(Object.values(assets).every((url) => url.startsWith('chrome-extension://abc/'))).toBe(true);
  });
});
