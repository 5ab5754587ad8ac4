// The general rules of issue 9, each on a realistic sentence of the kinds staff meet in real plans
// (城市/区县 实施方案, 民生实事 lists, 政府工作报告责任分解, 指标 tables).
import { describe, it, expect } from 'vitest';
import { extractPlan } from '../shared/extract.ts';
import { annualPlanYear, yearScopes } from '../shared/targets/governing-years.ts';
import type { GovClipExport } from '../shared/schema.ts';

function extract(text: string): GovClipExport {
  return extractPlan(text, { id: '0'.repeat(64), source: { kind: 'text', url: null, file: 'plan.txt' } });
}

function targetsOf(text: string): Array<[string, string, number, string, number | null]> {
  return extract(text).targets.map((t) => [t.metric, t.op, t.value, t.unit, t.year]);
}

describe('year: the deadline that governs a target', () => {
  it('a paragraph that opens with its year gives it to every later sentence of the paragraph', () => {
    const text = '一、主要目标\n2018年,城乡民生基础设施建设全面有序推进,完成投资力争超过145亿元。进一步改善城乡景观面貌。新增城市道路180公里。\n二、重点任务\n';
    expect(targetsOf(text).map((t) => t[4])).toEqual([2018, 2018]);
  });

  it('a lead-in line ending with a colon gives its year to the list below it', () => {
    const text = '(二)主要目标。到2012年底,全市城乡环境明显改善,具体达到以下目标:\n1.城市生活垃圾无害化处理率达到95%;\n2.城市污水处理率达到85%。\n三、保障措施\n';
    expect(targetsOf(text)).toEqual([
      ['城市生活垃圾无害化处理率', '>=', 95, '%', 2012],
      ['城市污水处理率', '>=', 85, '%', 2012],
    ]);
    expect(yearScopes(text).map((s) => [s.rule, s.year])).toEqual([['lead-in', 2012]]);
  });

  it('an annual plan gives its own year to targets without one, month-only milestones included', () => {
    const text = '2016年民生实事目标任务分解表\n一、新建2座人行天桥,9月投入使用。(责任单位:县住建局)\n二、完成棚户区改造2836户,12月底前完成。(责任单位:县住建局)\n';
    expect(targetsOf(text).map((t) => [t[0], t[4]])).toEqual([
      ['新建人行天桥', 2016],
      ['棚户区改造', 2016],
    ]);
  });

  it('a plan over several years is not annual, whatever year its title starts with', () => {
    expect(annualPlanYear('', '创建全国文明城市三年行动计划(2018-2020年)', null)).toBeNull();
    expect(annualPlanYear('', '某市"十四五"生态环境保护规划', null)).toBeNull();
    expect(annualPlanYear('', '2020年政府工作报告重点工作责任分解', null)).toBe(2020);
    expect(annualPlanYear('', '关于下达2017年脱贫攻坚目标任务的通知', null)).toBe(2017);
  });

  it('a 民生实事 list with no titled year is annual: the year it was published', () => {
    expect(annualPlanYear('序号 | 实事项目 | 责任单位 |\n1 | 新建公办幼儿园7所 | 教育局 |', null, '2022-07-14')).toBe(2022);
    expect(annualPlanYear('一、总体要求\n到2025年,建成……', null, '2022-07-14')).toBeNull();
  });
});
