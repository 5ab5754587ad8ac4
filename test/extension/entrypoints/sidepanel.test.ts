// @vitest-environment jsdom
// The side panel as it runs beside a tab: the real entrypoint with WXT's fake browser, a fake
// content script answering for each tab (slow when a test says so), and the library in
// fake-indexeddb. What it promises: a slow answer for a tab the reader left never replaces the
// current tab's view; a notice page shows its captured 附件's plan; the page's target cursor and
// the panel's targets list follow each other; a filter change keeps the reader's place.
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
// WXT's own stand-in for wxt/browser loads its build tools (esbuild), which refuse to start under
// jsdom; the same fake browser, without them.
vi.mock('wxt/browser', async () => ({ browser: (await import('wxt/testing/fake-browser')).fakeBrowser }));
import { extractPlan } from '../../../shared/extract.ts';
import type { GovClipExport } from '../../../shared/schema.ts';
import type { PageState } from '../../../extension/lib/messages.ts';
import { capturePlan, GovClipDB, sha256Hex } from '../../../extension/lib/store/index.ts';
import { localeBrowser, localeMessages } from '../support/locale-browser.ts';

const ROOT = join(import.meta.dirname, '../../..');
const PANEL_BODY = /<body[^>]*>([\s\S]*)<\/body>/.exec(readFileSync(join(ROOT, 'extension/entrypoints/sidepanel/index.html'), 'utf8'))?.[1]?.replace(/<script[\s\S]*?<\/script>/g, '') ?? '';
const zh = localeMessages('zh_CN');

const HUINING = readFileSync(join(ROOT, 'fixtures/seeds/004_1b546d98361b8941.txt'), 'utf8');
const XIANGYANG = readFileSync(join(ROOT, 'fixtures/seeds/002_b2e59733f8a1a1fc.txt'), 'utf8');
const NOTICE = '关于印发《会宁县2021年度文明城市创建工作实施方案》的通知\n各乡镇人民政府,县直各部门:\n现将《会宁县2021年度文明城市创建工作实施方案》印发给你们,请认真抓好落实。\n会宁县人民政府办公室\n2021年3月8日';

function extract(text: string, url: string, kind: 'html' | 'pdf' = 'html', metadata = {}): GovClipExport {
  return extractPlan(text, { id: sha256Hex(text), source: { kind, url, file: null }, metadata });
}

/** What the content script of a tab answers to `state`. */
function pageState(exp: GovClipExport, attachments: PageState['attachments'] = []): PageState {
  const url = exp.document.source.url as string;
  return {
    status: 'ready', url, export: exp, corrected: null, corrections: 0, mode: 'highlight-api',
    counts: { target: exp.targets.length, unit: exp.units.length, task: exp.tasks.length },
    unanchored: 0, attachments, timings: { extractMs: 5, highlightMs: 3, totalMs: 8 }, note: null, cursor: null,
  };
}

function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((done) => {
    resolve = done;
  });
  return { promise, resolve };
}

async function until(condition: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (condition()) return;
    await new Promise((done) => setTimeout(done, 10));
  }
  throw new Error(`never happened: ${what}`);
}

/** The fake content scripts: each tab's state (or a promise of it), and what the panel asked them. */
let tabs: Map<number, PageState | Promise<PageState>>;
let sent: Array<{ tabId: number; message: { govclip: string; [key: string]: unknown } }>;
/** Sites the user allowed (the permission check may be slow too). */
let allowed: (pattern: string) => boolean | Promise<boolean>;

async function openPanel(): Promise<void> {
  vi.resetModules();
  fakeBrowser.reset();
  document.body.innerHTML = PANEL_BODY;
  delete document.body.dataset.loads;
  Object.assign(fakeBrowser.i18n, localeBrowser('zh_CN').i18n);
  Object.assign(fakeBrowser.permissions, {
    contains: vi.fn(async ({ origins }: { origins: string[] }) => allowed(origins[0] as string)),
    request: vi.fn(async () => false),
  });
  Object.assign(fakeBrowser.tabs, {
    sendMessage: vi.fn(async (tabId: number, message: { govclip: string }) => {
      sent.push({ tabId, message });
      const state = tabs.get(tabId);
      if (!state) throw new Error('Could not establish connection. Receiving end does not exist.');
      if (message.govclip === 'state') return { ok: true, value: await state };
      if (message.govclip === 'reveal') return { ok: true, value: true };
      return { ok: false, code: 'badRequest', message: 'not in this test' };
    }),
  });
  // The background's run: these tabs have all run already.
  Object.assign(fakeBrowser.runtime, { sendMessage: vi.fn(async () => ({ ok: false, code: 'cannotRun', message: 'test' })) });
  await import('../../../extension/entrypoints/sidepanel/main.ts');
}

/** The reader switches to a tab; the panel beside it follows (its load is not awaited: it may be slow). */
async function activate(tabId: number): Promise<void> {
  void fakeBrowser.tabs.onActivated.trigger({ tabId, windowId: 1 });
  await new Promise((done) => setTimeout(done, 0));
}

/** A broadcast arriving at the panel, from a tab's content script or from another extension page. */
async function broadcast(message: object, fromTab?: number): Promise<void> {
  const sender = fromTab === undefined ? {} : { tab: { id: fromTab, index: 0, highlighted: false, active: true, pinned: false, incognito: false, windowId: 1 } };
  await fakeBrowser.runtime.onMessage.trigger(message, sender);
}

const loads = () => Number(document.body.dataset.loads ?? 0);
const shownTitle = () => document.querySelector('#plan dl.meta dd')?.textContent;
const targetRows = () => [...document.querySelectorAll<HTMLElement>('#plan table.targets button.item[data-target-id]')];

beforeEach(() => {
  tabs = new Map();
  sent = [];
  allowed = () => true;
  // jsdom lays nothing out.
  globalThis.ResizeObserver ??= class {
    observe() {}
    unobserve() {}
    disconnect() {}
  } as unknown as typeof ResizeObserver;
  Element.prototype.scrollIntoView = () => undefined;
  window.confirm = () => true;
});

afterEach(() => {
  vi.restoreAllMocks();
});

describe('switching tabs while a load is slow', () => {
  const huining = extract(HUINING, 'https://www.huining.gov.cn/zwgk/plan.html');
  const xiangyang = extract(XIANGYANG, 'https://www.xiangyang.gov.cn/zwgk/plan.html');

  it('never lets the earlier tab’s late answer replace the current tab’s view', async () => {
    const slow = deferred<PageState>();
    tabs.set(1, slow.promise);
    tabs.set(2, pageState(xiangyang));
    await openPanel();
    await activate(1);
    await activate(2);
    await until(() => loads() === 1, 'tab 2 shown');
    expect(shownTitle()).toBe(xiangyang.document.title);
    expect(targetRows()).toHaveLength(xiangyang.targets.length);

    // Tab 1's content script answers only now.
    slow.resolve(pageState(huining));
    await new Promise((done) => setTimeout(done, 50));
    expect(loads()).toBe(1);
    expect(shownTitle()).toBe(xiangyang.document.title);
    expect(targetRows()).toHaveLength(xiangyang.targets.length);
    expect(document.querySelector('#status')?.textContent).toContain(`${xiangyang.targets.length} 个指标`);
  });

  it('never lets the earlier tab’s slow site-permission check show its “allow this site” button on the current tab', async () => {
    tabs.set(1, pageState(huining));
    tabs.set(2, pageState(xiangyang));
    // Tab 1's site is not allowed, and the browser takes its time to say so; tab 2's site is allowed.
    const slowAnswer = deferred<boolean>();
    allowed = (pattern) => (pattern.includes('huining') ? slowAnswer.promise : true);
    await openPanel();
    await activate(1);
    await until(() => sent.some((s) => s.tabId === 1 && s.message.govclip === 'state'), 'tab 1 asked');
    await new Promise((done) => setTimeout(done, 20));
    await activate(2);
    await until(() => loads() >= 1 && shownTitle() === xiangyang.document.title, 'tab 2 shown');
    slowAnswer.resolve(false);
    await new Promise((done) => setTimeout(done, 50));
    expect((document.querySelector('#allow-site') as HTMLButtonElement).hidden).toBe(true);
    expect(shownTitle()).toBe(xiangyang.document.title);
  });
});

describe('the automatic run on this site', () => {
  const huining = extract(HUINING, 'https://www.huining.gov.cn/zwgk/plan.html');

  it('offers no “allow this site” button when a grant for the page’s own scheme covers it', async () => {
    tabs.set(1, pageState(huining));
    // Granted in the browser's own site settings for one scheme only: *://… is not contained.
    allowed = (pattern) => !pattern.startsWith('*://');
    await openPanel();
    await activate(1);
    await until(() => shownTitle() === huining.document.title, 'tab 1 shown');
    expect((document.querySelector('#allow-site') as HTMLButtonElement).hidden).toBe(true);
  });
});

describe('a notice page whose plan is in its 附件', () => {
  const PAGE_URL = 'https://www.huining.gov.cn/zwgk/2021/notice.html';
  const PDF_URL = 'https://www.huining.gov.cn/zwgk/2021/fj/plan.pdf';
  const ATTACHMENTS = [{ url: PDF_URL, title: '会宁县2021年度文明城市创建工作实施方案.pdf', kind: 'pdf' as const }];
  const notice = extract(NOTICE, PAGE_URL, 'html', { issuers: ['会宁县人民政府办公室'], docNumber: '会政办发〔2021〕12号', publishedAt: '2021-03-08' });
  const plan = extract(HUINING, PDF_URL, 'pdf');

  it('shows the captured attachment’s tasks and targets under the page’s metadata, both texts a click away', async () => {
    expect(notice.targets).toHaveLength(0);
    const db = new GovClipDB();
    await capturePlan(db, { export: plan, url: PDF_URL, partOf: PAGE_URL });
    tabs.set(3, pageState(notice, ATTACHMENTS));
    await openPanel();
    await activate(3);
    await until(() => loads() === 1, 'shown');

    expect(targetRows()).toHaveLength(plan.targets.length);
    expect(document.querySelectorAll('#plan ol.tasks > li')).toHaveLength(plan.tasks.length);
    const meta = document.querySelector('#plan dl.meta')?.textContent ?? '';
    expect(meta).toContain('会政办发〔2021〕12号');
    expect(meta).toContain('2021-03-08');
    expect(document.querySelector('.entry-note')?.textContent).toContain('本页只是印发通知,规划在附件“会宁县2021年度文明城市创建工作实施方案.pdf”中');
    // Selected words on the page cannot be a target of the attachment's plan.
    expect((document.querySelector('#add-target') as HTMLButtonElement).disabled).toBe(true);

    // A target is revealed in the attachment's text, here in the panel, not looked for on the page.
    const first = plan.targets[0] as GovClipExport['targets'][number];
    targetRows()[0]?.click();
    const details = document.querySelector('details.attachment-text') as HTMLDetailsElement;
    expect(details.open).toBe(true);
    const flashed = details.querySelector('mark.govclip-flash') as HTMLElement;
    expect(flashed.dataset.govclipId).toBe(first.id);
    expect(flashed.textContent).toBe(plan.document.text.slice(first.span[0], first.span[1]));
    expect(sent.filter((s) => s.message.govclip === 'reveal')).toEqual([]);

    // The page's own notice, and back.
    (document.querySelector('.entry-note button[data-action="show-page"]') as HTMLElement).click();
    expect(targetRows()).toHaveLength(0);
    expect(document.querySelector('#plan dl.meta dd')?.textContent).toBe(notice.document.title);
    expect(document.querySelector('.entry-note')?.textContent).toContain('下面是本页通知自身的内容');
    expect((document.querySelector('#add-target') as HTMLButtonElement).disabled).toBe(false);
    (document.querySelector('.entry-note button[data-action="show-attachment"]') as HTMLElement).click();
    expect(targetRows()).toHaveLength(plan.targets.length);
    db.close();
  });

  it('shows the attachment’s plan as soon as the attachment page captures it', async () => {
    const url = 'https://www.huining.gov.cn/zwgk/2022/notice.html';
    const pdf = 'https://www.huining.gov.cn/zwgk/2022/fj/plan.pdf';
    tabs.set(4, pageState(extract(NOTICE, url), [{ url: pdf, title: '实施方案.pdf', kind: 'pdf' }]));
    await openPanel();
    await activate(4);
    await until(() => loads() === 1, 'shown');
    expect(targetRows()).toHaveLength(0);
    expect(document.querySelector('.entry-note')).toBeNull();

    const db = new GovClipDB();
    await capturePlan(db, { export: extract(HUINING, pdf, 'pdf'), url: pdf, partOf: url });
    await broadcast({ govclip: 'planCaptured', url: pdf, partOf: url });
    await until(() => loads() === 2, 'reloaded');
    expect(targetRows()).toHaveLength(plan.targets.length);
    db.close();
  });
});

describe('the panel’s targets and the page’s cursor', () => {
  const page = extract(HUINING, 'https://www.huining.gov.cn/zwgk/own-plan.html');

  it('moves the page cursor to the target the reader arrows onto, and follows n / p on the page', async () => {
    tabs.set(5, pageState(page));
    await openPanel();
    await activate(5);
    await until(() => loads() === 1, 'shown');
    const [g1, g2, g3] = page.targets.map((target) => target.id) as [string, string, string];

    // ↓ in the targets list: the page reveals the next target (cursor, tooltip, flash).
    const row = (id: string) => targetRows().find((button) => button.dataset.targetId === id) as HTMLElement;
    row(g1).focus();
    row(g1).dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true, cancelable: true }));
    expect(document.activeElement).toBe(row(g2));
    expect(sent.filter((s) => s.message.govclip === 'reveal').map((s) => [s.tabId, s.message.kind, s.message.id])).toEqual([[5, 'target', g2]]);

    // n on the page: the content script's cursor moves and it says so; the panel's current row follows.
    (document.querySelector('#filter-kind') as HTMLElement).focus();
    tabs.set(5, { ...pageState(page), cursor: g3 });
    await broadcast({ govclip: 'cursorMoved', url: page.document.source.url, targetId: g3 }, 5);
    const current = [...document.querySelectorAll<HTMLElement>('#plan button.item.current')];
    expect(current.map((button) => button.dataset.targetId)).toEqual([g3, g3]);
    expect(row(g3).getAttribute('aria-current')).toBe('true');
    // Tab into the table lands on it.
    expect(targetRows().filter((button) => button.tabIndex === 0)).toEqual([row(g3)]);
    // Another tab's cursor is not this page's.
    await broadcast({ govclip: 'cursorMoved', url: 'https://elsewhere.gov.cn/', targetId: g1 }, 6);
    expect(row(g3).classList.contains('current')).toBe(true);
    // A new load (the page re-anchored) shows the cursor where the page has it.
    await broadcast({ govclip: 'pageUpdated', url: page.document.source.url, status: 'ready' }, 5);
    await until(() => loads() === 2, 'reloaded');
    expect(row(g3).classList.contains('current')).toBe(true);
  });

  it('keeps the reader’s place in the lists when a filter changes or the page runs again', async () => {
    tabs.set(6, pageState(page));
    await openPanel();
    await activate(6);
    await until(() => loads() === 1, 'shown');
    const g5 = page.targets[4]?.id as string;
    const row = () => targetRows().find((button) => button.dataset.targetId === g5) as HTMLElement;
    row().focus();
    // To the filter (Shift+Tab) and a change of kind: the targets table, back by Tab, is where the reader left it.
    const kind = document.querySelector('#filter-kind') as HTMLSelectElement;
    kind.focus();
    kind.value = 'targets';
    kind.dispatchEvent(new Event('change'));
    expect(document.activeElement).toBe(kind);
    expect(targetRows().filter((button) => button.tabIndex === 0)).toEqual([row()]);
    // The page runs again while the reader is in the table: the focus stays on the same target.
    row().focus();
    await broadcast({ govclip: 'pageUpdated', url: page.document.source.url, status: 'ready' }, 6);
    await until(() => loads() === 2, 'reloaded');
    expect(document.activeElement).toBe(row());
    expect(zh.targets?.message).toBeTruthy();
  });
});
