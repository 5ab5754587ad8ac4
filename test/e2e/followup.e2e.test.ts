// The follow-up views in a real browser (Debian Chromium with the built extension): a library
// restored from a backup holding two versions of a plan and a second plan; 时间表 lists their dated
// tasks by month and a click opens the task with its source highlighted; 版本对比 lists what the
// revision changed; 导出任务分解表 downloads a workbook. Screenshots go to artifacts/e2e/.
import 'fake-indexeddb/auto';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractPlan } from '../../shared/extract.ts';
import type { GovClipExport } from '../../shared/schema.ts';
import type { Server } from 'node:http';
import type { browser } from 'wxt/browser';
import { ARTIFACTS, buildExtension, launchWithExtension, ROOT, serve, type Launched } from './harness.ts';

declare const chrome: typeof browser;

let launched: Launched;
let backupFile: string;
let server: Server | undefined;
let origin = '';

const ANNUAL = readFileSync(join(ROOT, 'fixtures/heldout3/h3-03-county-task-list.txt'), 'utf8');
const GARBAGE = readFileSync(join(ROOT, 'fixtures/heldout/heldout-01-county-garbage.txt'), 'utf8');
const REVISED = GARBAGE.replace('到2025年底,农村卫生户厕普及率提高到92%', '到2025年底,农村卫生户厕普及率提高到95%')
  .replace('配合单位:县住建局、县交通运输局、县公安局交警大队', '配合单位:县住建局、县交通运输服务中心、县公安局交警大队');

function extract(raw: string, url: string): GovClipExport {
  return extractPlan(raw, { id: createHash('sha256').update(raw).digest('hex'), source: { kind: 'html', url, file: null } });
}

async function openExtensionPage(path: string): Promise<Page> {
  const page = await launched.context.newPage();
  await page.goto(`chrome-extension://${launched.extensionId}/${path}`);
  return page;
}

/** A build of its own: the other e2e file may be building .output/e2e at the same time. */
const OUT = '.output/e2e-followup';

beforeAll(async () => {
  buildExtension(OUT);
  // The backup is written here in Node (fake-indexeddb): dexie-export-import expects a page's `self` and FileReader.
  const g = globalThis as Record<string, unknown>;
  g.self ??= globalThis;
  g.FileReader ??= class {
    result: unknown = null;
    onload: ((ev: { target: unknown }) => void) | null = null;
    onerror: ((ev: { target: unknown }) => void) | null = null;
    private read(promise: Promise<unknown>) {
      promise.then((value) => {
        this.result = value;
        this.onload?.({ target: this });
      }, () => this.onerror?.({ target: this }));
    }
    readAsArrayBuffer(blob: Blob) {
      this.read(blob.arrayBuffer());
    }
    readAsText(blob: Blob) {
      this.read(blob.text());
    }
  };
  const { capturePlan, createBackup, GovClipDB } = await import('../../extension/lib/store/index.ts');
  const db = new GovClipDB('followup-e2e');
  await capturePlan(db, { export: extract(ANNUAL, 'https://www.qingfu.gov.cn/rjhj.html'), capturedAt: Date.UTC(2024, 1, 1) });
  await capturePlan(db, { export: extract(GARBAGE, 'https://www.yifeng.gov.cn/ljfl.html'), capturedAt: Date.UTC(2024, 1, 2) });
  await capturePlan(db, { export: extract(REVISED, 'https://www.yifeng.gov.cn/ljfl.html'), capturedAt: Date.UTC(2024, 2, 2) });
  backupFile = join(mkdtempSync(join(tmpdir(), 'govclip-followup-')), 'backup.json');
  writeFileSync(backupFile, Buffer.from(await (await createBackup(db)).arrayBuffer()));
  await db.delete();
  ({ server, origin } = await serve({}));
  launched = await launchWithExtension(join(ROOT, OUT, 'chrome-mv3'));
  // The granted test host gets the automatic run once the background has registered it.
  await launched.worker.evaluate(async () => {
    for (let i = 0; i < 50; i++) {
      if ((await chrome.scripting.getRegisteredContentScripts()).length > 0) return;
      await new Promise((done) => setTimeout(done, 100));
    }
    throw new Error('content script was never registered for the allowed site');
  });
}, 120_000);

afterAll(async () => {
  await launched?.context.close();
  server?.close();
});

describe('follow-up in the side panel', () => {
  it('marks doubtful items, lists the low ones under 待核对 and exports the 任务分解表', async () => {
    const page = await launched.context.newPage();
    await page.goto(`${origin}/html/seed-004.html`);
    await page.waitForFunction(() => CSS.highlights.has('govclip-target'), null, { timeout: 15_000 });
    const tabId = await launched.worker.evaluate(async (wanted) => (await chrome.tabs.query({})).find((tab) => tab.url === wanted)?.id ?? -1, page.url());
    const panel = await openExtensionPage(`sidepanel.html?tab=${tabId}`);
    await panel.setViewportSize({ width: 420, height: 768 });
    await panel.waitForSelector('table.targets');
    // Marks carry their reasons in the tooltip.
    const marks = panel.locator('table.targets .conf');
    expect(await marks.count()).toBeGreaterThan(0);
    expect(await marks.first().getAttribute('title')).toMatch(/:/);
    await panel.screenshot({ path: join(ARTIFACTS, 'side-panel-confidence.png') });
    await panel.selectOption('#filter-kind', 'review');
    await panel.waitForSelector('ul.review, section p.note');
    const low = await panel.locator('ul.review li').count();
    expect(low).toBe(await panel.evaluate(() => document.querySelectorAll('ul.review .why').length));
    await panel.screenshot({ path: join(ARTIFACTS, 'side-panel-review.png') });
    const [download] = await Promise.all([panel.waitForEvent('download'), panel.click('#export-breakdown')]);
    const files = unzipSync(new Uint8Array(readFileSync(await download.path())));
    expect(strFromU8(files['xl/worksheets/sheet1.xml'] as Uint8Array)).toContain('县委宣传部');
    await Promise.all([panel.close(), page.close()]);
  }, 120_000);
});

describe('follow-up views in the library', () => {
  it('shows the 时间表, the 版本对比 and downloads the 任务分解表', async () => {
    const library = await openExtensionPage('library.html');
    await library.setInputFiles('#restore', backupFile);
    await library.waitForFunction(() => document.querySelectorAll('.plan-row').length === 2);

    // 时间表 of the listed plans: months as headings, the county list's deadlines under them.
    await library.click('#timeline');
    await library.waitForSelector('.followup.timeline h3');
    const months = await library.locator('.followup.timeline h3').allTextContents();
    expect(months).toContain('2024年11月');
    expect(months).toContain('长期/常态工作');
    await library.screenshot({ path: join(ARTIFACTS, 'library-timeline.png'), fullPage: false });
    // Filter by unit, then a click opens the task in its plan with its heading marked in the source.
    await library.selectOption('#timeline-unit', '县妇联');
    await library.waitForFunction(() => document.querySelectorAll('.followup.timeline tbody tr').length >= 1);
    const rows = await library.locator('.followup.timeline tbody tr').count();
    expect(rows).toBeLessThan(5);
    await library.locator('.followup.timeline tbody tr button').first().click();
    await library.waitForSelector('.source-text mark.govclip-flash[data-govclip-kind="task"]');
    await library.screenshot({ path: join(ARTIFACTS, 'library-timeline-open.png') });

    // 版本对比: the newer 宜丰县 version against the one before it.
    await library.locator('.plan-row .item', { hasText: '宜丰县' }).click();
    await library.waitForSelector('.source-text');
    await library.click('#version-diff');
    await library.waitForSelector('.followup.diff');
    const changes = await library.locator('.followup.diff li li').allTextContents();
    expect(changes).toEqual(['责任单位: −县交通运输局 +县交通运输服务中心', '指标 农村卫生户厕普及率: ≥ 92 % (2025) → ≥ 95 % (2025)']);
    await library.screenshot({ path: join(ARTIFACTS, 'library-version-diff.png') });

    // 导出任务分解表 of the open plan: a workbook with its tasks.
    const [download] = await Promise.all([library.waitForEvent('download'), library.click('#export-breakdown')]);
    const files = unzipSync(new Uint8Array(readFileSync(await download.path())));
    expect(strFromU8(files['xl/worksheets/sheet1.xml'] as Uint8Array)).toContain('县交通运输服务中心');
    await library.close();
  }, 120_000);
});
