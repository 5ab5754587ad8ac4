// Firefox for the e2e: Debian's firefox-esr (and the older ESR 140, unpacked beside it) driven by
// puppeteer-core over WebDriver BiDi, the extension installed as a temporary add-on with a fixed
// UUID so the test can open its moz-extension:// pages. No geckodriver.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { ROOT } from './harness.ts';

export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
export const FIREFOX_EXTENSION_DIR = join(ROOT, '.output/e2e/firefox-mv3');
export const ADDON_ID = 'govclip@govclip.local';
export const ADDON_UUID = '6d0f3c1e-2b4a-4e8f-9a51-7c3d2e1f0a9b';

export async function launchFirefox(executablePath = FIREFOX): Promise<Browser> {
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath,
    headless: true,
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [ADDON_ID]: ADDON_UUID }),
      // The UI (and so the extension) in Chinese, from firefox-esr-l10n-zh-cn.
      'intl.locale.requested': 'zh-CN',
    },
  });
  await browser.installExtension(FIREFOX_EXTENSION_DIR);
  return browser;
}

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/** Opens an extension page: such pages send no navigation events, so the load is polled. */
export async function openFirefoxExtensionPage(browser: Browser, path: string, ready = 'body'): Promise<Page> {
  const page = await browser.newPage();
  await page.goto(`moz-extension://${ADDON_UUID}/${path}`, { waitUntil: [], timeout: 5_000 }).catch(() => undefined);
  for (let i = 0; i < 100; i++) {
    const loaded = await page.evaluate((selector) => document.readyState === 'complete' && !!document.querySelector(selector), ready).catch(() => false);
    if (loaded) return page;
    await sleep(200);
  }
  throw new Error(`extension page ${path} did not load`);
}

/**
 * Firefox ESR 140, the oldest the manifest accepts: FIREFOX_ESR140, else unpacked once from
 * Debian's archive (apt-get download + dpkg -x, no install) into node_modules/.cache. Null when
 * neither is possible (no apt): the test says so rather than passing.
 */
export function firefoxEsr140(): string | null {
  if (process.env.FIREFOX_ESR140) return process.env.FIREFOX_ESR140;
  const dir = join(ROOT, 'node_modules/.cache/firefox-esr-140');
  const binary = join(dir, 'root/usr/lib/firefox-esr/firefox-esr');
  if (existsSync(binary)) return binary;
  try {
    mkdirSync(dir, { recursive: true });
    execFileSync('apt-get', ['download', 'firefox-esr=140.12.0esr-1~deb12u1'], { cwd: dir, stdio: 'pipe', timeout: 300_000 });
    const deb = readdirSync(dir).find((name) => name.endsWith('.deb'));
    if (!deb) return null;
    execFileSync('dpkg', ['-x', deb, 'root'], { cwd: dir, stdio: 'pipe' });
    return existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}
