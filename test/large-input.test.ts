// Big and hostile inputs finish: no stage may go quadratic or let a regex backtrack without
// bound. (Speed itself is measured by `npm run bench`; this only proves termination.)
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractPlan } from '../shared/extract.ts';

const OPTIONS = { id: 'f'.repeat(64), source: { kind: 'text' as const, url: null, file: 'big.txt' } };
const seed = readFileSync(join(import.meta.dirname, '..', 'fixtures', 'seeds', '002_b2e59733f8a1a1fc.txt'), 'utf8');

describe('large and hostile inputs', () => {
  it('extracts a 10 MB text made of one plan repeated', { timeout: 120_000 }, () => {
    const single = extractPlan(seed, OPTIONS);
    const copies = Math.ceil((10 * 1024 * 1024) / Buffer.byteLength(seed));
    const result = extractPlan(seed.repeat(copies), OPTIONS);
    expect(Buffer.byteLength(result.document.text)).toBeGreaterThan(8 * 1024 * 1024);
    // Each copy yields its own targets; nothing is lost or doubled at the seams.
    expect(result.targets.length).toBe(single.targets.length * copies);
  });

  it('finishes on text built to make regexes backtrack', { timeout: 120_000 }, () => {
    const hostile = [
      '('.repeat(200_000),
      '牵头单位:'.repeat(50_000),
      '责任单位:县'.repeat(50_000) + '、'.repeat(100_000),
      '达到'.repeat(100_000),
      '1.'.repeat(100_000),
      '2021年'.repeat(50_000),
      '《'.repeat(50_000) + '“'.repeat(50_000),
      '第一'.repeat(50_000),
      ' '.repeat(200_000) + '\n'.repeat(200_000),
      '实现'.repeat(50_000) + '清零',
    ].join('');
    const result = extractPlan(hostile, OPTIONS);
    expect(result.schemaVersion).toBe(1);
  });

  it('finishes on a long run of numbers and comparators without punctuation', { timeout: 120_000 }, () => {
    const result = extractPlan(`某县生活垃圾分类工作方案\n${'覆盖率达到1%'.repeat(100_000)}`, OPTIONS);
    // Without punctuation the text is read in bounded windows; a target cut by a window edge may be lost.
    expect(result.targets.length).toBeGreaterThan(99_000);
  });
});
