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
      expect(zh[`warning_${code}`]?.message.replace(/\$P\d\$/g, '').replace(/OCR/g, ''), code).not.toMatch(/[A-Za-z]{2,}/);
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
