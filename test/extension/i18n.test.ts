// Every UI string the extension asks for exists in Chinese (the default) and in English.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const EXTENSION = join(import.meta.dirname, '../../extension');
const locale = (name: string) => JSON.parse(readFileSync(join(EXTENSION, 'public/_locales', name, 'messages.json'), 'utf8')) as Record<string, { message: string }>;

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'public' ? [] : sources(path);
    return /\.(ts|html)$/.test(name) ? [path] : [];
  });
}

function usedKeys(): Set<string> {
  const keys = new Set<string>();
  const patterns = [/\bt\('([A-Za-z0-9_]+)'/g, /data-i18n(?:-[a-z-]+)?="([A-Za-z0-9_]+)"/g, /__MSG_([A-Za-z0-9_]+)__/g, /getMessage\('([A-Za-z0-9_]+)'/g];
  for (const file of [...sources(EXTENSION), join(EXTENSION, '../wxt.config.ts')]) {
    const text = readFileSync(file, 'utf8');
    for (const pattern of patterns) for (const match of text.matchAll(pattern)) keys.add(match[1] as string);
  }
  return keys;
}

describe('UI strings', () => {
  const zh = locale('zh_CN');
  const en = locale('en');

  it('are given in both languages', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(zh).sort());
  });

  it('cover every key the code asks for', () => {
    const keys = [...usedKeys()];
    expect(keys.length).toBeGreaterThan(60);
    expect(keys.filter((key) => !(key in zh))).toEqual([]);
  });

  it('are Chinese by default', () => {
    expect(zh.capture?.message).toBe('保存到资料库');
    expect(zh.extName?.message).toMatch(/[\u4e00-\u9fff]/);
  });
});
