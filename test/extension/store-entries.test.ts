// A 附件 belongs to its page: one library entry with the page's metadata and its attachments;
// when the page is only the notice that issues the plan, the entry's tasks and targets are the
// attachment's.
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractPlan } from '../../shared/extract.ts';
import { addCorrection, capturePlan, exportTargetsCsv, getPlan, GovClipDB, listPlans, sha256Hex, targetKeyOf } from '../../extension/lib/store/index.ts';
import { readCsv } from './support/read-csv.ts';

const PAGE_URL = 'https://www.huining.gov.cn/zwgk/2021/notice.html';
const PDF_URL = 'https://www.huining.gov.cn/zwgk/2021/fj/plan.pdf';
// The page: the notice with the 政府信息公开 metadata; the plan itself is in the PDF.
const NOTICE = '关于印发《会宁县2021年度文明城市创建工作实施方案》的通知\n各乡镇人民政府,县直各部门:\n现将《会宁县2021年度文明城市创建工作实施方案》印发给你们,请认真抓好落实。\n会宁县人民政府办公室\n2021年3月8日';
const PLAN = readFileSync(join(import.meta.dirname, '../../fixtures/seeds/004_1b546d98361b8941.txt'), 'utf8');

function notice() {
  return extractPlan(NOTICE, {
    id: sha256Hex(NOTICE), source: { kind: 'html', url: PAGE_URL, file: null },
    metadata: { issuers: ['会宁县人民政府办公室'], docNumber: '会政办发〔2021〕12号', publishedAt: '2021-03-08' },
  });
}

function attachment() {
  return extractPlan(PLAN, { id: sha256Hex(PLAN), source: { kind: 'pdf', url: PDF_URL, file: null } });
}

describe('an attachment captured from its page', () => {
  it('is one entry: the page’s metadata, the attachment’s tasks and targets, both texts kept', async () => {
    const db = new GovClipDB(`entries-${Math.random()}`);
    const page = await capturePlan(db, { export: notice(), url: PAGE_URL, attachments: [{ url: PDF_URL, title: '实施方案.pdf', kind: 'pdf' }] });
    const plan = attachment();
    const part = await capturePlan(db, { export: plan, url: PDF_URL, partOf: PAGE_URL });

    const listed = await listPlans(db);
    expect(listed.map((row) => row.id)).toEqual([page.planId]);
    expect(listed[0]).toMatchObject({ taskCount: plan.tasks.length, targetCount: plan.targets.length, docNumber: '会政办发〔2021〕12号', publishedAt: '2021-03-08', url: PAGE_URL });

    const detail = await getPlan(db, page.planId);
    expect(detail?.parts.map((p) => p.summary.id)).toEqual([part.planId]);
    expect(detail?.entryPlanId).toBe(part.planId);
    expect(detail?.entry.tasks).toHaveLength(plan.tasks.length);
    expect(detail?.entry.document).toMatchObject({ issuers: ['会宁县人民政府办公室'], docNumber: '会政办发〔2021〕12号', publishedAt: '2021-03-08', text: plan.document.text });
    // The notice's own text is still there to read.
    expect(detail?.export.document.text).toContain('现将《会宁县2021年度文明城市创建工作实施方案》印发给你们');

    // Exports of the entry: the attachment's targets, under the page's address.
    const [header = [], ...rows] = readCsv(await exportTargetsCsv(db, [page.planId]));
    expect(rows).toHaveLength(plan.targets.length);
    expect(rows.every((row) => row[header.indexOf('来源网址')] === PAGE_URL)).toBe(true);

    // Corrected through the entry: the correction goes to the attachment, the entry's counts follow.
    await addCorrection(db, detail?.entryPlanId as string, { kind: 'rejectTarget', target: targetKeyOf(detail!.entry, detail!.entry.targets[0]!.id) });
    expect((await listPlans(db))[0]?.targetCount).toBe(plan.targets.length - 1);
    db.close();
  });

  it('stays its own entry when its page is not in the library, and a page with its own plan keeps it', async () => {
    const db = new GovClipDB(`entries-${Math.random()}`);
    await capturePlan(db, { export: attachment(), url: PDF_URL, partOf: PAGE_URL });
    expect((await listPlans(db)).map((row) => row.url)).toEqual([PDF_URL]);
    const seedPage = extractPlan(PLAN, { id: sha256Hex(PLAN), source: { kind: 'html', url: PAGE_URL, file: null } });
    const page = await capturePlan(db, { export: seedPage, url: PAGE_URL });
    expect((await listPlans(db)).map((row) => row.url)).toEqual([PAGE_URL]);
    const detail = await getPlan(db, page.planId);
    expect(detail?.entryPlanId).toBe(page.planId);
    expect(detail?.parts).toHaveLength(1);
    db.close();
  });
});
