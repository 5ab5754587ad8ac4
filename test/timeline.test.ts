// The timeline across plans: dated tasks and targets by month, overdue against today, standing
// duties and year-less months apart, filtered by unit and by months.
import { describe, expect, it } from 'vitest';
import { buildTimeline, renderTimelineMarkdown } from '../shared/timeline/timeline.ts';
import { extractPlan } from '../shared/extract.ts';
import { main } from '../pipeline/cli.ts';
import { captureIo } from './support/io.ts';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ANNUAL = [
  '青阜县2024年城乡人居环境整治提升行动方案',
  '一、重点任务',
  '1.改造提升农村公厕60座。牵头单位:县农业农村局;责任单位:县城管局;完成时限:2024年9月底',
  '2.整治背街小巷15条。牵头单位:县住建局;责任单位:各镇(街道);完成时限:2024年5月底',
  '3.健全村庄保洁长效机制。责任单位:各镇(街道);完成时限:长期坚持',
].join('\n');

const THREE_YEARS = [
  '宜丰县城乡生活垃圾分类三年行动方案(2023—2025年)',
  '一、重点任务',
  '1.推进农村厕所革命。3月底前完成摸底,到2025年底,农村卫生户厕普及率提高到92%。(牵头单位:县农业农村局,配合单位:县卫健委)',
].join('\n');

const extract = (text: string, id: string) => extractPlan(text, { id: id.repeat(64), source: { kind: 'text', url: null, file: null } });
const plans = [extract(ANNUAL, 'a'), extract(THREE_YEARS, 'b')];

describe('timeline', () => {
  it('orders dated items by month, marks the overdue, and lists standing duties and year-less months apart', () => {
    const t = buildTimeline(plans, { today: '2024-07-15' });
    expect(t.dated.map((i) => [i.by, i.kind, i.path.join(''), i.title, i.overdue])).toEqual([
      ['2024-05', 'task', '一2', '整治背街小巷15条', true],
      ['2024-09', 'task', '一1', '改造提升农村公厕60座', false],
      // A year alone is due at its end: after the months of that year.
      ['2024', 'target', '一1', '改造提升农村公厕 = 60 座', false],
      ['2024', 'target', '一2', '整治背街小巷 = 15 条', false],
      ['2025', 'task', '一1', '推进农村厕所革命', false],
      ['2025', 'target', '一1', '农村卫生户厕普及率 ≥ 92 %', false],
    ]);
    expect(t.ongoing.map((i) => [i.path.join(''), i.text])).toEqual([['一3', '长期坚持']]);
    expect(t.undated.map((i) => [i.plan, i.text])).toEqual([['宜丰县城乡生活垃圾分类三年行动方案(2023—2025年)', '3月底前']]);
    const md = renderTimelineMarkdown(t);
    expect(md).toContain('# 时间表 (今天 2024-07-15; ⚠ 已逾期)');
    expect(md).toContain('| ⚠ | 青阜县2024年城乡人居环境整治提升行动方案 | 一2 | 整治背街小巷15条 | 2024年5月底 | 牵头: 县住建局; 责任: 各镇(街道) |');
    expect(md).toContain('## 长期/常态工作');
  });

  it('keeps one unit’s items and the months asked for', () => {
    const t = buildTimeline(plans, { today: '2024-07-15', unit: '县农业农村局', from: '2024-06', to: '2024-12' });
    expect(t.dated.map((i) => [i.by, i.path.join(''), i.title])).toEqual([
      ['2024-09', '一1', '改造提升农村公厕60座'],
      ['2024', '一1', '改造提升农村公厕 = 60 座'],
    ]);
    expect(t.ongoing).toEqual([]);
  });
});

describe('govclip timeline', () => {
  it('prints JSON and refuses a malformed month', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'govclip-timeline-'));
    const file = join(dir, 'plan.txt');
    writeFileSync(file, ANNUAL);
    const io = captureIo();
    expect(await main(['timeline', file, '--json', '--today', '2024-07-15'], io)).toBe(0);
    const json = JSON.parse(io.stdout.join('\n')) as { today: string; dated: Array<{ by: string; overdue: boolean }> };
    expect(json.today).toBe('2024-07-15');
    expect(json.dated.slice(0, 2).map((i) => [i.by, i.overdue])).toEqual([['2024-05', true], ['2024-09', false]]);
    const csv = captureIo();
    expect(await main(['timeline', file, '--csv', '--today', '2024-07-15'], csv)).toBe(0);
    const lines = csv.stdout.join('\n').split('\r\n');
    expect(lines[0]).toBe('\uFEFF月份,状态,文件,编号,事项,时限原文,牵头单位,责任单位,类型');
    expect(lines[1]).toBe('2024年5月,已逾期,青阜县2024年城乡人居环境整治提升行动方案,一2,整治背街小巷15条,2024年5月底,县住建局,各镇(街道),任务');
    expect(lines.at(-1)).toBe(',长期,青阜县2024年城乡人居环境整治提升行动方案,一3,健全村庄保洁长效机制,长期坚持,,各镇(街道),任务');
    const bad = captureIo();
    expect(await main(['timeline', file, '--from', '2024-6'], bad)).toBe(2);
    expect(bad.stderr.join('\n')).toContain('--from 2024-6: write the month as YYYY-MM');
  });
});
