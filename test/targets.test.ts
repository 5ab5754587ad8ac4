// Unit tests of numeric targets (shared/targets, shared/numerals.ts): one test per comparator
// family of gold-format.md, units, Chinese numerals, deadline years and the exclusions.
import { describe, it, expect } from 'vitest';
import { extractTargets, type TargetContext, type TargetDraft } from '../shared/targets/targets.ts';
import { readUnit } from '../shared/targets/units-of-measure.ts';
import { readQuantity } from '../shared/targets/quantities.ts';
import { cleanMetric, splitMetrics } from '../shared/targets/metric.ts';
import { deadlineYears, yearFor } from '../shared/targets/years.ts';
import { zeroTargets } from '../shared/targets/zero.ts';
import { parseChineseNumeral, parseCircled } from '../shared/numerals.ts';
import { extractPlan } from '../shared/extract.ts';
import type { Comparator } from '../shared/schema.ts';

const NO_CONTEXT: TargetContext = { excluded: [], headingsAt: () => [] };

interface Expected {
  metric: string;
  op: Comparator;
  value: number;
  max: number | null;
  unit: string;
  year: number | null;
}

function simple(d: TargetDraft): Expected {
  return { metric: d.metric, op: d.op, value: d.value, max: d.max, unit: d.unit, year: d.year };
}

function targets(text: string, context: TargetContext = NO_CONTEXT): Expected[] {
  return extractTargets(text, context).map(simple);
}

/** The target a sentence commits to, written out in full. */
function t(metric: string, op: Comparator, value: number, unit: string, extra: Partial<Expected> = {}): Expected {
  return { metric, op, value, max: null, unit, year: null, ...extra };
}

describe('comparators: at least (>=)', () => {
  it('≥', () => {
    expect(targets('加强法治宣传教育,全民法治宣传教育的普及率≥95%;')).toEqual([t('全民法治宣传教育的普及率', '>=', 95, '%')]);
  });

  it('以上', () => {
    expect(targets('全面推行垃圾分类,城市生活垃圾回收利用率35%以上。')).toEqual([t('城市生活垃圾回收利用率', '>=', 35, '%')]);
  });

  it('不低于', () => {
    expect(targets('公共场所控烟宣传覆盖率不低于90%。')).toEqual([t('公共场所控烟宣传覆盖率', '>=', 90, '%')]);
  });

  it('不少于', () => {
    expect(targets('每年开展志愿服务活动不少于4次。')).toEqual([t('每年开展志愿服务活动', '>=', 4, '次')]);
  });

  it('至少, with a verb between the word and the number', () => {
    expect(targets('每个社区至少建成1个志愿服务站。')).toEqual([t('每个社区志愿服务站', '>=', 1, '个')]);
  });

  it('达到, with and without 以上', () => {
    expect(targets('市民对创建工作的支持率达到90%,城市生活垃圾回收利用率达到35%以上。')).toEqual([
      t('市民对创建工作的支持率', '>=', 90, '%'),
      t('城市生活垃圾回收利用率', '>=', 35, '%'),
    ]);
  });

  it('keeps the span from the metric to the comparator', () => {
    const text = '开展群众性法治文化活动,全民法治宣传教育的普及率≥95%;完善国家工作人员学法用法制度。';
    const [draft] = extractTargets(text, NO_CONTEXT);
    expect(draft && text.slice(draft.span.start, draft.span.end)).toBe('全民法治宣传教育的普及率≥95%');
  });
});

describe('comparators: more than (>)', () => {
  it('大于', () => {
    expect(targets('城市建成区绿地率大于35%。')).toEqual([t('城市建成区绿地率', '>', 35, '%')]);
  });

  it('高于', () => {
    expect(targets('城市建成区绿化覆盖率高于40%。')).toEqual([t('城市建成区绿化覆盖率', '>', 40, '%')]);
  });

  it('超过', () => {
    expect(targets('城市建成区绿地率超过38%。')).toEqual([t('城市建成区绿地率', '>', 38, '%')]);
  });
});

describe('comparators: at most (<=)', () => {
  it('≤', () => {
    expect(targets('城市区域环境噪声平均值≤55分贝。')).toEqual([t('城市区域环境噪声平均值', '<=', 55, '分贝')]);
  });

  it('以下', () => {
    expect(targets('刑事案件发案率控制在3‰以下。')).toEqual([t('刑事案件发案率', '<=', 3, '‰')]);
  });

  it('控制在…以内', () => {
    expect(targets('城市道路积水点控制在5个以内。')).toEqual([t('城市道路积水点', '<=', 5, '个')]);
  });

  it('不超过', () => {
    expect(targets('群众投诉办结时间不超过3天。')).toEqual([t('群众投诉办结时间', '<=', 3, '天')]);
  });
});

describe('comparators: less than (<)', () => {
  it('低于', () => {
    expect(targets('城镇登记失业率低于4.5%。')).toEqual([t('城镇登记失业率', '<', 4.5, '%')]);
  });

  it('少于', () => {
    expect(targets('小学班额少于45人。')).toEqual([t('小学班额', '<', 45, '人')]);
  });
});

describe('comparators: equal (=)', () => {
  it('a bare share: 装灯率100%, 亮灯率98% (the second takes the scope of the first)', () => {
    expect(targets('主次干道装灯率100%,亮灯率98%。')).toEqual([t('主次干道装灯率', '=', 100, '%'), t('主次干道亮灯率', '=', 98, '%')]);
  });

  it('为', () => {
    expect(targets('城市生活污水集中处理率为95%。')).toEqual([t('城市生活污水集中处理率', '=', 95, '%')]);
  });

  it('a bare count that a commitment verb asks for', () => {
    expect(targets('创建国家级卫生乡镇3个,新增燃气用户4000户,培养100名志愿服务骨干。')).toEqual([
      t('创建国家级卫生乡镇', '=', 3, '个'),
      t('新增燃气用户', '=', 4000, '户'),
      t('培养志愿服务骨干', '=', 100, '名'),
    ]);
  });
});

describe('comparators: range', () => {
  it('5-7个', () => {
    expect(targets('每个乡镇建设5-7个示范点。')).toEqual([t('每个乡镇建设示范点', 'range', 5, '个', { max: 7 })]);
  });

  it('12至15个', () => {
    expect(targets('全年新建12至15个城市书房。')).toEqual([t('全年新建城市书房', 'range', 12, '个', { max: 15 })]);
  });

  it('1到2个', () => {
    expect(targets('每个村配备1到2个公益性岗位。')).toEqual([t('每个村配备公益性岗位', 'range', 1, '个', { max: 2 })]);
  });

  it('7.5%—8%', () => {
    expect(targets('地区生产总值增长7.5%—8%。')).toEqual([t('地区生产总值', 'range', 7.5, '%', { max: 8 })]);
  });

  it('a comparator word with a range is a range: 至少1—2次', () => {
    expect(targets('每年至少组织1—2次集中培训。')).toEqual([t('每年集中培训', 'range', 1, '次', { max: 2 })]);
  });
});

describe('comparators: approximately (~)', () => {
  it('左右', () => {
    expect(targets('城市人均公园绿地面积12平方米左右。')).toEqual([t('城市人均公园绿地面积', '~', 12, '平方米')]);
  });

  it('约 and 大约', () => {
    expect(targets('城市人均公园绿地面积约12平方米。')).toEqual([t('城市人均公园绿地面积', '~', 12, '平方米')]);
    expect(targets('全年接待游客大约500万人次。')).toEqual([t('全年接待游客', '~', 500, '万人次')]);
  });

  it('左右 wins over 达到', () => {
    expect(targets('人均每天体育锻炼时间达到1小时左右。')).toEqual([t('人均每天体育锻炼时间', '~', 1, '小时')]);
  });
});

describe('comparators: increase and decrease', () => {
  it('比2015年降低15% is a decrease, and 2015 is no deadline', () => {
    expect(targets('单位GDP能耗比2015年降低15%。')).toEqual([t('单位GDP能耗', 'decrease', 15, '%')]);
  });

  it('逐年提升不低于1个百分点 is an increase of 1 百分点', () => {
    expect(targets('全市公共文化服务覆盖率逐年提升不低于1个百分点。')).toEqual([t('全市公共文化服务覆盖率', 'increase', 1, '百分点')]);
  });

  it('提高0.03个百分点以上', () => {
    expect(targets('城镇化率提高0.03个百分点以上。')).toEqual([t('城镇化率', 'increase', 0.03, '百分点')]);
  });

  it('a change wins over 左右 and over 约', () => {
    expect(targets('地区生产总值增长7%左右。')).toEqual([t('地区生产总值', 'increase', 7, '%')]);
    expect(targets('城市居民人均可支配收入增长约8%。')).toEqual([t('城市居民人均可支配收入', 'increase', 8, '%')]);
  });

  it('reads the metric of 年均增长 without the 年均 frame', () => {
    expect(targets('城市居民人均可支配收入年均增长7%左右。')).toEqual([t('城市居民人均可支配收入', 'increase', 7, '%')]);
  });

  it('two changes in one sentence, with a baseline each', () => {
    expect(targets('全年空气质量优良天数比例达到80%以上,重污染天数比2015年减少25%。')).toEqual([
      t('全年空气质量优良天数比例', '>=', 80, '%'),
      t('重污染天数', 'decrease', 25, '%'),
    ]);
  });
});

describe('comparators: reaching a level', () => {
  it('提高到 / 提升到 is >=', () => {
    expect(targets('城市污水处理率提高到95%。')).toEqual([t('城市污水处理率', '>=', 95, '%')]);
    expect(targets('农村自来水普及率提升到90%。')).toEqual([t('农村自来水普及率', '>=', 90, '%')]);
  });

  it('下降到 / 控制到 is <=', () => {
    expect(targets('城市建成区黑臭水体比例下降到10%。')).toEqual([t('城市建成区黑臭水体比例', '<=', 10, '%')]);
    expect(targets('城镇登记失业率控制到4%。')).toEqual([t('城镇登记失业率', '<=', 4, '%')]);
    expect(targets('PM2.5年均浓度控制在35以下。')).toEqual([t('PM2.5年均浓度', '<=', 35, '')]);
  });

  it('reads 微克/立方米 as the unit of a concentration', () => {
    expect(targets('PM2.5年均浓度下降到35微克/立方米。')).toEqual([t('PM2.5年均浓度', '<=', 35, '微克/立方米')]);
  });
});

describe('ranks and zeros', () => {
  it('a rank 进入前30名 is <= 30 名', () => {
    expect(targets('公众安全感满意度进入前30名。')).toEqual([t('公众安全感满意度', '<=', 30, '名')]);
  });

  it('a rank 进入30名以内 is <= 30 名', () => {
    expect(targets('全市公共文明指数测评进入30名以内。')).toEqual([t('全市公共文明指数测评', '<=', 30, '名')]);
  });

  it('实现…清零 is = 0 with unit ""', () => {
    expect(targets('实现黄土裸露现象清零。')).toEqual([t('黄土裸露现象', '=', 0, '')]);
  });

  it('消除A、B,实现…清零 gives one zero per item', () => {
    expect(targets('消除大校额、大班额,实现义务教育阶段动态清零。')).toEqual([
      t('义务教育阶段大校额', '=', 0, ''),
      t('义务教育阶段大班额', '=', 0, ''),
    ]);
  });

  it('确保无…现象 is = 0', () => {
    expect(zeroTargets('确保无私搭乱建现象。', { start: 0, end: 9 }).map((z) => [z.metric, z.value, z.unit])).toEqual([['私搭乱建现象', 0, '']]);
  });
});

describe('Chinese numerals and units', () => {
  it('百分之九十 is 90 %', () => {
    expect(targets('农村卫生厕所普及率达到百分之九十。')).toEqual([t('农村卫生厕所普及率', '>=', 90, '%')]);
  });

  it('不少于两次 is 2 次', () => {
    expect(targets('每年开展专题培训不少于两次。')).toEqual([t('每年开展专题培训', '>=', 2, '次')]);
  });

  it('12万亩 is value 12, unit 万亩', () => {
    expect(targets('全年完成人工造林12万亩。')).toEqual([t('全年完成人工造林', '=', 12, '万亩')]);
    expect(targets('完成12万亩以上的绿化任务。')).toEqual([t('绿化任务', '>=', 12, '万亩')]);
  });

  it('个小时 is 小时', () => {
    expect(targets('中小学生每天校外活动时间不少于2个小时。')).toEqual([t('中小学生每天校外活动时间', '>=', 2, '小时')]);
  });

  it('座/平方公里, 公里/平方公里, 分贝, 岁', () => {
    expect(targets('城市建成区公厕设置密度达到3座/平方公里以上。')).toEqual([t('城市建成区公厕设置密度', '>=', 3, '座/平方公里')]);
    expect(targets('城市建成区路网密度达到8公里/平方公里。')).toEqual([t('城市建成区路网密度', '>=', 8, '公里/平方公里')]);
    expect(targets('交通干线两侧区域环境噪声≤70分贝。')).toEqual([t('交通干线两侧区域环境噪声', '<=', 70, '分贝')]);
    expect(targets('人均预期寿命达到78岁。')).toEqual([t('人均预期寿命', '>=', 78, '岁')]);
  });

  it('readUnit reads units as written, longest first', () => {
    expect(readUnit('个百分点以上', 0)).toEqual({ unit: '百分点', length: 4 });
    expect(readUnit('个小时', 0)).toEqual({ unit: '小时', length: 3 });
    expect(readUnit('个示范点', 0)).toEqual({ unit: '个', length: 1 });
    expect(readUnit('万亩以上', 0)).toEqual({ unit: '万亩', length: 2 });
    expect(readUnit('平方公里', 0)).toEqual({ unit: '平方公里', length: 4 });
    expect(readUnit('分钟', 0)).toEqual({ unit: '分钟', length: 2 });
    expect(readUnit('座/平方公里', 0)).toEqual({ unit: '座/平方公里', length: 6 });
    expect(readUnit('/10万', 0)).toEqual({ unit: '/10万', length: 4 });
    expect(readUnit('的城市', 0)).toEqual({ unit: '', length: 0 });
  });

  it('readQuantity reads Chinese numerals only after a comparator', () => {
    expect(readQuantity('两次', 0, true)).toMatchObject({ value: 2, unit: '次', chinese: true });
    expect(readQuantity('两次', 0, false)).toBeNull();
    expect(readQuantity('880多个', 0, false)).toMatchObject({ value: 880, unit: '个', more: true });
  });

  it('parseChineseNumeral and parseCircled', () => {
    expect(parseChineseNumeral('九十')).toBe(90);
    expect(parseChineseNumeral('十二')).toBe(12);
    expect(parseChineseNumeral('两')).toBe(2);
    expect(parseChineseNumeral('一百零五')).toBe(105);
    expect(parseChineseNumeral('三千')).toBe(3000);
    expect(parseChineseNumeral('十二万')).toBe(120_000);
    expect(parseChineseNumeral('二三')).toBeNull();
    expect(parseChineseNumeral('')).toBeNull();
    expect(parseCircled('③')).toBe(3);
    expect(parseCircled('3')).toBeNull();
  });
});

describe('shared values and 分别', () => {
  it('动员率和参与率都达到65%以上 is two targets with one quote', () => {
    const text = '全省志愿服务团队动员率和参与率都达到65%以上。';
    const drafts = extractTargets(text, NO_CONTEXT);
    expect(drafts.map(simple)).toEqual([t('全省志愿服务团队动员率', '>=', 65, '%'), t('全省志愿服务团队参与率', '>=', 65, '%')]);
    expect(drafts[0]?.span).toEqual(drafts[1]?.span);
  });

  it('splitMetrics shares the qualifier of the first metric', () => {
    expect(splitMetrics('全省志愿服务团队动员率和参与率')).toEqual(['全省志愿服务团队动员率', '全省志愿服务团队参与率']);
    expect(splitMetrics('大中小学校和幼儿园')).toEqual(['大中小学校和幼儿园']);
  });

  it('分别达到100%和96% gives one target per metric and value', () => {
    expect(targets('全市中小学生心理健康教育普及率和知晓率分别达到100%和96%。')).toEqual([
      t('全市中小学生心理健康教育普及率', '>=', 100, '%'),
      t('全市中小学生心理健康教育知晓率', '>=', 96, '%'),
    ]);
  });
});

describe('metrics', () => {
  it('cleanMetric drops the frame words around a metric', () => {
    expect(cleanMetric('确保全市城市生活垃圾无害化处理率')).toBe('全市城市生活垃圾无害化处理率');
    expect(cleanMetric('到2020年末城市污水处理率')).toBe('城市污水处理率');
    expect(cleanMetric('单位GDP能耗比2015年')).toBe('单位GDP能耗');
    expect(cleanMetric('动员率和参与率都')).toBe('动员率和参与率');
  });

  it('does not take an age qualifier for a target: 80岁以上高龄老人', () => {
    // The age stays in the metric as written; it is not a target of its own.
    expect(targets('80岁以上高龄老人津贴发放率达到100%。')).toEqual([t('80岁以上高龄老人津贴发放率', '>=', 100, '%')]);
  });
});

describe('deadline years', () => {
  it('到2020年末… gives 2020', () => {
    expect(targets('各乡镇到2020年末,农村生活垃圾治理率达到90%以上。')).toEqual([t('农村生活垃圾治理率', '>=', 90, '%', { year: 2020 })]);
  });

  it('2018年底前… gives 2018', () => {
    // The ratio takes its subject from the clause before (never a bare 覆盖率).
    expect(targets('2018年底前,所有社区建成新时代文明实践站,覆盖率达到100%。')).toEqual([t('新时代文明实践站覆盖率', '>=', 100, '%', { year: 2018 })]);
  });

  it('从2018年起… gives 2018', () => {
    expect(targets('从2018年起,每年新增城市绿地面积不少于50万平方米。')).toEqual([
      t('每年新增城市绿地面积', '>=', 50, '万平方米', { year: 2018 }),
    ]);
  });

  it('a baseline 比2015年 is not the year; the deadline 到2020年 is', () => {
    expect(targets('到2020年,单位GDP能耗比2015年降低15%。')).toEqual([t('单位GDP能耗', 'decrease', 15, '%', { year: 2020 })]);
  });

  it('a deadline after the target, marked 底前, counts', () => {
    expect(targets('城市生活垃圾分类覆盖率达到90%(2020年底前)。')).toEqual([t('城市生活垃圾分类覆盖率', '>=', 90, '%', { year: 2020 })]);
  });

  it('takes the nearest preceding year in a sentence with several', () => {
    const text = '2018年着力对标补差、形成常态,力争实现测评成绩90分以上;2019年着力全面巩固、重点突破,力争实现测评成绩95分以上。';
    expect(targets(text)).toEqual([t('测评成绩', '>=', 90, '分', { year: 2018 }), t('测评成绩', '>=', 95, '分', { year: 2019 })]);
  });

  it('a span of years is due at its end; a plan named by its span is no deadline', () => {
    expect(targets('在2018-2020年,全市新建城市公园不少于10个。')).toEqual([t('全市新建城市公园', '>=', 10, '个', { year: 2020 })]);
    expect(deadlineYears('制定2018-2020年三年行动计划', { start: 0, end: 16 })).toEqual([]);
    expect(deadlineYears('按照2015—2020年医疗卫生服务体系规划纲要,健全医疗卫生服务网络', { start: 0, end: 30 })).toEqual([]);
  });

  it('takes the year of the enclosing heading', () => {
    const text = '(一)2019年工作目标\n测评成绩达到95分以上。';
    const heading = { start: 0, end: text.indexOf('\n') };
    const context: TargetContext = { excluded: [{ start: 0, end: 3 }], headingsAt: () => [heading] };
    expect(targets(text, context)).toEqual([t('测评成绩', '>=', 95, '分', { year: 2019 })]);
    expect(yearFor(text, deadlineYears(text, { start: heading.end + 1, end: text.length }), text.indexOf('95'), { headings: [heading], scoped: null, planYear: null })).toBe(2019);
  });
});

const SMALL_PLAN = [
  '会宁县2021年度文明城市创建工作实施方案',
  '一、工作目标',
  '全民法治宣传教育的普及率≥95%。',
  '二、主要任务',
  '(一)完善城市功能',
  '1.新建城市公园2座。(责任单位:县住建局)',
  '2.城区主次干道装灯率100%。(责任单位:县城管局)',
  '3.第3季度前完成老旧小区改造。(责任单位:县住建局)',
].join('\n');

describe('exclusions: no target', () => {
  it.each([
    ['a date', '2021年4月19日,市委召开全市创建全国文明城市动员大会。'],
    ['a phase span', '第二阶段:集中整治阶段(3月至6月),开展集中整治。'],
    ['a year range', '结合我市实际,现制定2018-2020年三年行动计划。'],
    ['a document number', '根据吴党发〔2021〕14号文件精神,制定本方案。'],
    ['numbered names and slogans', '协调推进“四个全面”战略布局,实施六项工程,落实门前三包责任制,推进两学一做学习教育常态化。'],
    ['an edition and a congress', '积极参加第七届全国文明城市评选,深入学习贯彻党的十九大精神。'],
    ['a quoted slogan and a quoted date', '深入开展“七五”普法,组织“3.15”消费者权益日宣传活动。'],
    ['PM2.5 alone', '加强PM2.5和PM10监测。'],
    ['a section number', '按照本方案第3条的规定执行。'],
    ['a phone number', '设立举报电话0953-2039339,受理群众投诉。'],
    ['a year inside a document title', '全面落实《“健康中国2030”规划纲要》和《健康中国2030规划纲要》。'],
    ['an anniversary', '以庆祝建党100周年为契机,开展主题宣传活动。'],
  ])('%s: %s', (_name, text) => {
    expect(targets(text)).toEqual([]);
  });

  it('keeps the target next to an excluded number', () => {
    expect(targets('全面落实“门前三包”责任制,临街商户门前三包责任书签订率达到100%。')).toEqual([
      t('临街商户门前三包责任书签订率', '>=', 100, '%'),
    ]);
    expect(targets('落实《“健康中国2030”规划纲要》,人均预期寿命达到78岁。')).toEqual([t('人均预期寿命', '>=', 78, '岁')]);
    expect(targets('设立举报电话0953-2039339,群众满意率不低于95%。')).toEqual([t('群众满意率', '>=', 95, '%')]);
    expect(targets('以庆祝建党100周年为契机,开展主题宣传活动不少于10场。')).toEqual([t('开展主题宣传活动', '>=', 10, '场')]);
  });

  it('skips the excluded spans it is given (markers, clauses)', () => {
    const text = '新建城市公园2座。(牵头单位:市住建局;完成时限:示范街区装灯率100%)';
    const clause = { start: text.indexOf('('), end: text.length };
    expect(targets(text, { excluded: [clause], headingsAt: () => [] })).toEqual([t('新建城市公园', '=', 2, '座')]);
  });

  it('section numbers in a whole plan are no targets (and an annual plan gives its year)', () => {
    const doc = extractPlan(SMALL_PLAN, { id: 'a'.repeat(64), source: { kind: 'text', url: null, file: null } });
    expect(doc.targets.map((g) => [g.op, g.value, g.unit, g.year])).toEqual([
      ['>=', 95, '%', 2021],
      ['=', 2, '座', 2021],
      ['=', 100, '%', 2021],
    ]);
    expect(doc.targets.map((g) => g.taskId)).toEqual([null, 't1', 't2']);
  });

  it('keeps the item marker out of the metric', () => {
    const doc = extractPlan(SMALL_PLAN, { id: 'a'.repeat(64), source: { kind: 'text', url: null, file: null } });
    expect(doc.targets.map((g) => g.metric)).toEqual(['全民法治宣传教育的普及率', '新建城市公园', '城区主次干道装灯率']);
  });
});

describe('rules found on plans written aside from the seeds', () => {
  it('a list after one verb shares it: 建成健康社区6个、健康单位10个、健康学校8所', () => {
    expect(targets('年内建成健康社区6个、健康单位10个、健康学校8所,发挥示范带动作用。').map((d) => [d.value, d.unit, d.op])).toEqual([
      [6, '个', '='],
      [10, '个', '='],
      [8, '所', '='],
    ]);
  });

  it('a rate phrase may stand between the comparator and the number: 不低于每生每年720元', () => {
    expect(targets('生均公用经费基准定额小学、初中分别不低于每生每年720元、940元。').map((d) => [d.metric, d.op, d.value, d.unit])).toEqual([
      ['生均公用经费基准定额小学', '>=', 720, '元'],
      ['初中', '>=', 940, '元'],
    ]);
  });

  it('均 shares one value among categories: 小学、初中均达到1人以上', () => {
    expect(targets('骨干教师数小学、初中均达到1人以上。').map((d) => [d.op, d.value, d.unit])).toEqual([
      ['>=', 1, '人'],
      ['>=', 1, '人'],
    ]);
  });

  it('改造提升40条 is a count of works, not an increase', () => {
    expect(targets('完成背街小巷改造提升40条。').map((d) => [d.op, d.value, d.unit])).toEqual([['=', 40, '条']]);
  });

  it('a screen size is not a quantity: 1366×768以上分辨率', () => {
    expect(targets('建议使用1366×768以上分辨率浏览本网站。')).toEqual([]);
  });
});

describe('more rules from the blind plans', () => {
  it('每个 problem listed before 清零 goes to zero', () => {
    expect(zeroTargets('城乡结合部垃圾乱倒、污水乱排问题实现动态清零。', { start: 0, end: 24 }).map((z) => z.metric)).toEqual(['城乡结合部垃圾乱倒', '污水乱排问题']);
  });

  it('评选 commits to a count: 全年评选街道级文明家庭30户', () => {
    expect(targets('全年评选街道级文明家庭30户。').map((d) => [d.op, d.value, d.unit])).toEqual([['=', 30, '户']]);
  });

  it('分别为3、10个 pairs the values with the metrics, the unit written once', () => {
    expect(targets('全年创建省级、市级美丽宜居示范村分别为3、10个。').map((d) => [d.op, d.value, d.unit])).toEqual([
      ['=', 3, '个'],
      ['=', 10, '个'],
    ]);
  });
});
