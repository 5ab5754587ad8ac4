// Unit tests of the evaluation scorer (pipeline/eval) on small hand-made cases with exact expected numbers.
import { describe, it, expect } from 'vitest';
import type { TargetExport, TaskExport } from '../shared/schema.ts';
import { loadGold, type GoldAssignment, type GoldTarget } from '../pipeline/eval/gold.ts';
import { normaliseQuote } from '../pipeline/eval/quote.ts';
import {
  metricsMatch,
  chineseNumeral,
  locateTask,
  normaliseQuantity,
  prf,
  scoreAssignments,
  scoreTargets,
  sumScores,
  type ScoreSummary,
} from '../pipeline/eval/score.ts';
import { formatReport } from '../pipeline/eval/report.ts';
import { editDistance as levenshtein, substringEditDistance } from '../shared/edit-distance.ts';

let nextId = 0;

function pred(t: Partial<TargetExport> & Pick<TargetExport, 'text' | 'value'>): TargetExport {
  nextId += 1;
  return {
    id: `g${nextId}`,
    taskId: null,
    metric: '',
    op: '>=',
    max: null,
    unit: '%',
    year: null,
    span: [nextId * 10, nextId * 10 + 5],
    ...t,
  };
}

function gold(t: Partial<GoldTarget> & Pick<GoldTarget, 'quote' | 'value'>): GoldTarget {
  return { metric: '', op: '>=', max: null, unit: '%', year: null, optional: false, ...t };
}

function task(id: string, text: string, leadUnits: string[], responsibleUnits: string[]): TaskExport {
  return { id, path: [], title: null, text, leadUnits, responsibleUnits, targetIds: [], span: [0, text.length] };
}

function assignment(quote: string, lead: string[], responsible: string[]): GoldAssignment {
  return { quote, lead, responsible };
}

describe('normaliseQuote', () => {
  it('folds full-width punctuation, drops white space and page-number lines', () => {
    expect(normaliseQuote('（牵头单位： 县委宣传部；\n责任单位：各乡镇，县直　各部门）')).toBe(
      '(牵头单位:县委宣传部;责任单位:各乡镇,县直各部门)',
    );
    expect(normaliseQuote('推动形成学习\n- 11 -\n先进的局面')).toBe('推动形成学习先进的局面');
    // A range inside a line is not a page number.
    expect(normaliseQuote('有 5-11 个城市')).toBe('有5-11个城市');
  });
});

describe('quantities', () => {
  it('folds 万/亿 into the value and drops a leading 个 only when more unit follows', () => {
    expect(normaliseQuantity(12, null, '万亩')).toEqual({ value: 120000, max: null, unit: '亩' });
    expect(normaliseQuantity(3, null, '亿元')).toEqual({ value: 300000000, max: null, unit: '元' });
    expect(normaliseQuantity(12, null, '个小时')).toEqual({ value: 12, max: null, unit: '小时' });
    expect(normaliseQuantity(5, 7, '个')).toEqual({ value: 5, max: 7, unit: '个' });
  });

  it('writes Chinese numerals the usual way', () => {
    expect([0, 2, 10, 15, 90, 105, 110, 2000].map(chineseNumeral)).toEqual([
      '零', '二', '十', '十五', '九十', '一百零五', '一百一十', '二千',
    ]);
    expect(chineseNumeral(1.5)).toBeNull();
  });
});

describe('scoreTargets', () => {
  const quote = '全省文明家庭创建参与率达到50%';
  const metric = '全省文明家庭创建参与率';

  it('matches an exact prediction', () => {
    const s = scoreTargets([pred({ text: quote, metric, value: 50 })], [gold({ quote, metric, value: 50 })]);
    expect(s).toMatchObject({ tp: 1, fp: 0, fn: 0, precision: 1, recall: 1, f1: 1 });
    expect(s.matched[0]?.overlap).toBe('containment');
  });

  it('does not match a different value or unit', () => {
    const g = gold({ quote, metric, value: 50 });
    expect(scoreTargets([pred({ text: quote, value: 51 })], [g])).toMatchObject({ tp: 0, fp: 1, fn: 1, f1: 0 });
    expect(scoreTargets([pred({ text: quote, value: 50, unit: '个' })], [g])).toMatchObject({ tp: 0, fp: 1, fn: 1 });
  });

  it('applies the 万 rule both ways', () => {
    const q = '新增造林面积12万亩';
    const g = gold({ quote: q, value: 12, unit: '万亩', op: '=' });
    expect(scoreTargets([pred({ text: q, value: 120000, unit: '亩' })], [g])).toMatchObject({ tp: 1, fp: 0, fn: 0 });
    const g2 = gold({ quote: q, value: 120000, unit: '亩' });
    expect(scoreTargets([pred({ text: q, value: 12, unit: '万亩' })], [g2])).toMatchObject({ tp: 1, fp: 0, fn: 0 });
    // 12 亩 is not 12 万亩.
    expect(scoreTargets([pred({ text: q, value: 12, unit: '亩' })], [g])).toMatchObject({ tp: 0, fp: 1, fn: 1 });
  });

  it('normalises units: 个小时 = 小时, 个百分点 = 百分点', () => {
    const q = '年人均志愿服务时间达到12小时左右';
    const g = gold({ quote: q, value: 12, unit: '小时', op: '~' });
    expect(scoreTargets([pred({ text: q, value: 12, unit: '个小时' })], [g]).tp).toBe(1);
    const q2 = '逐年提升不低于1个百分点';
    const g2 = gold({ quote: q2, value: 1, unit: '百分点', op: 'increase' });
    expect(scoreTargets([pred({ text: q2, value: 1, unit: '个百分点' })], [g2]).tp).toBe(1);
    expect(scoreTargets([pred({ text: q2, value: 1, unit: ' 百分点 ' })], [g2]).tp).toBe(1);
  });

  it('accepts containment both ways, across white space and full-width punctuation', () => {
    const g = gold({ quote, metric, value: 50 });
    const longer = pred({ text: '力争到2020年末，全省文明家庭创建参与率\n达到50%。', value: 50 });
    const shorter = pred({ text: '创建参与率达到 50%', value: 50 });
    expect(scoreTargets([longer], [g])).toMatchObject({ tp: 1, fp: 0, fn: 0 });
    expect(scoreTargets([shorter], [g])).toMatchObject({ tp: 1, fp: 0, fn: 0 });
    expect(scoreTargets([pred({ text: '', value: 50 })], [g])).toMatchObject({ tp: 0, fp: 1, fn: 1 });
  });

  it('accepts the number plus 4 consecutive characters of the gold metric', () => {
    const g = gold({ quote, metric, value: 50 });
    // No containment, but the number and 文明家庭创建参与率 are shared.
    const viaText = pred({ text: '力争文明家庭创建参与率要达到50%', value: 50 });
    const s = scoreTargets([viaText], [g]);
    expect(s).toMatchObject({ tp: 1, fp: 0, fn: 0 });
    expect(s.matched[0]?.overlap).toBe('metric');
    // The metric may come from the predicted metric instead of the text.
    expect(scoreTargets([pred({ text: '年末要达到50%以上', metric: '文明家庭创建参与率', value: 50 })], [g]).tp).toBe(1);
    // Only 3 characters (参与率) shared: no match.
    expect(scoreTargets([pred({ text: '家庭参与率要达到50%', value: 50 })], [g]).tp).toBe(0);
    // The metric but not the number: no match.
    expect(scoreTargets([pred({ text: '力争文明家庭创建参与率显著提高', value: 50 })], [g]).tp).toBe(0);
    // 5 inside 50 is not the number 5.
    const g5 = gold({ quote: '文明家庭创建参与率提高5个百分点', metric: '文明家庭创建参与率', value: 5, unit: '百分点' });
    expect(scoreTargets([pred({ text: '力争文明家庭创建参与率达到50百分点', value: 5, unit: '百分点' })], [g5]).tp).toBe(0);
    // A number written in Chinese counts.
    expect(scoreTargets([pred({ text: '力争文明家庭创建参与率达到百分之五十', value: 50 })], [g]).tp).toBe(1);
  });

  it('compares max when gold gives a range', () => {
    const q = '有5-7个城市进入全国文明城市行列';
    const g = gold({ quote: q, value: 5, max: 7, unit: '个', op: 'range' });
    expect(scoreTargets([pred({ text: q, value: 5, max: 7, unit: '个', op: 'range' })], [g]).tp).toBe(1);
    expect(scoreTargets([pred({ text: q, value: 5, max: 8, unit: '个', op: 'range' })], [g]).tp).toBe(0);
    expect(scoreTargets([pred({ text: q, value: 5, unit: '个', op: '>=' })], [g]).tp).toBe(0);
  });

  it('neither rewards nor penalises optional gold', () => {
    const opt = gold({ quote: '哈牡鸡七及沿边开发开放等六条文明带', value: 6, unit: '条', op: '=', optional: true });
    const req = gold({ quote, metric, value: 50 });
    const hitOptional = pred({ text: '六条文明带', value: 6, unit: '条', op: '=' });
    const hitRequired = pred({ text: quote, value: 50 });
    const s1 = scoreTargets([hitRequired, hitOptional], [req, opt]);
    expect(s1).toMatchObject({ tp: 1, fp: 0, fn: 0, precision: 1, recall: 1 });
    expect(s1.matchedOptional).toHaveLength(1);
    const s2 = scoreTargets([hitRequired], [req, opt]);
    expect(s2).toMatchObject({ tp: 1, fp: 0, fn: 0 });
    expect(s2.missed).toHaveLength(0);
    const s3 = scoreTargets([hitOptional], [opt]);
    expect(s3).toMatchObject({ tp: 0, fp: 0, fn: 0, precision: null, recall: null, f1: null });
  });

  it('lets a prediction match an optional gold only when no required gold needs it', () => {
    const q = '群众对志愿服务活动认同和支持率≥90%';
    const req = gold({ quote: q, metric: '群众对志愿服务活动认同率', value: 90 });
    const opt = gold({ quote: q, metric: '群众对志愿服务活动支持率', value: 90, optional: true });
    // Listed optional first: the single prediction must still go to the required gold.
    const s = scoreTargets([pred({ text: q, metric: '群众对志愿服务活动支持率', value: 90 })], [opt, req]);
    expect(s).toMatchObject({ tp: 1, fp: 0, fn: 0 });
    expect(s.matchedOptional).toHaveLength(0);
  });

  it('matches one to one: two metrics sharing a quote need two predictions', () => {
    const q = '全省志愿服务团队动员率和参与率都达到65%以上';
    const golds = [
      gold({ quote: q, metric: '全省志愿服务团队动员率', value: 65 }),
      gold({ quote: q, metric: '全省志愿服务团队参与率', value: 65 }),
    ];
    const mobil = pred({ text: q, metric: '全省志愿服务团队动员率', value: 65 });
    const partic = pred({ text: q, metric: '全省志愿服务团队参与率', value: 65 });
    expect(scoreTargets([mobil], golds)).toMatchObject({ tp: 1, fp: 0, fn: 1, precision: 1, recall: 0.5 });
    const both = scoreTargets([partic, mobil], golds);
    expect(both).toMatchObject({ tp: 2, fp: 0, fn: 0 });
    // Each prediction is paired with the gold of its own metric.
    for (const m of both.matched) expect(m.pred.metric).toBe(m.gold.metric);
    const extra = pred({ text: q, metric: '全省志愿服务团队动员率', value: 65 });
    expect(scoreTargets([mobil, partic, extra], golds)).toMatchObject({ tp: 2, fp: 1, fn: 0 });
  });

  it('prefers containment, but never at the cost of a match', () => {
    const g1 = gold({ quote, metric, value: 50 });
    const byMetric = pred({ text: '力争文明家庭创建参与率要达到50%', value: 50 });
    const byContainment = pred({ text: quote, value: 50 });
    const s = scoreTargets([byMetric, byContainment], [g1]);
    expect(s.matched[0]?.pred).toBe(byContainment);
    expect(s.spurious).toEqual([byMetric]);

    // p1 fits g1 (containment) and g2 (metric); p2 fits only g1 (metric). The best matching pairs
    // p1 with g2 and p2 with g1, rather than greedily taking p1 for g1 and missing g2.
    const qa = '城市文明程度指数达到90%';
    const qb = '城市文明程度指数测评达到90%以上的街道';
    const ga = gold({ quote: qa, metric: '城市文明程度指数', value: 90 });
    const gb = gold({ quote: qb, metric: '城市文明程度指数测评', value: 90 });
    const p1 = pred({ text: qa, value: 90 });
    const p2 = pred({ text: '各区城市文明程度指数力争90%', value: 90 });
    expect(scoreTargets([p1, p2], [ga, gb])).toMatchObject({ tp: 2, fp: 0, fn: 0 });
  });

  it('reports op and year accuracy over matched required pairs', () => {
    const qa = '全民法治宣传教育的普及率≥95%';
    const qb = '城市居民垃圾分类知晓率达到90%';
    const qc = '创建文明校园的学校参与率达到100%';
    const golds = [
      gold({ quote: qa, value: 95, op: '>=', year: 2021 }),
      gold({ quote: qb, value: 90, op: '>=', year: null }),
      gold({ quote: qc, value: 100, op: '>=', year: null }),
    ];
    const s = scoreTargets(
      [
        pred({ text: qa, value: 95, op: '>=', year: 2021 }),
        pred({ text: qb, value: 90, op: '=', year: null }),
        pred({ text: qc, value: 100, op: '>=', year: 2020 }),
        pred({ text: '无关的句子', value: 7, op: '>', year: 2021 }),
      ],
      golds,
    );
    expect(s).toMatchObject({ tp: 3, fp: 1, fn: 0, precision: 0.75, recall: 1, opCorrect: 2, yearCorrect: 2 });
    expect(s.opAccuracy).toBeCloseTo(2 / 3, 10);
    expect(s.yearAccuracy).toBeCloseTo(2 / 3, 10);
    expect(s.f1).toBeCloseTo(6 / 7, 10);
    expect(scoreTargets([], golds)).toMatchObject({ opAccuracy: null, yearAccuracy: null, recall: 0, precision: null });
  });
});

describe('scoreAssignments', () => {
  const quoteA = '推动形成崇德向善的生动局面。(牵头单位:县委宣传部;责任单位:县直各部门单位、各乡镇';
  const quoteB = '加快推进信息无障碍建设。(责任单位:县民政局、县残联';
  const textA = '(一)道德建设。推动形成崇德向善的生动局面。（牵头单位：县委宣传部；责任单位：县直各部门单位、各乡镇）';
  const textB = '(二)养老服务。加快推进信息无障碍建设。（责任单位：县民政局、县残联）';
  const golds = [
    assignment(quoteA, ['县委宣传部'], ['县直各部门单位', '各乡镇']),
    assignment(quoteB, [], ['县民政局', '县残联']),
  ];

  it('compares each gold assignment with the task that contains its quote', () => {
    const tasks = [
      task('t2', textB, [], ['县民政局', '县残联']),
      task('t1', textA, ['县委宣传部'], ['县直各部门单位', '各乡镇']),
    ];
    const s = scoreAssignments(tasks, golds);
    expect(s.roles).toMatchObject({ tp: 5, fp: 0, fn: 0, precision: 1, recall: 1, f1: 1 });
    expect(s.rolesIgnored).toMatchObject({ tp: 5, fp: 0, fn: 0 });
    // Swapped units: each task is compared with its own quote, so both are wrong.
    const swapped = [task('t1', textA, [], ['县民政局', '县残联']), task('t2', textB, ['县委宣传部'], ['县直各部门单位', '各乡镇'])];
    expect(scoreAssignments(swapped, golds).roles).toMatchObject({ tp: 0, fp: 5, fn: 5 });
  });

  it('takes the shortest task when several contain the quote', () => {
    const parent = task('t0', `一、思想道德建设${textA}${textB}`, [], []);
    const tasks = [parent, task('t1', textA, ['县委宣传部'], ['县直各部门单位', '各乡镇']), task('t2', textB, [], ['县民政局', '县残联'])];
    expect(scoreAssignments(tasks, golds).roles).toMatchObject({ tp: 5, fp: 0, fn: 0 });
  });

  it('counts each pair once when two clauses of one item locate the same task', () => {
    // One item, two sentences, each with its clause: the task carries the units of both.
    const text = '1.制定准入清单。完成清单编制工作。(市生态环境局牵头,市发展和改革局参与) 禁止新建燃煤锅炉。(市市场监管局牵头,市发展和改革局参与)';
    const two = [
      assignment('完成清单编制工作。(市生态环境局牵头,市发展和改革局参与', ['市生态环境局'], ['市发展和改革局']),
      assignment('禁止新建燃煤锅炉。(市市场监管局牵头,市发展和改革局参与', ['市市场监管局'], ['市发展和改革局']),
    ];
    const s = scoreAssignments([task('t1', text, ['市生态环境局', '市市场监管局'], ['市发展和改革局'])], two);
    // Compared one by one, each clause would call the other's lead spurious and count 市发展和改革局 twice.
    expect(s.roles).toMatchObject({ tp: 3, fp: 0, fn: 0 });
    // A unit neither clause names is still spurious, once.
    const extra = scoreAssignments([task('t1', text, ['市生态环境局', '市市场监管局'], ['市发展和改革局', '市财政局'])], two);
    expect(extra.roles).toMatchObject({ tp: 3, fp: 1, fn: 0 });
  });

  it('misses every pair of an assignment no task contains', () => {
    const s = scoreAssignments([task('t1', textA, ['县委宣传部'], ['县直各部门单位', '各乡镇'])], golds);
    expect(s.roles).toMatchObject({ tp: 3, fp: 0, fn: 2, precision: 1, recall: 0.6 });
    expect(s.unlocated.map((a) => a.quote)).toEqual([quoteB]);
    expect(s.roles.missed.map((p) => p.unit)).toEqual(['县民政局', '县残联']);
  });

  it('tolerates one edit only on gold names of five or more characters', () => {
    expect(levenshtein('县文体广电和旅局', '县文体广电和旅游局')).toBe(1);
    const q = '持续开展宣传教育活动。(牵头单位:县委宣传部、县教育局;责任单位:县文体广电和旅局';
    const g = [assignment(q, ['县委宣传部', '县教育局'], ['县文体广电和旅局'])];
    const text = '持续开展宣传教育活动。(牵头单位:县委宣传部、县教育局;责任单位:县文体广电和旅局)';
    // 县委宣传处 (5 chars, 1 edit) and 县文体广电和旅游局 (1 insertion) pass; 县教育厅 (4 chars) does not.
    const s = scoreAssignments([task('t1', text, ['县委宣传处', '县教育厅'], ['县文体广电和旅游局'])], g);
    expect(s.roles).toMatchObject({ tp: 2, fp: 1, fn: 1 });
    expect(s.roles.missed.map((p) => p.unit)).toEqual(['县教育局']);
    expect(s.roles.spurious.map((p) => p.unit)).toEqual(['县教育厅']);
    // Two edits are too many even for a long name.
    const far = scoreAssignments([task('t1', text, ['县委宣传部', '县教育局'], ['县文体广电旅游局局'])], g);
    expect(far.roles).toMatchObject({ tp: 2, fp: 1, fn: 1 });
  });

  it('counts pairs of tasks no gold assignment points to as false positives', () => {
    const tasks = [
      task('t1', textA, ['县委宣传部'], ['县直各部门单位', '各乡镇']),
      task('t2', textB, [], ['县民政局', '县残联']),
      task('t3', '(三)其他工作。做好宣传。(责任单位:县文联、县科协)', [], ['县文联', '县科协']),
    ];
    const s = scoreAssignments(tasks, golds);
    expect(s.roles).toMatchObject({ tp: 5, fp: 2, fn: 0, recall: 1 });
    expect(s.roles.precision).toBeCloseTo(5 / 7, 10);
    expect(s.roles.spurious.map((p) => `${p.taskId}:${p.unit}`)).toEqual(['t3:县文联', 't3:县科协']);
    // A document with no gold assignments: every predicted pair is spurious.
    expect(scoreAssignments(tasks, []).roles).toMatchObject({ tp: 0, fp: 7, fn: 0, precision: 0, recall: null, f1: 0 });
  });

  it('scores (role, unit) pairs and, separately, units with roles ignored', () => {
    // 县委宣传部 predicted as responsible instead of lead; a repeated unit counts once.
    const tasks = [
      task('t1', textA, [], ['县委宣传部', '县直各部门单位', '各乡镇', '各乡镇']),
      task('t2', textB, [], ['县民政局', '县残联']),
    ];
    const s = scoreAssignments(tasks, golds);
    expect(s.roles).toMatchObject({ tp: 4, fp: 1, fn: 1, precision: 0.8, recall: 0.8 });
    expect(s.roles.missed).toEqual([{ role: 'lead', unit: '县委宣传部', taskId: 't1', quote: quoteA }]);
    expect(s.rolesIgnored).toMatchObject({ tp: 5, fp: 0, fn: 0, f1: 1 });
  });
});

describe('sumScores and the report', () => {
  // A summary whose rates are computed from its counts, as scoreDocument would.
  const summary = (t: { tp: number; fp: number; fn: number; op: number }, u: { tp: number; fp: number; fn: number }): ScoreSummary => ({
    targets: {
      ...prf(t),
      matchedCount: t.tp,
      opCorrect: t.op,
      yearCorrect: t.tp,
      metricCorrect: t.tp,
      opAccuracy: t.tp === 0 ? null : t.op / t.tp,
      yearAccuracy: t.tp === 0 ? null : 1,
      metricAccuracy: t.tp === 0 ? null : 1,
    },
    assignments: { roles: prf(u), rolesIgnored: prf(u) },
    meta: { correct: 4, total: 5 },
  });

  it('micro-averages: counts are summed before P/R/F1', () => {
    const total = sumScores([summary({ tp: 1, fp: 0, fn: 0, op: 1 }, { tp: 0, fp: 0, fn: 0 }), summary({ tp: 0, fp: 1, fn: 3, op: 0 }, { tp: 3, fp: 1, fn: 0 })]);
    expect(total.targets).toMatchObject({ tp: 1, fp: 1, fn: 3, precision: 0.5, recall: 0.25, opAccuracy: 1 });
    expect(total.targets.f1).toBeCloseTo(1 / 3, 10);
    expect(total.assignments.roles).toMatchObject({ precision: 0.75, recall: 1 });
    expect(total.meta).toEqual({ correct: 8, total: 10 });
  });

  it('prints one row per document and an OVERALL row with three decimals', () => {
    const report = formatReport([{ doc: 'seed-001', form: 'text', ...summary({ tp: 1, fp: 1, fn: 3, op: 1 }, { tp: 0, fp: 0, fn: 0 }) }]);
    const lines = report.split('\n');
    expect(lines).toHaveLength(5);
    expect(lines[2]).toMatch(/^seed-001\s+text\s+0\.500\s+0\.250\s+0\.333\s+1\.000\s+1\.000\s+1\.000\s+-\s+-\s+-\s+-\s+4\/5$/);
    expect(lines[4]).toMatch(/^OVERALL\s+0\.500\s+0\.250\s+0\.333/);
  });
});

describe('loadGold', () => {
  it('accepts a well-formed file and rejects a range without max', () => {
    const file = {
      doc: 'seed-x',
      meta: { title: null, region: null, issuers: [], docNumber: null, period: null },
      targets: [{ quote: 'q', metric: 'm', op: '>=', value: 1, max: null, unit: '%', year: null, optional: false }],
      assignments: [{ quote: 'a', lead: [], responsible: ['b'] }],
    };
    expect(loadGold(file).targets).toHaveLength(1);
    const broken = { ...file, targets: [{ ...file.targets[0], op: 'range' }] };
    expect(() => loadGold(broken)).toThrow(/targets\.0\.max/);
  });
});

describe('locating tasks in OCR text', () => {
  it('finds a quote with a misread character only when the text came from OCR', () => {
    const task = {
      id: 't1', path: ['1'], title: null, leadUnits: ['县纪委监委'], responsibleUnits: ['各乡镇'], targetIds: [], span: [0, 10] as [number, number],
      text: '进而激发发展新活力,手动经济社会高质量发展。(牵头单位:县纪委监委;责任单位:各乡镇)',
    };
    const quote = '进而激发发展新活力、构筑竞争新优势,撬动经济社会高质量发展。(牵头单位:县纪委监委;责任单位:各乡镇';
    expect(locateTask([task], '撬动经济社会高质量发展。(牵头单位:县纪委监委')).toBeNull();
    expect(locateTask([task], '撬动经济社会高质量发展。(牵头单位:县纪委监委', true)).toBe(0);
    // Too many differences stay unlocated.
    expect(locateTask([task], quote, true)).toBeNull();
    expect(substringEditDistance('撬动经济', '…手动经济…')).toBe(1);
  });
});

describe('metric scoring (gold-format.md: a metric a reader can compare)', () => {
  it('accepts the same metric once bullets, a leading deadline and a trailing change word are removed', () => {
    expect(metricsMatch('--城市污水处理率', '城市污水处理率')).toBe(true);
    expect(metricsMatch('到2020年底全市空气质量优良天数比例', '全市空气质量优良天数比例')).toBe(true);
    expect(metricsMatch('地区生产总值增长', '地区生产总值')).toBe(true);
  });

  it('accepts one edit in five and a containing metric at most 1.5 times as long', () => {
    expect(metricsMatch('城区主干道亮灯率', '城区主干道路亮灯率')).toBe(true);
    expect(metricsMatch('全市城区主干道亮灯率', '城区主干道亮灯率')).toBe(true);
  });

  it('rejects metrics a reader could not compare across cities', () => {
    expect(metricsMatch('年均浓度', '细颗粒物(PM2.5)年均浓度')).toBe(false);
    expect(metricsMatch('比例', '全市空气质量优良天数比例')).toBe(false);
    expect(metricsMatch('', '新建社会足球场')).toBe(false);
  });
});
