// Backup and restore of the library through dexie-export-import, over fake-indexeddb.
import 'fake-indexeddb/auto';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { extractPlan } from '../../shared/extract.ts';
import type { GovClipExport } from '../../shared/schema.ts';
import {
  addCorrection,
  BackupError,
  capturePlan,
  createBackup,
  getPlan,
  GovClipDB,
  listCorrections,
  listPlans,
  restoreBackup,
  targetKeyOf,
  taskKeyOf,
} from '../../extension/lib/store/index.ts';

// What an extension page has and Node lacks, for dexie-export-import: `self` and FileReader.
beforeAll(() => {
  const g = globalThis as Record<string, unknown>;
  g.self ??= globalThis;
  g.FileReader ??= class {
    result: ArrayBuffer | null = null;
    error: unknown = null;
    onload: ((ev: { target: unknown }) => void) | null = null;
    onerror: ((ev: { target: unknown }) => void) | null = null;
    onabort: (() => void) | null = null;
    readAsArrayBuffer(blob: Blob) {
      blob.arrayBuffer().then(
        (buffer) => {
          this.result = buffer;
          this.onload?.({ target: this });
        },
        (error: unknown) => {
          this.error = error;
          this.onerror?.({ target: this });
        },
      );
    }
  };
});

const SEEDS = join(import.meta.dirname, '..', '..', 'fixtures', 'seeds');
const HUINING = readFileSync(join(SEEDS, '004_1b546d98361b8941.txt'), 'utf8');
const WUZHONG = readFileSync(join(SEEDS, '003_0016ae88b6af66a8.txt'), 'utf8');
const HUINING_URL = 'https://www.huining.gov.cn/plan.html';
const WUZHONG_URL = 'https://www.wuzhong.gov.cn/plan.html';
const T0 = Date.UTC(2024, 2, 1);
const HOUR = 3_600_000;

function extract(raw: string, url: string): GovClipExport {
  return extractPlan(raw, { id: createHash('sha256').update(raw).digest('hex'), source: { kind: 'html', url, file: null } });
}

let counter = 0;
const open: GovClipDB[] = [];
function freshDb(): GovClipDB {
  const db = new GovClipDB(`store-backup-${++counter}`);
  open.push(db);
  return db;
}
afterEach(async () => {
  for (const db of open.splice(0)) await db.delete();
});

async function populated(db: GovClipDB) {
  const a = await capturePlan(db, { export: extract(HUINING, HUINING_URL), capturedAt: T0, attachments: [{ url: 'https://www.huining.gov.cn/1.pdf', title: '附件', kind: 'pdf' }] });
  await capturePlan(db, { export: extract(`${HUINING}\n附件:任务分工表`, HUINING_URL), capturedAt: T0 + HOUR });
  const b = await capturePlan(db, { export: extract(WUZHONG, WUZHONG_URL), capturedAt: T0 + 2 * HOUR });
  const exp = (await getPlan(db, a.planId))!.export;
  await addCorrection(db, a.planId, { kind: 'renameUnit', task: taskKeyOf(exp, 't1'), role: 'lead', from: '县纪委监委', to: '县纪律检查委员会' }, T0 + 10);
  return { huiningV1: a.planId, wuzhong: b.planId };
}

async function editJson(blob: Blob, edit: (json: { data: { databaseVersion: number; data: Array<{ tableName: string; rows: Array<Record<string, unknown>> }> } }) => void): Promise<Blob> {
  const json = JSON.parse(await blob.text());
  edit(json);
  return new Blob([JSON.stringify(json)], { type: 'application/json' });
}

describe('backup and restore', () => {
  it('backup → empty library → restore gives the same plans, versions and corrections', async () => {
    const db = freshDb();
    const ids = await populated(db);
    const before = await listPlans(db, { includeOldVersions: true, sort: 'captured' });
    const backup = await createBackup(db);

    const fresh = freshDb();
    const report = await restoreBackup(fresh, backup);
    expect(report).toEqual({ added: 3, updated: 0, skipped: 0, conflicts: [], errors: [] });
    expect(await listPlans(fresh, { includeOldVersions: true, sort: 'captured' })).toEqual(before);
    expect((await getPlan(fresh, ids.huiningV1))?.export).toEqual((await getPlan(db, ids.huiningV1))?.export);
    expect((await getPlan(fresh, ids.huiningV1))?.export.tasks[0]?.leadUnits[0]).toBe('县纪律检查委员会');
    expect(await listCorrections(fresh, ids.huiningV1)).toEqual(await listCorrections(db, ids.huiningV1));
    expect((await listPlans(fresh)).length).toBe(2);

    // Restoring the same backup again changes nothing.
    expect(await restoreBackup(fresh, backup)).toEqual({ added: 0, updated: 0, skipped: 3, conflicts: [], errors: [] });
  });

  it('an older copy in the backup never overwrites the newer local plan, and the conflict is reported', async () => {
    const db = freshDb();
    const { wuzhong } = await populated(db);
    const older = await createBackup(db);
    // Seen again later: same content, later capture time, a new correction.
    await capturePlan(db, { export: extract(WUZHONG, WUZHONG_URL), capturedAt: T0 + 5 * HOUR });
    const exp = (await getPlan(db, wuzhong))!.export;
    await addCorrection(db, wuzhong, { kind: 'rejectTarget', target: targetKeyOf(exp, 'g1') }, T0 + 5 * HOUR + 1);
    const newer = await createBackup(db);

    const report = await restoreBackup(db, older);
    expect(report.added).toBe(0);
    expect(report.updated).toBe(0);
    expect(report.skipped).toBe(3);
    expect(report.errors).toEqual([]);
    expect(report.conflicts).toEqual([
      { planId: wuzhong, url: WUZHONG_URL, title: '吴忠市创建全国文明城市工作规划(2021―2023年)', kept: 'local', localCapturedAt: T0 + 5 * HOUR, backupCapturedAt: T0 + 2 * HOUR },
    ]);
    expect((await getPlan(db, wuzhong))?.summary.capturedAt).toBe(T0 + 5 * HOUR);
    expect(await listCorrections(db, wuzhong)).toHaveLength(1);

    // The other way round: a library holding the older copy takes the backup's newer one.
    const other = freshDb();
    await restoreBackup(other, older);
    const second = await restoreBackup(other, newer);
    expect(second).toMatchObject({ added: 0, updated: 1, skipped: 2, errors: [] });
    expect(second.conflicts).toEqual([expect.objectContaining({ planId: wuzhong, kept: 'backup', localCapturedAt: T0 + 2 * HOUR, backupCapturedAt: T0 + 5 * HOUR })]);
    expect((await getPlan(other, wuzhong))?.export.targets.some((t) => t.id === 'g1')).toBe(false);
  });

  it('a damaged or foreign file gives one clear error and leaves the library alone', async () => {
    const db = freshDb();
    await populated(db);
    const backup = await createBackup(db);

    const notJson = new Blob(['这不是备份文件'], { type: 'application/json' });
    await expect(restoreBackup(db, notJson)).rejects.toThrow(BackupError);
    await expect(restoreBackup(db, notJson)).rejects.toThrow(/^not a GovClip backup: the file (cannot be read as|is not) a database export/);

    const text = await backup.text();
    const truncated = new Blob([text.slice(0, Math.floor(text.length / 2))]);
    const error = await restoreBackup(db, truncated).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BackupError);
    expect((error as Error).message).toMatch(/^(not a GovClip backup|the backup is damaged): /);
    expect((error as Error).message).not.toContain('\n');

    const foreign = await editJson(backup, (json) => {
      (json.data as unknown as { tables: Array<{ name: string }> }).tables[0]!.name = 'notes';
    });
    await expect(restoreBackup(db, foreign)).rejects.toThrow('not a GovClip backup: it holds the tables corrections, documents, notes');

    const future = await editJson(backup, (json) => {
      json.data.databaseVersion = 9;
    });
    await expect(restoreBackup(db, future)).rejects.toThrow('this backup was made by a newer GovClip (library schema 9; this version reads up to 2)');

    expect(await db.plans.count()).toBe(3);
  });

  it('a plan whose stored export fails the schema is reported and left out; the rest is restored', async () => {
    const db = freshDb();
    const { wuzhong } = await populated(db);
    const tampered = await editJson(await createBackup(db), (json) => {
      const documents = json.data.data.find((t) => t.tableName === 'documents');
      const row = documents?.rows.find((r) => r.planId === wuzhong) as { export: { targets: Array<{ op: string }> } } | undefined;
      if (row?.export.targets[0]) row.export.targets[0].op = '≈';
    });
    const fresh = freshDb();
    const report = await restoreBackup(fresh, tampered);
    expect(report.added).toBe(2);
    expect(report.errors).toHaveLength(1);
    expect(report.errors[0]).toMatch(new RegExp(`^plan ${wuzhong}: export does not match schema version 1: targets\\.0\\.op: `));
    expect(await getPlan(fresh, wuzhong)).toBeUndefined();
  });
});
