// Which plan the side panel lists beside a page: its own, or — when the page only issues the plan
// (关于印发…的通知) — the plan of the 附件 captured from it, under the page's metadata, with the
// attachment's corrections. The same choice as the page's library entry.
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractPlan } from '../../shared/extract.ts';
import { addCorrection, capturePlan, GovClipDB, sha256Hex, targetKeyOf } from '../../extension/lib/store/index.ts';
import { attachmentPlanFor, capturedParts } from '../../extension/lib/ui/panel-plan.ts';

const PAGE_URL = 'https://www.huining.gov.cn/zwgk/2021/notice.html';
const PDF_URL = 'https://www.huining.gov.cn/zwgk/2021/fj/plan.pdf';
const FORM_URL = 'https://www.huining.gov.cn/zwgk/2021/fj/form.pdf';
const NOTICE = '关于印发《会宁县2021年度文明城市创建工作实施方案》的通知\n各乡镇人民政府,县直各部门:\n现将《会宁县2021年度文明城市创建工作实施方案》印发给你们,请认真抓好落实。\n会宁县人民政府办公室\n2021年3月8日';
const PLAN = readFileSync(join(import.meta.dirname, '../../fixtures/seeds/004_1b546d98361b8941.txt'), 'utf8');
// A second attachment that holds no plan: a contact form.
const FORM = '附件2\n联系人信息表\n单位名称 联系人 电话\n';

const extract = (text: string, url: string, kind: 'html' | 'pdf', metadata = {}) => extractPlan(text, { id: sha256Hex(text), source: { kind, url, file: null }, metadata });
const notice = extract(NOTICE, PAGE_URL, 'html', { issuers: ['会宁县人民政府办公室'], docNumber: '会政办发〔2021〕12号', publishedAt: '2021-03-08' });
const plan = extract(PLAN, PDF_URL, 'pdf');
const form = extract(FORM, FORM_URL, 'pdf');

describe('the plan the side panel lists beside a page', () => {
  it('is the attachment’s, under the page’s 文号, issuers and date, when the page is only the notice', () => {
    const chosen = attachmentPlanFor(notice, [{ planId: 'form', url: FORM_URL, export: form }, { planId: 'plan', url: PDF_URL, export: plan }]);
    expect(chosen?.planId).toBe('plan');
    expect(chosen?.url).toBe(PDF_URL);
    expect(chosen?.entry.targets).toEqual(plan.targets);
    expect(chosen?.entry.tasks).toEqual(plan.tasks);
    expect(chosen?.entry.document).toMatchObject({ docNumber: '会政办发〔2021〕12号', issuers: ['会宁县人民政府办公室'], publishedAt: '2021-03-08', text: plan.document.text });
    // The attachment's own text, for the panel to show it with its marks.
    expect(chosen?.export).toBe(plan);
  });

  it('is the page’s own when the page holds the plan, or when no captured attachment does', () => {
    const page = extract(PLAN, PAGE_URL, 'html');
    expect(attachmentPlanFor(page, [{ planId: 'plan', url: PDF_URL, export: plan }])).toBeNull();
    expect(attachmentPlanFor(notice, [])).toBeNull();
    expect(attachmentPlanFor(notice, [{ planId: 'form', url: FORM_URL, export: form }])).toBeNull();
  });

  it('reads the page’s captured attachments from the library, with their corrections', async () => {
    const db = new GovClipDB(`panel-plan-${Math.random()}`);
    const part = await capturePlan(db, { export: plan, url: PDF_URL, partOf: `${PAGE_URL}#top` });
    await capturePlan(db, { export: extract(PLAN.replace('会宁县', '靖远县'), 'https://other.gov.cn/plan.pdf', 'pdf'), url: 'https://other.gov.cn/plan.pdf', partOf: 'https://other.gov.cn/notice.html' });
    await addCorrection(db, part.planId, { kind: 'rejectTarget', target: targetKeyOf(plan, plan.targets[0]!.id) });

    const parts = await capturedParts(db, PAGE_URL);
    expect(parts.map((p) => [p.planId, p.url])).toEqual([[part.planId, PDF_URL]]);
    expect(parts[0]?.export.targets).toHaveLength(plan.targets.length - 1);
    expect(attachmentPlanFor(notice, parts)?.entry.targets).toHaveLength(plan.targets.length - 1);
    db.close();
  });
});
