// The side panel: the plan of the tab it sits beside (or of ?tab=ID when opened as a page), with
// filters, reveal-on-click, capture into the library, corrections and the page's attachments.
// It follows the page: each run of the content script (toolbar, shortcut, automatic) and each
// correction shows here, and the page shows the corrected plan.
import '../../lib/ui/panel.css';
import { browser } from 'wxt/browser';
import type { GovClipExport } from '../../../shared/schema.ts';
import { t, localise } from '../../lib/i18n.ts';
import { backgroundProtocol, contentProtocol, pageUpdatedSchema, sender, type ContentProtocol, type PageState, type Reply, type RequestOf, type ValueOf } from '../../lib/messages.ts';
import type { MarkKind } from '../../lib/page/read-live-page.ts';
import { capturePlan, GovClipDB, isNoticeOnly, latestVersionOf, listCorrections, sha256Hex, type CaptureResult } from '../../lib/store/index.ts';
import { hostPattern, sitePattern } from '../../lib/background/content-scripts.ts';
import { addMissedTarget, correctionActions, type CorrectionHost } from '../../lib/ui/corrections.ts';
import { clear, download, el } from '../../lib/ui/dom.ts';
import { renderPlan, type ItemKind } from '../../lib/ui/plan-view.ts';
import { errorText } from '../../lib/ui/errors.ts';
import { breakdownSheets } from '../../../shared/breakdown/table.ts';
import { buildXlsx } from '../../../shared/compare/xlsx.ts';

const db = new GovClipDB();
const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const status = $('status');
const planBox = $('plan');
const captureButton = $<HTMLButtonElement>('capture');
const addButton = $<HTMLButtonElement>('add-target');
const kindSelect = $<HTMLSelectElement>('filter-kind');
const unitSelect = $<HTMLSelectElement>('filter-unit');

let tabId: number | null = null;
let page: PageState | null = null;
/** The captured record of this page, when there is one: corrections apply to it. */
let planId: string | null = null;
let shown: GovClipExport | null = null;
/** Bumped by each load: a slow answer for an earlier tab or run never replaces the current view. */
let loadToken = 0;

const toBackground = sender(backgroundProtocol, (message) => browser.runtime.sendMessage(message));

async function currentTabId(): Promise<number | null> {
  const fromQuery = new URLSearchParams(location.search).get('tab');
  if (fromQuery) return Number(fromQuery);
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id ?? null;
}

async function ask<K extends keyof ContentProtocol & string>(name: K, request: RequestOf<ContentProtocol, K>): Promise<Reply<ValueOf<ContentProtocol, K>>> {
  if (tabId === null) return { ok: false, code: 'notRun', message: 'no tab' };
  const tab = tabId;
  return sender(contentProtocol, (message) => browser.tabs.sendMessage(tab, message))(name, request);
}

function say(message: string): void {
  status.textContent = message;
}

function reveal(kind: MarkKind, id: string): void {
  ask('reveal', { kind, id }).then((found) => {
    if (!found.ok || !found.value) say(t('notOnPage'));
  });
}

const host: CorrectionHost = {
  db,
  async planId() {
    if (!planId) await capture(true);
    return planId;
  },
  shown: () => shown,
  async saved(id) {
    // The page shows the corrected plan too: it gets the plan's corrections and re-highlights.
    const corrections = (await listCorrections(db, id)).map((row) => row.correction);
    await ask('setCorrections', { corrections });
    await load();
  },
  say,
};

function render(): void {
  // Keep the reader's place: a filter change re-renders the list under the same scroll and focus.
  const scroll = document.scrollingElement?.scrollTop ?? 0;
  const focusedId = (document.activeElement as HTMLElement | null)?.id;
  clear(planBox);
  if (!shown) return;
  planBox.appendChild(renderPlan(shown, {
    kind: kindSelect.value as ItemKind,
    unit: unitSelect.value || null,
    onReveal: reveal,
    ...correctionActions(host),
  }));
  if (document.scrollingElement) document.scrollingElement.scrollTop = scroll;
  if (focusedId) document.getElementById(focusedId)?.focus();
}

function fillUnitFilter(exp: GovClipExport): void {
  const selected = unitSelect.value;
  while (unitSelect.options.length > 1) unitSelect.remove(1);
  const names = [...new Set(exp.units.map((unit) => unit.canonical))].sort((a, b) => a.localeCompare(b, 'zh-Hans-CN'));
  for (const name of names) unitSelect.add(new Option(name, name, false, name === selected));
}

function renderAttachments(state: PageState): void {
  const box = $('attachments');
  const list = $('attachment-list');
  clear(list);
  box.hidden = state.attachments.length === 0;
  for (const attachment of state.attachments) {
    list.appendChild(el('li', null,
      el('span', { class: 'kind' }, attachment.kind.toUpperCase()), ' ',
      el('span', { class: 'title', attrs: { title: attachment.url } }, attachment.title), ' ',
      attachment.kind === 'pdf' || attachment.kind === 'other'
        ? el('button', { attrs: { type: 'button' }, on: { click: () => extractAttachment(attachment.url) } }, t('extractAttachment'))
        : null));
  }
}

async function extractAttachment(url: string): Promise<void> {
  const origin = hostPattern(url);
  // Asked here, in the click: the permission prompt needs the user's gesture.
  const granted = origin !== null && await browser.permissions.request({ origins: [origin] }).catch(() => false);
  if (!granted) {
    say(t('permissionRefused', new URL(url).host));
    return;
  }
  const target = new URL(browser.runtime.getURL('/attachment.html'));
  target.searchParams.set('url', url);
  if (page) target.searchParams.set('page', page.url);
  await browser.tabs.create({ url: target.href });
}

function describeCapture(result: CaptureResult): string {
  if (result.status === 'created') return t('capturedNew');
  if (result.status === 'updated') return t('capturedUpdated');
  return t('capturedVersion', result.carriedCorrections);
}

async function capture(quiet = false): Promise<void> {
  if (!page) return;
  // A page that is not a plan (a news item, a notice without its attachment) is saved only if the user says so.
  if (isNoticeOnly(page.export) && !confirm(t('confirmCaptureNotPlan'))) return;
  try {
    const result = await capturePlan(db, { export: page.export, url: page.url, attachments: page.attachments });
    planId = result.planId;
    // Machine-readable too: scripts and tests need not parse the localised message.
    status.dataset.capture = result.status;
    if (!quiet) say(describeCapture(result));
  } catch (error) {
    say(`${t('captureFailed')}: ${(error as Error).message}`);
  }
}

async function offerAutoRun(url: string): Promise<void> {
  const button = $<HTMLButtonElement>('allow-site');
  const pattern = sitePattern(url);
  button.hidden = !pattern || (await browser.permissions.contains({ origins: [pattern] }));
  button.onclick = async () => {
    if (!pattern) return;
    // In the click: the browser asks the user; the background registers the script when granted.
    const granted = await browser.permissions.request({ origins: [pattern] }).catch(() => false);
    say(granted ? t('siteAllowed', pattern) : t('permissionRefused', pattern));
    button.hidden = granted;
  };
}

function summary(state: PageState): string {
  const parts = [
    t('summaryCounts', state.counts.task, state.counts.target, (state.corrected ?? state.export).units.length),
    t('summaryTime', Math.round(state.timings.totalMs)),
    state.mode === 'wrap' ? t('modeWrap') : null,
    state.unanchored > 0 ? t('unanchored', state.unanchored) : null,
    state.corrections > 0 ? t('correctionCount', state.corrections) : null,
    state.note ? t(state.note) : null,
  ];
  return parts.filter(Boolean).join(' · ');
}

async function load(): Promise<void> {
  const token = ++loadToken;
  const stale = () => token !== loadToken;
  let reply = await ask('state', {});
  if (!reply.ok && reply.code === 'notRun' && tabId !== null) {
    // Not yet run on this tab: run now (works when the user invoked GovClip or allowed the site).
    const ran = await toBackground('run', { tabId });
    if (stale()) return;
    reply = ran.ok ? await ask('state', {}) : ran;
  }
  if (stale()) return;
  page = reply.ok ? reply.value : null;
  captureButton.disabled = !page;
  addButton.disabled = !page;
  $<HTMLButtonElement>('export-breakdown').disabled = !page;
  $('filters').hidden = !page;
  if (!reply.ok) {
    shown = null;
    planId = null;
    render();
    $('attachments').hidden = true;
    say(reply.code === 'notRun' ? t('notRun') : errorText(reply));
    return;
  }
  const state = reply.value;
  say(summary(state));
  renderAttachments(state);
  await offerAutoRun(state.url);
  // A page captured before: its corrections apply to that library version.
  const stored = await latestVersionOf(db, state.url);
  if (stale()) return;
  planId = stored && stored.contentHash === sha256Hex(state.export.document.text) ? stored.id : null;
  // The page's plan as the page shows it: the same ids, so a click reveals the right words.
  shown = state.corrected ?? state.export;
  fillUnitFilter(shown);
  render();
  // For scripts and tests: how many runs of the page this view has followed.
  document.body.dataset.loads = String(Number(document.body.dataset.loads ?? 0) + 1);
}

localise(document);
captureButton.addEventListener('click', async () => {
  await capture();
  await load();
});
addButton.addEventListener('click', async () => {
  const selection = await ask('selection', {});
  await addMissedTarget(host, selection.ok ? selection.value : { text: '', span: null });
});
$('open-library').addEventListener('click', () => toBackground('openLibrary', {}));
// 导出任务分解表: the plan as shown (with its corrections once captured), one row per task.
$('export-breakdown').addEventListener('click', () => {
  if (!shown) return;
  const name = (shown.document.title ?? 'govclip').replace(/[\\/:*?"<>|]/g, ' ').slice(0, 60);
  download(`${name}-任务分解表.xlsx`, new Blob([buildXlsx(breakdownSheets([shown])) as BlobPart], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }));
});
kindSelect.addEventListener('change', render);
unitSelect.addEventListener('change', render);
browser.runtime.onMessage.addListener((message: unknown, messageSender) => {
  const update = pageUpdatedSchema.safeParse(message);
  if (update.success && messageSender.tab?.id === tabId) void load();
  return undefined;
});
browser.tabs.onActivated.addListener(async (info) => {
  if (new URLSearchParams(location.search).has('tab')) return;
  tabId = info.tabId;
  status.textContent = '';
  await load();
});

currentTabId().then((id) => {
  tabId = id;
  return load();
});
