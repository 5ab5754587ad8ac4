// Firefox for the e2e: Debian's firefox-esr (and the older ESR 140, unpacked beside it by .ci/run)
// driven by puppeteer-core over WebDriver BiDi, the extension installed as a temporary add-on with
// a fixed UUID so the test can open its moz-extension:// pages. No geckodriver.
//
// The browser's own window (toolbar, keyboard shortcuts, sidebar) is privileged ("chrome") code.
// With --remote-allow-system-access, Firefox's BiDi (153; not 140) lists that window as a context
// of scope `moz:scope: 'chrome'`, and the test drives it the way Firefox's own WebDriver does in
// chrome context: events synthesized by the EventUtils Firefox ships for its remote agent.
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { ARTIFACTS, ROOT } from './harness.ts';

export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
export const FIREFOX_EXTENSION_DIR = join(ROOT, '.output/e2e/firefox-mv3');
export const ADDON_ID = 'govclip@govclip.local';
export const ADDON_UUID = '6d0f3c1e-2b4a-4e8f-9a51-7c3d2e1f0a9b';
/** Firefox's id for the add-on's widgets (toolbar button, sidebar): the add-on id with [^a-z0-9_-] as _. */
const WIDGET_ID = ADDON_ID.toLowerCase().replace(/[^a-z0-9_-]/g, '_');
export const BROWSER_ACTION_ID = `${WIDGET_ID}-browser-action`;
export const SIDEBAR_ID = `${WIDGET_ID}-sidebar-action`;

export interface FirefoxOptions {
  /** Downloads go straight to this folder, no dialog (the library's exports and backup). */
  downloadDir?: string;
}

export async function launchFirefox(executablePath = FIREFOX, options: FirefoxOptions = {}): Promise<Browser> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const downloads = options.downloadDir
    ? {
        'browser.download.folderList': 2,
        'browser.download.dir': options.downloadDir,
        'browser.download.useDownloadDir': true,
        'browser.download.always_ask_before_handling_new_types': false,
        'browser.download.alwaysOpenPanel': false,
        'browser.download.start_downloads_in_tmp_dir': false,
        'browser.helperApps.neverAsk.saveToDisk': 'application/json,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      }
    : {};
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath,
    headless: true,
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [ADDON_ID]: ADDON_UUID }),
      // The UI (and so the extension) in Chinese, from firefox-esr-l10n-zh-cn.
      'intl.locale.requested': 'zh-CN',
      ...downloads,
    },
  });
  await browser.installExtension(FIREFOX_EXTENSION_DIR);
  return browser;
}

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/** Polls `check` until it returns a value other than undefined, or fails with `what`. */
export async function poll<T>(what: string, check: () => Promise<T | undefined>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value !== undefined) return value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${last ? ` (last error: ${(last as Error).message})` : ''}`);
    await sleep(200);
  }
}

/** Opens an extension page: such pages send no navigation events, so the load is polled. */
export async function openFirefoxExtensionPage(browser: Browser, path: string, ready = 'body', options: { background?: boolean } = {}): Promise<Page> {
  const page = await browser.newPage(options.background ? { background: true } : undefined);
  await page.goto(`moz-extension://${ADDON_UUID}/${path}`, { waitUntil: [], timeout: 5_000 }).catch(() => undefined);
  await poll(`extension page ${path}`, async () => (await page.evaluate((selector) => document.readyState === 'complete' && !!document.querySelector(selector), ready)) || undefined);
  return page;
}

interface BidiConnection {
  send(method: string, params: object): Promise<{ result: Record<string, unknown> }>;
}

interface ChromeContext {
  context: string;
  url: string;
  'moz:scope'?: string;
}

/**
 * Runs `body` (the statements of an async function, in the privileged scope of the browser window
 * chrome://browser/content/browser.xhtml, where `window`, `gBrowser`, `CustomizableUI`,
 * `Services`, `Ci` … are defined) and returns what it returns, through JSON.
 */
export async function inBrowserWindow<T>(browser: Browser, body: string): Promise<T> {
  const connection = (browser as unknown as { connection: BidiConnection }).connection;
  const tree = await connection.send('browsingContext.getTree', { 'moz:scope': 'chrome', maxDepth: 0 });
  const contexts = tree.result.contexts as ChromeContext[];
  const window = contexts.find((context) => context['moz:scope'] === 'chrome' && context.url === 'chrome://browser/content/browser.xhtml');
  if (!window) {
    // Firefox 140's BiDi ignores moz:scope and lists the tabs: there the browser's own window is out of reach.
    throw new Error(`this Firefox's WebDriver BiDi lists no privileged browser window (got ${contexts.map((c) => `${c.url} [${c['moz:scope'] ?? 'no scope'}]`).join(', ')})`);
  }
  const reply = await connection.send('script.evaluate', {
    expression: `(async () => JSON.stringify(await (async () => { ${body} })() ?? null))()`,
    target: { context: window.context },
    awaitPromise: true,
    resultOwnership: 'none',
  });
  if (reply.result.type === 'exception') throw new Error(`in the browser window: ${(reply.result.exceptionDetails as { text: string }).text}`);
  return JSON.parse((reply.result.result as { value: string }).value) as T;
}

/** EventUtils as Firefox's remote agent loads it for WebDriver actions in chrome context. */
const EVENT_UTILS = `const eventUtils = { window, parent: window, _EU_Ci: Ci, _EU_Cc: Cc };
  Services.scriptloader.loadSubScript('chrome://remote/content/external/EventUtils.js', eventUtils);`;

/**
 * Clicks GovClip's toolbar button with a synthesized mouse click, as a user does. Firefox puts an
 * extension's button in the extensions panel at install; it is pinned to the toolbar first, as
 * a user pins it. Returns the URL of the tab it was clicked on.
 */
export async function clickToolbarButton(browser: Browser): Promise<string> {
  return inBrowserWindow<string>(browser, `${EVENT_UTILS}
    CustomizableUI.addWidgetToArea(${JSON.stringify(BROWSER_ACTION_ID)}, CustomizableUI.AREA_NAVBAR);
    const widget = document.getElementById(${JSON.stringify(BROWSER_ACTION_ID)});
    const button = widget.querySelector('.toolbarbutton-1') ?? widget;
    if (button.getBoundingClientRect().width === 0) throw new Error('the toolbar button is not shown');
    eventUtils.synthesizeMouseAtCenter(button, {}, window);
    return gBrowser.selectedBrowser.currentURI.spec;`);
}

/**
 * Presses a shortcut written as in the manifest ("Alt+Shift+G") in the browser window, with the
 * page focused: synthesized key events that go through the window's key handling as typed keys do.
 * Returns the URL of the focused tab.
 */
export async function pressShortcut(browser: Browser, shortcut: string): Promise<string> {
  const parts = shortcut.split('+');
  const key = parts.pop() as string;
  const modifiers = { altKey: parts.includes('Alt'), shiftKey: parts.includes('Shift'), ctrlKey: parts.includes('Ctrl'), metaKey: parts.includes('Command') };
  return inBrowserWindow<string>(browser, `${EVENT_UTILS}
    gBrowser.selectedBrowser.focus();
    eventUtils.synthesizeKey(${JSON.stringify(key)}, ${JSON.stringify(modifiers)}, window);
    return gBrowser.selectedBrowser.currentURI.spec;`);
}

/** The extension's sidebar as the browser window shows it: open or not, and which. */
export async function sidebarShown(browser: Browser): Promise<string | null> {
  return inBrowserWindow<string | null>(browser, 'return SidebarController.isOpen ? SidebarController.currentID : null;');
}

export async function closeSidebar(browser: Browser): Promise<void> {
  await inBrowserWindow<null>(browser, 'SidebarController.hide(); return null;');
}

/** The extension's keyboard shortcut as the built manifest declares it. */
export function declaredShortcut(): string {
  const manifest = JSON.parse(readFileSync(join(FIREFOX_EXTENSION_DIR, 'manifest.json'), 'utf8')) as { commands: Record<string, { suggested_key: { default: string } }> };
  return manifest.commands['run-govclip']?.suggested_key.default ?? '';
}

/** A file the browser finished downloading into `dir` whose name starts with `prefix` (no .part beside it). */
export async function downloaded(dir: string, prefix: string, timeoutMs = 20_000): Promise<string> {
  return poll(`a download ${prefix}* in ${dir}`, async () => {
    const names = readdirSync(dir);
    const name = names.find((n) => n.startsWith(prefix) && !n.endsWith('.part'));
    if (!name || names.some((n) => n.endsWith('.part'))) return undefined;
    return join(dir, name);
  }, timeoutMs);
}

/** Where .ci/run unpacks Firefox ESR 140 (apt-get download + dpkg -x, beside the installed ESR). */
export const ESR140_DIR = join(ROOT, 'node_modules/.cache/firefox-esr-140');

/**
 * Firefox ESR 140, the oldest the manifest accepts: FIREFOX_ESR140, else the copy .ci/run unpacks
 * (`bash .ci/firefox-esr-140` does it alone). Nothing is downloaded while the tests run.
 */
export function firefoxEsr140(): string {
  const binary = process.env.FIREFOX_ESR140 ?? join(ESR140_DIR, 'root/usr/lib/firefox-esr/firefox-esr');
  if (!existsSync(binary)) throw new Error(`Firefox ESR 140 is not at ${binary}: run \`bash .ci/firefox-esr-140\` (as .ci/run does) or set FIREFOX_ESR140`);
  return binary;
}
