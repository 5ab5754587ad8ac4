// Every input grows about linearly: each case is timed at one size and at four times that size,
// in this process, one after the other, and the ratio must stay at or under 5 (quadratic work
// gives 16). Slow: run by `npm run test:robustness` (and CI), skipped by `npm test`.
import { describe, expect, it } from 'vitest';
import { nodeSegmenter } from '../../pipeline/compare/segmenter.ts';
import { readHtml } from '../../pipeline/load/html.ts';
import { comparePlans } from '../../shared/compare/compare.ts';
import { extractPlan } from '../../shared/extract.ts';
import { linesFromItems, type PdfTextItem } from '../../shared/pdf/lines.ts';
import { comparedPlanTexts, deepPage, entityPage, growthRatio, htmlPage, itemsUnderOneHeading, plainTextPlan } from './generators.ts';

const SLOW = process.env.GOVCLIP_SLOW === '1';
const OPTIONS = { id: 'e'.repeat(64), source: { kind: 'text' as const, url: null, file: 'plan.txt' } };
const MAX_RATIO = 5;
/** The figures, for the log of a CI run. */
function check(name: string, growth: { small: number; large: number; ratio: number }) {
  console.info(`growth ${name}: ${growth.small.toFixed(2)} s → ${growth.large.toFixed(2)} s, ×${growth.ratio.toFixed(2)} per ×4`);
  expect(growth.ratio).toBeLessThanOrEqual(MAX_RATIO);
}
/** Inputs built before the clock starts: only reading them is timed. */
function prebuilt(build: (size: number) => string): (size: number) => Uint8Array {
  const built = new Map<number, Uint8Array>();
  return (size) => {
    if (!built.has(size)) built.set(size, new Uint8Array(Buffer.from(build(size))));
    return built.get(size) as Uint8Array;
  };
}

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

  it('rows of tables whose cells stand apart by spaces or tabs, or run together (issue 9 tables)', { timeout: 300_000 }, () => {
    const spaced = (n: number) =>
      ['2022年民生实事项目完成情况表', '序号 项目 单 位 目标任务 已完成 完成率 备  注', ...Array.from({ length: n }, (_, k) => `${k + 1} 新建第${k + 1}批社区食堂 个 12 11 91.7% 县民政局`)].join('\n');
    const tabbed = (n: number) =>
      ['序号\t项目名称\t目标任务\t牵头单位\t配合单位', ...Array.from({ length: n }, (_, k) => `${k + 1}\t社区食堂\t新建第${k + 1}批社区食堂12个\t县民政局\t县财政局、各乡镇`)].join('\n');
    // One line: a header run together, then n indicator rows glued to each other (the body is cut per table: at most 20,000 characters).
    const indicators = (n: number) =>
      Array.from({ length: Math.ceil(n / 200) }, (_, t) =>
        `附表${t + 1}指标名称计量单位2025年目标值资料来源` + Array.from({ length: Math.min(200, n - t * 200) }, (_, k) => `${k + 1}第${k + 1}项指标覆盖率%≥${(k % 90) + 5}市统计局`).join(''),
      ).join('\n\n');
    const tasks = (n: number) =>
      Array.from({ length: Math.ceil(n / 100) }, (_, t) =>
        `附表${t + 1}序号项目名称主要内容分管领导牵头单位配合单位` + Array.from({ length: Math.min(100, n - t * 100) }, (_, k) => `${k + 1}社区养老服务新建社区老年食堂${k + 3}个,改造居家养老服务中心2个。王立新市民政局各街道办事处市财政局`).join(''),
      ).join('\n\n');
    check('spaced-table rows', growthRatio(2000, (n) => expect(extractPlan(spaced(n), OPTIONS).targets.length).toBeGreaterThanOrEqual(n)));
    check('tab-table rows', growthRatio(2000, (n) => expect(extractPlan(tabbed(n), OPTIONS).tasks).toHaveLength(n)));
    check('run-together indicator rows', growthRatio(2000, (n) => expect(extractPlan(indicators(n), OPTIONS).targets.length).toBeGreaterThanOrEqual(n)));
    check('run-together task rows', growthRatio(1000, (n) => expect(extractPlan(tasks(n), OPTIONS).tasks.length).toBeGreaterThanOrEqual(n)));
  });

  it('PDF table rows read from item positions (one page, many rows)', { timeout: 300_000 }, () => {
    const row = (y: number, k: number): PdfTextItem[] => [
      { str: String(k + 1), x: 55, y, width: 8, height: 10 },
      { str: `新建第${k + 1}批社区食堂,`, x: 80, y: y + 4, width: 120, height: 10 },
      { str: '配套建设助餐点', x: 80, y: y - 4, width: 70, height: 10 },
      { str: '个', x: 232, y, width: 10, height: 10 },
      { str: '12', x: 285, y, width: 12, height: 10 },
      { str: '县民政局', x: 340, y, width: 40, height: 10 },
    ];
    const page = (n: number) => [
      { str: '序号', x: 50, y: 100_000, width: 20, height: 10 },
      { str: '项目内容', x: 120, y: 100_000, width: 40, height: 10 },
      { str: '单位', x: 230, y: 100_000, width: 20, height: 10 },
      { str: '目标值', x: 280, y: 100_000, width: 30, height: 10 },
      { str: '牵头单位', x: 340, y: 100_000, width: 40, height: 10 },
      ...Array.from({ length: n }, (_, k) => row(100_000 - 22 * (k + 1), k)).flat(),
    ];
    check('PDF table rows', growthRatio(2000, (n) => expect(linesFromItems(page(n)).filter((l) => l.includes('\t'))).toHaveLength(n + 1)));
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
    const page = prebuilt(htmlPage);
    page(2_000_000);
    page(8_000_000);
    const growth = growthRatio(2_000_000, (bytes) => {
      expect(readHtml(page(bytes)).text.length).toBeGreaterThan(bytes / 6);
    });
    check('HTML page size', growth);
  });

  it('DOM depth', { timeout: 300_000 }, () => {
    const page = prebuilt(deepPage);
    page(25_000);
    page(100_000);
    const growth = growthRatio(25_000, (depth) => {
      expect(readHtml(page(depth)).text).toContain('社区食堂覆盖率达到80%');
    });
    check('DOM depth', growth);
  });

  it('character references', { timeout: 300_000 }, () => {
    const page = prebuilt(entityPage);
    page(1_000_000);
    page(4_000_000);
    const growth = growthRatio(1_000_000, (count) => {
      expect(readHtml(page(count)).text.length).toBeGreaterThan(count);
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
