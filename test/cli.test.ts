// The command line as a user meets it: summaries, JSON that matches the contract, and bad
// inputs that give one clear line each while the rest of a batch still goes through.
import { mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../pipeline/cli.ts';
import { exportSchema } from '../shared/schema.ts';
import { captureIo } from './support/io.ts';
import { encodeGbk } from './support/gbk.ts';

const SEED = join(import.meta.dirname, '..', 'fixtures', 'seeds', '004_1b546d98361b8941.txt');


let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'govclip-cli-'));
  await writeFile(join(dir, 'empty.txt'), '');
  await writeFile(join(dir, 'binary.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x01, 0x02, 0xff, 0x00]));
  await writeFile(
    join(dir, 'news.txt'),
    '本报讯 昨日上午,市民张先生在公园晨练时发现一只受伤的白鹭,随即联系了林业部门。工作人员赶到后对白鹭进行了救治,目前白鹭状况良好。\n',
  );
  await writeFile(join(dir, 'page.html'), '<html><body>创建全国文明城市</body></html>');
});

describe('govclip extract', () => {
  it('prints a readable summary: counts, tasks with their units, targets', async () => {
    const io = captureIo();
    expect(await main(['extract', SEED], io)).toBe(0);
    const out = io.stdout.join('\n');
    expect(out).toContain('# 会宁县2021年度文明城市创建工作实施方案');
    // 24 numbered tasks, 3 phases of 实施步骤 and 3 保障措施.
    expect(out).toMatch(/30 tasks · \d+ units · \d+ targets/);
    expect(out).toContain('二 › (一) › 1  政务环境提升');
    expect(out).toContain('牵头: 县纪委监委、县委办公室、县政府办公室、县市场监管局、县司法局、有关部门单位');
    expect(out).toContain('全民法治宣传教育的普及率 ≥ 95 %');
    expect(io.stderr).toEqual([]);
  });

  it('prints the export with --json, valid against the schema', async () => {
    const io = captureIo();
    expect(await main(['extract', SEED, '--json'], io)).toBe(0);
    const parsed = exportSchema.parse(JSON.parse(io.stdout.join('\n')));
    expect(parsed.document.title).toBe('会宁县2021年度文明城市创建工作实施方案');
    expect(parsed.document.source).toEqual({ kind: 'text', url: null, file: '004_1b546d98361b8941.txt' });
    expect(parsed.tasks[0]?.path).toEqual(['二', '(一)', '1']);
    // Every span points at the text it claims.
    for (const target of parsed.targets) {
      const [start, end] = target.span;
      const highlighted = parsed.document.text.slice(start, end);
      expect(highlighted).toContain(target.value === 0 ? '清零' : String(target.value));
      expect(parsed.document.text.slice(...target.span)).toBe(highlighted);
    }
    for (const task of parsed.tasks) expect(parsed.document.text.slice(...task.span)).toBe(task.text);
  });

  it('writes one export per input with --out and goes on past bad files', async () => {
    const out = join(dir, 'out');
    const io = captureIo();
    const code = await main(['extract', SEED, join(dir, 'empty.txt'), join(dir, 'binary.txt'), join(dir, 'missing.txt'), '--out', out], io);
    expect(code).toBe(1);
    expect((await readdir(out)).sort()).toEqual(['004_1b546d98361b8941.json', 'empty.json']);
    const empty = exportSchema.parse(JSON.parse(await readFile(join(out, 'empty.json'), 'utf8')));
    expect(empty.tasks).toEqual([]);
    expect(empty.warnings).toEqual(['empty document: no text to extract from']);
    expect(io.stderr).toEqual([
      `govclip: ${join(dir, 'missing.txt')}: no such file or directory`,
      `govclip: ${join(dir, 'binary.txt')}: binary file (contains NUL bytes), not plain text`,
    ]);
    expect(io.stderr.join('\n')).not.toMatch(/\n\s+at /); // no stack traces
  });

  it('warns that a news article is not a plan, with empty lists', async () => {
    const io = captureIo();
    expect(await main(['extract', join(dir, 'news.txt'), '--json'], io)).toBe(0);
    const parsed = exportSchema.parse(JSON.parse(io.stdout.join('\n')));
    expect(parsed.tasks).toEqual([]);
    expect(parsed.targets).toEqual([]);
    expect(parsed.warnings).toEqual(['not a plan: no numbered tasks, responsibility clauses or numeric targets were found']);
  });

  it('says clearly what it cannot read', async () => {
    const io = captureIo();
    await writeFile(join(dir, 'notes.docx'), 'PK');
    await writeFile(join(dir, 'fake.pdf'), '这不是PDF');
    expect(await main(['extract', join(dir, 'notes.docx'), join(dir, 'fake.pdf')], io)).toBe(1);
    expect(io.stderr).toEqual([
      `govclip: ${join(dir, 'notes.docx')}: unsupported file type ".docx": give .txt, .html, .pdf, .png or .jpg`,
      `govclip: ${join(dir, 'fake.pdf')}: not a PDF (no %PDF header)`,
    ]);
  });

  it('reads a web page that is not a plan into an export with a warning', async () => {
    const io = captureIo();
    expect(await main(['extract', join(dir, 'page.html'), '--json'], io)).toBe(0);
    const parsed = exportSchema.parse(JSON.parse(io.stdout.join('\n')));
    expect(parsed.document.source.kind).toBe('html');
    expect(parsed.warnings).toEqual(['not a plan: no numbered tasks, responsibility clauses or numeric targets were found']);
  });

  it('reads a plan saved in GB18030 like one saved in UTF-8', async () => {
    const utf8 = await readFile(SEED, 'utf8');
    const gbkPath = join(dir, 'gbk-plan.txt');
    await writeFile(gbkPath, encodeGbk(utf8));
    const fromUtf8 = captureIo();
    const fromGbk = captureIo();
    await main(['extract', SEED, '--json'], fromUtf8);
    await main(['extract', gbkPath, '--json'], fromGbk);
    const a = exportSchema.parse(JSON.parse(fromUtf8.stdout.join('\n')));
    const b = exportSchema.parse(JSON.parse(fromGbk.stdout.join('\n')));
    expect(b.targets.map((t) => [t.metric, t.value])).toEqual(a.targets.map((t) => [t.metric, t.value]));
    expect(b.warnings).toEqual(['decoded as gb18030']);
  });

  it('answers usage errors with exit code 2 and the usage text', async () => {
    const io = captureIo();
    expect(await main(['extract'], io)).toBe(2);
    expect(io.stderr.join('\n')).toContain('Usage: govclip extract');
    expect(await main(['frobnicate'], captureIo())).toBe(2);
  });
});

