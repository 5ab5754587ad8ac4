// @vitest-environment jsdom
// The content script's core on a real plan page (jsdom): what it reads and highlights matches the
// pipeline's extraction of the same file, and the fallback highlighter leaves the text intact.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { applyHighlights, supportsHighlightApi } from '../../extension/lib/page/highlight.ts';
import { findAttachments } from '../../extension/lib/page/attachments.ts';
import { headingSpan } from '../../extension/lib/page/heading.ts';
import { readLivePage } from '../../extension/lib/page/read-live-page.ts';
import { describeTarget } from '../../extension/lib/page/tooltip.ts';
import { extractFile } from '../../pipeline/extract-file.ts';
import type { LoadOptions } from '../../pipeline/load/load-document.ts';

const PAGE = join(import.meta.dirname, '../../fixtures/forms/html/seed-001.html');
const URL_OF_PAGE = 'https://www.hlj.gov.cn/n200/2018/0720/c75-10878437.html';
const NO_OCR: LoadOptions = { ocr: 'never', pool: () => { throw new Error('web pages need no OCR'); } };

beforeEach(() => {
  document.open();
  document.write(readFileSync(PAGE, 'utf8'));
  document.close();
});

describe('reading the live page', () => {
  it('finds what the pipeline finds in the same page, each with a DOM range', async () => {
    const pipeline = await extractFile(PAGE, NO_OCR);
    if (!pipeline.ok) throw new Error(pipeline.error);
    const live = readLivePage(document, URL_OF_PAGE);
    expect(live.export.targets.map((t) => [t.metric, t.op, t.value, t.unit, t.year])).toEqual(pipeline.export.targets.map((t) => [t.metric, t.op, t.value, t.unit, t.year]));
    expect(live.export.tasks).toHaveLength(22);
    expect(live.export.document.source).toEqual({ kind: 'html', url: URL_OF_PAGE, file: null });
    expect(live.unanchored).toBe(0);
    // Every target's range reads the target's own words on the page.
    const text = live.export.document.text;
    for (const mark of live.marks.filter((m) => m.kind === 'target')) {
      const target = live.export.targets.find((t) => t.id === mark.id);
      expect(mark.range.toString().replace(/\s/g, '')).toBe(text.slice(target!.span[0], target!.span[1]).replace(/\s/g, ''));
    }
    const unitMarks = live.marks.filter((m) => m.kind === 'unit');
    expect(unitMarks.length).toBe(live.export.units.reduce((n, u) => n + u.spans.length, 0));
    expect(unitMarks.find((m) => m.id === '省精神文明办')?.range.toString()).toBe('省精神文明办');
  });

  it('lists the page’s attachments with absolute URLs', () => {
    expect(findAttachments(document, URL_OF_PAGE)).toEqual([
      expect.objectContaining({ kind: 'pdf', title: '黑龙江省创建文明城市三年行动计划(2018-2020年).pdf' }),
    ]);
    expect(findAttachments(document, URL_OF_PAGE)[0]?.url).toMatch(/^https:\/\/www\.hlj\.gov\.cn\/.+\.pdf$/);
  });
});

describe('highlighting without the Highlight API', () => {
  it('wraps each item in marks, keeps the page text, and unwraps cleanly', () => {
    expect(supportsHighlightApi(window)).toBe(false);
    const before = document.body.textContent;
    const live = readLivePage(document, URL_OF_PAGE);
    const highlighting = applyHighlights(document, live.marks, 'wrap');
    expect(highlighting.mode).toBe('wrap');
    const targetIds = new Set(Array.from(document.querySelectorAll<HTMLElement>('mark[data-govclip-kind="target"]'), (m) => m.dataset.govclipId));
    expect(targetIds.size).toBe(live.export.targets.length);
    expect(document.body.textContent).toBe(before);
    expect(highlighting.rangesOf('target', 'g1')[0]?.toString()).toContain('5-7个城市');
    highlighting.clear();
    expect(document.querySelectorAll('mark[data-govclip-kind]')).toHaveLength(0);
    expect(document.body.textContent).toBe(before);
  });
});

describe('what a user sees of a target', () => {
  it('reads metric · comparator value unit · year', () => {
    expect(describeTarget({ metric: '全省文明家庭创建参与率', op: '>=', value: 50, max: null, unit: '%', year: 2020 })).toBe('全省文明家庭创建参与率 · ≥ 50 % · 2020');
    expect(describeTarget({ metric: '城市进入全国文明城市行列', op: 'range', value: 5, max: 7, unit: '个', year: 2020 })).toBe('城市进入全国文明城市行列 · 5–7 个 · 2020');
  });

  it('heads a task with its marker and title', () => {
    const text = '1.加强理想信念教育。深入学习宣传贯彻……\n下一行';
    expect(text.slice(...headingSpan(text, [0, 25], '加强理想信念教育'))).toBe('1.加强理想信念教育');
  });
});
