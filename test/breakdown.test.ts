// The 任务分解表 and the per-unit 责任清单: rows staff hand out, checked cell by cell, and the
// workbook opened for real by LibreOffice (skipped with a message where it is not installed;
// CI installs libreoffice-calc-nogui).
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { breakdownSheets, breakdownTable, dutySheet, dutyTable, tableCsv, taskContent } from '../shared/breakdown/table.ts';
import { buildXlsx } from '../shared/compare/xlsx.ts';
import { extractPlan } from '../shared/extract.ts';
import { openPdf } from '../pipeline/load/pdf.ts';
import { main } from '../pipeline/cli.ts';
import { captureIo } from './support/io.ts';

const PLAN_A = [
  '青阜县2024年城乡人居环境整治提升行动方案',
  '一、重点任务',
  '1.新建改建农村户用卫生厕所。全年新建改建农村户用卫生厕所1200户,户厕问题整改率达到100%。牵头单位:县农业农村局;责任单位:县卫健局、各镇(街道);完成时限:2024年11月底',
  '2.整治背街小巷。整治背街小巷15条,10月底前完成。(牵头单位:县住建局;责任单位:各镇(街道))',
  '3.健全保洁长效机制。村庄保洁覆盖率达到100%。(责任单位:各镇(街道);完成时限:长期坚持)',
].join('\n');

const PLAN_B = [
  '石岭县2024年农村人居环境整治工作方案',
  '一、主要任务',
  '1.改善村容村貌。年内完成农村公路新改建50公里。(牵头单位:县交通运输局;责任单位:县住建局)',
].join('\n');

const extract = (text: string, id: string) => extractPlan(text, { id: id.repeat(64), source: { kind: 'text', url: null, file: null } });

describe('任务分解表', () => {
  const exp = extract(PLAN_A, 'a');

  it('has one row per task: content without marker, title and units; units, deadline, targets, place', () => {
    const table = breakdownTable(exp);
    expect(table.header).toEqual(['序号', '任务', '具体内容', '牵头单位', '责任单位', '完成时限', '指标', '原文位置']);
    expect(table.rows).toEqual([
      ['1', '一1 新建改建农村户用卫生厕所', '全年新建改建农村户用卫生厕所1200户,户厕问题整改率达到100%。', '县农业农村局', '县卫健局、各镇(街道)', '2024年11月底', '全年新建改建农村户用卫生厕所 = 1200 户 (2024年)\n户厕问题整改率 ≥ 100 % (2024年)', '第3行'],
      ['2', '一2 整治背街小巷', '整治背街小巷15条,10月底前完成。', '县住建局', '各镇(街道)', '10月底前 (2024年10月)', '整治背街小巷 = 15 条 (2024年)', '第4行'],
      ['3', '一3 健全保洁长效机制', '村庄保洁覆盖率达到100%。', '', '各镇(街道)', '长期坚持', '村庄保洁覆盖率 ≥ 100 % (2024年)', '第5行'],
    ]);
  });

  it('keeps units named in the body: only the closing clause is cut', () => {
    expect(taskContent({ path: ['3'], title: '加强监管', text: '3.加强监管。由县市场监管局牵头开展专项检查,每季度通报。(责任单位:县市场监管局)' })).toBe('由县市场监管局牵头开展专项检查,每季度通报。');
  });

  it('guards CSV cells that a spreadsheet would run as formulas', () => {
    const csv = tableCsv({ header: ['序号', '任务'], rows: [['1', '=HYPERLINK("x")'], ['2', '-5%']] });
    // -5% is a number, not a formula: the one CSV writer (shared/csv.ts) leaves values alone.
    expect(csv).toBe('\uFEFF序号,任务\r\n1,"\'=HYPERLINK(""x"")"\r\n2,-5%\r\n');
  });
});

describe('责任清单 of one unit', () => {
  it('lists every task the unit leads or shares, across plans, with its role', () => {
    const table = dutyTable([extract(PLAN_A, 'a'), extract(PLAN_B, 'b')], '县住建局');
    expect(table.rows.map((r) => [r[0], r[1], r[2], r[4], r[7]])).toEqual([
      ['1', '青阜县2024年城乡人居环境整治提升行动方案', '一2 整治背街小巷', '牵头', '10月底前 (2024年10月)'],
      ['2', '石岭县2024年农村人居环境整治工作方案', '一1 改善村容村貌', '责任', '年内 (2024年)'],
    ]);
  });
});

describe('the CLI writes the sheets', () => {
  const dir = mkdtempSync(join(tmpdir(), 'govclip-breakdown-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('extract PLAN --csv prints the table; --xlsx --unit writes the 责任清单', async () => {
    const plan = join(dir, 'plan-a.txt');
    writeFileSync(plan, PLAN_A);
    const io = captureIo();
    expect(await main(['extract', plan, '--csv'], io)).toBe(0);
    expect(io.stdout.join('\n')).toBe(tableCsv(breakdownTable(extract(PLAN_A, 'a'))).replace(/\r\n$/, ''));
    const out = join(dir, 'duties.xlsx');
    const io2 = captureIo();
    expect(await main(['extract', plan, '--xlsx', '--unit', '县农业农村局', '--out', out], io2)).toBe(0);
    expect(io2.stdout.join('\n')).toContain('县农业农村局 责任清单: 1 rows');
    expect(readFileSync(out).subarray(0, 2).toString()).toBe('PK');
  });

  it('refuses --xlsx with --csv, and --unit alone', async () => {
    const io = captureIo();
    expect(await main(['extract', 'x.txt', '--xlsx', '--csv'], io)).toBe(2);
    expect(io.stderr.join('\n')).toContain('choose one');
    const io2 = captureIo();
    expect(await main(['extract', 'x.txt', '--unit', '县住建局'], io2)).toBe(2);
    expect(io2.stderr.join('\n')).toContain('--unit goes with --xlsx or --csv');
  });
});

const soffice = spawnSync('soffice', ['--version'], { encoding: 'utf8' });
const hasSoffice = soffice.status === 0;
if (!hasSoffice) console.warn('LibreOffice (soffice) is not installed: the workbook check is skipped (apt-get install libreoffice-calc-nogui)');

describe.skipIf(!hasSoffice)('the workbook as LibreOffice reads it', () => {
  const dir = mkdtempSync(join(tmpdir(), 'govclip-lo-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const exp = extract(readFileSync('fixtures/seeds/004_1b546d98361b8941.txt', 'utf8'), 'c');
  const xlsx = join(dir, 'plan.xlsx');
  writeFileSync(xlsx, buildXlsx(breakdownSheets([exp])));
  // Its own profile, so a LibreOffice already running elsewhere does not take the job.
  const convert = (to: string) =>
    execFileSync('soffice', [`-env:UserInstallation=file://${join(dir, 'profile')}`, '--headless', '--convert-to', to, '--outdir', dir, xlsx], { stdio: 'pipe', timeout: 120_000 });

  it('has the same cells as the export', () => {
    // 44: comma, 34: double quote, 76: UTF-8; text cells quoted only where needed.
    convert('csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1');
    const csv = readFileSync(join(dir, readdirSync(dir).find((f) => f.endsWith('.csv')) as string), 'utf8');
    const expected = tableCsv(breakdownTable(exp)).replace(/^\uFEFF/, '');
    expect(exp.tasks.length).toBeGreaterThan(20);
    expect(csv.replace(/\r\n/g, '\n')).toBe(expected.replace(/\r\n/g, '\n'));
  }, 150_000);

  it('prints on A4 landscape, every column on the page, long cells wrapped in full', async () => {
    convert('pdf');
    const doc = await openPdf(new Uint8Array(readFileSync(join(dir, 'plan.pdf'))));
    const pages = [];
    for (let n = 1; n <= doc.numPages; n++) pages.push(await doc.getPage(n));
    for (const page of pages) {
      const [, , width, height] = page.view;
      // A4 landscape in points: 842 × 595.
      expect(Math.round(width as number)).toBe(842);
      expect(Math.round(height as number)).toBe(595);
    }
    const texts = await Promise.all(pages.map(async (p) => (await p.getTextContent()).items.map((i) => ('str' in i ? i.str : '')).join('')));
    // The header, first to last column, on the first page and repeated on the others.
    for (const text of texts) for (const column of ['序号', '具体内容', '完成时限', '原文位置']) expect(text).toContain(column);
    // The longest 具体内容 ends on paper: wrapped, not cut at the column edge.
    const longest = breakdownTable(exp).rows.map((r) => r[2] as string).sort((a, b) => b.length - a.length)[0] as string;
    expect(texts.join('').replace(/\s/g, '')).toContain(longest.slice(-12));
    await doc.destroy();
  }, 150_000);
});

describe('sheets for several plans', () => {
  it('one sheet per plan, named by region and year', () => {
    const sheets = breakdownSheets([extract(PLAN_A, 'a'), extract(PLAN_B, 'b')]);
    expect(sheets.map((s) => s.name)).toEqual(['青阜县 2024 任务分解表', '石岭县 2024 任务分解表']);
    expect(dutySheet([], '县住建局').table.rows).toEqual([]);
  });
});

describe('writing where it cannot', () => {
  it('says so in one line, exits 1 and leaves nothing behind', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'govclip-nowrite-'));
    const plan = join(dir, 'plan.txt');
    writeFileSync(plan, PLAN_A);
    const io = captureIo();
    const out = join(dir, 'no-such-folder', 'x.xlsx');
    expect(await main(['extract', plan, '--xlsx', '--out', out], io)).toBe(1);
    expect(io.stderr).toEqual([`govclip: cannot write ${out}: ENOENT`]);
    expect(readdirSync(dir)).toEqual(['plan.txt']);
    rmSync(dir, { recursive: true, force: true });
  });
});
