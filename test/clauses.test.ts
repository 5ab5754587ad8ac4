// Unit tests of responsibility clauses (shared/clauses.ts) and unit names (shared/units.ts):
// every clause layout the plans use, list splitting and canonical names.
import { describe, it, expect } from 'vitest';
import { findClauses, looksLikeUnit } from '../shared/clauses.ts';
import { canonicalUnitName, splitUnitList } from '../shared/units.ts';
import { normaliseText } from '../shared/normalise/index.ts';
import type { ResponsibilityClause } from '../shared/model.ts';

interface Read {
  clause: string;
  lead: string[];
  responsible: string[];
}

/** Each clause as its text and its units by role, in order. */
function read(text: string): Read[] {
  return findClauses(text).map((c: ResponsibilityClause) => ({
    clause: text.slice(c.span.start, c.span.end),
    lead: c.units.filter((u) => u.role === 'lead').map((u) => u.name),
    responsible: c.units.filter((u) => u.role === 'responsible').map((u) => u.name),
  }));
}

describe('findClauses: labelled clauses', () => {
  it('(责任单位:A、B) puts every unit under responsible', () => {
    const text = '1.加强党的建设。全面落实从严治党主体责任,推进“两学一做”学习教育常态化制度化。(责任单位:市纪委、市委组织部)';
    expect(read(text)).toEqual([{ clause: '(责任单位:市纪委、市委组织部)', lead: [], responsible: ['市纪委', '市委组织部'] }]);
  });

  it('(牵头单位:A;责任单位:B、C) is one clause with both roles', () => {
    const text = '推进“学习强国”学习平台推广应用。(牵头单位:县委宣传部;责任单位:县直各部门单位、各乡镇)';
    expect(read(text)).toEqual([
      { clause: '(牵头单位:县委宣传部;责任单位:县直各部门单位、各乡镇)', lead: ['县委宣传部'], responsible: ['县直各部门单位', '各乡镇'] },
    ]);
  });

  it('(牵头单位:A,配合单位:B) reads 配合单位 as responsible', () => {
    const text = '开展文明交通劝导行动,规范非机动车停放。(牵头单位:市公安局,配合单位:市交通运输局、市城管局)';
    expect(read(text)).toEqual([
      { clause: '(牵头单位:市公安局,配合单位:市交通运输局、市城管局)', lead: ['市公安局'], responsible: ['市交通运输局', '市城管局'] },
    ]);
  });

  it('(牵头部门:A) has a lead and no responsible units', () => {
    const text = '全面推行生活垃圾分类,城市生活垃圾回收利用率达到35%以上。(牵头部门:市城管局)';
    expect(read(text)).toEqual([{ clause: '(牵头部门:市城管局)', lead: ['市城管局'], responsible: [] }]);
  });

  it('(牵头部门:A;配合部门:B) with full-width punctuation, through normaliseText', () => {
    const text = normaliseText('加强农贸市场规范化管理。（牵头部门：市市场监督管理局；配合部门：市商务局、市城管局）').text;
    expect(read(text)).toEqual([
      {
        clause: '(牵头部门:市市场监督管理局;配合部门:市商务局、市城管局)',
        lead: ['市市场监督管理局'],
        responsible: ['市商务局', '市城管局'],
      },
    ]);
  });

  it('finds a clause without brackets on its own line', () => {
    const text = '3.规范户外广告设置。清理违规户外广告牌匾,打造牌匾设置样板街道。\n责任单位:市城管局、市市场监管局\n4.整治占道经营。';
    expect(read(text)).toEqual([{ clause: '责任单位:市城管局、市市场监管局', lead: [], responsible: ['市城管局', '市市场监管局'] }]);
  });

  it('keeps two clauses of two tasks apart', () => {
    const text = '1.开展道德模范评选。(责任单位:市文明办)\n2.开展文明家庭创建。(牵头单位:市妇联;责任单位:各乡镇、各街道)';
    expect(read(text).map((r) => [r.lead, r.responsible])).toEqual([
      [[], ['市文明办']],
      [['市妇联'], ['各乡镇', '各街道']],
    ]);
  });

  it('gives every unit a span that holds its name', () => {
    const text = '建立健全志愿服务制度。(牵头单位:县委宣传部;责任单位:团县委、县民政局)';
    for (const clause of findClauses(text)) {
      for (const unit of clause.units) expect(text.slice(unit.span.start, unit.span.end)).toBe(unit.name);
    }
  });
});

describe('findClauses: verb clauses', () => {
  it('〔A牵头,B、C参与〕', () => {
    const text = '广泛开展“我们的节日”主题活动。〔市文明办牵头,团市委、市民政局参与〕';
    expect(read(text)).toEqual([{ clause: '〔市文明办牵头,团市委、市民政局参与〕', lead: ['市文明办'], responsible: ['团市委', '市民政局'] }]);
  });

  it('(A负责)', () => {
    const text = '加强校园周边环境综合治理,净化学生成长环境。(市教育局负责)';
    expect(read(text)).toEqual([{ clause: '(市教育局负责)', lead: [], responsible: ['市教育局'] }]);
  });

  it('ignores prose in brackets that is not a clause', () => {
    expect(read('全面推行“三亮三比”活动(公开身份、标准、承诺;接受群众监督),提升窗口服务水平。')).toEqual([]);
    expect(read('建立居民议事会制度(由社区居民参与,街道负责),畅通诉求渠道。')).toEqual([]);
    expect(read('积极开展文明单位创建活动(以最新测评体系为准)。')).toEqual([]);
  });

  it('looksLikeUnit accepts organisation names only', () => {
    expect(looksLikeUnit('市民政局')).toBe(true);
    expect(looksLikeUnit('团市委')).toBe(true);
    expect(looksLikeUnit('各乡镇')).toBe(true);
    expect(looksLikeUnit('社区居民')).toBe(false);
  });
});

describe('findClauses: clauses broken across lines', () => {
  it('reads a clause that a hard-wrapped PDF broke inside 牵头 and inside a unit name', () => {
    const raw = [
      '2.法治环境提升。加强法治宣传教育，开展群众性法治文化活',
      '动，全民法治宣传教育的普及率≥95%；完善国家工作人员学法用',
      '法制度，把宪法法律列入党委中心组学习内容。加强国家安全宣',
      '传教育、禁毒宣传教育。严厉打击农村黑恶势力，健全社区民主',
      '建设与管理制度，形成党组织领导社区事务的民主协商、民主决',
      '策、民主管理和民主监督制度。健全公共法律服务体系，做好法',
      '律咨询、经济困难公民和特殊案件当事人法律援助服务、司法救',
      '助等工作。扩大公益性岗位安置，帮扶残疾人、零就业家庭成员',
      '就业，残疾人基本康复服务覆盖率≥90%以上；开展人口老龄化',
      '国情教育，构建养老服务体系，加快推进信息无障碍建设。（牵',
      '头单位：县委组织部、县委政法委、县司法局、县人社局、县民',
      '政局、县卫生健康局、县文体广电和旅游局、县妇联、县残联；',
      '责任单位：县公安局、县委统战部、各乡镇）',
      '3.人文环境提升。巩固拓展国家公共文化服务体系示范区建',
    ].join('\n\n');
    const text = normaliseText(raw).text;
    expect(read(text)).toEqual([
      {
        clause: '(牵头单位:县委组织部、县委政法委、县司法局、县人社局、县民政局、县卫生健康局、县文体广电和旅游局、县妇联、县残联;责任单位:县公安局、县委统战部、各乡镇)',
        lead: ['县委组织部', '县委政法委', '县司法局', '县人社局', '县民政局', '县卫生健康局', '县文体广电和旅游局', '县妇联', '县残联'],
        responsible: ['县公安局', '县委统战部', '各乡镇'],
      },
    ]);
  });

  it('reads a clause whose list a paragraph-per-line page broke after 、', () => {
    const text = normaliseText('推进移风易俗,倡导婚事新办、丧事简办。(牵头单位:县委宣传部、\n县民政局;责任单位:各乡镇)').text;
    expect(read(text)).toEqual([
      { clause: '(牵头单位:县委宣传部、县民政局;责任单位:各乡镇)', lead: ['县委宣传部', '县民政局'], responsible: ['各乡镇'] },
    ]);
  });
});

describe('unit lists', () => {
  it('splits 等有关部门单位 off and drops the trailing 等', () => {
    const text = '(牵头单位:县纪委监委、县委办公室、县政府办公室、县市场监管局、县司法局等有关部门单位;责任单位:县直各部门单位、各乡镇)';
    expect(read(text)[0]).toEqual({
      clause: text,
      lead: ['县纪委监委', '县委办公室', '县政府办公室', '县市场监管局', '县司法局', '有关部门单位'],
      responsible: ['县直各部门单位', '各乡镇'],
    });
    expect(splitUnitList('县纪委监委、县委办公室等有关部门单位').map((u) => u.name)).toEqual(['县纪委监委', '县委办公室', '有关部门单位']);
    expect(splitUnitList('市文明办、市教育局等').map((u) => u.name)).toEqual(['市文明办', '市教育局']);
  });

  it('splits on 及, on , and ; and on full-width separators', () => {
    expect(splitUnitList('市公安局及市交通运输局').map((u) => u.name)).toEqual(['市公安局', '市交通运输局']);
    expect(splitUnitList('市委宣传部,市文明办;市教育局，团市委；市妇联').map((u) => u.name)).toEqual(['市委宣传部', '市文明办', '市教育局', '团市委', '市妇联']);
  });

  it('does not split on 和 inside a name', () => {
    expect(splitUnitList('县人力资源和社会保障局、县文体广电和旅游局').map((u) => u.name)).toEqual(['县人力资源和社会保障局', '县文体广电和旅游局']);
  });

  it('does not split 各县(市、区) inside its brackets', () => {
    expect(splitUnitList('市公安局及各县(市、区)公安局、各县(市、区)')).toEqual([
      { name: '市公安局', offset: 0 },
      { name: '各县(市、区)公安局', offset: 5 },
      { name: '各县(市、区)', offset: 16 },
    ]);
  });

  it('reads 各县(市、区) whole inside a bracketed clause', () => {
    expect(read('加强宣传阵地建设。(责任单位:市委宣传部及各县(市、区)、市直各部门)')).toEqual([
      { clause: '(责任单位:市委宣传部及各县(市、区)、市直各部门)', lead: [], responsible: ['市委宣传部', '各县(市、区)', '市直各部门'] },
    ]);
  });
});

describe('canonicalUnitName', () => {
  it.each([
    ['省精神文明办', '省文明办'],
    ['省精神文明建设委员会办公室', '省文明办'],
    ['县市场监督管理局', '县市场监管局'],
    ['县市场监管局', '县市场监管局'],
    ['县人力资源和社会保障局', '县人社局'],
    ['市住房和城乡建设局', '市住建局'],
    ['县卫生健康局', '县卫健局'],
    ['中共会宁县委宣传部', '会宁县委宣传部'],
    ['共青团会宁县委', '团会宁县委'],
    ['县政府办公室', '县政府办'],
  ])('%s → %s', (name, canonical) => {
    expect(canonicalUnitName(name)).toBe(canonical);
  });

  it('leaves an unknown name as written', () => {
    expect(canonicalUnitName('县老干部活动中心')).toBe('县老干部活动中心');
    expect(canonicalUnitName('各乡镇')).toBe('各乡镇');
  });

  it('gives each mention its canonical name next to the name as written', () => {
    const [clause] = findClauses('(牵头单位:省精神文明办;责任单位:县市场监督管理局、县老干部活动中心)');
    expect(clause?.units.map((u) => [u.name, u.canonical, u.role])).toEqual([
      ['省精神文明办', '省文明办', 'lead'],
      ['县市场监督管理局', '县市场监管局', 'responsible'],
      ['县老干部活动中心', '县老干部活动中心', 'responsible'],
    ]);
  });
});

describe('layouts met on plans written aside from the seeds', () => {
  it('reads 责任科室 and 协办单位 as responsible', () => {
    const [clause] = findClauses('完成率达到100%。(责任科室:党建工作办公室;协办单位:街道新时代文明实践所、各社区)');
    expect(clause?.units.map((u) => [u.role, u.name])).toEqual([
      ['responsible', '党建工作办公室'],
      ['responsible', '街道新时代文明实践所'],
      ['responsible', '各社区'],
    ]);
  });

  it('stops a task-list line at 完成时限', () => {
    const [clause] = findClauses('5.整治背街小巷15条。牵头单位:县住建局;责任单位:各镇(街道);完成时限:2024年10月底');
    expect(clause?.units.map((u) => [u.role, u.name])).toEqual([
      ['lead', '县住建局'],
      ['responsible', '各镇(街道)'],
    ]);
  });
});
