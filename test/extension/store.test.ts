// The extension's library store over fake-indexeddb, fed with real extractions of the seed plans.
import 'fake-indexeddb/auto';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { extractPlan } from '../../shared/extract.ts';
import { validateExport, type GovClipExport } from '../../shared/schema.ts';
import { readCsv } from './support/read-csv.ts';
import {
  addCorrection,
  applyCorrections,
  capturePlan,
  deletePlan,
  exportPlansJson,
  exportTargetsCsv,
  getPlan,
  GovClipDB,
  listCorrections,
  listPlans,
  listVersions,
  removeCorrection,
  sha256Hex,
  targetKeyOf,
  targetsCsv,
  taskKeyOf,
} from '../../extension/lib/store/index.ts';

const SEEDS = join(import.meta.dirname, '..', '..', 'fixtures', 'seeds');
const seed = (name: string) => readFileSync(join(SEEDS, name), 'utf8');
const HUINING = seed('004_1b546d98361b8941.txt'); // 会宁县: lead units on tasks, 46 targets
const WUZHONG = seed('003_0016ae88b6af66a8.txt'); // 吴忠市, published 2021-04-19
const XIANGYANG = seed('002_b2e59733f8a1a1fc.txt'); // 襄阳市, no units
const HUINING_URL = 'https://www.huining.gov.cn/zwgk/2021/plan.html';
const WUZHONG_URL = 'https://www.wuzhong.gov.cn/xxgk/plan.html';
const XIANGYANG_URL = 'http://www.xiangyang.gov.cn/plan.html';

function extract(raw: string, url: string): GovClipExport {
  const id = createHash('sha256').update(raw).digest('hex');
  return extractPlan(raw, { id, source: { kind: 'html', url, file: null } });
}

let counter = 0;
const open: GovClipDB[] = [];
function freshDb(): GovClipDB {
  const db = new GovClipDB(`store-test-${++counter}`);
  open.push(db);
  return db;
}
afterEach(async () => {
  for (const db of open.splice(0)) await db.delete();
});

const T0 = Date.UTC(2024, 2, 1, 8, 0, 0);
const HOUR = 3_600_000;

describe('capture', () => {
  it('stores the document, its summary and a sha256 content hash', async () => {
    const db = freshDb();
    const exp = extract(HUINING, HUINING_URL);
    const result = await capturePlan(db, {
      export: exp,
      attachments: [{ url: 'https://www.huining.gov.cn/a.pdf', title: '附件1', kind: 'pdf' }],
      capturedAt: T0,
    });
    expect(result).toMatchObject({ status: 'created', previousVersionId: null });
    const detail = await getPlan(db, result.planId);
    expect(detail?.summary).toMatchObject({
      url: HUINING_URL,
      title: '会宁县2021年度文明城市创建工作实施方案',
      region: '会宁县',
      capturedAt: T0,
      version: 1,
      isLatest: 1,
      taskCount: exp.tasks.length,
      targetCount: 46,
      contentHash: createHash('sha256').update(exp.document.text).digest('hex'),
      attachments: [{ url: 'https://www.huining.gov.cn/a.pdf', title: '附件1', kind: 'pdf' }],
    });
    expect(detail?.export).toEqual(exp);
    expect(detail?.original.document.text).toBe(exp.document.text);
  });

  it('hashes with Web Crypto to the same hex as node:crypto', async () => {
    expect(await sha256Hex('吴忠市')).toBe(createHash('sha256').update('吴忠市').digest('hex'));
  });

  it('capturing the same content twice updates one row (capture time, attachments)', async () => {
    const db = freshDb();
    const first = await capturePlan(db, { export: extract(HUINING, HUINING_URL), capturedAt: T0 });
    const again = await capturePlan(db, {
      export: extract(HUINING, `${HUINING_URL}#top`),
      url: `${HUINING_URL}#top`,
      attachments: [{ url: 'https://www.huining.gov.cn/b.doc', title: '分工表', kind: 'doc' }],
      capturedAt: T0 + HOUR,
    });
    expect(again).toMatchObject({ planId: first.planId, status: 'updated' });
    expect(await db.plans.count()).toBe(1);
    expect(await db.documents.count()).toBe(1);
    const [row] = await listPlans(db);
    expect(row).toMatchObject({ capturedAt: T0 + HOUR, firstCapturedAt: T0, attachments: [{ url: 'https://www.huining.gov.cn/b.doc', title: '分工表', kind: 'doc' }] });
  });

  it('a changed page becomes a second version linked to the first', async () => {
    const db = freshDb();
    const first = await capturePlan(db, { export: extract(HUINING, HUINING_URL), capturedAt: T0 });
    const changed = HUINING.replace('≥39.2%', '≥40%');
    expect(changed).not.toBe(HUINING);
    const second = await capturePlan(db, { export: extract(changed, HUINING_URL), capturedAt: T0 + HOUR });
    expect(second).toMatchObject({ status: 'newVersion', previousVersionId: first.planId });
    expect(await db.plans.count()).toBe(2);
    const latest = await listPlans(db);
    expect(latest.map((p) => [p.id, p.version, p.previousVersionId])).toEqual([[second.planId, 2, first.planId]]);
    const all = await listPlans(db, { includeOldVersions: true });
    expect(all.map((p) => p.isLatest).sort()).toEqual([0, 1]);
    expect((await listVersions(db, first.planId)).map((v) => v.id)).toEqual([second.planId, first.planId]);
    const detail = await getPlan(db, second.planId);
    expect(detail?.export.targets.find((t) => t.metric === '经常参加体育锻炼人数占比')?.value).toBe(40);
  });

  it('refuses a capture without a URL', async () => {
    const db = freshDb();
    const exp = extract(HUINING, HUINING_URL);
    const noUrl = { ...exp, document: { ...exp.document, source: { ...exp.document.source, url: null } } };
    await expect(capturePlan(db, { export: noUrl })).rejects.toThrow('a capture needs the page URL');
  });
});

describe('corrections', () => {
  async function capturedHuining(db: GovClipDB) {
    const { planId } = await capturePlan(db, { export: extract(HUINING, HUINING_URL), capturedAt: T0 });
    const detail = await getPlan(db, planId);
    if (!detail) throw new Error('not stored');
    return { planId, exp: detail.export };
  }

  it('renames a lead unit on a task, keeping units consistent, and survives re-capture of the same page', async () => {
    const db = freshDb();
    const { planId, exp } = await capturedHuining(db);
    const task = exp.tasks.find((t) => t.leadUnits.includes('县纪委监委'));
    expect(task?.id).toBe('t1');
    await addCorrection(db, planId, { kind: 'renameUnit', task: taskKeyOf(exp, 't1'), role: 'lead', from: '县纪委监委', to: '县纪律检查委员会' }, T0 + 1);

    const check = async (id: string) => {
      const corrected = (await getPlan(db, id))?.export;
      const t1 = corrected?.tasks.find((t) => t.id === 't1');
      expect(t1?.leadUnits).toEqual(['县纪律检查委员会', '县委办公室', '县政府办公室', '县市场监管局', '县司法局', '有关部门单位']);
      // 县纪委监委 still leads t14; the new name leads t1 and takes t1's mention of the old one.
      expect(corrected?.units.find((u) => u.name === '县纪委监委')).toMatchObject({ taskIds: ['t14'], roles: ['lead'] });
      const renamed = corrected?.units.find((u) => u.name === '县纪律检查委员会');
      // A name typed by the user gets its canonical name from the alias table too.
      expect(renamed).toMatchObject({ taskIds: ['t1'], roles: ['lead'], canonical: '县纪委' });
      expect(renamed?.spans).toHaveLength(1);
      for (const unit of corrected?.units ?? []) {
        for (const taskId of unit.taskIds) {
          const owner = corrected?.tasks.find((t) => t.id === taskId);
          expect([...(owner?.leadUnits ?? []), ...(owner?.responsibleUnits ?? [])]).toContain(unit.name);
        }
      }
    };
    await check(planId);
    expect((await listPlans(db, { search: '纪律检查委员会' })).map((p) => p.id)).toEqual([planId]);

    const again = await capturePlan(db, { export: extract(HUINING, HUINING_URL), capturedAt: T0 + HOUR });
    expect(again).toMatchObject({ planId, status: 'updated' });
    expect(await listCorrections(db, planId)).toHaveLength(1);
    await check(planId);
  });

  it('carries corrections over to a new version for items that still exist, and drops the rest', async () => {
    const db = freshDb();
    const { planId, exp } = await capturedHuining(db);
    const sport = exp.targets.find((t) => t.metric === '经常参加体育锻炼人数占比');
    const law = exp.targets.find((t) => t.metric === '全民法治宣传教育的普及率');
    if (!sport || !law) throw new Error('seed changed');
    await addCorrection(db, planId, { kind: 'renameUnit', task: taskKeyOf(exp, 't1'), role: 'lead', from: '县纪委监委', to: '县纪律检查委员会' }, T0 + 1);
    await addCorrection(db, planId, { kind: 'editTarget', target: targetKeyOf(exp, sport.id), changes: { year: 2022 } }, T0 + 2);
    await addCorrection(db, planId, { kind: 'editTarget', target: targetKeyOf(exp, law.id), changes: { value: 96 } }, T0 + 3);

    // The page changes the sports target's clause: its correction has nothing left to apply to.
    const changed = HUINING.replace('≥39.2%', '≥40%');
    const next = await capturePlan(db, { export: extract(changed, HUINING_URL), capturedAt: T0 + HOUR });
    expect(next).toMatchObject({ status: 'newVersion', carriedCorrections: 2, droppedCorrections: 1 });
    const corrected = (await getPlan(db, next.planId))?.export;
    expect(corrected?.tasks.find((t) => t.id === 't1')?.leadUnits[0]).toBe('县纪律检查委员会');
    expect(corrected?.targets.find((t) => t.metric === '全民法治宣传教育的普及率')?.value).toBe(96);
    expect(corrected?.targets.find((t) => t.metric === '经常参加体育锻炼人数占比')).toMatchObject({ value: 40, year: 2021 }); // the plan's own year, not the dropped correction's
    // The old version keeps all three.
    expect(await listCorrections(db, planId)).toHaveLength(3);
  });

  it('a target marked not-a-target leaves the export and the CSV; an added one appears in both', async () => {
    const db = freshDb();
    const { planId, exp } = await capturedHuining(db);
    const law = exp.targets[0];
    expect(law).toMatchObject({ id: 'g1', taskId: 't2', text: '全民法治宣传教育的普及率≥95%' });
    await addCorrection(db, planId, { kind: 'rejectTarget', target: targetKeyOf(exp, 'g1') }, T0 + 1);
    const added = await addCorrection(
      db,
      planId,
      { kind: 'addTarget', target: { text: '建设社区15分钟生活圈', metric: '社区生活圈步行时间', op: '<=', value: 15, max: null, unit: '分钟', year: 2021 } },
      T0 + 2,
    );

    const corrected = (await getPlan(db, planId))?.export;
    if (!corrected) throw new Error('not stored');
    expect(validateExport(corrected)).toEqual(corrected);
    expect(corrected.targets).toHaveLength(46);
    expect(corrected.targets.some((t) => t.id === 'g1')).toBe(false);
    expect(corrected.tasks.find((t) => t.id === 't2')?.targetIds).not.toContain('g1');
    const start = exp.document.text.indexOf('建设社区15分钟生活圈');
    const owner = corrected.tasks.find((t) => t.path.join('') === '二(一)4');
    expect(corrected.targets.at(-1)).toEqual({
      id: 'u1', taskId: owner?.id, text: '建设社区15分钟生活圈', metric: '社区生活圈步行时间', op: '<=',
      value: 15, max: null, unit: '分钟', year: 2021, span: [start, start + '建设社区15分钟生活圈'.length],
    });
    expect(owner?.targetIds).toContain('u1');
    expect((await listPlans(db))[0]?.targetCount).toBe(46);

    const csv = await exportTargetsCsv(db, [planId]);
    const lines = csv.slice(1).split('\r\n');
    expect(lines).toHaveLength(1 + 46 + 1); // header, rows, the empty string after the last CRLF
    expect(csv).not.toContain('全民法治宣传教育的普及率≥95%');
    const addedRow = lines.find((l) => l.includes(',建设社区15分钟生活圈,'));
    expect(addedRow?.startsWith('会宁县2021年度文明城市创建工作实施方案,会宁县,2021,二(一)4,')).toBe(true);
    expect(addedRow).toContain(`,社区生活圈步行时间,≤ 15 分钟,≤,15,,分钟,2021,建设社区15分钟生活圈,`);
    expect(addedRow?.endsWith(`,${HUINING_URL}`)).toBe(true);

    // Undoing the rejection brings g1 back.
    const [rejection] = await listCorrections(db, planId);
    await removeCorrection(db, rejection?.id ?? '');
    expect((await getPlan(db, planId))?.export.targets.map((t) => t.id)).toContain('g1');
    expect(added.correction.kind).toBe('addTarget');
  });

  it('edits a target value, max, unit, comparator, metric and year', async () => {
    const db = freshDb();
    const { planId, exp } = await capturedHuining(db);
    const key = targetKeyOf(exp, 'g3');
    await addCorrection(db, planId, { kind: 'editTarget', target: key, changes: { op: 'range', value: 39.2, max: 45, unit: '%', metric: '经常参加体育锻炼人数比例', year: 2022 } });
    const g3 = (await getPlan(db, planId))?.export.targets.find((t) => t.id === 'g3');
    expect(g3).toMatchObject({ op: 'range', value: 39.2, max: 45, unit: '%', metric: '经常参加体育锻炼人数比例', year: 2022, text: '经常参加体育锻炼人数占比≥39.2%' });
    expect((await listPlans(db, { search: '锻炼人数比例' })).length).toBe(1);
  });

  it('refuses a correction that matches nothing, or a malformed one, with a readable message', async () => {
    const db = freshDb();
    const { planId, exp } = await capturedHuining(db);
    await expect(addCorrection(db, planId, { kind: 'renameUnit', task: taskKeyOf(exp, 't1'), role: 'lead', from: '不存在的单位', to: 'X' })).rejects.toThrow(
      'the renameUnit correction does not match any item of this plan',
    );
    await expect(addCorrection(db, planId, { kind: 'editTarget', target: targetKeyOf(exp, 'g1'), changes: {} })).rejects.toThrow('malformed correction: changes: no field to change');
    await expect(addCorrection(db, 'nope', { kind: 'rejectTarget', target: targetKeyOf(exp, 'g1') })).rejects.toThrow('no plan nope in the library');
  });

  it('applyCorrections is pure and keeps the export valid', () => {
    const exp = extract(HUINING, HUINING_URL);
    const before = structuredClone(exp);
    const out = applyCorrections(exp, [
      { kind: 'renameUnit', task: taskKeyOf(exp, 't1'), role: 'responsible', from: '各乡镇', to: '县直各部门单位' },
      { kind: 'rejectTarget', target: targetKeyOf(exp, 'g2') },
    ]);
    expect(exp).toEqual(before);
    expect(validateExport(out)).toEqual(out);
    // Renaming onto a name the task already lists merges the two.
    expect(out.tasks[0]?.responsibleUnits).toEqual(['县直各部门单位']);
    expect(out.units.find((u) => u.name === '各乡镇')?.taskIds).not.toContain('t1');
    expect(out.targets.map((t) => t.id)).not.toContain('g2');
    expect(applyCorrections(exp, [])).toEqual(exp);
  });
});

describe('queries', () => {
  async function library(db: GovClipDB) {
    const huining = await capturePlan(db, { export: extract(HUINING, HUINING_URL), capturedAt: T0 });
    const wuzhong = await capturePlan(db, { export: extract(WUZHONG, WUZHONG_URL), capturedAt: T0 + HOUR });
    const xiangyang = await capturePlan(db, { export: extract(XIANGYANG, XIANGYANG_URL), capturedAt: T0 + 2 * HOUR });
    return { huining: huining.planId, wuzhong: wuzhong.planId, xiangyang: xiangyang.planId };
  }

  it('searches title, region, units and metrics, case-insensitively', async () => {
    const db = freshDb();
    const ids = await library(db);
    expect((await listPlans(db, { search: '县司法局' })).map((p) => p.id)).toEqual([ids.huining]);
    expect((await listPlans(db, { search: '反腐倡廉工作满意度' })).map((p) => p.id)).toEqual([ids.xiangyang]);
    expect((await listPlans(db, { search: '测评成绩', sort: 'captured' })).map((p) => p.id)).toEqual([ids.xiangyang, ids.wuzhong]);
    expect((await listPlans(db, { search: '吴忠' })).map((p) => p.id)).toEqual([ids.wuzhong]);
    expect((await listPlans(db, { search: '文明城市 会宁' })).map((p) => p.id)).toEqual([ids.huining]);
    expect(await listPlans(db, { search: '不存在' })).toEqual([]);
    // Latin letters fold: a metric written in capitals is found in lower case.
    await addCorrection(db, ids.wuzhong, { kind: 'editTarget', target: targetKeyOf((await getPlan(db, ids.wuzhong))!.export, 'g1'), changes: { metric: 'PM2.5年均浓度' } });
    expect((await listPlans(db, { search: 'pm2.5' })).map((p) => p.id)).toEqual([ids.wuzhong]);
  });

  it('sorts by region, by date (the plan’s own; plans without one last, by capture) and by capture time', async () => {
    const db = freshDb();
    const ids = await library(db);
    // Pinyin order: 会宁县 (hui), 吴忠市 (wu), 襄阳市 (xiang).
    expect((await listPlans(db, { sort: 'region' })).map((p) => p.region)).toEqual(['会宁县', '吴忠市', '襄阳市']);
    expect((await listPlans(db, { sort: 'region', reverse: true })).map((p) => p.region)).toEqual(['襄阳市', '吴忠市', '会宁县']);
    // 吴忠 was published 2021-04-19; the others give no date: after it, newest capture first
    // (their capture day in 2024 is not passed off as a publication date).
    const byDate = await listPlans(db, { sort: 'date' });
    expect(byDate.map((p) => p.id)).toEqual([ids.wuzhong, ids.xiangyang, ids.huining]);
    expect(byDate.map((p) => p.publishedAt)).toEqual(['2021-04-19', null, null]);
    expect((await listPlans(db, { sort: 'captured' })).map((p) => p.id)).toEqual([ids.xiangyang, ids.wuzhong, ids.huining]);
  });

  it('lists the same plan captured from two sites as one entry with both addresses', async () => {
    const db = freshDb();
    const first = await capturePlan(db, { export: extract(HUINING, HUINING_URL), capturedAt: T0 });
    await capturePlan(db, { export: extract(HUINING, 'https://www.baiyin.gov.cn/huining/plan.html'), capturedAt: T0 + HOUR });
    const listed = await listPlans(db);
    expect(listed).toHaveLength(1);
    expect(listed[0]).toMatchObject({ id: first.planId, url: HUINING_URL, alsoAt: ['https://www.baiyin.gov.cn/huining/plan.html'] });
  });

  it('deletes a plan with every version, document and correction', async () => {
    const db = freshDb();
    const ids = await library(db);
    const exp = (await getPlan(db, ids.huining))!.export;
    await addCorrection(db, ids.huining, { kind: 'rejectTarget', target: targetKeyOf(exp, 'g1') });
    await capturePlan(db, { export: extract(`${HUINING}\n附件:分工表`, HUINING_URL), capturedAt: T0 + 5 * HOUR });
    expect(await db.corrections.count()).toBe(2);
    expect(await deletePlan(db, ids.huining)).toBe(2);
    expect(await db.plans.count()).toBe(2);
    expect(await db.documents.count()).toBe(2);
    expect(await db.corrections.count()).toBe(0);
    expect(await getPlan(db, ids.huining)).toBeUndefined();
  });

  it('deleting only the latest version promotes the previous one', async () => {
    const db = freshDb();
    const first = await capturePlan(db, { export: extract(HUINING, HUINING_URL), capturedAt: T0 });
    const second = await capturePlan(db, { export: extract(`${HUINING}\n附件:分工表`, HUINING_URL), capturedAt: T0 + HOUR });
    expect(await deletePlan(db, second.planId, { allVersions: false })).toBe(1);
    expect((await listPlans(db)).map((p) => p.id)).toEqual([first.planId]);
  });
});

describe('export', () => {
  it('one plan is one export object, several an array; all corrected and valid', async () => {
    const db = freshDb();
    const a = await capturePlan(db, { export: extract(HUINING, HUINING_URL), capturedAt: T0 });
    const b = await capturePlan(db, { export: extract(WUZHONG, WUZHONG_URL), capturedAt: T0 });
    const exp = (await getPlan(db, a.planId))!.export;
    await addCorrection(db, a.planId, { kind: 'renameUnit', task: taskKeyOf(exp, 't1'), role: 'lead', from: '县纪委监委', to: '县纪律检查委员会' });

    const single = JSON.parse(await exportPlansJson(db, [a.planId])) as unknown;
    const one = validateExport(single);
    expect(one.tasks[0]?.leadUnits[0]).toBe('县纪律检查委员会');
    expect(one.document.source).toEqual({ kind: 'html', url: HUINING_URL, file: null });

    const several = JSON.parse(await exportPlansJson(db, [b.planId, a.planId])) as unknown[];
    expect(several).toHaveLength(2);
    expect(several.map((e) => validateExport(e).document.region)).toEqual(['吴忠市', '会宁县']);
  });

  it('CSV: BOM, CRLF, RFC 4180 quoting, formula injection guarded (formulas only), negative numbers kept', () => {
    const exp = extract(WUZHONG, WUZHONG_URL);
    const g1 = exp.targets[0];
    if (!g1) throw new Error('seed changed');
    const crafted: GovClipExport = {
      ...exp,
      document: { ...exp.document, title: '吴忠市规划, "第二版"' },
      targets: [
        { ...g1, text: '第一行\n第二行', metric: '=HYPERLINK("http://evil")', value: -5, max: null },
        { ...g1, id: 'g2', text: '+1 小时', metric: '@SUM(A1)', unit: '-%', value: 1.5, max: 2, op: 'range' },
      ],
      tasks: exp.tasks.map((t) => ({ ...t, targetIds: t.targetIds.filter((id) => id === 'g1' || id === 'g2') })),
    };
    const csv = targetsCsv([{ export: crafted, url: 'https://x.gov.cn/a?b=1,2' }]);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.slice(1).split('\r\n')[0]).toBe('计划名称,地区,计划年度,任务编号,任务,牵头单位,责任单位,指标,目标,比较,数值,上限,单位,完成年份,原文,所在句子,来源网址');
    const rows = csv.slice(1).split('\r\n');
    expect(rows[1]?.startsWith('"吴忠市规划, ""第二版""",吴忠市,2021–2023,')).toBe(true);
    expect(csv).toContain(`,"'=HYPERLINK(""http://evil"")",≥ -5%,≥,-5,,%,,"第一行\n第二行",`);
    // A range as written, numbers as numbers; the formula-like cells guarded, nothing else.
    expect(csv).toContain(`,'@SUM(A1),1.5–2 -%,区间,1.5,2,'-%,,'+1 小时,`);
    expect(rows.at(-2)?.endsWith(',"https://x.gov.cn/a?b=1,2"')).toBe(true);
  });

  it('CSV: comparators as a reader writes them, never a code word or a guarded =', () => {
    const exp = extract(WUZHONG, WUZHONG_URL);
    const g1 = exp.targets[0];
    if (!g1) throw new Error('seed changed');
    const written = (change: Partial<typeof g1>) => {
      const csv = targetsCsv([{ export: { ...exp, targets: [{ ...g1, ...change }] }, url: WUZHONG_URL }]);
      const [header = [], row = []] = readCsv(csv);
      return [row[header.indexOf('目标')], row[header.indexOf('比较')]];
    };
    expect(written({ op: '>=', value: 95, unit: '%' })).toEqual(['≥ 95%', '≥']);
    expect(written({ op: '<=', value: 15, unit: '分钟' })).toEqual(['≤ 15 分钟', '≤']);
    expect(written({ op: '~', value: 3, unit: '万人' })).toEqual(['约 3 万人', '约']);
    expect(written({ op: 'range', value: 5, max: 7, unit: '个' })).toEqual(['5–7 个', '区间']);
    expect(written({ op: 'increase', value: 2, unit: '百分点' })).toEqual(['提高 2 个百分点', '提高']);
    expect(written({ op: '=', value: 120, unit: '条' })).toEqual(['120 条', '']);
    expect(targetsCsv([{ export: exp, url: WUZHONG_URL }])).not.toMatch(/'=|,>=,|,<=,|,range,|,increase,/);
  });

  it('CSV: each target with its task’s 牵头 and 责任 units, deadline year, sentence and source', async () => {
    const exp = extract(HUINING, HUINING_URL);
    const csv = targetsCsv([{ export: exp, url: HUINING_URL }]);
    const [header, ...rows] = readCsv(csv);
    const column = (name: string) => (header ?? []).indexOf(name);
    const withLead = rows.filter((row) => (row[column('牵头单位')] ?? '') !== '');
    expect(withLead.length).toBeGreaterThan(20);
    const target = exp.targets.find((t) => t.year !== null && exp.tasks.find((task) => task.id === t.taskId)?.leadUnits.length);
    const task = exp.tasks.find((t) => t.id === target?.taskId);
    const row = rows.find((r) => r[column('原文')] === target?.text);
    expect(row?.[column('牵头单位')]).toBe(task?.leadUnits.join('、'));
    expect(row?.[column('完成年份')]).toBe(String(target?.year));
    expect(row?.[column('所在句子')]).toContain(target?.text);
    expect(row?.[column('来源网址')]).toBe(HUINING_URL);
  });

});
