// @vitest-environment jsdom
// The extension's follow-up views (issue 12): confidence marks and the 待核对 list in the plan
// view, the library's 时间表 (click opens the task) and 版本对比 of two captured versions, and the
// 任务分解表 workbook the library downloads.
import 'fake-indexeddb/auto';
import { createHash } from 'node:crypto';
import { strFromU8, unzipSync } from 'fflate';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { extractPlan } from '../../shared/extract.ts';
import type { GovClipExport } from '../../shared/schema.ts';
import { buildTimeline } from '../../shared/timeline/timeline.ts';
import { capturePlan, GovClipDB } from '../../extension/lib/store/index.ts';
import { renderPlan } from '../../extension/lib/ui/plan-view.ts';
import { renderTimelineView } from '../../extension/lib/ui/followup-views.ts';
import { exportBreakdown, showVersionDiff, type LibraryHost } from '../../extension/lib/ui/library-followup.ts';

// UI strings come back as their keys here (no browser i18n outside the extension).
vi.mock('wxt/browser', () => ({ browser: { i18n: { getMessage: () => '', getUILanguage: () => 'zh-CN' } } }));

const PLAN = [
  '青阜县2024年城乡人居环境整治提升行动方案',
  '一、重点任务',
  '1.改造提升农村公厕。农村公厕改造完成率达到100%。牵头单位:县农业农村局;责任单位:县城管局;完成时限:2024年9月底',
  '2.整治背街小巷。新建口袋公园8处。(县住建局牵头,县城管局配合)',
  '3.统计进度。路公里1360 1361.92 100.1%交通局',
].join('\n');
const URL_A = 'https://www.qingfu.gov.cn/plan.html';

function extract(raw: string): GovClipExport {
  return extractPlan(raw, { id: createHash('sha256').update(raw).digest('hex'), source: { kind: 'html', url: URL_A, file: null } });
}

describe('confidence in the plan view', () => {
  const exp = extract(PLAN);

  it('marks medium and low items with their reasons, and nothing on high ones', () => {
    const view = renderPlan(exp, { kind: 'targets' });
    const marks = Array.from(view.querySelectorAll<HTMLElement>('.conf'));
    expect(marks.map((m) => [m.dataset.confidence, m.title.includes('bare-count') || m.title.includes('table-cell')])).toEqual([
      ['medium', true],
      ['low', true],
    ]);
    // The clear target (完成率达到100%) has no mark.
    const rows = Array.from(view.querySelectorAll('tbody tr'));
    expect(rows[0]?.querySelector('.conf')).toBeNull();
  });

  it('marks a task’s units once, beside its first row of units', () => {
    const view = renderPlan(exp, { kind: 'tasks' });
    const tasks = Array.from(view.querySelectorAll('li.task'));
    expect(tasks.map((task) => Array.from(task.querySelectorAll('.units .conf')).map((m) => (m as HTMLElement).dataset.confidence))).toEqual([[], ['medium'], []]);
    expect(tasks[1]?.querySelector('.units .conf')?.getAttribute('title')).toContain('units-from-prose');
  });

  it('lists only the low items under 待核对, each revealing its place', () => {
    const onReveal = vi.fn();
    const view = renderPlan(exp, { kind: 'review', onReveal });
    const items = Array.from(view.querySelectorAll<HTMLButtonElement>('ul.review button.item'));
    expect(items).toHaveLength(1);
    expect(items[0]?.textContent).toContain('100.1');
    items[0]?.click();
    expect(onReveal).toHaveBeenCalledWith('target', items[0]?.dataset.targetId);
  });
});

describe('时间表', () => {
  it('groups by month, marks the overdue and opens the task on click', () => {
    const exp = extract(PLAN);
    const onOpen = vi.fn();
    const view = renderTimelineView(buildTimeline([exp], { today: '2024-10-01' }), { onOpen });
    expect(Array.from(view.querySelectorAll('h3')).map((h) => h.textContent)).toEqual(['2024年9月', '2024年']);
    const first = view.querySelector('tbody tr') as HTMLElement;
    expect(first.className).toBe('overdue');
    (first.querySelector('button') as HTMLButtonElement).click();
    expect(onOpen).toHaveBeenCalledWith(expect.objectContaining({ planId: exp.document.id, taskId: 't1', by: '2024-09' }));
  });
});

describe('the library’s 版本对比 and 导出任务分解表', () => {
  let db: GovClipDB | null = null;
  afterEach(async () => {
    await db?.delete();
    db = null;
  });

  function host(detail: HTMLElement, say: (m: string) => void, openId: string | null, ids: string[]): LibraryHost {
    return { db: db as GovClipDB, detail, say, chosen: () => ids, selectedOrListed: () => ids, openId: () => openId, openPlan: vi.fn(async () => undefined) };
  }

  it('compares a captured version with the one before it', async () => {
    db = new GovClipDB('followup-test');
    const first = await capturePlan(db, { export: extract(PLAN), capturedAt: Date.UTC(2024, 2, 1) });
    const revised = PLAN.replace('责任单位:县城管局', '责任单位:县住建局').replace('农村公厕改造完成率达到100%', '农村公厕改造完成率达到100%。新建农村公厕20座');
    const second = await capturePlan(db, { export: extract(revised), capturedAt: Date.UTC(2024, 3, 1) });
    const detail = document.createElement('div');
    const say = vi.fn();
    await showVersionDiff(host(detail, say, second.planId, []));
    expect(say).not.toHaveBeenCalled();
    const lines = Array.from(detail.querySelectorAll('li li')).map((li) => li.textContent);
    expect(lines).toEqual(['新增指标 新建农村公厕 = 20 座 (2024)', '责任单位: −县城管局 +县住建局', 'diffWording: 农村公厕改造完成率达到100%。新建农村公厕20座。']);
    expect(Array.from(detail.querySelectorAll('ins')).map((n) => n.textContent)).toEqual(['新建农村公厕20座。']);
    // The first version has none before it.
    await showVersionDiff(host(detail, say, first.planId, []));
    expect(say).toHaveBeenCalledWith('noPreviousVersion');
  });

  it('downloads the selected plans’ 任务分解表 as a workbook', async () => {
    db = new GovClipDB('followup-test-2');
    const captured = await capturePlan(db, { export: extract(PLAN), capturedAt: Date.UTC(2024, 2, 1) });
    const blobs: Blob[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      blobs.push(blob as Blob);
      return 'blob:x';
    });
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    await exportBreakdown(host(document.createElement('div'), vi.fn(), null, [captured.planId]));
    expect(blobs).toHaveLength(1);
    const files = unzipSync(new Uint8Array(await blobs[0]!.arrayBuffer()));
    const sheet = strFromU8(files['xl/worksheets/sheet1.xml'] as Uint8Array);
    expect(sheet).toContain('县农业农村局');
    expect(sheet).toContain('2024年9月底');
    expect(sheet).toContain('orientation="landscape"');
  });
});
