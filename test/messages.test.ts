// Warnings are coded messages: the export carries the English wire form, from which the code
// and parameters are read back; the extension and the CLI say them in Chinese or English from
// the extension's locale files.
import { mkdtemp, writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { localiseWarning, readWarning, WARNING_TEMPLATES, warningText, type WarningCode } from '../shared/messages.ts';
import { main, type Io } from '../pipeline/cli.ts';
import { message, messageLanguage, warningIn } from '../pipeline/messages-locale.ts';
import { loadWarnings } from '../pipeline/load/warnings.ts';

const codes = Object.keys(WARNING_TEMPLATES) as WarningCode[];
const locale = (name: string) => JSON.parse(readFileSync(join(import.meta.dirname, '../extension/public/_locales', name, 'messages.json'), 'utf8')) as Record<string, { message: string }>;

describe('coded warnings', () => {
  it('reads the code and parameters back from the wire form', () => {
    expect(readWarning(warningText('noTextLayer', 22, 26, '1, 2, 3'))).toEqual({ code: 'noTextLayer', params: ['22', '26', '1, 2, 3'] });
    expect(readWarning('page 3: OCR confidence 61%')).toEqual({ code: 'ocrConfidence', params: ['3', '61'] });
    expect(readWarning('OCR failed, pages 1, 2 were not read: OCR could not start: no wasm')).toEqual({ code: 'ocrFailed', params: ['1, 2', 'OCR could not start: no wasm'] });
    expect(readWarning('decoded as gb18030')).toEqual({ code: 'decodedAs', params: ['gb18030'] });
    expect(readWarning('a warning some other tool wrote')).toBeNull();
  });

  it('has each warning in both locale files, the English one word for word the wire form', () => {
    const en = locale('en');
    const zh = locale('zh_CN');
    for (const code of codes) {
      const params = ['7', '9', '3, 5'];
      const filled = (text: string) => text.replace(/\$P(\d)\$/g, (_m, n: string) => params[Number(n) - 1] ?? '');
      expect(filled(en[`warning_${code}`]?.message ?? ''), code).toBe(warningText(code, ...params.slice(0, (WARNING_TEMPLATES[code].match(/\$\d/g) ?? []).length)));
      // The Chinese text has no English words of its own (a parameter may be anything).
      expect(zh[`warning_${code}`]?.message.replace(/\$P\d\$/g, '').replace(/OCR|UTF-8|GB18030|HTML|--max-ocr-pages/g, ''), code).not.toMatch(/[A-Za-z]{2,}/);
    }
  });

  it('renders a warning in the reader’s language, and leaves text it does not know as it is', () => {
    const zh = (key: string, params: string[]) => message('zh', key, params);
    expect(localiseWarning(warningText('notAPlan'), zh)).toBe('不像规划:没有找到编号任务、责任分工或数值指标');
    expect(localiseWarning(warningText('ocrConfidence', 3, 61), zh)).toBe('第 3 页:OCR 置信度 61%');
    expect(warningIn('en', warningText('ocrConfidence', 3, 61))).toBe('page 3: OCR confidence 61%');
    expect(localiseWarning('something else', zh)).toBe('something else');
  });

  it('takes the CLI’s language from --lang, else from the environment', () => {
    expect(messageLanguage(undefined, { LANG: 'zh_CN.UTF-8' })).toBe('zh');
    expect(messageLanguage(undefined, { LANG: 'C.UTF-8' })).toBe('en');
    expect(messageLanguage('en', { LANG: 'zh_CN.UTF-8' })).toBe('en');
    expect(messageLanguage('zh-CN', {})).toBe('zh');
    expect(messageLanguage(undefined, { LANGUAGE: 'zh_CN:en', LANG: 'C' })).toBe('zh');
  });
});

// One of each warning the loaders write, as they write it. Typed by the loaders' own table, so a
// new loader warning without an example here fails the typecheck.
const LOADER_WARNINGS: { [K in keyof typeof loadWarnings]: string } = {
  decodedAs: loadWarnings.decodedAs('gb18030'),
  replacedBytes: loadWarnings.replacedBytes(3, 12),
  mixedEncoding: loadWarnings.mixedEncoding(1, 4),
  markupInText: loadWarnings.markupInText(),
  deepNesting: loadWarnings.deepNesting(256, 1204),
  noTextLayer: loadWarnings.noTextLayer([1, 2, 3, 9], 26),
  imageWithoutOcr: loadWarnings.imageWithoutOcr(),
  blankPages: loadWarnings.blankPages([2, 4, 6, 7]),
  ocrPageCap: loadWarnings.ocrPageCap([5, 7], 2),
  pageScaledDown: loadWarnings.pageScaledDown([3], 40),
  imageTooLarge: loadWarnings.imageTooLarge(60000, 60000, 50),
};

describe('every warning in both languages', () => {
  const zh = (key: string, params: string[]) => message('zh', key, params);
  const en = (key: string, params: string[]) => message('en', key, params);

  it('has a Chinese and an English template for every warning code, with each of its parameters', () => {
    const locales = { en: locale('en'), zh_CN: locale('zh_CN') };
    const missing: string[] = [];
    for (const code of codes) {
      const params = WARNING_TEMPLATES[code].match(/\$\d/g) ?? [];
      for (const [name, messages] of Object.entries(locales)) {
        const entry = messages[`warning_${code}`] as { message: string; placeholders?: Record<string, { content: string }> } | undefined;
        if (!entry) missing.push(`${name}: warning_${code}`);
        for (const param of params) {
          const n = param.slice(1);
          if (entry && (!entry.message.includes(`$P${n}$`) || entry.placeholders?.[`p${n}`]?.content !== param)) missing.push(`${name}: warning_${code} lacks ${param}`);
        }
      }
    }
    expect(missing).toEqual([]);
  });

  it('gives every warning a loader writes a code, so it is said in Chinese and in English', () => {
    const uncoded = Object.entries(LOADER_WARNINGS).filter(([, text]) => readWarning(text) === null);
    expect(uncoded).toEqual([]);
    for (const [name, text] of Object.entries(LOADER_WARNINGS)) {
      const chinese = localiseWarning(text, zh);
      expect(chinese, name).not.toBe(text);
      // Its template's own words are Chinese (the test above); here the filled text is.
      expect(chinese, name).toMatch(/[\u4e00-\u9fff]/);
      expect(localiseWarning(text, en), name).toBe(text);
    }
  });

  it('says the loaders’ warnings in Chinese with their figures', () => {
    expect(localiseWarning(LOADER_WARNINGS.blankPages, zh)).toBe('空白页:4 页没有文字或笔迹,未做 OCR(第 2, 4, 6-7 页)');
    expect(localiseWarning(LOADER_WARNINGS.ocrPageCap, zh)).toBe('OCR 页数上限:每个文件最多识别 2 页(--max-ocr-pages),另有 2 页未识别(第 5, 7 页)');
    expect(localiseWarning(LOADER_WARNINGS.replacedBytes, zh)).toBe('无法解码的字节:3 处已替换为 �,第一处在第 12 行');
    expect(localiseWarning(LOADER_WARNINGS.mixedEncoding, zh)).toBe('编码混杂:UTF-8 文件中有 1 行按 GB18030 解码,第一处在第 4 行');
    expect(localiseWarning(LOADER_WARNINGS.deepNesting, zh)).toBe('嵌套过深:页面元素嵌套超过 256 层,其下 1204 个标签已舍弃,文字保留');
    expect(localiseWarning(LOADER_WARNINGS.pageScaledDown, zh)).toBe('页面过大:1 页以低于常规的分辨率绘制后识别,以不超过 40 百万像素(第 3 页)');
    expect(localiseWarning(LOADER_WARNINGS.imageTooLarge, zh)).toBe('图片过大:60000 × 60000 像素的图片未绘制(上限 50 百万像素)');
    expect(localiseWarning(LOADER_WARNINGS.markupInText, zh)).toBe('按网页读取:该文本文件实为网页(HTML)');
    expect(localiseWarning(LOADER_WARNINGS.noTextLayer, zh)).toBe('共 26 页中有 4 页没有文字层,且 OCR 已关闭(第 1-3, 9 页)');
  });
});

describe('the CLI says warnings in the chosen language', () => {
  const captureIo = () => {
    const io = { stdout: [] as string[], stderr: [] as string[] };
    return Object.assign(io, { out: (text: string) => io.stdout.push(text), err: (text: string) => io.stderr.push(text) }) as Io & typeof io;
  };

  it('prints a news article’s warning in Chinese with --lang zh and in English with --lang en', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'govclip-lang-'));
    await writeFile(join(dir, 'news.txt'), '本报讯 昨日,市里召开会议,300余名志愿者参加了活动。会议强调要提高认识。');
    const zh = captureIo();
    expect(await main(['extract', join(dir, 'news.txt'), '--lang', 'zh'], zh)).toBe(0);
    expect(zh.stdout.join('\n')).toContain('警告: 不像规划:没有找到编号任务、责任分工或数值指标');
    const en = captureIo();
    expect(await main(['extract', join(dir, 'news.txt'), '--lang', 'en'], en)).toBe(0);
    expect(en.stdout.join('\n')).toContain('warning: not a plan: no numbered tasks');
    // The JSON export keeps the wire form whatever the language.
    const json = captureIo();
    expect(await main(['extract', join(dir, 'news.txt'), '--lang', 'zh', '--json'], json)).toBe(0);
    expect(JSON.parse(json.stdout.join('\n')).warnings).toEqual([warningText('notAPlan')]);
  });
});
