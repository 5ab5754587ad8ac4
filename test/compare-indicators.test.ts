// Grouping targets into indicators: the four seed plans, extracted as the CLI does, must line
// up the indicators they share (however each plan words them) and keep different things apart.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareIndicators } from '../shared/compare/compare.ts';
import { groupIndicators, wordingSimilarity } from '../shared/compare/indicators.ts';
import { LexiconIndex } from '../shared/compare/lexicon.ts';
import type { Indicator } from '../shared/compare/schema.ts';
import { extractPlan } from '../shared/extract.ts';
import { nodeSegmenter } from '../pipeline/compare/segmenter.ts';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures');
function extractDir(dir: string) {
  return readdirSync(join(FIXTURES, dir)).filter((n) => n.endsWith('.txt')).sort()
    .map((name) => extractPlan(readFileSync(join(FIXTURES, dir, name), 'utf8'), { id: '0'.repeat(64), source: { kind: 'text', url: null, file: name } }));
}

const segmenter = nodeSegmenter();
const seeds = compareIndicators(extractDir('seeds'), { segmenter });
/** `001:metric as written` for each member: the seed's number and the plan's own wording. */
const membersOf = (indicator: Indicator | undefined) => (indicator?.members ?? []).map((m) => `${m.doc.slice(0, 3)}:${m.metric}`).sort();
const byId = (indicators: readonly Indicator[], id: string) => indicators.find((i) => i.id === id);
/** The group a plan's metric landed in. */
const groupOf = (indicators: readonly Indicator[], doc: string, metric: string) =>
  indicators.find((i) => i.members.some((m) => m.doc.startsWith(doc) && m.metric === metric));

describe('indicators shared by the seed plans', () => {
  const expected: Record<string, string[]> = {
    // 人均公园面积 (襄阳, > 8) is the older name of 人均公园绿地面积 (≥ 12).
    'park-area-per-capita': ['002:人均公园面积', '003:人均公园绿地面积', '004:人均公园绿地面积'],
    'air-good-days': ['002:全年优良天数比例', '003:空气质量优良天数比例', '004:空气质量优良天数比例'],
    // 吴忠's own typo (教 for 教育) and 的 in the others.
    'legal-education': ['002:全民法治宣传教育的普及率', '003:全民法治宣传教普及率', '004:全民法治宣传教育的普及率'],
    'sports-area-per-capita': ['002:人均体育场地面积', '003:人均体育场地面积', '004:人均体育场地面积'],
    // 市民对 / 群众对: the survey's subject is the plan's habit.
    'volunteer-support': ['002:市民对志愿服务活动认同和支持率', '003:市民对志愿服务活动认同和支持率', '004:群众对志愿服务活动认同和支持率'],
    'green-space-ratio': ['002:建成区绿地率', '004:建成区绿地率'],
    'sewage-collection': ['003:城市生活污水集中收集率', '004:生活污水集中收集率'],
    'waste-harmless': ['001:城市(建成区)生活垃圾无害化处理率', '002:生活垃圾无害化处理率', '003:生活垃圾无害化处理'],
    'waste-recycling': ['001:生活垃圾回收利用率', '003:生活垃圾回收利用率'],
    'health-literacy': ['003:全市居民健康素养水平', '004:全县居民健康素养水平'],
    'out-of-pocket-health': ['003:个人卫生支出占卫生总费用的比例', '004:个人卫生支出占卫生总费用的比例'],
    'fitness-participation': ['003:经常参加体育锻炼人数占比', '004:经常参加体育锻炼人数占比'],
    'outdoor-sports-land': ['003:新建居住区和社区人均室外体育用地', '004:新建居住区和社区人均室外体育用地面积'],
    'indoor-sports-floor': ['003:人均室内体育用地建筑面积', '004:人均室内体育用地建筑面积'],
    'physique-pass': ['003:《国民体质测定标准》合格以上人数比例', '004:《国民体质测定标准》合格以上的人数比例'],
    'school-pe-time': ['003:中小学生每天校内体育活动时间', '004:中小学生每天校内体育活动时间'],
    'per-pupil-funding': ['002:生均义务教育公用经费支出', '003:生均义务教育公用经费支出标准'],
    // 参加志愿服务活动的 (older 测评体系) and 有志愿服务时间记录的 (newer): the same share.
    'volunteer-active': ['002:注册志愿者参加志愿服务活动的人数占注册志愿者总人数的比例', '004:有志愿服务时间记录的志愿者人数占注册志愿者总人数的比例'],
    'volunteer-hours': ['001:年人均志愿服务时间', '002:注册志愿者每年人均参加志愿服务活动的时间'],
    'road-network-density': ['003:建成区内道路长度与建成区面积的比值', '004:建成区内道路长度与建成区面积的比值'],
    // 建城区 is 吴忠's typo for 建成区.
    'road-area-ratio': ['003:建城区道路面积率', '004:建成区道路面积率'],
  };

  for (const [id, members] of Object.entries(expected)) {
    it(`${id}: exactly ${members.join(', ')}`, () => {
      expect(membersOf(byId(seeds, id))).toEqual([...members].sort());
    });
  }

  it('names the groups readably and counts their plans', () => {
    expect(byId(seeds, 'park-area-per-capita')).toMatchObject({ name: '人均公园绿地面积', plans: 3, direction: 'higher' });
    expect(byId(seeds, 'out-of-pocket-health')).toMatchObject({ name: '个人卫生支出占卫生总费用比例', plans: 2, direction: 'lower' });
    expect(seeds.filter((i) => i.plans >= 2).length).toBeGreaterThanOrEqual(21);
  });
});

describe('different things stay apart in the seeds', () => {
  it('建成区绿地率 is not 绿化覆盖率', () => {
    expect(groupOf(seeds, '003', '城市建成区绿化覆盖率')?.id).toBe('green-coverage');
    expect(membersOf(byId(seeds, 'green-coverage'))).toEqual(['003:城市建成区绿化覆盖率']);
  });

  it('注册志愿者人数占比 is not 志愿服务时间, and 有服务记录的志愿者占比 is neither', () => {
    expect(groupOf(seeds, '002', '注册志愿者人数占城市建成区常住人口的比例')?.id).toBe('volunteer-registration');
    expect(groupOf(seeds, '004', '志愿服务时间记录的志愿者人数占注册志愿者总人数的比例')?.id).not.toBe('volunteer-hours');
    expect(groupOf(seeds, '002', '注册志愿者人数占城市建成区常住人口的比例')?.plans).toBe(1);
  });

  it('a narrower population is a different indicator: 医疗机构生活垃圾回收利用率', () => {
    expect(groupOf(seeds, '001', '医疗机构生活垃圾回收利用率')?.id).not.toBe('waste-recycling');
  });

  it('teams mobilised and teams taking part stay two indicators', () => {
    expect(groupOf(seeds, '001', '全省志愿服务团队动员率')).not.toBe(groupOf(seeds, '001', '全省志愿服务团队参与率'));
  });

  it('a score in 分 and a rank in 名 are not one indicator', () => {
    const score = groupOf(seeds, '002', '测评成绩');
    const rank = groupOf(seeds, '003', '年度测评成绩');
    expect(score).toBeDefined();
    expect(rank).toBeDefined();
    expect(score).not.toBe(rank);
    expect(new Set(score?.members.map((m) => m.unit))).toEqual(new Set(['分']));
  });

  it('亮灯率 and 装灯率 (one character apart) stay apart', () => {
    expect(groupOf(seeds, '002', '亮灯率')?.id).toBe('street-light-on');
    expect(groupOf(seeds, '002', '装灯率')?.id).toBe('street-light-installed');
  });

  it('a bare 满意度 joins no satisfaction survey', () => {
    const bare = groupOf(seeds, '004', '满意度');
    expect(bare?.members).toHaveLength(1);
    expect(groupOf(seeds, '002', '市民对义务教育的满意度')).not.toBe(bare);
  });

  it('人均公园绿地面积 and 人均体育场地面积 share two words and still stay apart', () => {
    expect(groupOf(seeds, '003', '人均公园绿地面积')).not.toBe(groupOf(seeds, '003', '人均体育场地面积'));
  });
});

describe('the stricter target in the seeds', () => {
  const stricter = (id: string) => (byId(seeds, id)?.members ?? []).filter((m) => m.stricter).map((m) => `${m.doc.slice(0, 3)}:${m.op}${m.value}`);
  it('≥ 12 平方米 is stricter than > 8 平方米', () => {
    expect(stricter('park-area-per-capita')).toEqual(['003:>=12', '004:>=12']);
  });
  it('for a ≤ indicator the lower ceiling is stricter', () => {
    expect(stricter('out-of-pocket-health')).toEqual(['004:<=28']);
  });
  it('a rise of 2 百分点 is stricter than a rise of 1', () => {
    expect(stricter('health-literacy')).toEqual(['003:increase2']);
  });
  it('> 1000 元 asks more than ≥ 1000 元; equal targets mark nobody', () => {
    expect(stricter('per-pupil-funding')).toEqual(['002:>1000']);
    expect(stricter('school-pe-time')).toEqual([]);
  });
});

describe('the development plans (a sanity check, rules were not written on them)', () => {
  const all = compareIndicators(['seeds', 'heldout', 'heldout2', 'heldout3'].flatMap(extractDir), { segmenter });
  const docsOf = (id: string) => [...new Set(byId(all, id)?.members.map((m) => m.doc.slice(0, 5)))].sort();

  it('air quality lines up across six plans, 比率 and 比例 alike', () => {
    expect(docsOf('air-good-days')).toEqual(['002_b', '003_0', '004_1', 'h3-02', 'h3-04', 'heldo']);
    expect(membersOf(byId(all, 'air-good-days'))).toContain('h3-:空气质量优良天数比率');
  });

  it('street sweeping written five ways is one indicator', () => {
    expect(membersOf(byId(all, 'mechanised-sweeping'))).toEqual(expect.arrayContaining([
      'hel:城区主次干道机械化清扫率', 'hel:县城建成区道路机械化清扫率', 'h2-:主次干道机械化清扫率', 'h3-:城市建成区主次干道机械化清扫率', 'h3-:城区道路机械化清扫率',
    ]));
  });

  it('rural and urban, villages and the built-up area, stay apart', () => {
    expect(groupOf(all, 'heldout-01', '农村生活垃圾无害化处理率')?.id).toBe('rural-waste-harmless');
    expect(groupOf(all, 'h2-03', '村庄绿化覆盖率')?.id).not.toBe('green-coverage');
    expect(groupOf(all, 'heldout-01', '公共机构生活垃圾分类覆盖率')?.id).not.toBe('waste-sorting-coverage');
    expect(groupOf(all, 'h2-03', '农村生活污水处理设施正常运行率')?.id).not.toBe('rural-sewage');
  });

  it('每天校内 and 每天综合 体育活动时间 are different hours', () => {
    expect(groupOf(all, 'h2-02', '落实中小学生每天综合体育活动时间')?.id).not.toBe('school-pe-time');
  });

  it('no group mixes unit scales (a relative change and a unitless zero aside)', () => {
    for (const indicator of all) {
      const scales = new Set(indicator.members.filter((m) => m.normalised.unit !== '%(相对)' && !(m.unit === '' && m.value === 0)).map((m) => (m.normalised.unit === '百分点' ? '%' : m.normalised.unit)));
      expect(scales.size, `${indicator.id}: ${[...scales].join(', ')}`).toBeLessThanOrEqual(1);
    }
  });
});

describe('similarity for wordings the lexicon lacks', () => {
  const empty = new LexiconIndex([]);
  const group = (...metrics: string[]) => groupIndicators(
    metrics.map((metric, doc) => ({ doc, metric, op: '>=' as const, value: 90, max: null, unit: '%' })),
    { segmenter, lexicon: empty },
  ).map((g) => g.members);

  it('a qualifier added to the same indicator still matches', () => {
    expect(group('公共交通机动化出行分担率', '中心城区公共交通机动化出行分担率', '全市公共交通机动化出行分担率')).toEqual([[0, 1, 2]]);
  });
  it('a typing slip matches; what matches nothing stays its own group', () => {
    expect(group('城市生活垃圾焚烧处理能力占比', '城市生活垃圾焚烧处理能力占', '餐饮服务单位油烟净化设施安装率')).toEqual([[0, 1], [2]]);
  });
  it('a different head word, a narrower place or a substituted word keeps apart', () => {
    expect(group('建成区绿地率', '建成区绿化覆盖率')).toEqual([[0], [1]]);
    expect(group('生活污水治理率', '农村生活污水治理率')).toEqual([[0], [1]]);
    expect(group('中小学生每天校内体育活动时间', '中小学生每天综合体育活动时间')).toEqual([[0], [1]]);
  });
  it('scores a pure qualifier above a substitution', () => {
    const idf = () => 1;
    expect(wordingSimilarity(['公共交通', '出行', '分担率'], ['公共交通', '分担率'], idf)).toBeGreaterThan(0.7);
    expect(wordingSimilarity(['人均', '公园', '面积'], ['人均', '体育场地', '面积'], idf)).toBeLessThan(0.5);
  });
});
