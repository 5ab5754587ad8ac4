// The side panel beside its page in real headless Chromium (a narrow panel, as Chrome shows it):
// a notice page whose plan is in its 附件 PDF lists the attachment's tasks and targets once the
// PDF is captured, both texts a click away; the panel's targets list and the page's n / p cursor
// follow each other; the bar, the filters and the targets header stay in view while the plan
// scrolls, and a filter change keeps the place. Screenshots go to artifacts/e2e/.
import type { Server } from 'node:http';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { browser } from 'wxt/browser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractFile } from '../../pipeline/extract-file.ts';
import type { LoadOptions } from '../../pipeline/load/load-document.ts';
import { ARTIFACTS, buildExtension, launchWithExtension, ROOT, serve, type Launched } from './harness.ts';
import { localeMessages } from './locale.ts';

declare const chrome: typeof browser;

const NO_OCR: LoadOptions = { ocr: 'never', pool: () => { throw new Error('no OCR here'); } };
const SEED_PAGE = '/html/seed-001.html';
const PLAN_PDF = '/pdf/seed-004.pdf';
const zh = localeMessages('zh_CN');

// The page as county sites post it: the notice that issues the plan, the 政府信息公开 table, the plan as a PDF 附件.
const NOTICE_PAGE = `<!doctype html><html><head><meta charset="utf-8"><title>关于印发《会宁县创建全国文明城市三年行动计划》的通知</title></head><body>
<table class="xxgk"><tr><td>索引号:</td><td>013242558/2021-00012</td><td>发文机关:</td><td>会宁县人民政府办公室</td></tr>
<tr><td>文号:</td><td>会政办发〔2021〕12号</td><td>成文日期:</td><td>2021-03-08</td></tr></table>
<div class="TRS_Editor"><h1>关于印发《会宁县创建全国文明城市三年行动计划》的通知</h1>
<p>各乡镇人民政府,县直各部门:</p><p>现将《会宁县创建全国文明城市三年行动计划》印发给你们,请结合实际,认真抓好落实。</p>
<p>会宁县人民政府办公室</p><p>2021年3月8日</p>
<p>附件:<a href="${PLAN_PDF}">会宁县创建全国文明城市三年行动计划.pdf</a></p></div></body></html>`;

/** Where a panel is opened on its own: as narrow as Chrome's side panel. */
const PANEL_SIZE = { width: 360, height: 700 };

let launched: Launched;
let server: Server;
let origin: string;

async function tabIdOf(url: string): Promise<number> {
  return launched.worker.evaluate(async (wanted) => (await chrome.tabs.query({})).find((tab) => tab.url === wanted)?.id ?? -1, url);
}

async function openPlanPage(path: string): Promise<Page> {
  const page = await launched.context.newPage();
  await page.goto(`${origin}${path}`);
  await page.waitForFunction(() => CSS.highlights.has('govclip-target'), null, { timeout: 15_000 });
  return page;
}

async function openPanel(page: Page): Promise<Page> {
  const panel = await launched.context.newPage();
  await panel.setViewportSize(PANEL_SIZE);
  await panel.goto(`chrome-extension://${launched.extensionId}/sidepanel.html?tab=${await tabIdOf(page.url())}`);
  await panel.waitForFunction(() => Number(document.body.dataset.loads) >= 1, null, { timeout: 15_000 });
  return panel;
}

beforeAll(async () => {
  // A build of its own: the other e2e files may be building theirs at the same time.
  buildExtension('.output/e2e-panel');
  ({ server, origin } = await serve({ '/notice.html': { body: NOTICE_PAGE } }));
  launched = await launchWithExtension(join(ROOT, '.output/e2e-panel/chrome-mv3'));
  await launched.worker.evaluate(async () => {
    for (let i = 0; i < 50; i++) {
      if ((await chrome.scripting.getRegisteredContentScripts()).length > 0) return;
      await new Promise((done) => setTimeout(done, 100));
    }
    throw new Error('content script was never registered for the allowed site');
  });
}, 180_000);

afterAll(async () => {
  await launched?.context.close();
  server?.close();
});

describe('a notice page whose plan is in its 附件', () => {
  it('lists the attachment’s tasks and targets once it is captured, under the page’s 文号, both texts viewable', async () => {
    const expected = await extractFile(join(ROOT, 'fixtures/forms', PLAN_PDF), NO_OCR);
    if (!expected.ok) throw new Error(expected.error);
    const page = await launched.context.newPage();
    await page.goto(`${origin}/notice.html`);
    const panel = await openPanel(page);
    // The page alone: a notice, no targets; its 附件 offered.
    expect(await panel.locator('table.targets button[data-target-id]').count()).toBe(0);
    await panel.waitForSelector('#attachment-list button');

    // 摘取附件 → the attachment page reads the PDF → 保存到资料库.
    const [attachment] = await Promise.all([launched.context.waitForEvent('page'), panel.click('#attachment-list button')]);
    await attachment.waitForSelector('body[data-state="done"]', { timeout: 60_000 });
    await attachment.click('#capture');
    await attachment.waitForSelector('#capture-status[data-status="created"]');

    // The panel beside the page follows at once: the attachment's plan under the page's metadata.
    await panel.waitForFunction((n) => document.querySelectorAll('table.targets button[data-target-id]').length === n, expected.export.targets.length, { timeout: 10_000 });
    expect(await panel.locator('ol.tasks > li').count()).toBe(expected.export.tasks.length);
    expect(await panel.textContent('#plan dl.meta')).toContain('会政办发〔2021〕12号');
    expect(await panel.textContent('.entry-note')).toContain('会宁县创建全国文明城市三年行动计划.pdf');
    expect(await panel.isDisabled('#add-target')).toBe(true);
    await panel.screenshot({ path: join(ARTIFACTS, 'side-panel-attachment.png') });

    // A target is shown in the attachment's text, in the panel.
    await panel.locator('table.targets button[data-target-id]').first().click();
    await panel.waitForSelector('details.attachment-text[open] mark.govclip-flash');
    await panel.screenshot({ path: join(ARTIFACTS, 'side-panel-attachment-text.png') });

    // The page's own notice, and back.
    await panel.click('.entry-note button[data-action="show-page"]');
    await panel.waitForFunction(() => document.querySelectorAll('table.targets button[data-target-id]').length === 0);
    expect(await panel.textContent('.entry-note')).toContain(zh.panelPageOwn?.message.split('“')[0] ?? '—');
    await panel.click('.entry-note button[data-action="show-attachment"]');
    await panel.waitForFunction((n) => document.querySelectorAll('table.targets button[data-target-id]').length === n, expected.export.targets.length);
    await Promise.all([attachment.close(), panel.close(), page.close()]);
  }, 120_000);
});

describe('the panel’s targets and the page’s cursor', () => {
  it('moves the page cursor with ↓ in the panel’s targets list, and marks the panel’s row as n steps on the page', async () => {
    const page = await openPlanPage(SEED_PAGE);
    const panel = await openPanel(page);
    await panel.selectOption('#filter-kind', 'targets');
    const rows = panel.locator('table.targets button.item[data-target-id]');
    const ids = await rows.evaluateAll((buttons) => buttons.map((b) => (b as HTMLElement).dataset.targetId as string));
    expect(ids.length).toBeGreaterThan(5);

    // Tab into the table, ↓ twice: the page (in view beside the panel) reveals the third target, its flash and tooltip.
    await rows.first().focus();
    await page.bringToFront();
    await panel.keyboard.press('ArrowDown');
    await panel.keyboard.press('ArrowDown');
    await page.waitForFunction((id) => document.body.dataset.govclipRevealed === `target:${id}`, ids[2], { timeout: 5_000 });
    expect(await page.evaluate(() => CSS.highlights.has('govclip-flash'))).toBe(true);
    await page.screenshot({ path: join(ARTIFACTS, 'page-cursor-from-panel.png') });

    // On the page, n goes on from there; the panel's current row follows without taking the reader's focus.
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('n');
    await page.waitForFunction((id) => document.body.dataset.govclipRevealed === `target:${id}`, ids[3], { timeout: 5_000 });
    await panel.waitForSelector(`table.targets button.item.current[data-target-id="${ids[3]}"]`, { timeout: 5_000 });
    expect(await panel.locator('table.targets button.item.current').count()).toBe(1);
    // Tab back into the table lands on the current row.
    expect(await panel.locator('table.targets button[tabindex="0"]').getAttribute('data-target-id')).toBe(ids[3]);
    await Promise.all([panel.close(), page.close()]);
  }, 60_000);
});

describe('the side panel while the plan scrolls', () => {
  it('keeps the bar, the filters and the targets header in view, and a filter change keeps the place', async () => {
    const page = await openPlanPage(SEED_PAGE);
    const panel = await openPanel(page);
    await panel.waitForSelector('table.targets');
    // Halfway down the targets table.
    await panel.evaluate(() => {
      const table = document.querySelector('table.targets') as HTMLElement;
      window.scrollTo(0, table.getBoundingClientRect().top + window.scrollY + table.offsetHeight / 2);
    });
    const seen = await panel.evaluate(() => {
      const th = document.querySelector('table.targets thead th') as HTMLElement;
      const box = th.getBoundingClientRect();
      const filter = document.querySelector('#filter-unit') as HTMLElement;
      const filterBox = filter.getBoundingClientRect();
      return {
        scrolled: window.scrollY,
        // Nothing covers the header: the element at its middle is the header itself.
        headerOnTop: th.contains(document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2)),
        // And it sits right under the bar: no row of the table shows above it.
        rowAboveHeader: !!document.elementFromPoint(box.left + 10, box.top - 2)?.closest('tbody'),
        filtersInView: filterBox.top >= 0 && document.elementFromPoint(filterBox.left + 5, filterBox.top + filterBox.height / 2) === filter,
      };
    });
    expect(seen).toEqual({ scrolled: expect.any(Number), headerOnTop: true, rowAboveHeader: false, filtersInView: true });
    expect(seen.scrolled).toBeGreaterThan(300);
    await panel.screenshot({ path: join(ARTIFACTS, 'side-panel-sticky-header.png') });

    // The unit filter, from the keyboard, right there: the list narrows, the scroll and the focus stay.
    const unit = await panel.locator('#filter-unit option').nth(1).getAttribute('value');
    await panel.focus('#filter-unit');
    const before = await panel.evaluate(() => window.scrollY);
    await panel.selectOption('#filter-unit', unit as string);
    const after = await panel.evaluate(() => ({ scrolled: window.scrollY, max: document.documentElement.scrollHeight - window.innerHeight, focused: document.activeElement?.id }));
    expect(after.focused).toBe('filter-unit');
    expect(after.scrolled).toBe(Math.min(before, after.max));
    await Promise.all([panel.close(), page.close()]);
  }, 60_000);
});
