// The side panel: the plan of the tab it sits beside (or of ?tab=ID when opened as a page), with
// filters, reveal-on-click, capture into the library, corrections and the page's attachments.
// It follows the page: each run of the content script (toolbar, shortcut, automatic), each
// correction and each move of the page's target cursor (n / p) shows here, and the page shows the
// corrected plan. A page that only issues its plan (关于印发…的通知) shows its captured 附件's plan.
import '../../lib/ui/panel.css';
import { browser } from 'wxt/browser';
import type { GovClipExport } from '../../../shared/schema.ts';
import { t, localise } from '../../lib/i18n.ts';
import { backgroundProtocol, contentProtocol, cursorMovedSchema, pageUpdatedSchema, planCapturedSchema, sender, type ContentProtocol, type PageState, type Reply, type RequestOf, type ValueOf } from '../../lib/messages.ts';
import type { MarkKind } from '../../lib/page/read-live-page.ts';
import { capturePlan, GovClipDB, isNoticeOnly, latestVersionOf, listCorrections, normaliseUrl, sha256Hex, type CaptureResult } from '../../lib/store/index.ts';
import { hostPattern, sitePattern } from '../../lib/background/content-scripts.ts';
import { addMissedTarget, correctionActions, type CorrectionHost } from '../../lib/ui/corrections.ts';
import { clear, download, el } from '../../lib/ui/dom.ts';
import { listPlaces, renderPlan, restoreListPlaces, showCurrentTarget, type ItemKind } from '../../lib/ui/plan-view.ts';
import { attachmentPlanFor, capturedParts, type AttachmentPlan } from '../../lib/ui/panel-plan.ts';
import { sourceText } from '../../lib/ui/source-text.ts';
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
/** The page's captured 附件 whose plan stands for the page (a notice page), else null. */
let attachment: AttachmentPlan | null = null;
/** Beside a notice page: the attachment's plan (default) or the page's own notice. */
let showing: 'attachment' | 'page' = 'attachment';
/** The attachment's text with its items marked, shown below its plan. */
let attachmentSource: ReturnType<typeof sourceText> | null = null;
/** The target under the page's keyboard cursor: the panel marks its row. */
let currentTarget: string | null = null;
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

/** The attachment's plan is the one listed: its items are in the attachment's text, not on the page. */
const showingAttachment = () => attachment !== null && showing === 'attachment';

function reveal(kind: MarkKind, id: string): void {
  if (showingAttachment()) {
    const details = planBox.querySelector<HTMLDetailsElement>('details.attachment-text');
    if (details) details.open = true;
    if (!attachmentSource?.reveal(kind, id)) say(t('notOnPage'));
    return;
  }
  ask('reveal', { kind, id }).then((found) => {
    if (!found.ok || !found.value) say(t('notOnPage'));
  });
}

/** A target the reader arrowed onto in a list: the page's cursor goes there, with its tooltip. */
function moveCursor(id: string): void {
  currentTarget = id;
  showCurrentTarget(planBox, id);
  reveal('target', id);
}

const host: CorrectionHost = {
  db,
  async planId() {
    // The attachment's plan is corrected in its own library version.
    if (showingAttachment()) return attachment?.planId ?? null;
    if (!planId) await capture(true);
    return planId;
  },
  shown: () => shown,
  async saved(id) {
    // The page shows the corrected plan too: it gets the plan's corrections and re-highlights.
    if (id === planId) {
      const corrections = (await listCorrections(db, id)).map((row) => row.correction);
      await ask('setCorrections', { corrections });
    }
    await load();
  },
  say,
};

/** Beside a notice page: where the plan comes from, and the switch between the two texts. */
function entryNote(part: AttachmentPlan): HTMLElement {
  const name = page?.attachments.find((a) => normaliseUrl(a.url) === normaliseUrl(part.url))?.title || part.export.document.title || part.url;
  const onAttachment = showing === 'attachment';
  return el('p', { class: 'entry-note note', attrs: { 'data-showing': showing } },
    onAttachment ? t('panelFromAttachment', name) : t('panelPageOwn', name), ' ',
    el('button', {
      attrs: { type: 'button', 'data-action': onAttachment ? 'show-page' : 'show-attachment' },
      on: {
        click: () => {
          showing = onAttachment ? 'page' : 'attachment';
          show();
        },
      },
    }, onAttachment ? t('showPagePlan') : t('showAttachmentPlan')));
}

function render(): void {
  // Keep the reader's place: a filter change or a new run re-renders the lists under the same
  // scroll, focus and tab stops.
  const scroll = document.scrollingElement?.scrollTop ?? 0;
  const places = listPlaces(planBox);
  const focusedId = (document.activeElement as HTMLElement | null)?.id;
  clear(planBox);
  attachmentSource = null;
  if (!shown) return;
  const onAttachment = showingAttachment();
  if (attachment) planBox.appendChild(entryNote(attachment));
  planBox.appendChild(renderPlan(shown, {
    kind: kindSelect.value as ItemKind,
    unit: unitSelect.value || null,
    onReveal: reveal,
    onCursor: onAttachment ? undefined : moveCursor,
    ...correctionActions(host),
  }));
  if (onAttachment && attachment) {
    attachmentSource = sourceText(attachment.export);
    planBox.appendChild(el('details', { class: 'attachment-text' }, el('summary', null, t('attachmentText')), attachmentSource.element));
  }
  // The page's current target is marked; the reader's own place in each list wins the tab stop.
  if (!onAttachment) showCurrentTarget(planBox, currentTarget);
  restoreListPlaces(planBox, places);
  if (document.scrollingElement) document.scrollingElement.scrollTop = scroll;
  if (focusedId && !planBox.contains(document.activeElement)) document.getElementById(focusedId)?.focus({ preventScroll: true });
}

/** Shows the plan chosen: the page's (as the page shows it), or its attachment's. */
function show(): void {
  shown = showingAttachment() ? (attachment as AttachmentPlan).entry : page ? (page.corrected ?? page.export) : null;
  // Words selected on the page belong to the page's own text.
  addButton.disabled = !page || showingAttachment();
  addButton.title = showingAttachment() ? t('addTargetPageOnly') : '';
  if (shown) fillUnitFilter(shown);
  render();
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

/** The site's pattern for the automatic run, and whether the user already allowed it. */
async function autoRunOf(url: string): Promise<{ pattern: string | null; allowed: boolean }> {
  const pattern = sitePattern(url);
  const own = hostPattern(url);
  return { pattern, allowed: !pattern || !own || (await browser.permissions.contains({ origins: [own] }).catch(() => false)) };
}

function offerAutoRun({ pattern, allowed }: { pattern: string | null; allowed: boolean }): void {
  const button = $<HTMLButtonElement>('allow-site');
  button.hidden = allowed;
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

/**
 * Reads the tab's state and what the library holds for it, then shows it all at once. A load
 * that a newer one overtook (the reader switched tabs, the page ran again) shows nothing: every
 * answer is awaited before anything is shown, and the token is checked after each await.
 */
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
  if (!reply.ok) {
    page = null;
    shown = null;
    planId = null;
    attachment = null;
    enable(false);
    render();
    $('attachments').hidden = true;
    say(reply.code === 'notRun' ? t('notRun') : errorText(reply));
    return;
  }
  const state = reply.value;
  const [autoRun, stored, parts] = await Promise.all([
    autoRunOf(state.url),
    // A page captured before: its corrections apply to that library version.
    latestVersionOf(db, state.url),
    // Its 附件 captured from it: a notice page shows the attachment's plan.
    capturedParts(db, state.url),
  ]);
  if (stale()) return;
  if (page?.url !== state.url) showing = 'attachment';
  page = state;
  enable(true);
  say(summary(state));
  renderAttachments(state);
  offerAutoRun(autoRun);
  planId = stored && stored.contentHash === sha256Hex(state.export.document.text) ? stored.id : null;
  attachment = attachmentPlanFor(state.corrected ?? state.export, parts);
  currentTarget = state.cursor;
  // The page's plan as the page shows it (the same ids, so a click reveals the right words), or its attachment's.
  show();
  // For scripts and tests: how many runs of the page this view has followed.
  document.body.dataset.loads = String(Number(document.body.dataset.loads ?? 0) + 1);
}

function enable(on: boolean): void {
  captureButton.disabled = !on;
  addButton.disabled = !on;
  $<HTMLButtonElement>('export-breakdown').disabled = !on;
  $('filters').hidden = !on;
}

/** The page's cursor moved (n / p there, or a reveal from here): its row here becomes current. */
function followCursor(targetId: string): void {
  currentTarget = targetId;
  if (showingAttachment()) return;
  const row = showCurrentTarget(planBox, targetId);
  // Into view without taking the focus (the reader is on the page); scroll-margin keeps it clear of the sticky header.
  if (row && !row.contains(document.activeElement)) row.scrollIntoView({ block: 'nearest' });
}

/** The sticky top (bar and filters) is as tall as its buttons wrap to: the table header sits below it. */
function trackTopHeight(): void {
  const top = $('top');
  const update = () => document.documentElement.style.setProperty('--bar-height', `${top.getBoundingClientRect().height}px`);
  new ResizeObserver(update).observe(top);
  update();
}

localise(document);
trackTopHeight();
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
  const fromTab = messageSender.tab?.id;
  if (pageUpdatedSchema.safeParse(message).success && fromTab === tabId) void load();
  const cursor = cursorMovedSchema.safeParse(message);
  if (cursor.success && fromTab === tabId) followCursor(cursor.data.targetId);
  // A 附件 of this page captured in the attachment tab: a notice page now shows its plan.
  const captured = planCapturedSchema.safeParse(message);
  if (captured.success && page && captured.data.partOf && normaliseUrl(captured.data.partOf) === normaliseUrl(page.url)) void load();
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
