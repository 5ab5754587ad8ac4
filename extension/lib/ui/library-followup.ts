// The library's follow-up actions (issue 12), kept apart from the page's own wiring: 导出任务分解表
// (the selected plans, corrections applied, one sheet each), 时间表 (the selected or listed plans
// by month, filter by unit, 导出责任清单 for the unit chosen) and 版本对比 (the open version against
// the one before it). The page passes in what it owns.
import { breakdownSheets, dutySheet } from '../../../shared/breakdown/table.ts';
import { buildXlsx } from '../../../shared/compare/xlsx.ts';
import { diffPlans } from '../../../shared/plan-diff/diff.ts';
import type { GovClipExport } from '../../../shared/schema.ts';
import { buildTimeline } from '../../../shared/timeline/timeline.ts';
import { t } from '../i18n.ts';
import type { MarkKind } from '../page/read-live-page.ts';
import { getPlan, type GovClipDB } from '../store/index.ts';
import { clear, download, el } from './dom.ts';
import { renderDiffView, renderTimelineView } from './followup-views.ts';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export interface LibraryHost {
  db: GovClipDB;
  detail: HTMLElement;
  say: (message: string) => void;
  /** The selected plans, else the open one. */
  chosen: () => string[];
  /** The selected plans, else every plan listed. */
  selectedOrListed: () => string[];
  openId: () => string | null;
  /** Opens a plan in the detail pane and reveals one of its items in the source text. */
  openPlan: (planId: string, reveal?: { kind: MarkKind; id: string }) => Promise<void>;
  today?: () => string;
}

/** The plans with their corrections applied; `storeIds` maps each export's document id back to its library row. */
async function corrected(db: GovClipDB, ids: readonly string[], storeIds?: Map<string, string>): Promise<GovClipExport[]> {
  const plans: GovClipExport[] = [];
  for (const id of ids) {
    const plan = await getPlan(db, id);
    if (!plan) continue;
    plans.push(plan.export);
    storeIds?.set(plan.export.document.id, id);
  }
  return plans;
}

const stamp = () => new Date().toISOString().slice(0, 10);

export async function exportBreakdown(host: LibraryHost): Promise<void> {
  const ids = host.chosen();
  if (ids.length === 0) return host.say(t('selectFirst'));
  const plans = await corrected(host.db, ids);
  download(`govclip-任务分解表-${stamp()}.xlsx`, new Blob([buildXlsx(breakdownSheets(plans)) as BlobPart], { type: XLSX_TYPE }));
  host.say(t('exported', plans.length));
}

export async function showTimeline(host: LibraryHost): Promise<void> {
  const ids = host.selectedOrListed();
  if (ids.length === 0) return host.say(t('selectFirst'));
  const storeIds = new Map<string, string>();
  const plans = await corrected(host.db, ids, storeIds);
  const today = host.today?.() ?? stamp();
  const units = [...new Set(plans.flatMap((p) => p.units.map((u) => u.canonical)))].sort((a, b) => a.localeCompare(b, 'zh-Hans-CN'));
  const unitSelect = el('select', { attrs: { id: 'timeline-unit', 'aria-label': t('filterUnit') } }, el('option', { attrs: { value: '' } }, t('unitAll')), ...units.map((u) => el('option', { attrs: { value: u } }, u)));
  const dutyButton = el('button', { attrs: { type: 'button', id: 'export-duties', disabled: true } }, t('exportDuties'));
  const body = el('div');
  const draw = () => {
    const unit = unitSelect.value || undefined;
    dutyButton.disabled = unit === undefined;
    clear(body);
    body.append(renderTimelineView(buildTimeline(plans, { today, unit }), {
      onOpen: (item) => void host.openPlan(storeIds.get(item.planId) ?? item.planId, item.taskId !== null ? { kind: 'task', id: item.taskId } : { kind: 'target', id: item.targetId ?? '' }),
    }));
  };
  unitSelect.addEventListener('change', draw);
  dutyButton.addEventListener('click', () => {
    if (!unitSelect.value) return;
    download(`govclip-${unitSelect.value}-责任清单-${stamp()}.xlsx`, new Blob([buildXlsx([dutySheet(plans, unitSelect.value)]) as BlobPart], { type: XLSX_TYPE }));
  });
  clear(host.detail);
  host.detail.append(el('section', null, el('h2', null, `${t('timelineButton')} (${plans.length})`), el('div', { class: 'filters' }, el('label', null, t('filterUnit'), ' ', unitSelect), dutyButton), body));
  draw();
}

export async function showVersionDiff(host: LibraryHost): Promise<void> {
  const id = host.openId() ?? host.chosen()[0];
  if (!id) return host.say(t('selectFirst'));
  const newer = await getPlan(host.db, id);
  const previousId = newer?.summary.previousVersionId ?? null;
  const older = previousId ? await getPlan(host.db, previousId) : undefined;
  if (!newer || !older) return host.say(t('noPreviousVersion'));
  const diff = diffPlans(older.export, newer.export);
  clear(host.detail);
  host.detail.append(el('section', null,
    el('h2', null, t('versionDiff')),
    el('p', { class: 'note' }, `${new Date(older.summary.capturedAt).toISOString().slice(0, 10)} → ${new Date(newer.summary.capturedAt).toISOString().slice(0, 10)}`),
    renderDiffView(diff, { onOpen: (side, ref) => void host.openPlan(side === 'old' ? older.summary.id : newer.summary.id, { kind: 'task', id: ref.id }) })));
}
