// The general rules of issue 9, each on a realistic sentence of the kinds staff meet in real plans
// (城市/区县 实施方案, 民生实事 lists, 政府工作报告责任分解, 指标 tables).
import { describe, it, expect } from 'vitest';
import { extractPlan } from '../shared/extract.ts';
import { annualPlanYear, yearScopes } from '../shared/targets/governing-years.ts';
import type { GovClipExport } from '../shared/schema.ts';
import { extractTargets } from '../shared/targets/targets.ts';
import { deadlineYears } from '../shared/targets/years.ts';

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

  it('the year of a base (以2010年…为基数) and a dateline are no deadlines', () => {
    expect(sentence('主要指标(以2020年省控考核指标为基数):各类事故死亡人数下降10%以上。').map((t) => [t[1], t[2], t[4]])).toEqual([['decrease', 10, null]]);
    const dateline = '某某日报 2023年03月06日 09:12 来源:新华社';
    expect(deadlineYears(dateline, { start: 0, end: dateline.length })).toEqual([]);
    // A date with 前 is a deadline.
    expect(deadlineYears('请于2016年8月15日前完成。', { start: 0, end: 14 }).map((m) => m.year)).toEqual([2016]);
  });

  it('a phase span gives its end year to what it opens: 第一步,2024—2025年,…', () => {
    expect(sentence('第一步,2024—2025年,全县每年开展技能培训5000人次。').map((t) => [t[2], t[4]])).toEqual([[5000, 2025]]);
  });

  it('今年 is the year the text says it speaks of: 2023年是…之年, or a headline naming the year', () => {
    const report = '2023年是全面贯彻党的二十大精神的开局之年,做好今年工作意义重大。全市经济社会发展的主要预期目标是:地区生产总值增长6%左右,城镇新增就业5万人以上。';
    expect(targetsOf(report).map((t) => [t[2], t[4]])).toEqual([[6, 2023], [5, 2023]]);
    const news = '数说政府工作报告丨2024年经济发展主要预期目标公布\n\n今年发展主要预期目标是:\n\n国内生产总值增长5%左右;\n\n城镇新增就业1200万人以上;\n';
    expect(targetsOf(news).map((t) => [t[2], t[4]])).toEqual([[5, 2024], [1200, 2024]]);
  });

  it('a title run together with the table below still names the plan year', () => {
    expect(annualPlanYear('1、2022年重大民生实事项目目标任务责任分解表序号项目名称主要内容牵头单位1促进就业全区城镇新增就业8000人', null, null)).toBe(2022);
  });

  it('a price base year is no deadline: 居民人均可支配收入(2010年不变价)…2020年目标值', () => {
    expect(sentence('到2020年,居民人均可支配收入(2010年不变价)达到3.4万元。').map((t) => [t[2], t[4]])).toEqual([[3.4, 2020]]);
  });

  it('分别 pairs a list of years with the values, in order', () => {
    expect(sentence('到2022年、2023年、2024年县级城市黑臭水体消除比例分别达到40%、60%、80%。').map((t) => [t[2], t[4]])).toEqual([
      [40, 2022],
      [60, 2023],
      [80, 2024],
    ]);
  });

  it('a title with a month is still an annual plan: 2024年4月省政府民生实事项目进展情况汇总表', () => {
    expect(annualPlanYear('', '2024年4月省政府民生实事项目进展情况汇总表', null)).toBe(2024);
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

  it('a short ratio word listed after a measure takes its scope: 装灯率100%、亮灯率99%', () => {
    expect(sentence('城区主干道装灯率100%、亮灯率99%。').map((t) => t[0])).toEqual(['城区主干道装灯率', '城区主干道亮灯率']);
    expect(sentence('城市生活污水集中收集率≥80%,集中处理率≥100%。').map((t) => t[0])).toEqual(['城市生活污水集中收集率', '城市生活污水集中处理率']);
    // Not parallel, not listed together: its own indicator.
    expect(sentence('受污染耕地安全利用率达到93%以上,森林覆盖率稳定在42%以上。').map((t) => t[0])).toEqual(['受污染耕地安全利用率', '森林覆盖率']);
  });

  it('a short bracket inside the words after the number is kept; a bracket explains the words before it', () => {
    expect(sentence('有15%左右的县级城市(区)进入全省文明城市行列。').map((t) => t[0])).toEqual(['县级城市(区)进入全省文明城市行列']);
    expect(sentence('每年至少组织1次综合性全民健身活动(运动项目超过5项)。').map((t) => [t[0], t[2]])).toEqual([
      ['每年综合性全民健身活动', 1],
      ['综合性全民健身活动运动项目', 5],
    ]);
  });

  it('a threshold that qualifies a counted noun is not a target: 开展时间3年以上的志愿服务品牌项目数量≥1个', () => {
    expect(sentence('开展时间3年以上的志愿服务品牌项目数量≥1个。').map((t) => [t[0], t[2]])).toEqual([['开展时间3年以上的志愿服务品牌项目数量', 1]]);
    expect(sentence('高质量完成12万亩以上的绿化任务。').map((t) => [t[0], t[2], t[3]])).toEqual([['绿化任务', 12, '万亩']]);
  });

  it('coordinated subjects distribute over a shared head and over 分别 lists', () => {
    expect(sentence('长江、珠江流域水质优良比例分别达到90%、95%。').map((t) => t[0])).toEqual(['长江流域水质优良比例', '珠江流域水质优良比例']);
    expect(sentence('化学需氧量、氨氮排放量分别减少1%、2%。').map((t) => t[0])).toEqual(['化学需氧量', '氨氮排放量']);
    expect(sentence('全市二氧化硫(SO2)、氮氧化物(NOX)和挥发性有机物(VOCs)等主要污染物排放总量分别下降10%、10%和10%。').map((t) => t[0])).toEqual([
      '全市二氧化硫(SO2)排放总量',
      '氮氧化物(NOX)排放总量',
      '挥发性有机物(VOCs)排放总量',
    ]);
  });

  it('enumerations, adverbs and time spans before the metric are framing: 七是…, 用三年时间实现…', () => {
    expect(sentence('七是实施背街小巷整治工程,完成治理20条。').map((t) => t[0])).toEqual(['背街小巷整治工程治理']);
    expect(sentence('用三年时间实现全市一、二级道路机扫率达80%。').map((t) => t[0])).toEqual(['全市一、二级道路机扫率']);
  });

  it('a verb alone takes its object from the clause or target before: 实施棚户区改造项目,开工建设1万户', () => {
    expect(sentence('实施棚户区改造项目,开工建设1万户。').map((t) => t[0])).toEqual(['棚户区改造项目开工建设']);
    expect(sentence('福建省2019年将建设省级森林城镇10个。').map((t) => [t[0], t[4]])).toEqual([['建设省级森林城镇', 2019]]);
  });

  it('a topic before a colon heads the milestones after it', () => {
    expect(sentence('2.婴幼儿照护服务托位:3月底前新增100个以上托位;6月底前新增200个以上托位。').map((t) => [t[0], t[2]])).toEqual([
      ['新增婴幼儿照护服务托位', 100],
      ['新增婴幼儿照护服务托位', 200],
    ]);
  });

  it('no bullet, deadline phrase or comparator verb stays in the metric', () => {
    expect(sentence('婴幼儿照护服务托位:3月底前新增100个以上托位。').map((t) => [t[0], t[1]])).toEqual([['新增婴幼儿照护服务托位', '>=']]);
    expect(sentence('道路两旁路灯杆制作公益宣传广告,数量不得少于30%。').map((t) => [t[1], t[2]])).toEqual([['>=', 30]]);
  });
});

describe('metric: the words around a count', () => {
  it('a count of what the scope holds is not part of the metric: 全县12个乡镇污水处理率', () => {
    expect(sentence('到2025年,全县12个乡镇生活污水处理率达到85%。').map((t) => t[0])).toEqual(['全县乡镇生活污水处理率']);
    expect(sentence('完成约20公里的三条县道改造。').map((t) => t[0])).toEqual(['县道改造']);
  });

  it('a period some sites use for 。 ends the sentence: the metric starts after it', () => {
    expect(sentence('巩固黑臭水体整治成效.全区8个重点断面水质达标率达到90%.').map((t) => [t[0], t[2]])).toEqual([['全区重点断面水质达标率', 90]]);
  });

  it('an office announcing the figure is not its scope: X明确, X计划, 我市', () => {
    expect(sentence('省林业局明确明年全省新增造林任务为300万亩。').map((t) => t[0])).toEqual(['全省新增造林任务']);
    expect(sentence('2024年,某某县计划招引10个以上亿元项目。').map((t) => [t[0], t[1], t[2]])).toEqual([['招引亿元项目', '>=', 10]]);
    // 计划 of a plan's name stays: only an office or a place before it announces.
    expect(sentence('人口计划生育率达到95%以上。').map((t) => t[0])).toEqual(['人口计划生育率']);
  });

  it('为/对 + the people counted + the work done for them: the preposition and light verb drop', () => {
    expect(sentence('为全县2万名60-69岁老年人免费做白内障筛查。').map((t) => [t[0], t[2], t[3]])).toEqual([['全县60-69岁老年人免费白内障筛查', 2, '万名']]);
    expect(sentence('为80户低保家庭实施危房改造工程。').map((t) => [t[0], t[2]])).toEqual([['低保家庭危房改造', 80]]);
  });

  it('a number that qualifies the noun stays in it: 5人制足球场, 30户以上自然村', () => {
    expect(sentence('新建社区5人制足球场12片。').map((t) => [t[0], t[2], t[3]])).toEqual([['新建社区5人制足球场', 12, '片']]);
    expect(sentence('实施提升工程,完成超120个30户以上自然村道路硬化。').map((t) => [t[0], t[1], t[2]])).toEqual([['30户以上自然村道路硬化', '>', 120]]);
  });

  it('…增长8%的工作目标: calling the figure a goal adds nothing to the metric', () => {
    expect(sentence('2025年要实现城乡居民人均可支配收入增长8%的工作目标。').map((t) => [t[0], t[1], t[2]])).toEqual([['城乡居民人均可支配收入', 'increase', 8]]);
  });

  it('a list of counts closed by 的…任务 gives each item the shared work', () => {
    expect(sentence('完成3个砂石场、8个废品收购点的关停、搬迁任务。').map((t) => [t[0], t[2]])).toEqual([
      ['砂石场关停、搬迁', 3],
      ['废品收购点关停、搬迁', 8],
    ]);
    // One item whose own 的 names its work stays as written.
    expect(sentence('完成12万亩以上的绿化任务。').map((t) => t[0])).toEqual(['绿化任务']);
  });

  it('分别 with one value gives it to each metric listed', () => {
    expect(sentence('二氧化硫、氮氧化物排放量分别下降10%。').map((t) => [t[0], t[1], t[2]])).toEqual([
      ['二氧化硫排放量', 'decrease', 10],
      ['氮氧化物排放量', 'decrease', 10],
    ]);
  });

  it('an area alone takes the metric before it, 县(市) and 市区 included', () => {
    expect(sentence('2026年,市区普惠性幼儿园覆盖率达到90%以上,县(市)达到85%以上。').map((t) => t[0])).toEqual([
      '市区普惠性幼儿园覆盖率',
      '县(市)普惠性幼儿园覆盖率',
    ]);
  });

  it('a ratio that names no subject takes the clause before it; a second area swaps the first', () => {
    expect(sentence('开展3-6岁儿童视力筛查,城市筛查率达到95%,农村筛查率达到85%。').map((t) => t[0])).toEqual([
      '3-6岁儿童视力筛查城市筛查率',
      '3-6岁儿童视力筛查农村筛查率',
    ]);
    expect(sentence('全县农村卫生户厕新增2000户(其中整村推进500户),普及率达到85%。').map((t) => [t[0], t[2]])).toContainEqual(['全县农村卫生户厕普及率', 85]);
  });

  it('list items share the scope of the first: an area, or what a measure is of', () => {
    expect(sentence('完成农村改厕3000户、改圈500个。').map((t) => t[0])).toEqual(['农村改厕', '农村改圈']);
    expect(sentence('小麦播种面积稳定在200万亩、总产量达到80万吨。').map((t) => t[0])).toEqual(['小麦播种面积', '小麦总产量']);
    expect(sentence('到2025年,县城生活垃圾无害化处理率、生活污水处理率分别达到98%、95%。').map((t) => t[0])).toEqual([
      '县城生活垃圾无害化处理率',
      '县城生活污水处理率',
    ]);
  });

  it('framing words stay out: 将…控制指标定为, 全年计划, 五年内; 建成 stays with what is built', () => {
    expect(sentence('将道路交通事故死亡人数控制指标定为下降5%。').map((t) => [t[0], t[1], t[2]])).toEqual([['道路交通事故死亡人数', 'decrease', 5]]);
    expect(sentence('全年计划新改建农村公路800公里。').map((t) => t[0])).toEqual(['新改建农村公路']);
    expect(sentence('五年内建成6所学校。').map((t) => t[0])).toEqual(['建成学校']);
  });

  it('a denominator written out with 每 belongs to the unit: 微克每立方米', () => {
    expect(sentence('到2025年,细颗粒物(PM2.5)年均浓度控制在30微克每立方米以下。').map((t) => [t[1], t[2], t[3]])).toEqual([['<=', 30, '微克每立方米']]);
  });
});

describe('what is a target', () => {
  it('a count after 对/为 whose verb follows the noun is committed: 对300户困难老人家庭进行居家适老化改造', () => {
    expect(sentence('对300户困难老人家庭进行居家适老化改造。').map((t) => [t[1], t[2], t[3]])).toEqual([['=', 300, '户']]);
    // A count with no verb of commitment anywhere is a description.
    expect(sentence('全市共有300户困难老人家庭。')).toEqual([]);
  });

  it('a measure with its figure after a target in the same sentence is a target too', () => {
    expect(sentence('到2025年,蔬菜播种面积达到80万亩、总产量达到160万吨;食用菌种植面积3.5万亩,食用菌产量4.2万吨。').map((t) => [t[0], t[2], t[3]])).toEqual([
      ['蔬菜播种面积', 80, '万亩'],
      ['蔬菜总产量', 160, '万吨'],
      ['食用菌种植面积', 3.5, '万亩'],
      ['食用菌产量', 4.2, '万吨'],
    ]);
  });

  it('a list sharing one verb goes on after a comma: 新建A120座、B8座,C1450座', () => {
    expect(sentence('新建村级公共厕所120座、旅游厕所8座,农村户用厕所1450座。').map((t) => [t[0], t[2]])).toEqual([
      ['新建村级公共厕所', 120],
      ['新建旅游厕所', 8],
      ['新建农村户用厕所', 1450],
    ]);
    // A fragment with a verb of its own does not borrow the list's.
    expect(sentence('新建农村公路300公里,重点养护600公里。').map((t) => t[0])).toEqual(['新建农村公路', '重点养护']);
  });

  it('分别 opening the words pairs the values with the items listed before it', () => {
    expect(sentence('年内新改扩建公办中小学30所、幼儿园12所,分别新增学位2.4万和3600个。').map((t) => [t[0], t[2], t[3]])).toEqual([
      ['新改扩建公办中小学', 30, '所'],
      ['新改扩建幼儿园', 12, '所'],
      ['公办中小学新增学位', 2.4, '万个'],
      ['幼儿园新增学位', 3600, '个'],
    ]);
  });

  it('a count whose noun is followed by the verb that completes it is committed', () => {
    expect(sentence('推动某某电子公司12条生产线投产。').map((t) => [t[2], t[3]])).toEqual([[12, '条']]);
    expect(sentence('全市首批50个完整社区全面建成。').map((t) => [t[2], t[3]])).toEqual([[50, '个']]);
    // A count that only describes what there is stays out.
    expect(sentence('全县现有200个行政村。')).toEqual([]);
  });

  it('a translation printed after the plan gives no targets', () => {
    expect(sentence('(1)The national health city compliance rate is 50%.')).toEqual([]);
  });

  it('counts after 对X等, 新(改、扩)建, units brought up to a standard, a level per head', () => {
    expect(sentence('对解放路等5条背街小巷进行综合提升改造。').map((t) => [t[2], t[3]])).toEqual([[5, '条']]);
    expect(sentence('新(改、扩)建公办幼儿园8所。').map((t) => [t[0], t[2]])).toEqual([['新(改、扩)建公办幼儿园', 8]]);
    expect(sentence('2026年底前,120个行政村达到市级美丽乡村标准要求。').map((t) => [t[2], t[3], t[4]])).toEqual([[120, '个', 2026]]);
    expect(sentence('到2025年,每千人拥有3岁以下婴幼儿托位4.5个。').map((t) => [t[2], t[3]])).toEqual([[4.5, '个']]);
  });

  it('确保 and 计划 ask for a count as any verb of commitment does', () => {
    expect(sentence('今年全省确保稳定200亿斤粮食生产能力。').map((t) => [t[1], t[2], t[3]])).toEqual([['=', 200, '亿斤']]);
    expect(sentence('计划全面改善薄弱学校办学条件项目学校56所。').map((t) => [t[2], t[3]])).toEqual([[56, '所']]);
  });

  it('分别是X: a list of places each with its count is each place\'s share of X', () => {
    expect(sentence('剩余未脱贫人口要全部脱贫退出,分别是未脱贫人口:河边镇941人、回马镇252人。').map((t) => [t[0], t[2], t[3]])).toEqual([
      ['河边镇未脱贫人口', 941, '人'],
      ['回马镇未脱贫人口', 252, '人'],
    ]);
  });

  it('确保X,力争Y: the second figure keeps the metric', () => {
    expect(sentence('基本养老保险确保完成2900人,力争完成4300人。').map((t) => [t[0], t[2]])).toEqual([
      ['基本养老保险', 2900],
      ['基本养老保险', 4300],
    ]);
  });

  it('a time frame is when, not what: 5年内 培养100名', () => {
    expect(sentence('力争5年内培养100名骨干教师。').map((t) => [t[2], t[3]])).toEqual([[100, '名']]);
  });

  it('achieved results and progress figures in a report are not targets', () => {
    expect(sentence('1-2月,全市固定资产投资同比下降12.7%,高于全省平均水平1.7个百分点。')).toEqual([]);
    expect(sentence('已完成筛查人数3495人。')).toEqual([]);
  });

  it('a preliminary estimate of last year, a base built on, a meeting number are not targets', () => {
    expect(sentence('经初步预计,全县2023年全年实现地区生产总值210亿元,比上年增长6%。')).toEqual([]);
    expect(sentence('在现有全县农村劳动力转移就业12万人的基础上,新增转移就业3万人。').map((t) => [t[0], t[2]])).toEqual([['新增转移就业', 3]]);
    expect(sentence('方案已经县政府十八届21次常务会议讨论通过。')).toEqual([]);
  });

  it('实现10%以上增长 is an increase; the count of the indicators that must reach it is no target', () => {
    expect(sentence('5个主要指标均实现8%以上增长。').map((t) => [t[1], t[2], t[3]])).toEqual([['increase', 8, '%']]);
  });

  it('the baseline of 由…提升至… is not a target; the level reached is', () => {
    expect(sentence('农村低保标准由800元提升至1560元。').map((t) => [t[1], t[2], t[3]])).toEqual([['>=', 1560, '元']]);
  });

  it('a class threshold that names what is counted is not a target; the count is', () => {
    expect(sentence('新引进5亿元以上重大项目9个。').map((t) => [t[2], t[3]])).toEqual([[9, '个']]);
  });
});

describe('clause forms seen in real plans', () => {
  function units(text: string): Array<[string, string[], string[]]> {
    return extract(text).tasks.map((t) => [t.path.join('.'), t.leadUnits, t.responsibleUnits]);
  }

  it('(X牵头,Y配合,Z负责落实): lead, then responsible', () => {
    expect(units('1.排入城市污水管网废水必须达到排放标准要求。(市环保局牵头,市经信委、市煤炭局配合,各县市区人民政府负责落实)\n')).toEqual([
      ['1', ['市环保局'], ['市经信委', '市煤炭局', '各县市区人民政府']],
    ]);
  });

  it('(县住建局牵头,各镇(街道)配合): a place group with a bracket of its own is a unit', () => {
    expect(units('1.整治背街小巷。(县住建局牵头,各镇(街道)配合)\n')).toEqual([['1', ['县住建局'], ['各镇(街道)']]]);
  });

  it('a note after the unit groups is not a unit: (国务院各部门分别负责,年内持续推进)', () => {
    expect(units('1.确保完成决战决胜脱贫攻坚目标任务。(国务院各部门分别负责,年内持续推进)\n')).toEqual([['1', [], ['国务院各部门']]]);
  });

  it('[X牵头] and a unit name with a bracket of its own: 〔…各县、区人民政府(管委会)负责落实〕', () => {
    expect(units('1.推进智慧城管建设。[市城管局牵头]\n2.明确产业目录。〔市生态环境局牵头,各县、区人民政府(管委会)负责落实〕\n')).toEqual([
      ['1', ['市城管局'], []],
      ['2', ['市生态环境局'], ['各县、区人民政府(管委会)']],
    ]);
  });

  it('列第一位者为牵头单位,下同: the first unit of each clause leads, and the note is no part of a name', () => {
    const text = [
      '1.制定出台高质量发展政策体系,与企业共克时艰。',
      '责任单位:财政局、发改局、工商联(列第一位者为牵头或汇总单位,下同)',
      '2.力争为企业减负60亿元。',
      '责任单位:发改局、经信局、税务局',
      '',
    ].join('\n');
    expect(units(text)).toEqual([
      ['1', ['财政局'], ['发改局', '工商联']],
      ['2', ['发改局'], ['经信局', '税务局']],
    ]);
  });

  it('a bracket of unit names alone after a sentence is a clause: (工资处、就管中心)', () => {
    expect(units('1.农民人均纯收入增长8%左右。 (工资处、就管中心)\n')).toEqual([['1', [], ['工资处', '就管中心']]]);
  });

  it('a clause that no numbered item holds ends a task of its own (an excerpt that starts mid-item)', () => {
    const text = '日期:2016-09-06\n居乡村建设。2020年年底前,宜居乡镇、建制村比例分别达到50%以上。(市建委牵头)\n10.完善乡镇及村屯污水处理机制。加快污水处理设施建设。\n';
    expect(units(text)).toEqual([
      ['', ['市建委'], []],
      ['10', [], []],
    ]);
  });
});

describe('clause forms: notes after the units', () => {
  it('a standing note after a full stop inside the clause bracket adds no unit', () => {
    const text = '1.制定产业准入清单。〔市生态环境局牵头,市发展和改革局、自然资源局参与,各县、区人民政府(管委会)负责落实。以下各项工作均需各县、区人民政府(管委会)落实,不再列出。〕\n';
    const [task] = extract(text).tasks;
    expect([task?.leadUnits, task?.responsibleUnits]).toEqual([['市生态环境局'], ['市发展和改革局', '自然资源局', '各县、区人民政府(管委会)']]);
  });

  it('按职责分工负责 after the last unit is how they share the work, not part of its name', () => {
    const text = '1.争取纳入国家综合改革试点。〔责任单位:省发展改革委、商务厅、省大数据中心按职责分工负责〕\n';
    expect(extract(text).tasks[0]?.responsibleUnits).toEqual(['省发展改革委', '商务厅', '省大数据中心']);
  });
});

describe('pages about a plan', () => {
  it('a news page that lists a plan\'s items inline (分别是: (1)…。 (2)…) is read, not dismissed', () => {
    const text = '5月10日上午,县长向大会作《政府工作报告》。《报告》指出,县政府将重点抓好15件大事和民生实事。分别是: (1)加快建设总投资7.58亿元的县医院迁建项目。 (2)新建行政村公共厕所120座。 (3)城区新建便民市场5处。';
    const exp = extract(text);
    expect(exp.warnings).toEqual([]);
    expect(exp.targets.map((t) => [t.value, t.unit])).toEqual([
      [7.58, '亿元'],
      [120, '座'],
      [5, '处'],
    ]);
  });
});

describe('quantities as real plans write them', () => {
  it('Chinese numerals after change words and 约/逾, with decimals', () => {
    expect(sentence('粮食播种面积不低于一点零三三三亿公顷,乡镇企业每年新增就业逾二百五十万人,主要农区耕地退化率下降十个百分点。').map((t) => [t[1], t[2], t[3]])).toEqual([
      ['>=', 1.0333, '亿公顷'],
      ['>', 2500000, '人'],
      ['decrease', 10, '百分点'],
    ]);
  });

  it('万亿 and 亿 multiply the unit after them', () => {
    expect(sentence('带动全国体育产业总规模达到5万亿元,粮食总产达到850亿斤以上。').map((t) => [t[0], t[2], t[3]])).toEqual([
      ['带动全国体育产业总规模', 5, '万亿元'],
      ['粮食总产', 850, '亿斤'],
    ]);
  });

  it('内 is a suffix only where the words end: 60条内街小巷 is a count of streets', () => {
    expect(sentence('维修改造城区60条内街小巷。').map((t) => [t[1], t[2], t[3]])).toEqual([['=', 60, '条']]);
    expect(sentence('办理时限压缩至5个工作日内。').map((t) => [t[1], t[2], t[3]])).toEqual([['<=', 5, '工作日']]);
  });
});

describe('table-shaped plans', () => {
  it('a 分解表 with cells one per line: rows are tasks with their units, the annual year on each target', () => {
    const text = [
      '2016年民生实事目标任务分解表',
      '序号', '民生实事', '责任单位', '完成时限',
      '1', '启动建设东柳河城区段综合治理工程。', '县水务局', '县住建局', '12月底前',
      '2', '新建2座人行天桥。', '县住建局', '9月投入使用',
      '3', '完成棚户区改造2836户。', '县住建局', '12月底前',
      '',
    ].join('\n');
    const exp = extract(text);
    expect(exp.tasks.map((t) => [t.path.join('.'), t.responsibleUnits])).toEqual([
      ['1', ['县水务局', '县住建局']],
      ['2', ['县住建局']],
      ['3', ['县住建局']],
    ]);
    expect(exp.targets.map((t) => [t.value, t.unit, t.year])).toEqual([
      [2, '座', 2016],
      [2836, '户', 2016],
    ]);
  });

  it('a table between | bars: 责任单位 and 配合单位 columns, progress never read as targets', () => {
    const text = [
      '序号 | 项目内容 | 当前进度 | 牵头单位 | 配合单位 |',
      '1 | 新建公办幼儿园5所,新增学位1000个。 | 80% | 县教育局 | 县财政局、县住建局 |',
      '2 | 建设四好农村路55公里。 | 已完成30公里 | 县交通局 | |',
      '',
    ].join('\n');
    const exp = extract(text);
    expect(exp.tasks.map((t) => [t.leadUnits, t.responsibleUnits])).toEqual([
      [['县教育局'], ['县财政局', '县住建局']],
      [['县交通局'], []],
    ]);
    expect(exp.targets.map((t) => [t.metric, t.value, t.unit])).toEqual([
      ['新建公办幼儿园', 5, '所'],
      ['新增学位', 1000, '个'],
      ['建设四好农村路', 55, '公里'],
    ]);
  });

  it('an indicator table (项目 / 分值 / 目标任务 / 监考单位): the figure is the target, the weight is not', () => {
    const text = [
      '旌阳区2016年度经济社会发展目标任务分解表',
      '项目', '分值', '目标任务', '监考单位',
      '宏观调控',
      '地区生产总值增长率', '3', '年终根据全省平均水平综合考核', '区发改局区统计局',
      '全社会固定资产投资额', '3', '186', '区发改委区统计局',
      '城镇登记失业率', '1', '低于 4.1',
      '建筑业总产值', '1', '140', '区住建局',
      '',
    ].join('\n');
    expect(targetsOf(text)).toEqual([
      ['全社会固定资产投资额', '=', 186, '', 2016],
      ['城镇登记失业率', '<', 4.1, '', 2016],
      ['建筑业总产值', '=', 140, '', 2016],
    ]);
  });
});

describe('PDF text layer', () => {
  it('a line that reaches the text block\'s right edge continues on the next (…污水管网 / 600公里以上)', async () => {
    const { joinWrappedLines } = await import('../shared/pdf/lines.ts');
    const line = (text: string, right: number) => ({ text, right, left: 0, charWidth: 16 });
    expect(
      joinWrappedLines(
        [line('  到2020年,新建和改造城镇污水管网', 448), line('600公里以上。', 200), line('2.推进垃圾分类。', 260), line('新建垃圾中转站30座。', 320)],
        448,
      ),
    ).toEqual(['  到2020年,新建和改造城镇污水管网600公里以上。', '2.推进垃圾分类。', '新建垃圾中转站30座。']);
  });

  it('in text, a line starting with a quantity continues a line that did not end its sentence', () => {
    expect(targetsOf('一、主要目标\n到2020年,新建和改造城镇污水管网\n600公里以上,城市污水处理率达到95%。\n').map((t) => [t[2], t[3]])).toEqual([
      [600, '公里'],
      [95, '%'],
    ]);
  });
});

describe('HTML task tables', () => {
  it('a 分管领导 column holds people and a 进展情况 column progress: neither joins the task', async () => {
    const { readPage } = await import('../shared/html/read-page.ts');
    const { parseHTML } = await import('linkedom');
    const html = `<html><body><div id="zoom"><p>2021年重大民生实事项目目标任务责任分解表</p><table>
      <tr><td>序号</td><td>项目名称</td><td>主要内容</td><td>区政府分管领导</td><td>牵头单位</td><td>配合单位</td><td>进展情况</td></tr>
      <tr><td>1</td><td>增加教育资源供给</td><td>增加学位5000个。</td><td>何海平</td><td>教育局</td><td>经开区</td><td>已完成3000个</td></tr>
    </table></div></body></html>`;
    const parse = (source: string) => parseHTML(source).document as unknown as Document;
    const page = readPage(parse(html), parse);
    expect(page.text).not.toContain('何海平');
    expect(page.text).not.toContain('已完成3000个');
    const exp = extract(page.text);
    expect(exp.tasks.map((t) => [t.leadUnits, t.responsibleUnits])).toEqual([[['教育局'], ['经开区']]]);
    expect(exp.targets.map((t) => [t.value, t.unit, t.year])).toEqual([[5000, '个', 2021]]);
  });
});

describe('news pages that report a plan', () => {
  it('a news page whose figures the plan commits to is read, not dismissed as not a plan', () => {
    const news = '聚焦两会|今年将新增公办学位3万个\n\n2月5日上午,市人大会议开幕。市长作《政府工作报告》。《报告》提出,要加快打造品质教育。年内新改扩建公办中小学30所、幼儿园12所。\n';
    const plan = extract(news);
    expect(plan.warnings.filter((w) => /not a plan/u.test(w))).toEqual([]);
    expect(plan.targets.map((t) => [t.metric, t.value, t.unit])).toContainEqual(['新改扩建公办中小学', 30, '所']);
  });

  it('a news page of what was done stays not a plan', () => {
    const news = '我市举行志愿服务活动\n\n3月5日,全市300余名志愿者走上街头,清理垃圾2吨,发放宣传资料5000份。\n';
    expect(extract(news).targets).toEqual([]);
  });
});

describe('items a page ran into one line', () => {
  it('a bracketed Chinese numeral starts an item wherever it stands: 二、重点任务(一)…(二)…', () => {
    const exp = extract('二、重点任务(一)积极创建文明城市。提高公众文明素质。(实施单位:市文明办)(二)严格控制扬尘。(实施单位:市环保局)\n');
    expect(exp.tasks.map((t) => [t.path.join(' › '), t.responsibleUnits])).toEqual([
      ['二 › (一)', ['市文明办']],
      ['二 › (二)', ['市环保局']],
    ]);
  });
});
