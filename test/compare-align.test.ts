// Clause comparison a reader takes in at a glance: two tasks aligned clause by clause, similar
// clauses side by side with their shared phrases, a clause only one city has as a whole block.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { comparePlans } from '../shared/compare/compare.ts';
import { alignClauses, clauseSimilarity, diffText, sideOf } from '../shared/compare/diff.ts';
import { extractPlan } from '../shared/extract.ts';
import { nodeSegmenter } from '../pipeline/compare/segmenter.ts';

const A = '(三)推进垃圾分类。加快生活垃圾分类设施建设,实现城区生活垃圾分类全覆盖。建立健全分类投放、分类收集、分类运输、分类处理体系。开展垃圾分类进社区、进学校活动。';
const B = '3.生活垃圾分类。实现城区生活垃圾分类全覆盖,生活垃圾无害化处理率达到100%。建立健全分类投放、分类收集、分类运输、分类处理体系。推行垃圾分类积分兑换制度。';

describe('aligning two tasks clause by clause', () => {
  it('pairs similar clauses in order and shows each clause only one city has whole', () => {
    const rows = alignClauses(A, B);
    expect(rows.map((row) => (row.kind === 'pair' ? ['pair', row.a, row.b] : row.kind === 'onlyA' ? ['onlyA', row.a] : ['onlyB', row.b]))).toEqual([
      ['pair', '(三)推进垃圾分类。', '3.生活垃圾分类。'],
      ['onlyA', '加快生活垃圾分类设施建设,'],
      ['pair', '实现城区生活垃圾分类全覆盖。', '实现城区生活垃圾分类全覆盖,'],
      ['onlyB', '生活垃圾无害化处理率达到100%。'],
      ['pair', '建立健全分类投放、分类收集、分类运输、分类处理体系。', '建立健全分类投放、分类收集、分类运输、分类处理体系。'],
      ['onlyA', '开展垃圾分类进社区、进学校活动。'],
      ['onlyB', '推行垃圾分类积分兑换制度。'],
    ]);
  });

  it('marks shared phrases within a pair, not every changed character', () => {
    const [heading] = alignClauses(A, B);
    if (heading?.kind !== 'pair') throw new Error('expected a pair');
    expect(heading.parts.filter((p) => p.op === 'equal').map((p) => p.text)).toEqual(['垃圾分类。']);
    expect(heading.parts.every((p) => p.op !== 'equal' || [...p.text].length >= 2)).toBe(true);
  });

  it('flattens to parts that give back both texts exactly', () => {
    const parts = diffText(A, B);
    expect(sideOf(parts, 'a')).toBe(A);
    expect(sideOf(parts, 'b')).toBe(B);
    // What only one city asks is there in one piece.
    expect(parts.some((p) => p.op === 'insert' && p.text.includes('生活垃圾无害化处理率达到100%'))).toBe(true);
    expect(parts.some((p) => p.op === 'delete' && p.text.includes('开展垃圾分类进社区、进学校活动'))).toBe(true);
  });

  it('scores clause similarity by shared character pairs', () => {
    expect(clauseSimilarity('实现城区生活垃圾分类全覆盖。', '实现城区生活垃圾分类全覆盖,')).toBe(1);
    expect(clauseSimilarity('开展垃圾分类进社区、进学校活动。', '推行垃圾分类积分兑换制度。')).toBeLessThan(0.34);
  });

  it('on the seed plans: every similar-task pair reads back and every paired clause is similar', () => {
    const seeds = join(import.meta.dirname, '..', 'fixtures', 'seeds');
    const exports = readdirSync(seeds).filter((n) => n.endsWith('.txt')).sort()
      .map((name) => extractPlan(readFileSync(join(seeds, name), 'utf8'), { id: '0'.repeat(64), source: { kind: 'text', url: null, file: name } }));
    const comparison = comparePlans(exports, { segmenter: nodeSegmenter() });
    let pairs = 0;
    for (const clause of comparison.clauses) {
      for (const similar of clause.similar) {
        expect(sideOf(similar.diff, 'a')).toBe(clause.text);
        expect(sideOf(similar.diff, 'b')).toBe(similar.text);
        for (const row of alignClauses(clause.text, similar.text)) if (row.kind === 'pair') {
          pairs++;
          expect(row.similarity).toBeGreaterThanOrEqual(0.34);
        }
      }
    }
    expect(pairs).toBeGreaterThan(20);
  });
});
