// Inputs that used to give wrong values without a warning: invisible direction marks inside
// numbers and at line starts, lists longer than 999 items, and an attachment that numbers its
// tasks from 一、 again.
import { describe, expect, it } from 'vitest';
import { extractPlan } from '../../shared/extract.ts';
import { buildStructure } from '../../shared/structure/tree.ts';

const OPTIONS = { id: 'a'.repeat(64), source: { kind: 'text' as const, url: null, file: 'plan.txt' } };

describe('direction marks', () => {
  const MARKS = ['\u200e', '\u200f', '\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069', '\u061c'];

  it.each(MARKS.map((m) => [`U+${m.charCodeAt(0).toString(16).toUpperCase()}`, m]))('%s inside a number and at line starts is dropped', (_, mark) => {
    const plan = `某县2024年教育提升工作方案\n${mark}一、主要任务\n${mark}1.提高入园率。学前教育毛入园率达到3${mark}5%。(牵头单位:县教育局)\n${mark}2.改善办学条件。新建学校2所。(牵头单位:县发改局)\n`;
    const exp = extractPlan(plan, OPTIONS);
    expect(exp.targets.map((t) => `${t.metric} ${t.op} ${t.value}${t.unit}`)).toEqual(['学前教育毛入园率 >= 35%', '新建学校 = 2所']);
    expect(exp.tasks.map((t) => t.path)).toEqual([['一', '1'], ['一', '2']]);
    expect(exp.document.text).not.toContain(mark);
  });
});

describe('long lists', () => {
  it('numbers items 1000 and beyond as items, not as text of item 999', () => {
    const items = Array.from({ length: 1200 }, (_, k) => `${k + 1}.第${k + 1}项民生实事。(牵头单位:单位${k + 1})`);
    const exp = extractPlan(`某市2024年民生实事项目清单\n一、民生实事\n${items.join('\n')}\n`, OPTIONS);
    expect(exp.tasks).toHaveLength(1200);
    expect(exp.tasks[999]?.path).toEqual(['一', '1000']);
    expect(exp.tasks[998]?.leadUnits).toEqual(['单位999']);
    expect(exp.tasks[1199]?.leadUnits).toEqual(['单位1200']);
  });

  it('does not take a year at a line start for item 2025', () => {
    const { nodes } = buildStructure('一、目标\n1.建设公园。\n2025.6月底前完成。\n2026.全面建成。\n2.完成验收。\n');
    expect(nodes.map((n) => n.label)).toEqual(['一', '1', '2']);
  });
});

describe('attachments that number again', () => {
  const PLAN = [
    '某县创建全国文明城市工作实施方案',
    '一、工作目标',
    '到2025年,成功创建全国文明城市。',
    '二、重点任务',
    '(一)提升市容环境。',
    '1.整治背街小巷。完成改造50条。(牵头单位:县住建局)',
    '2.规范户外广告。(牵头单位:县城管局)',
    '附件:任务分工',
    '一、组织保障',
    '1.成立创建指挥部。(牵头单位:县委办公室)',
    '二、宣传发动',
    '1.开展文明宣传。(牵头单位:县委宣传部;责任单位:各乡镇)',
    '',
  ].join('\n');

  it('starts a new top-level part, keeping each task and its unit', () => {
    const exp = extractPlan(PLAN, OPTIONS);
    expect(exp.tasks.map((t) => [t.path.join(' › '), t.leadUnits.join('、')])).toEqual([
      ['二 › (一) › 1', '县住建局'],
      ['二 › (一) › 2', '县城管局'],
      ['附件 › 一 › 1', '县委办公室'],
      ['附件 › 二 › 1', '县委宣传部'],
    ]);
    expect(exp.tasks[3]?.responsibleUnits).toEqual(['各乡镇']);
  });

  it('does the same after a second title', () => {
    const exp = extractPlan(PLAN.replace('附件:任务分工', '某县创建全国文明城市重点任务分工方案'), OPTIONS);
    expect(exp.tasks.map((t) => t.path.join(' › '))).toEqual(['二 › (一) › 1', '二 › (一) › 2', '附1 › 一 › 1', '附1 › 二 › 1']);
  });
});
