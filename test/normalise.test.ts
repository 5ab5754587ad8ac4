// Unit tests of the normalisation stages (shared/normalise): characters, furniture, broken
// lines, spaces, and the origin map that ties every output character to its source offset.
import { describe, it, expect } from 'vitest';
import { normaliseText } from '../shared/normalise/index.ts';
import { normaliseCharacters } from '../shared/normalise/characters.ts';
import { classifyFurniture, dropFurniture } from '../shared/normalise/furniture.ts';
import { detectWrapWidth, displayWidth, joinBrokenLines } from '../shared/normalise/join-lines.ts';
import { tidySpaces } from '../shared/normalise/spaces.ts';
import { identity } from '../shared/mapped-text.ts';

/** The normalised lines, without empty ones. */
function linesOf(raw: string): string[] {
  return normaliseText(raw).text.split('\n').filter((l) => l !== '');
}

/** A hard-wrapped page as a PDF text layer gives it (seed 004): 28-character lines, a blank line between each. */
const WRAPPED_LINES = [
  '二、创建重点',
  '（一）对标创建，突出“六项提升”',
  '1.政务环境提升。落实《中共中央关于加强党的政治建设的',
  '意见》，强化党委主体责任和纪委监督责任，加强党的领导和监',
  '督；全面加强党的纪律建设，用好“四种形态”，综合发挥惩治',
  '震慑、惩戒挽救、教育警醒的功效。深化“双随机、一公开”监',
  '管，推进政府综合执法，完善行政执法管理；深化简政放权、放',
  '管结合、优化服务，优化审批程序，提高政府效能。全面实行政',
  '府权责清单制度，健全重大政策事前评估和事后评价制度，推进',
  '政务服务标准化、规范化、便利化，进而激发发展新活力、构筑',
  '竞争新优势，撬动经济社会高质量发展，提高群众满意度。（牵',
  '头单位：县纪委监委、县委办公室、县政府办公室、县市场监管',
  '局、县司法局等有关部门单位；责任单位：县直各部门单位、各',
  '乡镇）',
  '2.人文环境提升。巩固拓展国家公共文化服务体系示范区建',
  '设成果，完善文化基础设施建设，培养和提高本土文艺创作水平，',
  '提升文明内涵。均衡配置公共教育资源，有具体的扶持弱项措施，',
  '随迁子女、留守儿童、家庭经济困难学生受教育权利得到有效保',
  '障。推行校务公开和收费公示制度，规范校外培训机构，学生参',
  '加线上线下校外培训频次、费用切实减少。开展全民健身活动，',
  '经常参加体育锻炼人数占比≥39.2%，中小学生每天校内体育活',
  '动时间≥1 小时，人均体育场地面积≥2.3 平方米。健全文化产',
  '业体系，提高文化消费便利性。开展民族团结进步县创建，实现',
  '各民族共同团结奋斗、共同繁荣发展。',
  '（牵头单位：县委宣传部、县教育局、县财政局、县文体广电和',
  '旅局、县体育局、县科协、县委统战部；责任单位：县科技局、',
  '县交通运输局、县消防救援支队、县应急管理局、各乡镇）',
  '3.生活环境提升。完善科技创新体制机制，全社会研发支出',
  '占 GDP 比重、科技进步贡献率、全员劳动生产率逐年提升。',
];
const WRAPPED = WRAPPED_LINES.join('\n\n');

/** Paragraph-per-line text as a web page gives it (seeds 001–003). */
const PARAGRAPHS = [
  '为扎实推进创建全国文明城市工作,进一步提升市民文明素质,提高城市整体文明程度,结合我市实际,特制定本行动计划。',
  '',
  '一、指导思想',
  '',
  '深入学习贯彻党的十九大精神,以习近平新时代中国特色社会主义思想为指导,以培育和践行社会主义核心价值观为核心,动员和组织全市人民广泛开展文明城市创建活动。',
  '',
  '二、工作目标',
  '',
  '2018年着力对标补差、形成常态,力争实现测评成绩90分以上;2019年着力全面巩固、重点突破,力争实现测评成绩95分以上。',
  '',
  '三、主要任务',
  '',
  '(一)实施“政务环境提升工程”,打造高效廉洁的政府服务',
  '',
  '1.加强党的建设。全面落实从严治党主体责任,推进“两学一做”学习教育常态化制度化。(责任单位:市纪委、市委组织部)',
].join('\n');

describe('normaliseCharacters: NFKC and repairs', () => {
  it('turns full-width punctuation and digits into half-width', () => {
    expect(normaliseCharacters('（一）工作目标：普及率达到９５％，知晓率不低于９０％；').text).toBe('(一)工作目标:普及率达到95%,知晓率不低于90%;');
  });

  it('spells ≧ and ≦ as ≥ and ≤', () => {
    expect(normaliseCharacters('覆盖率≧90%,噪声≦55分贝').text).toBe('覆盖率≥90%,噪声≤55分贝');
  });

  it('repairs CJK Radicals Supplement characters that PDFs emit (⻅ ⺠ ⻔)', () => {
    expect(normaliseCharacters('⻅义勇为，人⺠群众，落实“⻔前三包”').text).toBe('见义勇为,人民群众,落实“门前三包”');
  });

  it('keeps circled numbers, which number items', () => {
    expect(normaliseCharacters('①开展志愿服务;②建立长效机制;⑳总结').text).toBe('①开展志愿服务;②建立长效机制;⑳总结');
  });

  it('drops zero-width characters and folds \\r\\n into one line break', () => {
    const out = normaliseCharacters('\ufeff一、总体要求\r\n坚持\u200b问题导向');
    expect(out.text).toBe('一、总体要求\n坚持问题导向');
    // 坚 is at source offset 9 (BOM, 6 characters, \r\n).
    expect(out.origin[out.text.indexOf('坚')]).toBe(9);
  });
});

describe('dropFurniture: page and web furniture', () => {
  it('drops printed page numbers: - 11 -, —3—, 第3页 共10页', () => {
    const raw = '全面落实从严治党主体责任,\n- 11 -\n推进政务公开。\n—3—\n第3页 共10页\n强化督查考核。';
    const out = normaliseText(raw);
    expect(out.text).not.toMatch(/11|—3—|第3页/);
    expect(out.dropped).toEqual(['- 11 -', '—3—', '第3页 共10页']);
    expect(out.text).toContain('推进政务公开。');
    expect(out.text).toContain('强化督查考核。');
  });

  it('drops web-page chrome: breadcrumb, share box, footer, editor lines, comment box', () => {
    const raw = [
      '您当前的位置:首页 > 政府信息公开 > 法定主动公开内容 > 市委(办)文件',
      '吴忠市创建全国文明城市工作规划(2021―2023年)',
      '一、总体要求',
      '以习近平新时代中国特色社会主义思想为指导,深入学习贯彻党的十九大精神。',
      '扫一扫在手机上查看当前页面',
      '主办单位:吴忠市人民政府办公室',
      '联系方式:0953-2039339',
      '编辑:王晓',
      '责任编辑:周群',
      '审核:马丽',
      '评论一下',
      '还没有评论，快来抢沙发吧！',
    ].join('\n');
    const out = normaliseText(raw);
    expect(out.text.split('\n').filter((l) => l !== '')).toEqual([
      '吴忠市创建全国文明城市工作规划(2021―2023年)',
      '一、总体要求',
      '以习近平新时代中国特色社会主义思想为指导,深入学习贯彻党的十九大精神。',
    ]);
    expect(out.dropped).toEqual([
      '您当前的位置:首页 > 政府信息公开 > 法定主动公开内容 > 市委(办)文件',
      '扫一扫在手机上查看当前页面',
      '主办单位:吴忠市人民政府办公室',
      '联系方式:0953-2039339',
      '编辑:王晓',
      '责任编辑:周群',
      '审核:马丽',
      '评论一下',
      '还没有评论,快来抢沙发吧!',
    ]);
  });

  it('classifies each furniture line by its rule', () => {
    expect(classifyFurniture('- 11 -')).toBe('page number');
    expect(classifyFurniture('第3页 共10页')).toBe('page of pages');
    expect(classifyFurniture('您当前的位置:首页 > 政府信息公开')).toBe('breadcrumb');
    expect(classifyFurniture('扫一扫在手机上查看当前页面')).toBe('share');
    expect(classifyFurniture('联系方式:0953-2039339')).toBe('site footer');
    expect(classifyFurniture('责任编辑:周群')).toBe('editor line');
    expect(classifyFurniture('评论一下')).toBe('comment box');
  });

  it('keeps long body sentences that mention a furniture word', () => {
    const body = '各县(市、区)要在主要街道、广场、公园等公共场所设置公益广告和宣传栏,标明主办单位、联系方式和监督电话,做到内容健康、设置规范、维护及时,形成浓厚的创建氛围。';
    expect(classifyFurniture(body)).toBeNull();
    expect(classifyFurniture('1.')).toBeNull();
    expect(dropFurniture(identity(`${body}\n`)).text.text).toBe(`${body}\n`);
  });
});

describe('joinBrokenLines: hard-wrapped text', () => {
  const out = linesOf(WRAPPED);

  it('detects the wrap width of the page', () => {
    const widths = WRAPPED_LINES.map((l) => displayWidth(normaliseCharacters(l).text));
    expect(detectWrapWidth(widths)).toBeGreaterThanOrEqual(27);
    expect(detectWrapWidth(widths)).toBeLessThanOrEqual(30);
    expect(detectWrapWidth([10, 12, 40, 33])).toBeNull();
  });

  it('rejoins a clause broken inside a word: (牵 / 头单位', () => {
    const item1 = out.find((l) => l.startsWith('1.政务环境提升')) as string;
    expect(item1).toContain('(牵头单位:县纪委监委、县委办公室、县政府办公室、县市场监管局、县司法局等有关部门单位;责任单位:县直各部门单位、各乡镇)');
    expect(item1).toContain('落实《中共中央关于加强党的政治建设的意见》,强化党委主体责任');
    expect(item1.endsWith('各乡镇)')).toBe(true);
  });

  it('rejoins a unit name broken across lines: 县文体广电和 / 旅局', () => {
    // The clause starts a line after a short line that ended its sentence: it stays a line of its own.
    expect(out).toContain(
      '(牵头单位:县委宣传部、县教育局、县财政局、县文体广电和旅局、县体育局、县科协、县委统战部;责任单位:县科技局、县交通运输局、县消防救援支队、县应急管理局、各乡镇)',
    );
    const item2 = out.find((l) => l.startsWith('2.人文环境提升')) as string;
    expect(item2).toContain('中小学生每天校内体育活动时间≥1小时');
    expect(item2).toContain('人均体育场地面积≥2.3平方米');
  });

  it('keeps headings and numbered lines as their own lines', () => {
    expect(out).toHaveLength(6);
    expect(out[0]).toBe('二、创建重点');
    expect(out[1]).toBe('(一)对标创建,突出“六项提升”');
    expect(out[2]?.startsWith('1.政务环境提升。')).toBe(true);
    expect(out[3]?.startsWith('2.人文环境提升。')).toBe(true);
    expect(out[3]?.endsWith('实现各民族共同团结奋斗、共同繁荣发展。')).toBe(true);
    expect(out[4]?.startsWith('(牵头单位:县委宣传部')).toBe(true);
    expect(out[5]).toBe('3.生活环境提升。完善科技创新体制机制,全社会研发支出占GDP比重、科技进步贡献率、全员劳动生产率逐年提升。');
  });

  it('keeps a right-aligned signature on its own lines', () => {
    const text = `${WRAPPED}\n\n                              会宁县文明委\n\n                              2021年4月19日`;
    const lines = linesOf(text);
    expect(lines.slice(-2)).toEqual(['会宁县文明委', '2021年4月19日']);
  });
});

describe('joinBrokenLines: paragraph-per-line text', () => {
  it('keeps every paragraph and heading on its own line', () => {
    expect(linesOf(PARAGRAPHS)).toEqual([
      '为扎实推进创建全国文明城市工作,进一步提升市民文明素质,提高城市整体文明程度,结合我市实际,特制定本行动计划。',
      '一、指导思想',
      '深入学习贯彻党的十九大精神,以习近平新时代中国特色社会主义思想为指导,以培育和践行社会主义核心价值观为核心,动员和组织全市人民广泛开展文明城市创建活动。',
      '二、工作目标',
      '2018年着力对标补差、形成常态,力争实现测评成绩90分以上;2019年着力全面巩固、重点突破,力争实现测评成绩95分以上。',
      '三、主要任务',
      '(一)实施“政务环境提升工程”,打造高效廉洁的政府服务',
      '1.加强党的建设。全面落实从严治党主体责任,推进“两学一做”学习教育常态化制度化。(责任单位:市纪委、市委组织部)',
    ]);
  });

  it('joins a paragraph that visibly stops mid-clause', () => {
    const raw = '全面推行垃圾分类,城市生活垃圾回收利用率达到35%以上,\n\n生活垃圾无害化处理率达到100%。\n\n二、保障措施';
    expect(linesOf(raw)).toEqual(['全面推行垃圾分类,城市生活垃圾回收利用率达到35%以上,生活垃圾无害化处理率达到100%。', '二、保障措施']);
  });

  it('joinBrokenLines works on its own, and keeps a space inside a broken Latin phrase', () => {
    expect(joinBrokenLines(identity('加强宣传引导,\n营造浓厚氛围。\n二、保障措施\n加强组织领导。')).text).toBe('加强宣传引导,营造浓厚氛围。\n二、保障措施\n加强组织领导。');
    const latin = '全面推进政务数据开放共享,建设全市统一的政务数据开放平台,推动各部门数据汇聚,推广使用Open\nData标准。\n二、保障措施';
    expect(joinBrokenLines(identity(latin)).text).toBe('全面推进政务数据开放共享,建设全市统一的政务数据开放平台,推动各部门数据汇聚,推广使用Open Data标准。\n二、保障措施');
  });

  it('keeps a title line apart from the document number under it', () => {
    const raw = '吴忠市委 人民政府关于印发《吴忠市创建全国文明城市工作规划(2021―2023年)》的通知\n\n吴党发〔2021〕14号\n\n各县(市、区)党委和人民政府:';
    expect(linesOf(raw)).toEqual([
      '吴忠市委人民政府关于印发《吴忠市创建全国文明城市工作规划(2021―2023年)》的通知',
      '吴党发〔2021〕14号',
      '各县(市、区)党委和人民政府:',
    ]);
  });
});

describe('tidySpaces', () => {
  it('removes the space between a number and its unit', () => {
    expect(normaliseText('完成 12 万亩 绿化任务,人均体育场地面积≥2.3 平方米,2021 年底前完成').text).toBe(
      '完成12万亩绿化任务,人均体育场地面积≥2.3平方米,2021年底前完成',
    );
  });

  it('keeps the space between two Latin words or numbers', () => {
    expect(tidySpaces(identity('建设 Open Data 平台,推广 5G 网络,会宁县是 B 类单位')).text).toBe('建设Open Data平台,推广5G网络,会宁县是B类单位');
    expect(tidySpaces(identity('版本 3 1 号')).text).toBe('版本3 1号');
  });

  it('collapses full-width spaces and tabs (after NFKC) too', () => {
    expect(normaliseText('县直　各部门\t单位').text).toBe('县直各部门单位');
  });
});

describe('the origin map', () => {
  it('has one source offset per output character, never past the source', () => {
    const out = normaliseText(WRAPPED);
    expect(out.origin).toHaveLength(out.text.length);
    expect(Math.max(...out.origin)).toBeLessThan(WRAPPED.length);
    // Non-decreasing: the text is never reordered.
    for (let i = 1; i < out.origin.length; i++) expect(out.origin[i]).toBeGreaterThanOrEqual(out.origin[i - 1] as number);
  });

  it('maps a character after dropped furniture back to its source offset', () => {
    const raw = '全面落实从严治党主体责任。\n- 11 -\n推进政务公开。';
    const out = normaliseText(raw);
    const at = out.text.indexOf('推进');
    expect(out.origin[at]).toBe(raw.indexOf('推进'));
  });

  it('maps each half of a rejoined word back to its own source line', () => {
    const out = normaliseText(WRAPPED);
    const at = out.text.indexOf('(牵头单位:县纪委监委');
    expect(out.origin[at]).toBe(WRAPPED.indexOf('（牵'));
    expect(out.origin[at + 1]).toBe(WRAPPED.indexOf('（牵') + 1);
    // 头 starts the next source line, after the line break and the blank line.
    expect(out.origin[at + 2]).toBe(WRAPPED.indexOf('头单位：县纪委监委'));
    const he = out.text.indexOf('县文体广电和旅局') + '县文体广电和'.length;
    expect(out.origin[he]).toBe(WRAPPED.indexOf('旅局、县体育局'));
  });

  it('maps a number after a removed space and a folded full-width digit', () => {
    const raw = '完成 １２ 万亩绿化';
    const out = normaliseText(raw);
    expect(out.text).toBe('完成12万亩绿化');
    expect(out.origin.slice(0, 5)).toEqual([0, 1, 3, 4, 6]);
  });

  it('maps every output character to a source character that normalises to it', () => {
    const out = normaliseText(PARAGRAPHS);
    for (let i = 0; i < out.text.length; i++) {
      const char = out.text[i] as string;
      if (char === '\n') continue;
      expect((PARAGRAPHS[out.origin[i] as number] ?? '').normalize('NFKC')).toBe(char);
    }
  });
});

describe('PDF pastes met on plans written aside from the seeds', () => {
  it('drops a running title repeated at page breaks but keeps its first occurrence', () => {
    const page = (n: number, body: string) => `渠湾区生态环境保护三年行动方案\n${body}\n—${n}—`;
    const raw = [page(1, '一、总体要求'), page(2, '1.优化产业结构。'), page(3, '2.加强污染防治。'), page(4, '3.强化执法监管。')].join('\n');
    const lines = normaliseText(raw).text.split('\n');
    expect(lines.filter((l) => l === '渠湾区生态环境保护三年行动方案')).toHaveLength(1);
    expect(lines[0]).toBe('渠湾区生态环境保护三年行动方案');
  });

  it('rejoins a number broken over two lines of wrapped text', () => {
    const filler = '全区持续推进大气污染防治工作并加强监测能力建设,';
    const raw = Array.from({ length: 12 }, () => filler).join('\n') + '\n到2026年,细颗粒物(PM2.\n5)年均浓度控制在30微克/立方米以内。';
    expect(normaliseText(raw).text).toContain('细颗粒物(PM2.5)年均浓度');
  });
});
