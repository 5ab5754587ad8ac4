// The compare page (compare.html?plans=<id>,<id>,…): the chosen plans' corrected exports from the
// library, compared in the browser with the CLI's jieba segmenter. Three tabs: the indicator ×
// plan table (a cell shows its source sentence), similar clauses with their diff, a unit's duties;
// the table exports as CSV and XLSX. Every page-derived string is a text node (el()).
import '../../lib/ui/panel.css';
import './style.css';
import { comparePlans } from '../../../shared/compare/compare.ts';
import type { Comparison, IndicatorMember } from '../../../shared/compare/schema.ts';
import type { GovClipExport } from '../../../shared/schema.ts';
import { browserSegmenter } from '../../lib/compare/segmenter.ts';
import {
  CSV_MIME, STRICTER_MARK, XLSX_MIME, clausePicker, clauseView, indicatorCsv, indicatorView, comparisonXlsx, memberSnippet, planIdsFromSearch, unitDutyRows, unitPicker,
  type AlignedRow, type IndicatorView,
} from '../../lib/compare/view-model.ts';
import { t, localise } from '../../lib/i18n.ts';
import { getPlan, GovClipDB } from '../../lib/store/index.ts';
import { clear, download, el } from '../../lib/ui/dom.ts';

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const status = $('status');
const say = (message: string) => {
  status.textContent = message;
};

let comparison: Comparison | null = null;
let exportsCompared: GovClipExport[] = [];
let view: IndicatorView | null = null;

// Tabs: arrow keys move between them (roving tabindex), Enter/Space/click select.
const tabs = Array.from(document.querySelectorAll<HTMLButtonElement>('[role="tab"]'));
function selectTab(tab: HTMLButtonElement, focus = false): void {
  for (const other of tabs) {
    const on = other === tab;
    other.setAttribute('aria-selected', String(on));
    other.tabIndex = on ? 0 : -1;
    $(other.getAttribute('aria-controls') as string).hidden = !on;
  }
  if (focus) tab.focus();
}
tabs.forEach((tab, i) => {
  tab.addEventListener('click', () => selectTab(tab));
  tab.addEventListener('keydown', (event) => {
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (step !== 0) selectTab(tabs[(i + step + tabs.length) % tabs.length] as HTMLButtonElement, true);
    else if (event.key === 'Home') selectTab(tabs[0] as HTMLButtonElement, true);
    else if (event.key === 'End') selectTab(tabs[tabs.length - 1] as HTMLButtonElement, true);
    else return;
    event.preventDefault();
  });
});

// Indicators
const allIndicators = $<HTMLInputElement>('all-indicators');
const tableHost = $('indicator-table');
const cellSource = $('cell-source');

function showSource(label: string, indicator: string, members: readonly IndicatorMember[]): void {
  if (!comparison) return;
  clear(cellSource);
  cellSource.append(el('h2', null, `${indicator} · ${label}`));
  for (const member of members) {
    const snippet = memberSnippet(comparison, exportsCompared, member);
    cellSource.append(el('blockquote', { class: 'source-sentence', attrs: { 'data-target-id': member.targetId } },
      snippet.before, el('mark', { attrs: { 'data-govclip-kind': 'target' } }, snippet.mark), snippet.after));
  }
}

function renderIndicators(): void {
  if (!comparison) return;
  view = indicatorView(comparison, { all: allIndicators.checked });
  const current = view;
  clear(tableHost);
  clear(cellSource);
  if (current.rows.length === 0) {
    tableHost.append(el('p', { class: 'note' }, t('compareNoIndicators')));
    return;
  }
  const head = el('tr', null, el('th', { attrs: { scope: 'col' } }, t('compareIndicator')),
    ...current.columns.map((column) => el('th', { attrs: { scope: 'col', 'data-doc': column.doc } }, column.label)));
  const body = current.rows.map((row) => el('tr', { attrs: { 'data-indicator-id': row.id } },
    el('th', { attrs: { scope: 'row' } }, row.name),
    ...row.cells.map((cell, c) => {
      const column = current.columns[c] as (typeof current.columns)[number];
      if (cell.members.length === 0) return el('td', { class: 'empty', attrs: { 'data-doc': column.doc } });
      // The shared text ends in the stricter mark; the page shows it as a badge with a title instead.
      const text = cell.stricter ? cell.text.replaceAll(` ${STRICTER_MARK}`, '') : cell.text;
      return el('td', { class: cell.stricter ? 'stricter' : '', attrs: { 'data-doc': column.doc } },
        el('button', {
          class: 'cell',
          attrs: { type: 'button', 'aria-label': `${row.name} · ${column.label}: ${text}${cell.stricter ? ` (${t('compareStricter')})` : ''}` },
          on: { click: () => showSource(column.label, row.name, cell.members) },
        }, text, cell.stricter ? el('span', { class: 'stricter-mark', attrs: { title: t('compareStricter') } }, ` ${STRICTER_MARK}`) : null));
    })));
  tableHost.append(el('table', { class: 'indicators', attrs: { id: 'indicators' } }, el('thead', null, head), el('tbody', null, ...body)));
}
allIndicators.addEventListener('change', renderIndicators);

// Clauses
const clausePlan = $<HTMLSelectElement>('clause-plan');
const clauseTask = $<HTMLSelectElement>('clause-task');
const clauseHost = $('clause-view');

function fillClausePlans(): void {
  if (!comparison) return;
  const picker = clausePicker(comparison);
  clear(clausePlan);
  for (const plan of picker) clausePlan.append(el('option', { attrs: { value: plan.doc } }, plan.label));
  fillClauseTasks();
}

function fillClauseTasks(): void {
  if (!comparison) return;
  const plan = clausePicker(comparison).find((p) => p.doc === clausePlan.value);
  clear(clauseTask);
  for (const task of plan?.tasks ?? []) clauseTask.append(el('option', { attrs: { value: task.taskId } }, task.label));
  renderClause();
}

function renderClause(): void {
  clear(clauseHost);
  if (!comparison) return;
  const found = clauseView(comparison, clausePlan.value, clauseTask.value);
  if (!found) {
    clauseHost.append(el('p', { class: 'note' }, t('compareNoClauses')));
    return;
  }
  for (const similar of found.similar) {
    clauseHost.append(el('section', { class: 'clause-pair', attrs: { 'data-similar-doc': similar.doc } },
      el('table', { class: 'aligned' },
        el('thead', null, el('tr', null,
          el('th', { attrs: { scope: 'col' } }, `${found.planLabel} · ${found.taskLabel}`),
          el('th', { attrs: { scope: 'col' } }, `${similar.planLabel} · ${similar.taskLabel}`, ' ', el('span', { class: 'score' }, `${t('compareScore')} ${similar.scoreText}`)))),
        el('tbody', null, ...similar.rows.map(alignedRow)))));
  }
}

/** A row of the aligned tasks: shared phrases marked in a pair; a clause only one plan has, whole, beside an empty cell. */
function alignedRow(row: AlignedRow): HTMLElement {
  if (row.kind === 'onlyA') {
    return el('tr', { class: 'only-this' }, el('td', { attrs: { title: t('compareOnlyThis') } }, el('del', { class: 'only-this' }, row.a)), el('td', { class: 'absent' }, t('compareAbsent')));
  }
  if (row.kind === 'onlyB') {
    return el('tr', { class: 'only-other' }, el('td', { class: 'absent' }, t('compareAbsent')), el('td', { attrs: { title: t('compareOnlyOther') } }, el('ins', { class: 'only-other' }, row.b)));
  }
  const side = (own: 'delete' | 'insert') => row.parts
    .filter((part) => part.op === 'equal' || part.op === own)
    .map((part) => (part.op === 'equal' ? el('mark', { class: 'shared' }, part.text) : el('span', { class: 'changed' }, part.text)));
  return el('tr', { class: 'pair' }, el('td', null, ...side('delete')), el('td', null, ...side('insert')));
}
clausePlan.addEventListener('change', fillClauseTasks);
clauseTask.addEventListener('change', renderClause);

// Units
const unitSelect = $<HTMLSelectElement>('unit-select');
const unitHost = $('unit-duties');

function fillUnits(): void {
  if (!comparison) return;
  clear(unitSelect);
  for (const unit of unitPicker(comparison)) unitSelect.append(el('option', { attrs: { value: unit.unit } }, unit.label));
  renderUnit();
}

function renderUnit(): void {
  clear(unitHost);
  if (!comparison) return;
  const rows = unitDutyRows(comparison, unitSelect.value);
  if (rows.length === 0) {
    unitHost.append(el('p', { class: 'note' }, t('compareNoUnits')));
    return;
  }
  unitHost.append(el('table', { class: 'duties' },
    el('thead', null, el('tr', null, ...['comparePlan', 'compareTaskPath', 'compareTaskTitle', 'compareRole', 'compareUnitName'].map((key) => el('th', { attrs: { scope: 'col' } }, t(key))))),
    el('tbody', null, ...rows.map((row) => el('tr', null,
      el('td', null, row.plan), el('td', null, row.path), el('td', { attrs: { title: row.text } }, row.title || row.text.slice(0, 60)),
      el('td', null, t(row.role === 'lead' ? 'compareRoleLead' : 'compareRoleResponsible')), el('td', null, row.name))))));
}
unitSelect.addEventListener('change', renderUnit);

// Export
const stamp = () => new Date().toISOString().slice(0, 10);
const exportCsv = $<HTMLButtonElement>('export-table-csv');
const exportXlsx = $<HTMLButtonElement>('export-table-xlsx');
exportCsv.addEventListener('click', () => {
  if (!view) return;
  download(`govclip-indicators-${stamp()}.csv`, indicatorCsv(view), CSV_MIME);
  say(t('compareExported', view.rows.length));
});
exportXlsx.addEventListener('click', () => {
  if (!view || !comparison) return;
  const bytes = comparisonXlsx(comparison, exportsCompared);
  download(`govclip-compare-${stamp()}.xlsx`, new Blob([bytes.slice().buffer], { type: XLSX_MIME }));
  say(t('compareExported', view.rows.length));
});

async function load(): Promise<void> {
  const ids = planIdsFromSearch(location.search);
  if (ids.length < 2) return say(t('compareNeedTwo'));
  say(t('compareLoading', ids.length));
  const db = new GovClipDB();
  const loaded = await Promise.all(ids.map((id) => getPlan(db, id)));
  const missing = ids.filter((_, i) => !loaded[i]);
  exportsCompared = loaded.flatMap((plan) => (plan ? [plan.export] : []));
  if (exportsCompared.length < 2) return say(t('compareNeedTwo'));
  say(t('compareSegmenting'));
  const segmenter = await browserSegmenter();
  say(t('compareComparing', exportsCompared.length));
  // Let the status paint before the (synchronous) comparison runs.
  await new Promise((resolve) => setTimeout(resolve, 0));
  comparison = comparePlans(exportsCompared, { segmenter });
  renderIndicators();
  fillClausePlans();
  fillUnits();
  exportCsv.disabled = false;
  exportXlsx.disabled = false;
  const done = t('compareDone', comparison.plans.length, comparison.indicators.filter((i) => i.plans >= 2).length);
  say(missing.length > 0 ? `${done} · ${t('compareMissing', missing.length)}` : done);
}

localise(document);
load().catch((error: unknown) => say(`${t('compareFailed')}: ${(error as Error).message}`));
