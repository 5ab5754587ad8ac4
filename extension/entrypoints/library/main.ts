// The library page: every captured plan, searchable and sortable; one plan with its source text;
// exports (JSON in the contract, targets as CSV), backup and restore.
import '../../lib/ui/panel.css';
import { browser } from 'wxt/browser';
import { t, localise } from '../../lib/i18n.ts';
import { BackupError, createBackup, deletePlan, exportPlansJson, exportTargetsCsv, getPlan, GovClipDB, listPlans, restoreBackup, type PlanSort, type PlanSummary } from '../../lib/store/index.ts';
import { clear, download, el } from '../../lib/ui/dom.ts';
import { correctionActions, type CorrectionHost } from '../../lib/ui/corrections.ts';
import { renderPlan } from '../../lib/ui/plan-view.ts';
import type { GovClipExport } from '../../../shared/schema.ts';
import { exportBreakdown, showTimeline, showVersionDiff, type LibraryHost } from '../../lib/ui/library-followup.ts';
import type { MarkKind } from '../../lib/page/read-live-page.ts';
import { sourceText } from '../../lib/ui/source-text.ts';
import { virtualList } from '../../lib/ui/virtual-list.ts';

const db = new GovClipDB();
const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const status = $('status');
const search = $<HTMLInputElement>('search');
const sort = $<HTMLSelectElement>('sort');
const oldVersions = $<HTMLInputElement>('old-versions');
const detail = $('detail');
const selectAll = $<HTMLInputElement>('select-all');

let plans: PlanSummary[] = [];
const selected = new Set<string>();
let openId: string | null = null;

const say = (message: string) => {
  status.textContent = message;
};

function planRow(plan: PlanSummary): HTMLElement {
  const box = el('input', { attrs: { type: 'checkbox', 'aria-label': plan.title ?? plan.url } });
  box.checked = selected.has(plan.id);
  box.addEventListener('change', () => {
    if (box.checked) selected.add(plan.id);
    else selected.delete(plan.id);
  });
  return el('div', { class: `plan-row${plan.id === openId ? ' open' : ''}`, attrs: { 'data-plan-id': plan.id } },
    box,
    el('button', { class: 'item', attrs: { type: 'button' }, on: { click: () => openPlan(plan.id) } },
      el('span', { class: 'row-title' }, plan.title ?? plan.url),
      el('span', { class: 'row-meta' }, [
        plan.region,
        // The plan's own date, or none: a capture date is labelled as one, never passed off as the plan's.
        plan.publishedAt ?? t('capturedOn', new Date(plan.capturedAt).toISOString().slice(0, 10)),
        t('rowCounts', plan.taskCount, plan.targetCount),
        plan.version > 1 ? `v${plan.version}` : null,
        plan.alsoAt?.length ? t('alsoAt', plan.alsoAt.length) : null,
      ].filter(Boolean).join(' · '))));
}

const list = virtualList<PlanSummary>(52, planRow, t('libraryTitle'));
$('plans').appendChild(list.element);

async function refresh(): Promise<void> {
  plans = await listPlans(db, { search: search.value, sort: sort.value as PlanSort, includeOldVersions: oldVersions.checked });
  for (const id of [...selected]) if (!plans.some((plan) => plan.id === id)) selected.delete(id);
  $('count').textContent = t('planCount', plans.length);
  selectAll.checked = plans.length > 0 && selected.size === plans.length;
  list.setItems(plans);
}

/** The open plan as shown (corrections applied): corrections made here are keyed from it. */
let openExport: GovClipExport | null = null;

// Any captured plan (a page, an attachment, an OCR scan) is corrected here as on its page.
/** The plan version the open entry's plan is stored as (the page's, or its attachment's). */
let openEntryPlanId: string | null = null;

const corrections: CorrectionHost = {
  db,
  planId: async () => openEntryPlanId,
  shown: () => openExport,
  async saved() {
    await refresh();
    if (openId) await openPlan(openId);
  },
  say,
};

async function openPlan(id: string, reveal?: { kind: MarkKind; id: string }): Promise<void> {
  openId = id;
  list.refresh();
  const plan = await getPlan(db, id);
  clear(detail);
  openExport = plan?.entry ?? null;
  openEntryPlanId = plan?.entryPlanId ?? null;
  if (!plan) return;
  // The entry's plan is read in its own text: the page's, or the attachment's when the page only announces it.
  const source = sourceText(plan.entry);
  const corrected = plan.corrections.length + plan.parts.reduce((n, part) => n + part.corrections.length, 0);
  const alsoAt = plans.find((row) => row.id === id)?.alsoAt ?? [];
  detail.append(
    ...[plan.summary.url, ...alsoAt].map((url) => el('p', { class: 'source-url' }, el('a', { attrs: { href: url, target: '_blank', rel: 'noopener noreferrer' } }, url))),
    corrected > 0 ? el('p', { class: 'note' }, t('correctionCount', corrected)) : '',
    renderPlan(plan.entry, { onReveal: (kind, itemId) => source.reveal(kind, itemId), ...correctionActions(corrections) }),
    el('section', null, el('h2', null, plan.entryPlanId === plan.summary.id ? t('sourceText') : t('attachmentText')), source.element),
    // The other texts of the entry stay readable with their highlights: the notice page, or further attachments.
    ...[{ detail: plan, label: t('pageText') }, ...plan.parts.map((part) => ({ detail: part, label: `${t('attachments')}: ${part.summary.url}` }))]
      .filter((other) => other.detail.summary.id !== plan.entryPlanId)
      .map((other) => el('details', { class: 'entry-part', attrs: { 'data-part-id': other.detail.summary.id } },
        el('summary', null, other.label),
        sourceText(other.detail.export).element)));
  if (reveal) source.reveal(reveal.kind, reveal.id);
}

function chosen(): string[] {
  if (selected.size > 0) return [...selected];
  return openId ? [openId] : [];
}

function stamp(): string {
  return new Date().toISOString().slice(0, 10);
}

async function guarded(action: () => Promise<void>): Promise<void> {
  try {
    await action();
  } catch (error) {
    // The user's language for what went wrong; the technical detail stays in the tooltip.
    say(error instanceof BackupError ? t(`restoreError_${error.code}`) : `${t('actionFailed')}: ${(error as Error)?.message ?? String(error)}`);
    status.title = (error as Error)?.message ?? '';
  }
}

localise(document);
search.addEventListener('input', () => refresh());
sort.addEventListener('change', () => refresh());
oldVersions.addEventListener('change', () => refresh());
selectAll.addEventListener('change', () => {
  if (selectAll.checked) plans.forEach((plan) => selected.add(plan.id));
  else selected.clear();
  list.refresh();
});
$('export-json').addEventListener('click', () => guarded(async () => {
  const ids = chosen();
  if (ids.length === 0) return say(t('selectFirst'));
  download(`govclip-${stamp()}.json`, await exportPlansJson(db, ids));
  say(t('exported', ids.length));
}));
$('export-csv').addEventListener('click', () => guarded(async () => {
  const ids = chosen();
  if (ids.length === 0) return say(t('selectFirst'));
  download(`govclip-targets-${stamp()}.csv`, await exportTargetsCsv(db, ids), 'text/csv;charset=utf-8');
  say(t('exported', ids.length));
}));
$('compare').addEventListener('click', () => guarded(async () => {
  // The selected plans, else every plan listed (the search and filters narrow it).
  const ids = selected.size > 0 ? [...selected] : plans.map((plan) => plan.id);
  if (ids.length < 2) return say(t('compareNeedTwo'));
  await browser.tabs.create({ url: browser.runtime.getURL(`/compare.html?plans=${ids.map(encodeURIComponent).join(',')}`) });
}));
const followup: LibraryHost = {
  db,
  detail,
  say,
  chosen,
  selectedOrListed: () => (selected.size > 0 ? [...selected] : plans.map((plan) => plan.id)),
  openId: () => openId,
  openPlan,
};
$('timeline').addEventListener('click', () => guarded(() => showTimeline(followup)));
$('version-diff').addEventListener('click', () => guarded(() => showVersionDiff(followup)));
$('export-breakdown').addEventListener('click', () => guarded(() => exportBreakdown(followup)));
$('delete').addEventListener('click', () => guarded(async () => {
  const ids = chosen();
  if (ids.length === 0) return say(t('selectFirst'));
  if (!confirm(t('confirmDelete', ids.length))) return;
  for (const id of ids) await deletePlan(db, id);
  selected.clear();
  if (openId && ids.includes(openId)) {
    openId = null;
    clear(detail);
  }
  say(t('deleted', ids.length));
  await refresh();
}));
$('backup').addEventListener('click', () => guarded(async () => {
  download(`govclip-backup-${stamp()}.json`, await createBackup(db));
  say(t('backupDone'));
}));
$<HTMLInputElement>('restore').addEventListener('change', (event) => guarded(async () => {
  const input = event.target as HTMLInputElement;
  const file = input.files?.[0];
  input.value = '';
  if (!file) return;
  const report = await restoreBackup(db, file);
  const conflicts = report.conflicts.map((c) => `${c.title ?? c.url}: ${c.kept === 'local' ? t('keptLocal') : t('keptBackup')}`);
  say([t('restored', report.added, report.updated, report.skipped), ...conflicts, report.errors.length > 0 ? t('restoreDamagedPlans', report.errors.length) : null].filter(Boolean).join(' · '));
  status.title = report.errors.join('\n');
  await refresh();
}));

refresh().then(() => {
  const wanted = new URLSearchParams(location.search).get('plan');
  if (wanted) return openPlan(wanted);
  return undefined;
});
