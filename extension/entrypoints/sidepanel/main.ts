// The side panel: the plan of the tab it sits beside (or of ?tab=ID when opened as a page), with
// filters, reveal-on-click, capture into the library, corrections and the page's attachments.
import '../../lib/ui/panel.css';
import { browser } from 'wxt/browser';
import type { GovClipExport } from '../../../shared/schema.ts';
import { t, localise } from '../../lib/i18n.ts';
import type { ContentRequest, PageState, PageUpdated } from '../../lib/messages.ts';
import type { MarkKind } from '../../lib/page/read-live-page.ts';
import { addCorrection, capturePlan, getPlan, GovClipDB, latestVersionOf, sha256Hex, targetKeyOf, taskKeyOf, type CaptureResult, type CorrectionInput } from '../../lib/store/index.ts';
import { sitePattern } from '../../lib/background/content-scripts.ts';
import { addTargetDialog, editTargetDialog, renameUnitDialog } from '../../lib/ui/correction-dialog.ts';
import { clear, download, el } from '../../lib/ui/dom.ts';
import { renderPlan, type ItemKind } from '../../lib/ui/plan-view.ts';
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

async function currentTabId(): Promise<number | null> {
  const fromQuery = new URLSearchParams(location.search).get('tab');
  if (fromQuery) return Number(fromQuery);
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id ?? null;
}

async function ask<T>(request: ContentRequest): Promise<T | null> {
  if (tabId === null) return null;
  try {
    return ((await browser.tabs.sendMessage(tabId, request)) as T) ?? null;
  } catch {
    return null;
  }
}

function say(message: string): void {
  status.textContent = message;
}

function reveal(kind: MarkKind, id: string): void {
  ask<boolean>({ type: 'govclip:reveal', kind, id }).then((found) => {
    if (found === false) say(t('notOnPage'));
  });
}

async function correct(input: CorrectionInput): Promise<void> {
  try {
    if (!planId) await capture(true);
    if (!planId) return;
    await addCorrection(db, planId, input);
    say(t('correctionSaved'));
    await showCaptured();
  } catch (error) {
    say(`${t('correctionFailed')}: ${(error as Error).message}`);
  }
}

function render(): void {
  clear(planBox);
  if (!shown) return;
  const exp = shown;
  planBox.appendChild(renderPlan(exp, {
    kind: kindSelect.value as ItemKind,
    unit: unitSelect.value || null,
    onReveal: reveal,
    onEditTarget: async (target) => {
      const changes = await editTargetDialog(target);
      if (changes) await correct({ kind: 'editTarget', target: targetKeyOf(exp, target.id), changes });
    },
    onRejectTarget: (target) => correct({ kind: 'rejectTarget', target: targetKeyOf(exp, target.id) }),
    onRenameUnit: async (task, role, name) => {
      const to = await renameUnitDialog(name);
      if (to) await correct({ kind: 'renameUnit', task: taskKeyOf(exp, task.id), role, from: name, to });
    },
  }));
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
  const origin = `${new URL(url).origin}/*`;
  // Asked here, in the click: the permission prompt needs the user's gesture.
  const granted = await browser.permissions.request({ origins: [origin] }).catch(() => false);
  if (!granted) {
    say(t('permissionRefused', new URL(url).host));
    return;
  }
  const target = new URL(browser.runtime.getURL('/attachment.html'));
  target.searchParams.set('url', url);
  if (page) target.searchParams.set('page', page.url);
  await browser.tabs.create({ url: target.href });
}

async function showCaptured(): Promise<void> {
  if (!planId) return;
  const detail = await getPlan(db, planId);
  if (!detail) return;
  shown = detail.export;
  fillUnitFilter(shown);
  render();
}

function describeCapture(result: CaptureResult): string {
  if (result.status === 'created') return t('capturedNew');
  if (result.status === 'updated') return t('capturedUpdated');
  return t('capturedVersion', result.carriedCorrections);
}

async function capture(quiet = false): Promise<void> {
  if (!page) return;
  try {
    const result = await capturePlan(db, { export: page.export, url: page.url, attachments: page.attachments });
    planId = result.planId;
    // Machine-readable too: scripts and tests need not parse the localised message.
    status.dataset.capture = result.status;
    if (!quiet) say(describeCapture(result));
    await showCaptured();
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
    t('summaryCounts', state.counts.task, state.counts.target, state.export.units.length),
    t('summaryTime', Math.round(state.timings.totalMs)),
    state.mode === 'wrap' ? t('modeWrap') : null,
    state.unanchored > 0 ? t('unanchored', state.unanchored) : null,
    state.note,
  ];
  return parts.filter(Boolean).join(' · ');
}

async function load(): Promise<void> {
  page = await ask<PageState>({ type: 'govclip:state' });
  if (!page && tabId !== null) {
    // Not yet run on this tab: run now (works when the user invoked GovClip or allowed the site).
    const ran = (await browser.runtime.sendMessage({ type: 'govclip:run', tabId })) as { ok: boolean; error?: string } | undefined;
    if (ran?.ok) page = await ask<PageState>({ type: 'govclip:state' });
    else if (ran?.error) say(`${t('cannotRun')}: ${ran.error}`);
  }
  captureButton.disabled = !page;
  addButton.disabled = !page;
  $<HTMLButtonElement>('export-breakdown').disabled = !page;
  $('filters').hidden = !page;
  if (!page) {
    shown = null;
    render();
    if (!status.textContent) say(t('notRun'));
    return;
  }
  say(summary(page));
  renderAttachments(page);
  await offerAutoRun(page.url);
  // A page captured before shows its stored corrections.
  const stored = await latestVersionOf(db, page.url);
  planId = stored && stored.contentHash === sha256Hex(page.export.document.text) ? stored.id : null;
  if (planId) await showCaptured();
  else {
    shown = page.export;
    fillUnitFilter(shown);
    render();
  }
}

localise(document);
captureButton.addEventListener('click', () => capture());
addButton.addEventListener('click', async () => {
  const selection = (await ask<string>({ type: 'govclip:selection' })) ?? '';
  const fields = await addTargetDialog(selection);
  if (fields) await correct({ kind: 'addTarget', target: fields });
});
$('open-library').addEventListener('click', () => browser.runtime.sendMessage({ type: 'govclip:open-library' }));
// 导出任务分解表: the plan as shown (with its corrections once captured), one row per task.
$('export-breakdown').addEventListener('click', () => {
  if (!shown) return;
  const name = (shown.document.title ?? 'govclip').replace(/[\\/:*?"<>|]/g, ' ').slice(0, 60);
  download(`${name}-任务分解表.xlsx`, new Blob([buildXlsx(breakdownSheets([shown])) as BlobPart], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }));
});
kindSelect.addEventListener('change', render);
unitSelect.addEventListener('change', render);
browser.runtime.onMessage.addListener((message: unknown, sender) => {
  const update = message as PageUpdated;
  if (update?.type === 'govclip:page-updated' && sender.tab?.id === tabId) load();
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
