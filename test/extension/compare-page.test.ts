// The compare page's view models on the four seed plans, extracted and compared as the CLI does
// (node jieba, the same domain words the page's web build loads): the indicator × plan table,
// a cell's source sentence, the clause diff, a unit's duties and the exports.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { comparePlans } from '../../shared/compare/compare.ts';
import { comparisonWorkbook } from '../../shared/compare/xlsx.ts';
import { indicatorTable } from '../../shared/compare/views.ts';
import { extractPlan } from '../../shared/extract.ts';
import { nodeSegmenter } from '../../pipeline/compare/segmenter.ts';
import {
  clausePicker, clauseView, comparisonXlsx, indicatorCsv, indicatorView, memberSnippet, planIdsFromSearch, sourceSnippet, unitDutyRows, unitPicker,
} from '../../extension/lib/compare/view-model.ts';

const SEEDS = join(import.meta.dirname, '..', '..', 'fixtures', 'seeds');
const exports = readdirSync(SEEDS).filter((n) => n.endsWith('.txt')).sort()
  .map((name) => extractPlan(readFileSync(join(SEEDS, name), 'utf8'), { id: '0'.repeat(64), source: { kind: 'text', url: null, file: name } }));
const comparison = comparePlans(exports, { segmenter: nodeSegmenter() });

describe('the indicator table', () => {
  const view = indicatorView(comparison);

  it('has one column per plan, labelled region + year', () => {
    expect(view.columns.map((c) => c.label)).toEqual(['黑龙江省 2018–2020', '襄阳市 2018–2020', '吴忠市 2021–2023', '会宁县 2021']);
  });

  it('shows only indicators shared by at least two plans by default, all with the toggle', () => {
    expect(view.rows.every((row) => row.plans >= 2)).toBe(true);
    expect(view.rows).toHaveLength(comparison.indicators.filter((i) => i.plans >= 2).length);
    const all = indicatorView(comparison, { all: true });
    expect(all.rows).toHaveLength(comparison.indicators.length);
    expect(all.rows.length).toBeGreaterThan(view.rows.length);
  });

  it('人均公园绿地面积: 襄阳 > 8, 吴忠 and 会宁 ≥ 12 marked stricter, nothing for 黑龙江', () => {
    const row = view.rows.find((r) => r.id === 'park-area-per-capita');
    expect(row?.name).toBe('人均公园绿地面积');
    expect(row?.cells.map((c) => c.text)).toEqual(['', '> 8 平方米 (2020)', '≥ 12 平方米 (2023) *', '≥ 12 平方米 (2021) *']);
    expect(row?.cells.map((c) => c.stricter)).toEqual([false, false, true, true]);
    expect(row?.cells.map((c) => c.members.map((m) => m.metric))).toEqual([[], ['人均公园面积'], ['人均公园绿地面积'], ['人均公园绿地面积']]);
  });

  it('agrees with the CLI table (the shared indicatorTable) cell for cell', () => {
    const cli = indicatorTable(comparison, { minPlans: 2 });
    expect(view.table).toEqual(cli);
    expect(view.rows.map((row) => [row.name, ...row.cells.map((c) => c.text)])).toEqual(cli.rows);
  });

  it('a cell shows its source sentence from the plan text with the target marked', () => {
    const row = view.rows.find((r) => r.id === 'park-area-per-capita');
    const member = row?.cells[2]?.members[0];
    if (!member) throw new Error('no 吴忠 member');
    const snippet = memberSnippet(comparison, exports, member);
    expect(snippet.mark).toBe('人均公园绿地面积≥12平方米');
    expect(exports[2]?.document.text.slice(member.span[0], member.span[1])).toBe(snippet.mark);
    expect(`${snippet.before}${snippet.mark}${snippet.after}`).toContain(snippet.mark);
    expect(snippet.before + snippet.after).not.toMatch(/\n/);
  });

  it('exports CSV with a BOM and an XLSX workbook of the same rows', () => {
    const csv = indicatorCsv(view);
    expect(csv.startsWith('\uFEFF指标 indicator,黑龙江省 2018–2020,')).toBe(true);
    expect(csv).toContain('人均公园绿地面积,,> 8 平方米 (2020),≥ 12 平方米 (2023) *,≥ 12 平方米 (2021) *\r\n');
  });

  it('exports the CLI’s workbook: the same four sheets, numbers as numbers, each target’s sentence and URL', () => {
    const withUrls = exports.map((exp, i) => ({ ...exp, document: { ...exp.document, source: { ...exp.document.source, url: `https://plan${i}.gov.cn/a.html` } } }));
    const page = unzipSync(comparisonXlsx(comparison, withUrls));
    const cli = unzipSync(comparisonWorkbook(comparison, withUrls.map((exp) => ({ text: exp.document.text, url: exp.document.source.url }))));
    const text = (files: Record<string, Uint8Array>, name: string) => strFromU8(files[name] as Uint8Array);
    expect([...text(page, 'xl/workbook.xml').matchAll(/<sheet name="([^"]+)"/g)].map((m) => m[1])).toEqual(['指标对比 indicators', '指标来源 targets', '相似条款 clauses', '单位职责 units']);
    for (const name of Object.keys(cli).filter((n) => n.endsWith('.xml'))) expect(text(page, name), name).toBe(text(cli, name));
    const sheet1 = text(page, 'xl/worksheets/sheet1.xml');
    expect(sheet1).toContain('≥ 12 平方米 (2023) *');
    const sheet2 = text(page, 'xl/worksheets/sheet2.xml');
    // 人均公园绿地面积 ≥ 12: the display text, then the value as a number cell, the sentence and the URL.
    const park = comparison.indicators.find((i) => i.name === '人均公园绿地面积')?.members.find((m) => m.value === 12);
    expect(sheet2).toContain('<t xml:space="preserve">≥ 12 平方米</t>');
    expect(sheet2).toMatch(/<c r="J\d+"><v>12<\/v><\/c>/);
    expect(sheet2).toContain(`<t xml:space="preserve">https://plan${comparison.plans.findIndex((p) => p.doc === park?.doc)}.gov.cn/a.html</t>`);
    expect(sheet2).toContain(park?.text);
  });
});

describe('sourceSnippet', () => {
  it('cuts at sentence ends and keeps the span whole', () => {
    expect(sourceSnippet('第一句。人均公园绿地面积≥12平方米，绿地率40%。下一句', [4, 18])).toEqual({ before: '', mark: '人均公园绿地面积≥12平方米', after: '，绿地率40%。' });
    expect(sourceSnippet('abc', [5, 9])).toEqual({ before: 'abc', mark: '', after: '' });
  });
});

describe('the clause comparison', () => {
  const picker = clausePicker(comparison);

  it('offers plans and their tasks that have similar tasks elsewhere', () => {
    expect(picker.length).toBeGreaterThanOrEqual(2);
    expect(picker.every((p) => p.tasks.length > 0)).toBe(true);
  });

  it('shows a task beside its similar tasks in other plans with score and diff sides', () => {
    const plan = picker[0];
    const task = plan?.tasks[0];
    const view = clauseView(comparison, plan?.doc ?? '', task?.taskId ?? '');
    if (!view) throw new Error('no clause view');
    const clause = comparison.clauses.find((c) => c.doc === plan?.doc && c.taskId === task?.taskId);
    expect(view.text).toBe(clause?.text);
    expect(view.similar.length).toBeGreaterThan(0);
    for (const [i, similar] of view.similar.entries()) {
      expect(similar.doc).not.toBe(view.doc);
      expect(similar.scoreText).toBe(clause?.similar[i]?.score.toFixed(3));
      // "this" + "both" rebuild the chosen task, "other" + "both" the similar one.
      expect(similar.diff.filter((d) => d.side !== 'other').map((d) => d.text).join('')).toBe(view.text);
      expect(similar.diff.filter((d) => d.side !== 'this').map((d) => d.text).join('')).toBe(similar.text);
    }
    expect(clauseView(comparison, 'nope', 'nope')).toBeNull();
  });
});

describe("a unit's duties", () => {
  it('lists units in most plans first and every duty with plan, path, title and role', () => {
    const units = unitPicker(comparison);
    const first = units[0];
    const unit = comparison.units.find((u) => u.unit === first?.unit);
    expect(unit?.plans).toBe(Math.max(...comparison.units.map((u) => u.plans)));
    const rows = unitDutyRows(comparison, first?.unit ?? '');
    expect(rows).toHaveLength(unit?.duties.length ?? -1);
    expect(new Set(rows.map((r) => r.plan)).size).toBe(unit?.plans);
    expect(rows.every((r) => r.role === 'lead' || r.role === 'responsible')).toBe(true);
    expect(unitDutyRows(comparison, 'no such unit')).toEqual([]);
  });
});

describe('the page URL', () => {
  it('reads compare.html?plans=a,b,a as [a, b]', () => {
    expect(planIdsFromSearch('?plans=a,b,%20a,,c')).toEqual(['a', 'b', 'c']);
    expect(planIdsFromSearch('')).toEqual([]);
  });
});
