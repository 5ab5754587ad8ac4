// Files as they arrive from real offices: saved with the wrong extension, in UTF-16 without a
// BOM, with a few damaged bytes or a GBK line pasted in, piped in, or a folder of mixed files.
// Each is read as what it is, or gets one clear line, never a stack trace.
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../pipeline/cli.ts';
import { extractFile } from '../../pipeline/extract-file.ts';
import { decodeText } from '../../pipeline/load/decode-text.ts';
import type { OcrPool } from '../../pipeline/load/ocr.ts';
import { exportSchema } from '../../shared/schema.ts';
import { encodeGbk } from '../support/gbk.ts';
import { captureIo } from '../support/io.ts';

const noOcr = { ocr: 'never' as const, pool: (): OcrPool => { throw new Error('OCR was not expected'); } };
const PLAN = [
  '某县2024年全民健身工作实施方案',
  '一、工作目标',
  '1.建设健身步道。到2025年,城市社区15分钟健身圈覆盖率达到90%以上。(牵头单位:县体育局)',
  '2.开展全民健身活动。经常参加体育锻炼人数比例达到40%。(牵头单位:县教体局;责任单位:各乡镇)',
  '',
].join('\n');

const utf16 = (text: string, endian: 'le' | 'be', bom: boolean) => {
  const le = Buffer.from(text, 'utf16le');
  const bytes = endian === 'le' ? le : Buffer.from(le.map((_, i) => le[i ^ 1] as number));
  return bom ? Buffer.concat([Buffer.from(endian === 'le' ? [0xff, 0xfe] : [0xfe, 0xff]), bytes]) : bytes;
};

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'govclip-awkward-'));
});

async function extract(name: string, content: string | Uint8Array) {
  await writeFile(join(dir, name), content);
  const result = await extractFile(join(dir, name), noOcr);
  if (!result.ok) throw new Error(result.error);
  return result.export;
}

describe('files with the wrong extension', () => {
  it('an empty .html gives an export that says it is empty', async () => {
    const exp = await extract('empty.html', '');
    expect(exp.tasks).toEqual([]);
    expect(exp.warnings).toEqual(['empty document: no text to extract from']);
  });

  it('a text plan saved as .html is read as the text it is', async () => {
    const exp = await extract('plain.html', PLAN);
    expect(exp.tasks.map((t) => t.leadUnits)).toEqual([['县体育局'], ['县教体局']]);
    expect(exp.targets.map((t) => t.value)).toEqual([90, 40]);
  });

  it('a web page saved as .txt is read as HTML, not its CSS', async () => {
    const page = `<!DOCTYPE html><html><head><style>.main{width:100%;height:80%}</style></head><body><div class="TRS_Editor">${PLAN.split('\n').map((line) => `<p>${line}</p>`).join('')}</div></body></html>`;
    const exp = await extract('page.txt', page);
    expect(exp.targets.map((t) => `${t.metric} ${t.value}${t.unit}`)).toEqual(['城市社区15分钟健身圈覆盖率 90%', '经常参加体育锻炼人数比例 40%']);
    expect(exp.warnings).toEqual(['read as HTML: the text file holds a web page']);
  });

  it('a fragment of HTML without <html> is still a page', async () => {
    const exp = await extract('fragment.html', `<p>${PLAN.split('\n').join('</p><p>')}</p>`);
    expect(exp.tasks).toHaveLength(2);
  });
});

describe('text encodings', () => {
  it('reads UTF-16 without a BOM, either byte order', async () => {
    for (const endian of ['le', 'be'] as const) {
      const exp = await extract(`utf16${endian}.txt`, utf16(PLAN, endian, false));
      expect(exp.tasks).toHaveLength(2);
      expect(exp.warnings).toEqual([`decoded as utf-16${endian}`]);
    }
  });

  it('reads a UTF-16 web page with a BOM', async () => {
    const exp = await extract('utf16.html', utf16(`<html><body><p>${PLAN.split('\n').join('</p><p>')}</p></body></html>`, 'le', true));
    expect(exp.tasks).toHaveLength(2);
  });

  it('keeps what it can of a plan with a few damaged bytes, and says where', async () => {
    const bytes = Buffer.from(PLAN);
    // Two bytes lost in the middle of 体育局 on line 3 (a cut in a copy).
    const at = bytes.indexOf(Buffer.from('步道'));
    const damaged = Buffer.concat([bytes.subarray(0, at + 1), bytes.subarray(at + 3)]);
    const exp = await extract('damaged.txt', damaged);
    expect(exp.tasks).toHaveLength(2);
    expect(exp.targets.map((t) => t.value)).toEqual([90, 40]);
    expect(exp.warnings).toEqual(['undecodable bytes: 1 replaced with �, the first on line 3']);
  });

  it('reads a GBK line pasted into a UTF-8 plan as GBK', async () => {
    const lines = PLAN.split('\n');
    const bytes = Buffer.concat([Buffer.from(lines.slice(0, 3).join('\n') + '\n'), Buffer.from(encodeGbk(lines[3] + '\n')), Buffer.from(lines.slice(4).join('\n'))]);
    const exp = await extract('mixed.txt', bytes);
    expect(exp.tasks[1]?.leadUnits).toEqual(['县教体局']);
    expect(exp.warnings).toEqual(['mixed encodings: 1 of the lines decoded as gb18030 inside a UTF-8 file, the first is line 4']);
  });

  it('still refuses a binary file', () => {
    const noise = new Uint8Array(4096).map((_, i) => (i * 7919 + 13) % 251 + 1);
    expect(decodeText(noise)).toMatchObject({ ok: false });
  });
});

describe('inputs on the command line', () => {
  it('reads a plan from standard input with -, text or HTML', async () => {
    for (const content of [PLAN, `<html><body><p>${PLAN.split('\n').join('</p><p>')}</p></body></html>`]) {
      const io = { ...captureIo(), stdin: async () => new Uint8Array(Buffer.from(content)) };
      expect(await main(['extract', '-', '--json'], io)).toBe(0);
      const exp = exportSchema.parse(JSON.parse(io.stdout.join('\n')));
      expect(exp.document.source.file).toBe('stdin');
      expect(exp.tasks).toHaveLength(2);
    }
  });

  it('says a folder has no plan files, lists what it skipped, and exits 1', async () => {
    const folder = join(dir, 'attachments');
    await mkdir(folder);
    await writeFile(join(folder, '通知.docx'), 'PK');
    await writeFile(join(folder, 'logo.gif'), 'GIF89a');
    const io = captureIo();
    expect(await main(['extract', folder], io)).toBe(1);
    expect(io.stderr).toEqual([`govclip: ${folder}: skipped 2 other files: logo.gif, 通知.docx`, `govclip: ${folder}: no plan files in this directory`]);
  });

  it('lists the files of a folder it skips beside the plans it reads', async () => {
    const folder = join(dir, 'mixed-folder');
    await mkdir(folder);
    await writeFile(join(folder, 'plan.txt'), PLAN);
    await writeFile(join(folder, '附件.docx'), 'PK');
    const io = captureIo();
    expect(await main(['extract', folder, '--quiet'], io)).toBe(0);
    expect(io.stderr).toEqual([`govclip: ${folder}: skipped 1 other file: 附件.docx`]);
  });

  it('compare --lexicon with a binary file: one line, exit 1', async () => {
    const binary = join(dir, 'lexicon.xlsx');
    await writeFile(binary, Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(2000, 0), Buffer.from('[Content_Types].xml')]));
    await writeFile(join(dir, 'a.txt'), PLAN);
    const io = captureIo();
    expect(await main(['compare', join(dir, 'a.txt'), '--lexicon', binary], io)).toBe(1);
    expect(io.stderr).toEqual([`govclip: --lexicon ${binary}: binary file (contains NUL bytes), not plain text; expected a CSV file: indicator,wording[,direction]`]);
  });
});

describe('deep pages in the browser', () => {
  it('reads a live page nested 1,000 levels deep without Readability (cubic in depth)', async () => {
    const { parseHTML } = await import('linkedom');
    const { readPage } = await import('../../shared/html/read-page.ts');
    // A browser parses this depth itself; the pipeline flattens it first (MAX_NESTING).
    const html = `<html><body>${'<div>'.repeat(1000)}<p>${PLAN.split('\n').join('</p><p>')}</p>${'</div>'.repeat(1000)}</body></html>`;
    const parse = (h: string) => parseHTML(h).document as unknown as Document;
    const started = performance.now();
    const reading = readPage(parse(html), parse);
    expect(reading.text).toContain('1.建设健身步道。');
    // Readability took about 13 s at this depth; the walk alone is milliseconds.
    expect(performance.now() - started).toBeLessThan(5000);
  });
});
