// Unit tests of the numbering tree (shared/structure): marker styles, nesting by order of
// appearance, items numbered straight through, glued items, titles and paths.
import { describe, it, expect } from 'vitest';
import { matchMarker, startsWithMarker } from '../shared/structure/markers.ts';
import { buildStructure, findBodyEnd, titleSpanOf, pathOf } from '../shared/structure/tree.ts';
import type { Structure } from '../shared/model.ts';

/** Each node as `path | title`, in document order. */
function outline(structure: Structure): string[] {
  return structure.nodes.map((n) => `${pathOf(structure.nodes, n.index).join('/')} | ${n.title ?? '∅'}`);
}

function nodeText(text: string, structure: Structure, label: string): string {
  const node = structure.nodes.find((n) => n.label === label);
  if (!node) throw new Error(`no node ${label}`);
  return text.slice(node.span.start, node.span.end);
}

describe('matchMarker: numbering styles', () => {
  it.each([
    ['一、总体要求', '一、', 1, '一', 2],
    ['十二、保障措施', '一、', 12, '十二', 3],
    ['(一)指导思想', '(一)', 1, '(一)', 3],
    ['(十五)加强宣传', '(一)', 15, '(十五)', 4],
    ['1.政务环境提升', '1.', 1, '1', 2],
    ['24.完成老旧小区改造', '1.', 24, '24', 3],
    ['3、加强组织领导', '1、', 3, '3', 2],
    ['(2)建立长效机制', '(1)', 2, '(2)', 3],
    ['4)开展志愿服务', '1)', 4, '4', 2],
    ['③开展文明家庭评选', '①', 3, '③', 1],
    ['第一阶段:动员部署阶段(2021年3月)', '第…阶段', 1, '第一阶段', 4],
    ['第三条 本办法适用于全县各部门', '第…条', 3, '第三条', 3],
    ['一是加强组织领导', '一是', 1, '一', 2],
    ['二要强化督查考核', '一要', 2, '二', 2],
  ])('%s is style %s, ordinal %i, label %s', (line, style, ordinal, label, length) => {
    expect(matchMarker(line)).toEqual({ style, ordinal, label, length });
  });

  it.each([
    ['3.15国际消费者权益日开展宣传活动'],
    ['2.5%的财政资金用于奖补'],
    ['2021.4.19'],
    ['2018年底前完成'],
    ['一是'],
    ['“十四五”时期'],
  ])('%s is not a marker', (line) => {
    expect(matchMarker(line)).toBeNull();
  });

  it('looks past leading spaces in startsWithMarker', () => {
    expect(startsWithMarker('   (三)加强宣传')).toBe(true);
    expect(startsWithMarker('各乡镇要加强宣传')).toBe(false);
  });
});

describe('buildStructure: nesting', () => {
  it('nests styles by their order of appearance: 一、 > (一) > 1. > (1) > ①', () => {
    const text = [
      '一、主要任务',
      '(一)加强思想道德建设',
      '1.深化理想信念教育。',
      '(1)开展党史学习教育。',
      '①组织专题学习,每季度不少于1次。',
      '②开展宣讲活动,覆盖全部社区。',
      '(2)推进新时代文明实践中心建设。',
      '2.培育和践行社会主义核心价值观。',
      '(二)提升城市管理水平',
      '1.加强市容市貌整治。',
      '二、保障措施',
      '加强组织领导,层层压实责任,确保各项任务落到实处。',
    ].join('\n');
    const s = buildStructure(text);
    expect(outline(s)).toEqual([
      '一 | 主要任务',
      '一/(一) | 加强思想道德建设',
      '一/(一)/1 | 深化理想信念教育',
      '一/(一)/1/(1) | 开展党史学习教育',
      '一/(一)/1/(1)/① | 组织专题学习,每季度不少于1次',
      '一/(一)/1/(1)/② | 开展宣讲活动,覆盖全部社区',
      '一/(一)/1/(2) | 推进新时代文明实践中心建设',
      '一/(一)/2 | 培育和践行社会主义核心价值观',
      '一/(二) | 提升城市管理水平',
      '一/(二)/1 | 加强市容市貌整治',
      '二 | 保障措施',
    ]);
    expect(s.nodes.map((n) => n.depth)).toEqual([0, 1, 2, 3, 4, 4, 3, 2, 1, 2, 0]);
  });

  it('puts whichever style comes first at the top: 1、 over (1) and 1)', () => {
    const text = [
      '1、强化组织保障',
      '(1)成立创建工作领导小组。',
      '(2)建立联席会议制度。',
      '2、强化宣传引导',
      '1)开展公益广告宣传。',
      '2)开展文明交通劝导。',
    ].join('\n');
    const s = buildStructure(text);
    expect(outline(s)).toEqual([
      '1 | 强化组织保障',
      '1/(1) | 成立创建工作领导小组',
      '1/(2) | 建立联席会议制度',
      '2 | 强化宣传引导',
      '2/1 | 开展公益广告宣传',
      '2/2 | 开展文明交通劝导',
    ]);
  });

  it('reads 第一阶段 phases and 第一条 articles as their own styles', () => {
    const phases = [
      '第一阶段:动员部署阶段(2021年3月)。召开动员大会,制定实施方案。',
      '第二阶段:组织实施阶段(2021年4月至10月)。',
      '1.对照测评体系逐项整改。',
      '2.开展集中攻坚行动。',
      '第三阶段:总结验收阶段(2021年11月至12月)。',
    ].join('\n');
    expect(outline(buildStructure(phases)).map((l) => l.split(' | ')[0])).toEqual(['第一阶段', '第二阶段', '第二阶段/1', '第二阶段/2', '第三阶段']);
    const articles = '第一条 为规范文明城市创建工作,制定本办法。\n第二条 本办法适用于全县各部门单位。\n第三条 本办法自印发之日起施行。';
    expect(buildStructure(articles).nodes.map((n) => [n.label, n.depth])).toEqual([['第一条', 0], ['第二条', 0], ['第三条', 0]]);
  });

  it('reads 一是 / 二是 and 一要 / 二要 enumerations inside a paragraph', () => {
    const text = '三、保障措施\n一是加强组织领导。二是强化督查考核。三是营造浓厚氛围。\n四、工作要求\n一要提高认识。二要落实责任。';
    const s = buildStructure(text);
    expect(outline(s)).toEqual([
      '三 | 保障措施',
      '三/一 | 加强组织领导',
      '三/二 | 强化督查考核',
      '三/三 | 营造浓厚氛围',
      '四 | 工作要求',
      '四/一 | 提高认识',
      '四/二 | 落实责任',
    ]);
  });

  it('restarts a style at 1 under each new parent', () => {
    const text = '(一)政务环境\n1.深化放管服改革。\n2.推进政务公开。\n(二)法治环境\n1.加强法治宣传。\n2.推进依法行政。';
    expect(outline(buildStructure(text)).map((l) => l.split(' | ')[0])).toEqual(['(一)', '(一)/1', '(一)/2', '(二)', '(二)/1', '(二)/2']);
  });

  it('reads a page that starts inside a section: (八)(九) then 二、 with its own (一)(二)', () => {
    const text = '(八)加强标准化建设。组织制订市容标准。(实施单位:市质监局)\n(九)提升机械化作业水平。道路机扫率达80%。(实施单位:市城管委) 二、推动城市管理上台阶 (一)创建文明城市。提高市民文明素质。(实施单位:市文明办) (二)加强环境保护。开展噪音专项治理。(实施单位:市环保局)';
    expect(outline(buildStructure(text)).map((l) => l.split(' | ')[0])).toEqual(['(八)', '(九)', '二', '二/(一)', '二/(二)']);
    // On a whole plan (一、 seen first) a glued 二、 still needs its open level.
    const whole = '一、总体要求\n(一)目标。完成任务。\n二、重点任务\n(一)强化宣传。';
    expect(outline(buildStructure(whole)).map((l) => l.split(' | ')[0])).toEqual(['一', '一/(一)', '二', '二/(一)']);
  });

  it('follows items numbered 1..24 straight through their (一)..(五) parents', () => {
    const ranges: Array<[string, number, number]> = [
      ['(一)', 1, 5],
      ['(二)', 6, 12],
      ['(三)', 13, 18],
      ['(四)', 19, 21],
      ['(五)', 22, 24],
    ];
    const lines = ['二、主要任务'];
    for (const [parent, from, to] of ranges) {
      lines.push(`${parent}实施“环境提升工程”`);
      for (let k = from; k <= to; k++) lines.push(`${k}.推进第${k}项工作。对照测评体系抓好整改落实。(责任单位:市文明办)`);
    }
    lines.push('三、保障措施', '各地各部门要加强组织领导,确保各项任务落到实处。');
    const s = buildStructure(lines.join('\n'));
    const items = s.nodes.filter((n) => n.style === '1.');
    expect(items.map((n) => n.ordinal)).toEqual(Array.from({ length: 24 }, (_, k) => k + 1));
    expect(pathOf(s.nodes, (items[11] as { index: number }).index)).toEqual(['二', '(二)', '12']);
    expect(pathOf(s.nodes, (items[12] as { index: number }).index)).toEqual(['二', '(三)', '13']);
    expect(pathOf(s.nodes, (items[23] as { index: number }).index)).toEqual(['二', '(五)', '24']);
    expect(s.nodes.filter((n) => n.style === '(一)').map((n) => n.children.length)).toEqual([5, 7, 6, 3, 3]);
    expect(s.nodes.at(-1)?.label).toBe('三');
  });

  it('finds an item glued after the previous clause: …(责任单位:市城建局)2.完成…', () => {
    const text = [
      '(二)提升城市功能',
      '1.加快城市道路建设。打通断头路5条。(责任单位:市城建局)2.完成老旧小区改造。年内改造老旧小区30个。(责任单位:市住建局)',
      '3.推进公厕建设。新建公厕20座。(责任单位:市城管局)',
    ].join('\n');
    const s = buildStructure(text);
    expect(outline(s)).toEqual(['(二) | 提升城市功能', '(二)/1 | 加快城市道路建设', '(二)/2 | 完成老旧小区改造', '(二)/3 | 推进公厕建设']);
    expect(nodeText(text, s, '1')).toBe('1.加快城市道路建设。打通断头路5条。(责任单位:市城建局)');
    expect(nodeText(text, s, '2')).toBe('2.完成老旧小区改造。年内改造老旧小区30个。(责任单位:市住建局)');
  });

  it('does not take a glued number that is not the next item', () => {
    const text = '1.加强道路建设。完成投资5亿元。(责任单位:市城建局)5.完成改造。\n2.推进公厕建设,新建公厕20座。';
    expect(buildStructure(text).nodes.map((n) => n.label)).toEqual(['1', '2']);
  });

  it('does not read decimals and dates at a line start as items', () => {
    const text = [
      '(三)营造诚信守法的市场环境',
      '1.加强消费者权益保护。',
      '3.15国际消费者权益日期间集中开展宣传活动,发放宣传资料1万份。',
      '2.5%的市级财政资金用于诚信建设奖补。',
      '2.推进社会信用体系建设。',
    ].join('\n');
    const s = buildStructure(text);
    expect(outline(s)).toEqual(['(三) | 营造诚信守法的市场环境', '(三)/1 | 加强消费者权益保护', '(三)/2 | 推进社会信用体系建设']);
    expect(nodeText(text, s, '1')).toContain('3.15国际消费者权益日');
    expect(nodeText(text, s, '1')).toContain('2.5%的市级财政资金');
  });

  it('leaves the signature block out of the body', () => {
    const text = '一、总体要求\n坚持以人民为中心,扎实推进创建工作。\n二、保障措施\n加强组织领导,确保各项任务落到实处。\n\n中共吴忠市委员会\n吴忠市人民政府\n2021年4月19日';
    const s = buildStructure(text);
    expect(s.bodyEnd).toBe(text.indexOf('\n\n中共吴忠市委员会') + 1);
    expect(findBodyEnd(text)).toBe(s.bodyEnd);
    expect(nodeText(text, s, '二')).toBe('二、保障措施\n加强组织领导,确保各项任务落到实处。');
  });

  it('gives each item its span and body: the body ends at the first child', () => {
    const text = '二、主要任务\n(一)实施“政务环境提升工程”,打造高效廉洁的政府服务\n1.政务环境提升。落实党风廉政建设责任制。(责任单位:市纪委)';
    const s = buildStructure(text);
    const parent = s.nodes[1];
    expect(parent && text.slice(parent.body.start, parent.body.end)).toBe('实施“政务环境提升工程”,打造高效廉洁的政府服务');
    const leaf = s.nodes[2];
    expect(leaf && text.slice(leaf.body.start, leaf.body.end)).toBe('政务环境提升。落实党风廉政建设责任制。(责任单位:市纪委)');
    expect(leaf?.span.end).toBe(text.length);
  });
});

describe('titles', () => {
  it('takes the first sentence of an item as its title: 1.政务环境提升。落实… → 政务环境提升', () => {
    const text = '1.政务环境提升。落实《中共中央关于加强党的政治建设的意见》,强化党委主体责任和纪委监督责任。';
    const s = buildStructure(text);
    expect(s.nodes[0]?.title).toBe('政务环境提升');
    expect(s.nodes[0]?.titleSpan).toEqual({ start: 2, end: 8 });
  });

  it('takes a whole heading line as the title, commas included', () => {
    const text = '(一)实施“政务环境提升工程”,打造高效廉洁的政府服务\n1.深化放管服改革。推行一网通办。';
    expect(buildStructure(text).nodes[0]?.title).toBe('实施“政务环境提升工程”,打造高效廉洁的政府服务');
  });

  it('stops at a colon: (一)指导思想:坚持… → 指导思想', () => {
    expect(buildStructure('(一)指导思想:以习近平新时代中国特色社会主义思想为指导,坚持以人民为中心。').nodes[0]?.title).toBe('指导思想');
  });

  it('gives no title when the first sentence is long', () => {
    const text = '1.全面落实从严治党主体责任,深入推进党风廉政建设和反腐败斗争,持续加强作风建设,营造风清气正的政治生态。(责任单位:市纪委)';
    expect(buildStructure(text).nodes[0]?.title).toBeNull();
  });

  it('titleSpanOf skips the separator after a marker', () => {
    const text = '一、 总体要求';
    expect(titleSpanOf(text, 2, text.length)).toEqual({ start: 3, end: 7 });
  });
});

describe('pathOf', () => {
  it('lists the labels from the root down, as a reader writes them', () => {
    const text = [
      '一、总体要求',
      '坚持以人民为中心,扎实推进创建工作。',
      '二、主要任务',
      '(一)政务环境',
      '1.深化放管服改革。推行一网通办。',
      '(二)人文环境',
      '2.加强公共文化服务。建成城市书房5个。',
      '(1)推进图书馆总分馆建设。',
    ].join('\n');
    const s = buildStructure(text);
    expect(s.nodes.map((n) => pathOf(s.nodes, n.index))).toEqual([
      ['一'],
      ['二'],
      ['二', '(一)'],
      ['二', '(一)', '1'],
      ['二', '(二)'],
      ['二', '(二)', '2'],
      ['二', '(二)', '2', '(1)'],
    ]);
  });
});
