// `govclip extract --out`: nothing lost, nothing half-written. A folder that cannot take the
// exports is one line; an export path taken by a folder fails that file only; inputs that share a
// name get their own exports; Ctrl-C leaves whole exports and no temporary files.
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { exportNames, main } from '../../pipeline/cli.ts';
import { exportSchema } from '../../shared/schema.ts';
import { captureIo } from '../support/io.ts';

const PLAN = '某县2024年养老服务提升工作方案\n一、主要任务\n1.建设社区食堂。到2025年,社区食堂覆盖率达到80%以上。(牵头单位:县民政局)\n2.推进适老化改造。完成改造200户。(牵头单位:县住建局)\n';
const PAGE = `<!DOCTYPE html><html><head><title>方案</title></head><body><div class="TRS_Editor"><p>某县2024年养老服务提升工作方案</p><p>一、主要任务</p><p>1.建设社区食堂。到2025年,社区食堂覆盖率达到80%以上。(牵头单位:县民政局)</p></div></body></html>`;

const BIN = join(import.meta.dirname, '..', '..', 'pipeline', 'bin', 'govclip.js');

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'govclip-out-'));
});

const noStackTrace = (lines: readonly string[]) => expect(lines.join('\n')).not.toMatch(/\n\s+at /);

describe('--out', () => {
  it('refuses an --out that is an existing file, in one line, before reading anything', async () => {
    await writeFile(join(dir, 'plan.txt'), PLAN);
    await writeFile(join(dir, 'exports'), 'not a folder');
    const io = captureIo();
    expect(await main(['extract', join(dir, 'plan.txt'), '--out', join(dir, 'exports')], io)).toBe(1);
    expect(io.stderr).toEqual([`govclip: --out ${join(dir, 'exports')}: not a directory (a file has that name)`]);
  });

  it('fails only the file whose export path is a folder; the next file is still extracted', async () => {
    await writeFile(join(dir, 'a.txt'), PLAN);
    await writeFile(join(dir, 'b.txt'), PLAN.replace('养老', '托育'));
    const out = join(dir, 'out');
    await mkdir(join(out, 'a.json'), { recursive: true });
    const io = captureIo();
    expect(await main(['extract', join(dir, 'a.txt'), join(dir, 'b.txt'), '--out', out], io)).toBe(1);
    expect(io.stderr).toEqual([`govclip: ${join(dir, 'a.txt')}: cannot write ${join(out, 'a.json')}: is a directory`]);
    noStackTrace(io.stderr);
    expect(exportSchema.parse(JSON.parse(await readFile(join(out, 'b.json'), 'utf8'))).tasks).toHaveLength(2);
    // No temporary file is left beside the exports.
    expect((await readdir(out)).sort()).toEqual(['a.json', 'b.json']);
  });

  it('gives plan.txt, plan.html and plan.pdf their own exports', async () => {
    await writeFile(join(dir, 'plan.txt'), PLAN);
    await writeFile(join(dir, 'plan.html'), PAGE);
    await writeFile(join(dir, 'plan.pdf'), 'not really a PDF');
    await mkdir(join(dir, 'other'));
    await writeFile(join(dir, 'other', 'plan.txt'), PLAN.replace('养老', '托育'));
    const out = join(dir, 'out');
    const io = captureIo();
    expect(await main(['extract', dir, join(dir, 'other', 'plan.txt'), '--out', out], io)).toBe(1);
    expect((await readdir(out)).sort()).toEqual(['plan.html.json', 'plan.txt-2.json', 'plan.txt.json']);
    const kinds = await Promise.all(['plan.html.json', 'plan.txt.json', 'plan.txt-2.json'].map(async (f) => exportSchema.parse(JSON.parse(await readFile(join(out, f), 'utf8')))));
    expect(kinds.map((e) => e.document.source.kind)).toEqual(['html', 'text', 'text']);
    expect(kinds[2]?.document.title).toContain('托育');
    expect(io.stderr).toEqual([`govclip: ${join(dir, 'plan.pdf')}: not a PDF (no %PDF header)`]);
  });

  it('names exports by the input alone when names do not repeat', () => {
    expect([...exportNames(['a/plan.txt', 'b/report.pdf', '-']).values()]).toEqual(['plan.json', 'report.json', 'stdin.json']);
    // Case-insensitive file systems would merge PLAN.json and plan.json.
    expect([...exportNames(['PLAN.txt', 'plan.pdf']).values()]).toEqual(['PLAN.txt.json', 'plan.pdf.json']);
  });

  it('stops on Ctrl-C with whole exports only, says how many, and exits 130', async () => {
    for (const name of ['a', 'b', 'c']) await writeFile(join(dir, `${name}.txt`), PLAN);
    const out = join(dir, 'out');
    let interrupt = () => undefined as void;
    const io = {
      ...captureIo(),
      onInterrupt: (handler: () => void) => {
        interrupt = handler;
        return () => undefined;
      },
    };
    const origOut = io.out;
    // Ctrl-C arrives once the first export is written, with two files to go.
    io.out = (text: string) => {
      origOut(text);
      if (io.stdout.length === 1) interrupt();
    };
    expect(await main(['extract', join(dir, 'a.txt'), join(dir, 'b.txt'), join(dir, 'c.txt'), '--out', out], io)).toBe(130);
    expect(await readdir(out)).toEqual(['a.json']);
    exportSchema.parse(JSON.parse(await readFile(join(out, 'a.json'), 'utf8')));
    expect(io.stderr).toEqual([`govclip: interrupted: 1 of 3 exports written to ${out}`]);
  });
});

describe('Ctrl-C in a real process', () => {
  it('leaves only whole exports and no temporary files', { timeout: 60_000 }, async () => {
    // Big enough that the batch is still running when the signal comes.
    const big = PLAN.repeat(4000);
    for (let k = 0; k < 12; k++) await writeFile(join(dir, `plan-${String(k).padStart(2, '0')}.txt`), big);
    const out = join(dir, 'out');
    const child = spawn(process.execPath, [BIN, 'extract', dir, '--out', out, '--quiet'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
    child.kill('SIGINT');
    const code = await new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)));
    expect(code).toBe(130);
    const files = await readdir(out);
    expect(files.every((f) => /^plan-\d\d\.json$/.test(f))).toBe(true);
    expect(files.length).toBeGreaterThan(0);
    expect(files.length).toBeLessThan(12);
    for (const file of files) exportSchema.parse(JSON.parse(await readFile(join(out, file), 'utf8')));
    expect(stderr).toContain(`govclip: interrupted: ${files.length} of 12 exports written to ${out}`);
  });
});

describe('usage', () => {
  it('rejects --json together with --out', async () => {
    const io = captureIo();
    expect(await main(['extract', 'plan.txt', '--json', '--out', dir], io)).toBe(2);
    expect(io.stderr[0]).toMatch(/^govclip: --json prints the exports and --out writes them to files: give one of them\nUsage:/);
    expect(io.stdout).toEqual([]);
  });
});
