// Similar tasks (BM25, title weighted), the character diff beside them, and unit duties.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ClauseIndex, clauseBody } from '../shared/compare/clauses.ts';
import { comparePlans } from '../shared/compare/compare.ts';
import { diffText, sideOf } from '../shared/compare/diff.ts';
import { unitAcrossPlans, unitDuties } from '../shared/compare/duties.ts';
import { extractPlan } from '../shared/extract.ts';
import { nodeSegmenter } from '../pipeline/compare/segmenter.ts';

const segmenter = nodeSegmenter();

describe('similar tasks by BM25', () => {
  const docs = [
    { doc: 0, title: '持续推进志愿服务制度化', text: '4.持续推进志愿服务制度化。建立健全组织协调、注册培训、活动运行、服务记录、回馈激励等机制。(牵头单位:市文明办)' },
    { doc: 0, title: '加强未成年人思想道德建设', text: '5.加强未成年人思想道德建设。建好乡村学校少年宫,净化校园周边环境。(牵头单位:市文明办)' },
    { doc: 1, title: '落实志愿服务制度', text: '34、落实志愿服务制度。贯彻落实《志愿服务条例》,健全志愿者注册、服务记录、激励回馈制度,推动志愿服务常态化。(牵头单位:市文明办)' },
    { doc: 1, title: '整治校园周边环境', text: '12、整治校园周边环境。学校周边200米内无网吧,乡村学校少年宫正常开展活动。(牵头单位:市文明办)' },
    { doc: 2, title: '深入推进学雷锋志愿服务制度化', text: '6.深入推进学雷锋志愿服务制度化。以学雷锋志愿服务制度化为主线,完善志愿服务记录制度。(牵头单位:市文明办)' },
    { doc: 2, title: '市容环境整治', text: '8.市容环境整治。清理占道经营,规范户外广告。(牵头单位:市城管局)' },
  ];
  const index = new ClauseIndex(docs, segmenter);

  it('ranks the same task under another number and title first, in every other plan', () => {
    const similar = index.similar(0, 3, 0.05);
    expect(similar.map((s) => s.index).slice(0, 2).sort()).toEqual([2, 4]);
    expect(similar.every((s) => docs[s.index]?.doc !== 0)).toBe(true);
    expect(similar[0]?.score).toBeGreaterThan(similar[similar.length - 1]?.score ?? 1);
  });

  it('finds the 少年宫 task for the 少年宫 task, not the volunteer ones', () => {
    expect(index.similar(1, 1, 0.05)[0]?.index).toBe(3);
  });

  it('does not call tasks similar for sharing a lead unit', () => {
    expect(clauseBody('清理占道经营。(牵头单位:市城管局;责任单位:各区)')).toBe('清理占道经营。');
    expect(index.similar(5, 3, 0.2)).toEqual([]);
  });

  it('gives scores relative to the task itself, in [0, 1]', () => {
    const scores = docs.flatMap((_, i) => index.similar(i, 5, 0).map((s) => s.score));
    expect(scores.length).toBeGreaterThan(0);
    for (const score of scores) {
      expect(score).toBeGreaterThan(0);
      expect(score).toBeLessThanOrEqual(1);
    }
  });
});

describe('character diff', () => {
  it('marks what only one plan asks', () => {
    const parts = diffText('全民法治宣传教育的普及率≥95%', '全民法治宣传教育普及率≥90%');
    expect(parts).toEqual([
      { op: 'equal', text: '全民法治宣传教育' },
      { op: 'delete', text: '的' },
      { op: 'equal', text: '普及率≥' },
      { op: 'delete', text: '95' },
      { op: 'insert', text: '90' },
      { op: 'equal', text: '%' },
    ]);
  });

  it('rebuilds both texts from the diff, also for long ones compared by sentence', () => {
    const a = '建立健全组织协调、注册培训、活动运行、服务记录、回馈激励等机制。大力弘扬志愿精神。';
    const b = '健全志愿者注册、服务记录、激励回馈制度,推动志愿服务常态化。大力弘扬志愿精神。';
    const parts = diffText(a, b);
    expect(sideOf(parts, 'a')).toBe(a);
    expect(sideOf(parts, 'b')).toBe(b);
    const longA = Array.from({ length: 300 }, (_, i) => `第${i}项任务按期完成。`).join('');
    const longB = longA.replace('第150项任务按期完成。', '第150项任务提前完成。');
    const longParts = diffText(longA, longB);
    expect(sideOf(longParts, 'a')).toBe(longA);
    expect(sideOf(longParts, 'b')).toBe(longB);
    expect(longParts.filter((p) => p.op !== 'equal').map((p) => p.text)).toEqual(['按期', '提前']);
  });

  it('identical and empty texts', () => {
    expect(diffText('同一条款', '同一条款')).toEqual([{ op: 'equal', text: '同一条款' }]);
    expect(diffText('', '新增')).toEqual([{ op: 'insert', text: '新增' }]);
  });
});

describe('unit duties across plans', () => {
  it('meets the same kind of unit at different levels', () => {
    expect(unitAcrossPlans('县委宣传部', '会宁县')).toBe('党委宣传部');
    expect(unitAcrossPlans('省委宣传部', '黑龙江省')).toBe('党委宣传部');
    expect(unitAcrossPlans('团县委', null)).toBe('团委');
    expect(unitAcrossPlans('县市场监管局', null)).toBe('市场监管局');
    expect(unitAcrossPlans('市市场监管局', null)).toBe('市场监管局');
    expect(unitAcrossPlans('市场监管局', null)).toBe('市场监管局');
    expect(unitAcrossPlans('会宁县公安局', '会宁县')).toBe('公安局');
    expect(unitAcrossPlans('县直各部门单位', null)).toBe('县直各部门单位');
  });

  it('lists every task a unit leads or is responsible for, by plan', () => {
    const duties = unitDuties([
      { region: '达州市', units: [{ name: '市精神文明建设办公室', canonical: '市文明办' }], tasks: [{ id: 't1', leadUnits: ['市精神文明建设办公室'], responsibleUnits: [] }, { id: 't2', leadUnits: [], responsibleUnits: ['市精神文明建设办公室'] }] },
      { region: '桐梓县', units: [{ name: '县文明办', canonical: '县文明办' }], tasks: [{ id: 't5', leadUnits: ['县文明办'], responsibleUnits: ['县文明办'] }] },
    ]);
    expect(duties[0]).toEqual({
      unit: '文明办',
      names: ['市文明办', '县文明办'],
      duties: [
        { doc: 0, taskId: 't1', role: 'lead', name: '市精神文明建设办公室' },
        { doc: 0, taskId: 't2', role: 'responsible', name: '市精神文明建设办公室' },
        { doc: 1, taskId: 't5', role: 'lead', name: '县文明办' },
        { doc: 1, taskId: 't5', role: 'responsible', name: '县文明办' },
      ],
    });
  });

  it('in the seeds: 省委宣传部 (黑龙江) and 县委宣传部 (会宁) are one unit across two plans', () => {
    const dir = join(import.meta.dirname, '..', 'fixtures', 'seeds');
    const exports = readdirSync(dir).filter((n) => n.endsWith('.txt')).sort()
      .map((name) => extractPlan(readFileSync(join(dir, name), 'utf8'), { id: '0'.repeat(64), source: { kind: 'text', url: null, file: name } }));
    const comparison = comparePlans(exports, { segmenter, clauses: false });
    const propaganda = comparison.units.find((u) => u.unit === '党委宣传部');
    expect(propaganda?.names).toEqual(['省委宣传部', '县委宣传部']);
    expect(propaganda?.plans).toBe(2);
    expect(propaganda?.duties.some((d) => d.doc.startsWith('004') && d.role === 'lead')).toBe(true);
    expect(comparison.units[0]?.plans).toBe(2);
  });
});
