// Schema upgrades of the library: a database populated under version 1 opens with the current
// class without losing a row, with version 2's backfill applied. Each later version adds a test here.
import 'fake-indexeddb/auto';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { extractPlan } from '../../shared/extract.ts';
import { CURRENT_DB_VERSION, declareVersion1, getPlan, GovClipDB, listPlans, type PlanSummary } from '../../extension/lib/store/index.ts';
import { summarise } from '../../extension/lib/store/summary.ts';

const SEEDS = join(import.meta.dirname, '..', '..', 'fixtures', 'seeds');

function v1Rows(file: string, url: string, capturedAt: number) {
  const raw = readFileSync(join(SEEDS, file), 'utf8');
  const exp = extractPlan(raw, { id: createHash('sha256').update(raw).digest('hex'), source: { kind: 'html', url, file: null } });
  const id = `plan-${file.slice(0, 3)}`;
  const full = summarise(
    {
      id, url, contentHash: createHash('sha256').update(exp.document.text).digest('hex'),
      capturedAt, firstCapturedAt: capturedAt, updatedAt: capturedAt, previousVersionId: null, isLatest: 1, version: 1, attachments: [],
    },
    exp,
  );
  // What version 1 stored: the summary without the fields version 2 derives.
  const { searchText, sortDate, ...summary } = full;
  void searchText;
  void sortDate;
  return { summary, document: { planId: id, export: exp } };
}

describe('library schema upgrades', () => {
  it('version 1 → current keeps every row and backfills searchText and sortDate', async () => {
    const name = 'store-upgrade-v1';
    const old = new Dexie(name);
    declareVersion1(old);
    const rows = [
      v1Rows('004_1b546d98361b8941.txt', 'https://huining.gov.cn/a.html', Date.UTC(2023, 5, 1)),
      v1Rows('003_0016ae88b6af66a8.txt', 'https://wuzhong.gov.cn/b.html', Date.UTC(2023, 6, 1)),
      v1Rows('002_b2e59733f8a1a1fc.txt', 'https://xiangyang.gov.cn/c.html', Date.UTC(2023, 7, 1)),
    ];
    await old.table('plans').bulkAdd(rows.map((r) => r.summary));
    await old.table('documents').bulkAdd(rows.map((r) => r.document));
    await old.table('corrections').add({
      id: 'c1', planId: 'plan-004', createdAt: 1,
      correction: { kind: 'rejectTarget', target: { text: '全民法治宣传教育的普及率≥95%', metric: '全民法治宣传教育的普及率', occurrence: 0 } },
    });
    expect(old.verno).toBe(1);
    old.close();

    const db = new GovClipDB(name);
    await db.open();
    try {
      expect(db.verno).toBe(CURRENT_DB_VERSION);
      expect(await db.plans.count()).toBe(3);
      expect(await db.documents.count()).toBe(3);
      expect(await db.corrections.count()).toBe(1);
      const upgraded = (await db.plans.toArray()).sort((a, b) => a.id.localeCompare(b.id));
      expect(upgraded.map((p: PlanSummary) => [p.id, p.sortDate])).toEqual([
        ['plan-002', '2023-08-01'],
        ['plan-003', '2021-04-19'],
        ['plan-004', '2023-06-01'],
      ]);
      const huining = upgraded.find((p) => p.id === 'plan-004');
      expect(huining?.searchText.startsWith('会宁县2021年度文明城市创建工作实施方案\n会宁县\n')).toBe(true);
      expect(huining?.searchText).toContain('县司法局');
      // Every field version 1 had is still there, unchanged.
      for (const { summary } of rows) expect(upgraded.find((p) => p.id === summary.id)).toMatchObject(summary);
      // The new index and the search work on the upgraded rows.
      expect((await db.plans.orderBy('sortDate').toArray()).map((p) => p.id)).toEqual(['plan-003', 'plan-004', 'plan-002']);
      expect((await listPlans(db, { search: '县司法局' })).map((p) => p.id)).toEqual(['plan-004']);
      expect((await getPlan(db, 'plan-004'))?.export.targets.some((t) => t.id === 'g1')).toBe(false);
    } finally {
      await db.delete();
    }
  });
});
