// The extension in a real Firefox (Debian's firefox-esr, in Chinese), beside the Chromium e2e:
// web-ext lint passes, seed pages are highlighted as the CLI reads them (ESR 140 too, where
// assigning adoptedStyleSheets from a content script throws), the sidebar follows the page's
// run, capture → library → compare, and an attachment PDF extracts as the pipeline does.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { join } from 'node:path';
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractFile } from '../../pipeline/extract-file.ts';
import type { LoadOptions } from '../../pipeline/load/load-document.ts';
import { ARTIFACTS, buildExtension, ROOT, serve } from './harness.ts';
import { firefoxEsr140, FIREFOX_EXTENSION_DIR, launchFirefox, openFirefoxExtensionPage } from './firefox-harness.ts';
import { localeMessages } from './locale.ts';

// The extension pages' own global.
declare const browser: { tabs: { query(q: object): Promise<Array<{ id?: number; url?: string }>> }; runtime: { sendMessage(m: object): Promise<unknown> } };

const NO_OCR: LoadOptions = { ocr: 'never', pool: () => { throw new Error('no OCR here'); } };
const SEEDS = ['/html/seed-001.html', '/html/seed-003.html'];

let firefox: Browser;
let server: Server;
let origin: string;
const expected = new Map<string, number>();

async function cliTargets(file: string): Promise<number> {
  const result = await extractFile(join(ROOT, 'fixtures/forms', file), NO_OCR);
  if (!result.ok) throw new Error(result.error);
  return result.export.targets.length;
}

/** Target highlights on a page: Highlight API ranges, or <mark> fallbacks (one per target). */
async function highlighted(page: Page): Promise<number> {
  return page.evaluate(() => {
    const registry = (CSS as unknown as { highlights?: Map<string, Set<Range>> }).highlights;
    const api = registry?.get('govclip-target');
    if (api) return api.size;
    return new Set([...document.querySelectorAll<HTMLElement>('mark[data-govclip-kind="target"]')].map((m) => m.dataset.govclipId)).size;
  });
}

async function openPlanPage(on: Browser, path: string): Promise<Page> {
  const page = await on.newPage();
  await page.goto(`${origin}${path}`);
  await page.waitForFunction(() => {
    const registry = (CSS as unknown as { highlights?: Map<string, unknown> }).highlights;
    return !!registry?.has('govclip-target') || !!document.querySelector('mark[data-govclip-kind]');
  }, { timeout: 20_000 });
  return page;
}

beforeAll(async () => {
  buildExtension(undefined, 'firefox');
  ({ server, origin } = await serve({}));
  for (const seed of [...SEEDS, '/pdf/seed-001.pdf']) expected.set(seed, await cliTargets(seed));
  firefox = await launchFirefox();
}, 240_000);

afterAll(async () => {
  await firefox?.close();
  server?.close();
});

describe('the Firefox build', () => {
  it('passes web-ext lint with no errors, declares no data collection and keeps the sidebar closed at install', () => {
    let output: string;
    try {
      output = execFileSync(join(ROOT, 'node_modules/.bin/web-ext'), ['lint', '--source-dir', FIREFOX_EXTENSION_DIR, '--output', 'json', '--no-config-discovery'], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    } catch (error) {
      output = (error as { stdout?: string }).stdout ?? '';
    }
    const report = JSON.parse(output) as { summary: { errors: number }; errors: Array<{ code: string; message: string }> };
    expect(report.errors.map((e) => `${e.code}: ${e.message}`)).toEqual([]);
    expect(report.summary.errors).toBe(0);
    const manifest = JSON.parse(readFileSync(join(FIREFOX_EXTENSION_DIR, 'manifest.json'), 'utf8'));
    expect(manifest.browser_specific_settings.gecko.data_collection_permissions).toEqual({ required: ['none'] });
    expect(manifest.sidebar_action.open_at_install).toBe(false);
  }, 120_000);
});

describe('the extension in Firefox ESR', () => {
  it('highlights as many targets as the CLI finds on two seed pages (one of them GBK)', async () => {
    for (const seed of SEEDS) {
      const page = await openPlanPage(firefox, seed);
      expect(await highlighted(page), seed).toBe(expected.get(seed));
      if (seed === SEEDS[0]) await page.screenshot({ path: join(ARTIFACTS, 'firefox-page.png') });
      await page.close();
    }
  }, 120_000);

  it('runs on request from the sidebar, which follows the run; captures into the library; compares; in Chinese', async () => {
    const zh = localeMessages('zh_CN');
    const pages: Page[] = [];
    const planIds: string[] = [];
    for (const seed of SEEDS) {
      const page = await openPlanPage(firefox, seed);
      pages.push(page);
      const library = await openFirefoxExtensionPage(firefox, 'library.html');
      const tabId = await library.evaluate(async (url) => (await browser.tabs.query({})).find((tab) => tab.url === url)?.id ?? -1, page.url());
      expect(tabId).toBeGreaterThan(0);
      // The background's run message, as the toolbar button and the shortcut send it.
      const ran = await library.evaluate((id) => browser.runtime.sendMessage({ govclip: 'run', tabId: id }), tabId);
      expect(ran).toEqual({ ok: true, value: true });
      await library.close();

      const sidebar = await openFirefoxExtensionPage(firefox, `sidepanel.html?tab=${tabId}`, 'table.targets');
      expect(await sidebar.$$eval('table.targets button[data-target-id]', (rows) => rows.length)).toBe(expected.get(seed));
      expect(await sidebar.$eval('#status', (s) => s.textContent)).toContain('项任务');
      for (const [key, text] of await sidebar.$$eval('[data-i18n]', (els) => els.map((e) => [(e as HTMLElement).dataset.i18n as string, e.textContent ?? ''] as const))) expect(text, key).toBe(zh[key]?.message);
      await sidebar.click('#capture');
      await sidebar.waitForFunction(() => !!(document.querySelector('#status') as HTMLElement).dataset.capture);
      if (seed === SEEDS[0]) await sidebar.screenshot({ path: join(ARTIFACTS, 'firefox-sidebar.png') });
      await sidebar.close();
    }

    const library = await openFirefoxExtensionPage(firefox, 'library.html', '.plan-row');
    planIds.push(...await library.$$eval('.plan-row', (rows) => rows.map((row) => (row as HTMLElement).dataset.planId as string)));
    expect(planIds.length).toBeGreaterThanOrEqual(2);
    await library.click('.plan-row .item');
    await library.waitForSelector('.source-text');
    await library.close();

    const compare = await openFirefoxExtensionPage(firefox, `compare.html?plans=${planIds.join(',')}`, '#indicators');
    await compare.waitForSelector('#indicators tbody tr, #indicators .note', { timeout: 60_000 });
    expect(await compare.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    await compare.screenshot({ path: join(ARTIFACTS, 'firefox-compare.png') });
    await compare.close();
    await Promise.all(pages.map((page) => page.close()));
  }, 180_000);

  it('extracts a 附件 PDF in the attachment page as the pipeline does, and captures it', async () => {
    const page = await openFirefoxExtensionPage(firefox, `attachment.html?url=${encodeURIComponent(`${origin}/pdf/seed-001.pdf`)}`);
    await page.waitForSelector('body[data-state="done"], body[data-state="error"]', { timeout: 60_000 });
    expect(await page.$eval('#error', (e) => (e as HTMLElement).hidden ? '' : e.textContent)).toBe('');
    expect(Number(await page.$eval('#plan', (p) => p.getAttribute('data-target-count')))).toBe(expected.get('/pdf/seed-001.pdf'));
    await page.click('#capture');
    await page.waitForSelector('#capture-status[data-status]');
    await page.close();
  }, 120_000);
});

describe('Firefox ESR 140, the oldest the manifest accepts', () => {
  it('highlights the seed page (the style sheet falls back to a <style> element there)', async () => {
    const binary = firefoxEsr140();
    if (!binary) throw new Error('Firefox ESR 140 is not available: set FIREFOX_ESR140 or allow apt-get download');
    const old = await launchFirefox(binary);
    try {
      const page = await openPlanPage(old, SEEDS[0] as string);
      expect(await highlighted(page)).toBe(expected.get(SEEDS[0] as string));
      await page.close();
    } finally {
      await old.close();
    }
  }, 400_000);
});
