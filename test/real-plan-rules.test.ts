// The general rules of issue 9, each on a realistic sentence of the kinds staff meet in real plans
// (城市/区县 实施方案, 民生实事 lists, 政府工作报告责任分解, 指标 tables).
import { describe, it, expect } from 'vitest';
import { extractPlan } from '../shared/extract.ts';
import { annualPlanYear, yearScopes } from '../shared/targets/governing-years.ts';
import type { GovClipExport } from '../shared/schema.ts';
import { extractTargets } from '../shared/targets/targets.ts';

function extract(text: string): GovClipExport {
  return extractPlan(text, { id: '0'.repeat(64), source: { kind: 'text', url: null, file: 'plan.txt' } });
}

type Row = [string, string, number, string, number | null];

/** Targets of a whole plan, through the whole chain. */
function targetsOf(text: string): Row[] {
  return extract(text).targets.map((t) => [t.metric, t.op, t.value, t.unit, t.year]);
}

/** Targets of one sentence, by the target grammar alone. */
function sentence(text: string): Row[] {
  return extractTargets(text, { excluded: [], headingsAt: () => [] }).map((t) => [t.metric, t.op, t.value, t.unit, t.year]);
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

describe('metric: what is measured, comparable across cities', () => {
  it('a list sharing one verb gives each count the verb and its own object, not the next item', () => {
    expect(sentence('新建300个农村村级综合服务社、新建改造20个社区综合服务站。').map((t) => [t[0], t[2], t[3]])).toEqual([
      ['新建农村村级综合服务社', 300, '个'],
      ['新建改造社区综合服务站', 20, '个'],
    ]);
    expect(sentence('新建和改扩建乡村公厕450座、农村粪污处理设施50个。').map((t) => t[0])).toEqual(['新建和改扩建乡村公厕', '新建和改扩建农村粪污处理设施']);
  });

  it('examples before 等 are not part of what is counted', () => {
    expect(sentence('拆除北龙口、天水路等5个现有收费站。').map((t) => [t[0], t[2]])).toEqual([['拆除现有收费站', 5]]);
  });

  it('a bracket closed before the number belongs to the metric', () => {
    expect(sentence('在公共场所配置自动体外除颤仪(AED)15台。').map((t) => t[0])).toEqual(['在公共场所配置自动体外除颤仪(AED)']);
    expect(sentence('新增城市(县城)公共停车位2500个。').map((t) => t[0])).toEqual(['新增城市(县城)公共停车位']);
  });

  it('a generic word borrows its subject from the clause before; an area alone from the previous target', () => {
    expect(sentence('开展农村人居环境整治,完成投资25亿元。').map((t) => t[0])).toEqual(['农村人居环境整治投资']);
    expect(sentence('城区生活垃圾无害化处理率不低于95%,农村不低于70%。').map((t) => t[0])).toEqual(['城区生活垃圾无害化处理率', '农村生活垃圾无害化处理率']);
  });

  it('no bullet, deadline phrase or comparator verb stays in the metric', () => {
    expect(sentence('婴幼儿照护服务托位:3月底前新增100个以上托位。').map((t) => [t[0], t[1]])).toEqual([['新增托位', '>=']]);
    expect(sentence('道路两旁路灯杆制作公益宣传广告,数量不得少于30%。').map((t) => [t[1], t[2]])).toEqual([['>=', 30]]);
  });
});

describe('what is a target', () => {
  it('a time frame is when, not what: 5年内 培养100名', () => {
    expect(sentence('力争5年内培养100名骨干教师。').map((t) => [t[2], t[3]])).toEqual([[100, '名']]);
  });

  it('achieved results and progress figures in a report are not targets', () => {
    expect(sentence('1-2月,全市固定资产投资同比下降12.7%,高于全省平均水平1.7个百分点。')).toEqual([]);
    expect(sentence('已完成筛查人数3495人。')).toEqual([]);
  });

  it('the baseline of 由…提升至… is not a target; the level reached is', () => {
    expect(sentence('农村低保标准由800元提升至1560元。').map((t) => [t[1], t[2], t[3]])).toEqual([['>=', 1560, '元']]);
  });

  it('a class threshold that names what is counted is not a target; the count is', () => {
    expect(sentence('新引进5亿元以上重大项目9个。').map((t) => [t[2], t[3]])).toEqual([[9, '个']]);
  });
});
