// Task deadlines as plans state them: labelled 完成时限, milestones in the text, ranges, 年内,
// 每年X月 and standing duties; a month without a year takes an annual plan's year.
import { describe, expect, it } from 'vitest';
import { findDeadlineSpans } from '../shared/deadlines.ts';
import { extractPlan } from '../shared/extract.ts';

const ANNUAL = { period: { from: 2024, to: 2024 } };
const THREE_YEARS = { period: { from: 2023, to: 2025 } };
const NONE = { period: null };

function read(text: string, context: { period: { from: number; to: number } | null }) {
  return findDeadlineSpans(text, { start: 0, end: text.length }, context).map((f) => ({ text: text.slice(f.start, f.end), by: f.by, from: f.from, ongoing: f.ongoing }));
}

describe('deadline grammar', () => {
  it.each([
    ['牵头单位:县住建局;责任单位:各镇(街道);完成时限:2024年10月底', NONE, [{ text: '2024年10月底', by: '2024-10', from: null, ongoing: false }]],
    ['责任单位:各镇(街道);完成时限:长期坚持', NONE, [{ text: '长期坚持', by: null, from: null, ongoing: true }]],
    ['时间节点:持续推进。', NONE, [{ text: '持续推进', by: null, from: null, ongoing: true }]],
    ['完成时限:11月', ANNUAL, [{ text: '11月', by: '2024-11', from: null, ongoing: false }]],
    ['力争到2020年末,全省文明家庭创建参与率达到50%', NONE, [{ text: '到2020年末', by: '2020', from: null, ongoing: false }]],
    ['2018年底前,各试点城市应制定出台实施方案', NONE, [{ text: '2018年底前', by: '2018', from: null, ongoing: false }]],
    ['10月底前完成12个农贸市场提档升级', ANNUAL, [{ text: '10月底前', by: '2024-10', from: null, ongoing: false }]],
    ['3月底前完成摸底', THREE_YEARS, [{ text: '3月底前', by: null, from: null, ongoing: false }]],
    ['第一阶段:安排部署阶段(3月至6月)', ANNUAL, [{ text: '3月至6月', by: '2024-06', from: '2024-03', ongoing: false }]],
    ['巩固提升阶段(2024年8月至2025年12月)', NONE, [{ text: '2024年8月至2025年12月', by: '2025-12', from: '2024-08', ongoing: false }]],
    ['每年12月底前报送年度总结', THREE_YEARS, [{ text: '每年12月底前', by: null, from: null, ongoing: true }]],
    ['年内建成健康社区6个', ANNUAL, [{ text: '年内', by: '2024', from: null, ongoing: false }]],
    ['三年内完成18个行政村生活污水治理', THREE_YEARS, [{ text: '三年内', by: '2025', from: null, ongoing: false }]],
    ['结合城市更新行动,2024年完成老旧小区改造42个', NONE, [{ text: '2024年', by: '2024', from: null, ongoing: false }]],
    ['一季度末前完成摸底排查', ANNUAL, [{ text: '一季度末前', by: '2024-03', from: null, ongoing: false }]],
    ['2025年第三季度完成验收', NONE, [{ text: '2025年第三季度', by: '2025-09', from: null, ongoing: false }]],
    ['上半年完成招标', ANNUAL, [{ text: '上半年', by: '2024-06', from: null, ongoing: false }]],
    ['上半年完成招标', THREE_YEARS, [{ text: '上半年', by: null, from: null, ongoing: false }]],
  ])('%s', (text, context, expected) => {
    expect(read(text, context)).toEqual(expected);
  });

  it.each([
    ['单位地区生产总值能耗比2020年下降14%', 'a baseline year'],
    ['贯彻落实《社会信用体系建设规划纲要(2014—2020年)》', 'a document name'],
    ['2017年以来,全市累计建成', 'a past period'],
    ['扎实推进2016年民生实事', 'a year used as an adjective'],
    ['持续推进移风易俗,整治高价彩礼', 'a manner word inside a sentence'],
    ['常态化开展志愿服务活动', 'a manner word inside a sentence'],
    ['抓住清明节等重要时间节点,开展教育活动', 'an occasion, not a deadline'],
    ['每月至少开展1次,每季度公开一次,每年开展不少于2次', 'frequencies'],
    ['各季度分别开展一次', 'a frequency'],
    ['开展"一月一主题"志愿服务活动', 'a slogan'],
    ['全年开展道德讲堂活动6期以上', 'a quantity over the year'],
  ])('%s is no deadline (%s)', (text) => {
    expect(read(text, ANNUAL)).toEqual([]);
  });
});

describe('deadlines in the export', () => {
  it('gives each task its own deadlines, with spans into the text', () => {
    const plan = [
      '临江区2024年爱国卫生运动工作方案',
      '一、重点任务',
      '1.规范垃圾收运。年内新建垃圾分类投放点120个。(责任单位:区城管局)',
      '2.健全长效机制。建立督查通报制度。(牵头单位:区爱卫办;完成时限:长期坚持)',
      '3.整治背街小巷。2024年6月底前完成15条背街小巷改造。(责任单位:各街道)',
    ].join('\n');
    const exp = extractPlan(plan, { id: 'a'.repeat(64), source: { kind: 'text', url: null, file: null } });
    expect(exp.tasks.map((t) => (t.deadlines ?? []).map((d) => [d.text, d.by, d.ongoing]))).toEqual([
      [['年内', '2024', false]],
      [['长期坚持', null, true]],
      [['2024年6月底前', '2024-06', false]],
    ]);
    for (const task of exp.tasks) for (const d of task.deadlines ?? []) expect(exp.document.text.slice(d.span[0], d.span[1])).toBe(d.text);
  });
});
