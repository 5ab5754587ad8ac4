// Versions compared: a realistic revision of a real-shaped plan (a task inserted, so the two after
// it are renumbered; one target raised; one unit replaced) lists exactly those changes.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { diffPlans, renderDiffMarkdown, taskChangeLines, taskName } from '../shared/plan-diff/diff.ts';
import { planDiffSchema } from '../shared/plan-diff/schema.ts';
import { extractPlan } from '../shared/extract.ts';
import { main } from '../pipeline/cli.ts';
import { captureIo } from './support/io.ts';

const OLD = readFileSync('fixtures/heldout/heldout-01-county-garbage.txt', 'utf8');

function revise(text: string): string {
  const edits: Array<[string, string]> = [
    // A new task (一)2; the old 2 and 3 become 3 and 4.
    ['2.推动公共机构率先分类', '2.推进再生资源回收进小区。每个城区居民小区至少设置1个再生资源回收点,2024年6月底前实现城区全覆盖。(牵头单位:县商务局,配合单位:各乡镇)\n\n3.推动公共机构率先分类'],
    ['3.广泛开展宣传教育', '4.广泛开展宣传教育'],
    // One target raised.
    ['到2025年底,农村卫生户厕普及率提高到92%', '到2025年底,农村卫生户厕普及率提高到95%'],
    // One unit replaced.
    ['配合单位:县住建局、县交通运输局、县公安局交警大队', '配合单位:县住建局、县交通运输服务中心、县公安局交警大队'],
  ];
  let revised = text;
  for (const [from, to] of edits) {
    expect(revised.split(from)).toHaveLength(2); // each edit hits exactly one place
    revised = revised.replace(from, to);
  }
  return revised;
}

const extract = (text: string, id: string) => extractPlan(text, { id: id.repeat(64), source: { kind: 'text', url: null, file: null } });

describe('govclip diff on a realistic revision', () => {
  const oldExp = extract(OLD, 'a');
  const newExp = extract(revise(OLD), 'b');
  const diff = diffPlans(oldExp, newExp);

  it('lists exactly the inserted task, the two renumbered, the raised target and the replaced unit', () => {
    expect(diff.added.map(taskName)).toEqual(['二(一)2 推进再生资源回收进小区']);
    expect(diff.removed).toEqual([]);
    expect(diff.targets).toEqual([]);
    expect(diff.changed.map((c) => [taskName(c.old), taskName(c.new), taskChangeLines(c)])).toEqual([
      ['二(一)2 推动公共机构率先分类', '二(一)3 推动公共机构率先分类', ['编号 二(一)2 → 二(一)3']],
      ['二(一)3 广泛开展宣传教育', '二(一)4 广泛开展宣传教育', ['编号 二(一)3 → 二(一)4']],
      ['二(二)1 规范分类收运', '二(二)1 规范分类收运', ['责任单位: −县交通运输局 +县交通运输服务中心']],
      ['二(三)1 扎实推进农村厕所革命', '二(三)1 扎实推进农村厕所革命', ['指标 农村卫生户厕普及率: ≥ 92 % (2025) → ≥ 95 % (2025)']],
    ]);
    expect(diff.unchanged).toBe(oldExp.tasks.length - 4);
    const raised = diff.changed[3]?.targets[0];
    expect(raised).toMatchObject({ kind: 'changed', fields: ['value'], old: { value: 92 }, new: { value: 95 } });
    expect(() => planDiffSchema.parse(diff)).not.toThrow();
  });

  it('finds nothing between a plan and itself', () => {
    const same = diffPlans(oldExp, extract(OLD, 'c'));
    expect([same.added, same.removed, same.changed, same.targets]).toEqual([[], [], [], []]);
    expect(same.unchanged).toBe(oldExp.tasks.length);
  });

  it('shows changed wording as a diff, and a task rewritten beyond recognition as removed and added', () => {
    const edited = OLD.replace('杜绝"先分后混"', '严禁"先分后混",违者通报').replace(
      /3\.推进资源化利用。[^\n]*/,
      '3.开展垃圾分类执法检查。县城管局每月组织一次垃圾分类执法检查,对拒不分类的单位依法处罚。(牵头单位:县城管局)',
    );
    const d = diffPlans(oldExp, extract(edited, 'd'));
    expect(d.removed.map(taskName)).toEqual(['二(二)3 推进资源化利用']);
    expect(d.added.map(taskName)).toEqual(['二(二)3 开展垃圾分类执法检查']);
    expect(d.changed.map((c) => taskChangeLines(c))).toEqual([['文字: 按照"车辆专用、标识…运车辆不少于15辆,[-杜绝-]{+严禁+}"先分后混"{+,违者通报+}。合理确定收运路线和…控制在24小时以内。']]);
  });
});

describe('the diff command', () => {
  const dir = mkdtempSync(join(tmpdir(), 'govclip-diff-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('compares two plan files and prints Markdown or JSON', async () => {
    const a = join(dir, 'draft.txt');
    const b = join(dir, 'final.txt');
    writeFileSync(a, OLD);
    writeFileSync(b, revise(OLD));
    const io = captureIo();
    expect(await main(['diff', a, b], io)).toBe(0);
    const md = io.stdout.join('\n');
    expect(md).toContain('新增 1; 删除 0; 修改 4');
    expect(md).toContain('## 新增任务\n- 二(一)2 推进再生资源回收进小区');
    const io2 = captureIo();
    expect(await main(['diff', a, b, '--json'], io2)).toBe(0);
    const json = planDiffSchema.parse(JSON.parse(io2.stdout.join('\n')));
    expect(json.changed).toHaveLength(4);
    expect(renderDiffMarkdown(json)).toBe(md);
  });

  it('wants exactly two inputs', async () => {
    const io = captureIo();
    expect(await main(['diff', 'one.json'], io)).toBe(2);
    expect(io.stderr.join('\n')).toContain('needs two inputs');
  });
});

describe('diff growth', () => {
  it('grows about linearly with the plan: ×4 tasks, each one changed, costs ≤ ×5', () => {
    // A long plan where every task's figure was raised: nothing pairs by exact wording, so every task goes through the similarity stage.
    const plan = (n: number, edit: boolean) => ['某县2024年重点工作任务分解方案', '一、重点任务', ...Array.from({ length: n }, (_, i) =>
      `${i + 1}.推进第${i}项重点工作。围绕第${i}个片区开展专项整治,年内完成改造${(i % 90) + (edit ? 11 : 10)}处。(牵头单位:县住建局;责任单位:各乡镇)`)].join('\n');
    // Both sizes extracted first, then timed in turn; the fastest of five runs each, since other
    // work on a shared machine only ever slows a run down.
    const sizes = [200, 800].map((n) => ({ n, a: extract(plan(n, false), 'e'), b: extract(plan(n, true), 'f'), best: Infinity }));
    diffPlans(sizes[0]!.a, sizes[0]!.b); // warm up
    for (let run = 0; run < 5; run++) {
      for (const size of sizes) {
        const started = performance.now();
        const d = diffPlans(size.a, size.b);
        size.best = Math.min(size.best, performance.now() - started);
        expect(d.changed).toHaveLength(size.n);
        expect(d.added).toEqual([]);
      }
    }
    const [small, large] = sizes.map((size) => size.best) as [number, number];
    expect(large / small).toBeLessThanOrEqual(5);
  }, 60_000);
});
