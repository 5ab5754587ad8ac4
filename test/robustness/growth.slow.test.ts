// Every input grows about linearly: each case is timed at one size and at four times that size,
// in this process, one after the other, and the ratio must stay at or under 5 (quadratic work
// gives 16). Slow: run by `npm run test:robustness` (and CI), skipped by `npm test`.
import { describe, expect, it } from 'vitest';
import { nodeSegmenter } from '../../pipeline/compare/segmenter.ts';
import { readHtml } from '../../pipeline/load/html.ts';
import { comparePlans } from '../../shared/compare/compare.ts';
import { extractPlan } from '../../shared/extract.ts';
import { comparedPlanTexts, deepPage, entityPage, growthRatio, htmlPage, itemsUnderOneHeading, plainTextPlan } from './generators.ts';

const SLOW = process.env.GOVCLIP_SLOW === '1';
const OPTIONS = { id: 'e'.repeat(64), source: { kind: 'text' as const, url: null, file: 'plan.txt' } };
const MAX_RATIO = 5;
/** The figures, for the log of a CI run. */
function check(name: string, growth: { small: number; large: number; ratio: number }) {
  console.info(`growth ${name}: ${growth.small.toFixed(2)} s → ${growth.large.toFixed(2)} s, ×${growth.ratio.toFixed(2)} per ×4`);
  expect(growth.ratio).toBeLessThanOrEqual(MAX_RATIO);
}
const html = (page: string) => readHtml(new Uint8Array(Buffer.from(page)));

describe.runIf(SLOW)('growth per ×4 of the input', () => {
  it('items under one heading', { timeout: 300_000 }, () => {
    const growth = growthRatio(5000, (n) => {
      const exp = extractPlan(itemsUnderOneHeading(n), OPTIONS);
      expect(exp.tasks).toHaveLength(n);
    });
    check('items under one heading', growth);
  });

  it('rows of a flattened table (cells one per line, and between |)', { timeout: 300_000 }, () => {
    const lineTable = (n: number) =>
      ['2016年民生实事目标任务分解表', '序号', '民生实事', '责任单位', '完成时限', ...Array.from({ length: n }, (_, k) => [`${k + 1}`, `新建第${k + 1}批社区食堂12个。`, '县民政局', '12月底前']).flat()].join('\n');
    const pipeTable = (n: number) =>
      ['序号 | 实事项目 | 牵头单位 | 配合单位 |', ...Array.from({ length: n }, (_, k) => `${k + 1} | 新建第${k + 1}批社区食堂12个。 | 县民政局 | 县财政局 |`)].join('\n');
    const lines = growthRatio(2000, (n) => expect(extractPlan(lineTable(n), OPTIONS).tasks).toHaveLength(n));
    check('line-table rows', lines);
    const pipes = growthRatio(2000, (n) => expect(extractPlan(pipeTable(n), OPTIONS).tasks).toHaveLength(n));
    check('pipe-table rows', pipes);
  });

  it('many small tables in one plan', { timeout: 300_000 }, () => {
    const tables = (n: number) =>
      Array.from({ length: n }, (_, k) => [`${k + 1}、第${k + 1}项工作`, '序号 | 实事项目 | 牵头单位 |', `1 | 新建社区食堂${k + 1}个。 | 县民政局 |`, `2 | 改造老旧小区${k + 2}个。 | 县住建局 |`].join('\n')).join('\n');
    const growth = growthRatio(500, (n) => expect(extractPlan(tables(n), OPTIONS).targets.length).toBeGreaterThanOrEqual(2 * n));
    check('tables in one plan', growth);
  });

  it('plain text size', { timeout: 300_000 }, () => {
    const growth = growthRatio(1_000_000, (bytes) => {
      const text = plainTextPlan(bytes);
      expect(extractPlan(text, OPTIONS).tasks.length).toBeGreaterThan(bytes / 2000);
    });
    check('plain text size', growth);
  });

  it('HTML page size', { timeout: 300_000 }, () => {
    const growth = growthRatio(500_000, (bytes) => {
      expect(html(htmlPage(bytes)).text.length).toBeGreaterThan(bytes / 6);
    });
    check('HTML page size', growth);
  });

  it('DOM depth', { timeout: 300_000 }, () => {
    const growth = growthRatio(25_000, (depth) => {
      expect(html(deepPage(depth)).text).toContain('社区食堂覆盖率达到80%');
    });
    check('DOM depth', growth);
  });

  it('character references', { timeout: 300_000 }, () => {
    const growth = growthRatio(250_000, (count) => {
      expect(html(entityPage(count)).text.length).toBeGreaterThan(count);
    });
    check('character references', growth);
  });

  it('plans compared', { timeout: 600_000 }, () => {
    const segmenter = nodeSegmenter();
    const exports = comparedPlanTexts(200).map((text, k) => extractPlan(text, { ...OPTIONS, id: String(k).padStart(64, '0') }));
    const growth = growthRatio(50, (plans) => {
      const comparison = comparePlans(exports.slice(0, plans), { segmenter, clauses: true });
      expect(comparison.clauses.length).toBeGreaterThan(plans * 10);
    });
    check('plans compared', growth);
    // The goal: 200 plans in under 10 s here (the whole comparison, not only the clauses).
    expect(growth.large).toBeLessThan(10);
  });
});
