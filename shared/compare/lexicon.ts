// The curated table of common indicators and the ways plans write them. Built from the
// 全国文明城市测评体系, 国家卫生城市标准 and 健康城市 indicator lists as they appear in the
// plans we have (fixtures/seeds, fixtures/heldout*). Wordings are matched after
// normaliseMetric (scope words such as 全市/城区, 的, 比率→比例, 满意率→满意度 and 市民对→群众对
// are already folded), so only genuinely different phrasings need a row.
//
// To add an indicator: add an entry (a stable id, a readable name, the direction in which a
// target is stricter, and every wording seen), or give users' own table with --lexicon (CSV,
// see parseLexiconCsv). Keep different things apart: 建成区绿地率 (land that is green space) is
// not 绿化覆盖率 (canopy seen from above), and 注册志愿者人数占比 is not 志愿服务时间.
import { editDistance } from '../edit-distance.ts';
import { normaliseMetric, typoAllowance } from './wording.ts';

/** Higher: a floor (≥) is the usual target and a higher value is stricter; lower: a ceiling. */
export type Direction = 'higher' | 'lower';

export interface LexiconEntry {
  id: string;
  name: string;
  direction: Direction;
  wordings: readonly string[];
}

const higher = (id: string, name: string, ...wordings: string[]): LexiconEntry => ({ id, name, direction: 'higher', wordings: [name, ...wordings] });
const lower = (id: string, name: string, ...wordings: string[]): LexiconEntry => ({ id, name, direction: 'lower', wordings: [name, ...wordings] });

export const INDICATOR_LEXICON: readonly LexiconEntry[] = [
  // — Green space. 绿地率 counts land in green use, 绿化覆盖率 the vertical projection of
  //   vegetation: two indicators with different targets (36% vs 40%+), never merged.
  higher('green-space-ratio', '建成区绿地率', '绿地率'),
  higher('green-coverage', '建成区绿化覆盖率', '绿化覆盖率', '建成区绿化覆盖面积比例'),
  // 人均公园面积 is the older shorthand of the same 住建部 indicator.
  higher('park-area-per-capita', '人均公园绿地面积', '人均公园面积', '人均公共绿地面积', '建成区人均公园绿地面积'),
  higher('park-service-radius', '公园绿地服务半径覆盖率', '建成区公园绿地服务半径覆盖率', '公园绿地500米服务半径覆盖率'),
  higher('forest-coverage', '森林覆盖率'),
  // — Air, water, noise.
  higher('air-good-days', '空气质量优良天数比例', '优良天数比例', '空气优良天数比例', '环境空气质量优良天数比例', '空气质量优良天数占比', '优良天数占比', '空气质量优良率'),
  lower('heavy-pollution-days', '重污染天数比例', '重度及以上污染天数比例', '重度污染天数比例'),
  lower('pm25', 'PM2.5平均浓度', 'PM2.5年均浓度', 'PM2.5浓度', '年均PM2.5浓度'),
  higher('sewage-collection', '生活污水集中收集率', '污水集中收集率'),
  higher('sewage-treatment', '污水处理率', '生活污水处理率', '污水集中处理率', '生活污水集中处理率'),
  higher('rural-sewage', '农村生活污水治理率', '农村生活污水处理率', '农村生活污水治理覆盖率'),
  higher('drinking-water', '集中式饮用水水源地水质达标率', '县级以上集中式饮用水水源地水质达标率', '饮用水水源地水质达标率', '集中式饮用水水源水质达标率'),
  higher('surface-water', '地表水国控断面达标率', '国控断面达标率', '地表水国控断面水质优良比例'),
  // 环境噪声平均值 (in dB) is how smaller plans name the 昼间平均等效声级.
  lower('noise-day', '区域环境噪声昼间平均等效声级', '环境噪声平均值', '区域环境噪声平均值', '环境噪声昼间平均值'),
  lower('energy-intensity', '单位地区生产总值能耗', '单位GDP能耗', '万元GDP能耗', '单位生产总值能耗'),
  higher('green-building', '城镇新建建筑中绿色建筑比例', '新建建筑中绿色建筑比例', '绿色建筑占新建建筑比例'),
  // — Waste and sanitation. Rural (农村) and town (建制镇) variants are different indicators.
  higher('waste-harmless', '生活垃圾无害化处理率', '垃圾无害化处理率'),
  higher('rural-waste-harmless', '农村生活垃圾无害化处理率'),
  higher('waste-recycling', '生活垃圾回收利用率', '回收利用率', '生活垃圾资源化回收利用率'),
  higher('waste-sorting-coverage', '生活垃圾分类覆盖率', '垃圾分类覆盖率'),
  higher('mechanised-sweeping', '道路机械化清扫率', '主次干道机械化清扫率', '机械化清扫率', '建成区道路机械化清扫率', '建成区主次干道机械化清扫率', '主干道机械化清扫率'),
  higher('toilet-density', '建成区公厕设置密度', '公厕设置密度', '建成区公厕密度'),
  higher('rural-toilets', '农村卫生厕所普及率', '农村卫生户厕普及率', '农村无害化卫生厕所普及率'),
  higher('manhole-covers', '窨井盖完好率', '井盖完好率'),
  higher('market-standard', '标准化农贸市场占比', '标准化市场', '标准化农贸市场比例', '农贸市场标准化率'),
  higher('central-heating', '集中供热普及率'),
  higher('rural-tap-water', '农村自来水普及率'),
  // — Health.
  higher('health-literacy', '居民健康素养水平', '健康素养水平'),
  higher('life-expectancy', '人均预期寿命', '人口平均预期寿命', '平均预期寿命'),
  lower('infant-mortality', '婴儿死亡率'),
  lower('maternal-mortality', '孕产妇死亡率'),
  lower('out-of-pocket-health', '个人卫生支出占卫生总费用比例', '个人卫生支出占比'),
  lower('adult-smoking', '15岁以上人群吸烟率', '成人吸烟率', '15岁及以上人群吸烟率'),
  higher('health-education-classes', '中小学健康教育课开课率', '中小学校健康教育课开课率', '健康教育课开课率'),
  higher('food-safety-sampling', '食品安全抽检合格率', '食品安全评价性抽检合格率', '食品抽检合格率'),
  higher('disability-rehab', '残疾人基本康复服务覆盖率'),
  // — Sport.
  higher('fitness-participation', '经常参加体育锻炼人数比例', '经常参加体育锻炼人数占比', '经常参加体育锻炼人口比例'),
  higher('sports-area-per-capita', '人均体育场地面积'),
  higher('outdoor-sports-land', '新建居住区和社区人均室外体育用地面积', '新建居住区和社区人均室外体育用地', '人均室外体育用地面积'),
  higher('indoor-sports-floor', '人均室内体育用地建筑面积', '人均室内体育用地面积'),
  higher('physique-pass', '国民体质测定标准合格以上人数比例', '国民体质测定标准合格率', '国民体质监测合格率'),
  higher('school-pe-time', '中小学生每天校内体育活动时间', '中小学生每天在校体育活动时间'),
  // — Rule of law, education, public order.
  higher('legal-education', '全民法治宣传教育普及率', '法治宣传教育普及率', '普法教育普及率'),
  higher('per-pupil-funding', '生均义务教育公用经费支出', '生均义务教育公用经费支出标准', '义务教育生均公用经费'),
  // 群众安全感 surveys are often reported as 安全感满意度: the same figure.
  higher('sense-of-security', '群众安全感', '群众安全感满意度', '群众安全感满意率'),
  higher('good-samaritan-support', '群众对见义勇为行为赞同与支持率', '群众对见义勇为行为赞同和支持率'),
  // — Volunteering. Three different things: how many residents registered, how many of the
  //   registered actually served (older 测评体系: 参加志愿服务活动的; newer: 有服务时间记录的 —
  //   the same share measured from the service records), and the hours each served.
  higher('volunteer-registration', '注册志愿者人数占常住人口比例', '注册志愿者人数占城市建成区常住人口比例', '注册志愿者人数占建成区常住人口比例', '注册志愿者人数占城区常住人口比例', '注册志愿者人数占比', '注册志愿者人数达到常住人口', '常住人口志愿者注册率', '志愿者注册率', '注册志愿者占常住人口比例'),
  higher('volunteer-active', '参加志愿服务的注册志愿者比例', '注册志愿者参加志愿服务活动人数占注册志愿者总人数比例', '注册志愿者参加志愿服务活动比例', '志愿服务时间记录的志愿者人数占注册志愿者总人数比例', '有志愿服务时间记录的志愿者人数占注册志愿者总人数比例', '有志愿服务记录的志愿者人数占注册志愿者总人数比例', '服务记录的志愿者占注册志愿者总数比例', '有服务记录的志愿者占注册志愿者总数比例'),
  higher('volunteer-hours', '注册志愿者年人均志愿服务时间', '年人均志愿服务时间', '注册志愿者每年人均参加志愿服务活动时间', '注册志愿者年人均服务时长', '注册志愿者人均志愿服务时长', '年人均志愿服务时长', '志愿者年人均服务时间'),
  higher('volunteer-support', '群众对志愿服务活动认同和支持率', '群众对志愿服务认同和支持率', '群众对志愿服务活动认同与支持率'),
  // — Surveys of the campaign itself (知晓率, 支持率, 参与率, 满意度 are four indicators).
  higher('campaign-awareness', '群众对创建工作知晓率', '群众对创建工作知晓度'),
  higher('campaign-support', '群众对创建工作支持率'),
  higher('campaign-participation', '群众对创建工作参与率'),
  higher('campaign-satisfaction', '群众对创建工作满意度'),
  higher('civilised-villages', '县级以上文明村镇占比', '县级及以上文明村镇占比', '县级以上文明村镇比例'),
  // — Traffic and streets.
  higher('helmet-wearing', '非机动车驾乘人员头盔佩戴率', '非机动车驾乘人员安全头盔佩戴率', '安全头盔佩戴率', '头盔佩戴率', '非机动车头盔佩戴率', '电动自行车驾乘人员头盔佩戴率', '电动自行车头盔佩戴率'),
  higher('zebra-yielding', '机动车礼让斑马线率', '礼让斑马线率', '机动车礼让行人率'),
  higher('public-transport-share', '公共交通分担率', '公共交通机动化出行分担率', '公共交通出行分担率', '公交出行分担率'),
  higher('bus-stop-coverage', '公交站点500米覆盖率', '建成区公交站点覆盖率', '公交站点覆盖率', '公交站点500米半径覆盖率'),
  higher('road-network-density', '建成区内道路长度与建成区面积比值', '建成区路网密度', '道路网密度', '建成区道路网密度'),
  higher('road-area-ratio', '建成区道路面积率', '道路面积率'),
  higher('street-light-on', '主干道路灯亮灯率', '亮灯率', '路灯亮灯率', '主干道亮灯率'),
  higher('street-light-installed', '主干道装灯率', '装灯率', '主干道路灯装灯率'),
  higher('shelter-area', '人均避难场所面积', '人均应急避难场所面积'),
  // — Education (province and county plans).
  higher('preschool-enrolment', '学前教育毛入园率'),
  higher('compulsory-retention', '义务教育巩固率'),
  higher('high-school-enrolment', '高中阶段毛入学率', '高中阶段教育毛入学率'),
];

/** A matched lexicon entry and whether the wording matched exactly or as a typing slip. */
export interface LexiconMatch {
  entry: LexiconEntry;
  exact: boolean;
}

/** Normalised wordings to entries, built once per lexicon; a typo search scans wordings of similar length. */
export class LexiconIndex {
  readonly entries: readonly LexiconEntry[];
  private readonly exact = new Map<string, LexiconEntry>();
  private readonly byLength = new Map<number, Array<{ wording: string; entry: LexiconEntry }>>();

  constructor(entries: readonly LexiconEntry[]) {
    this.entries = entries;
    for (const entry of entries) {
      for (const wording of entry.wordings) {
        const normalised = normaliseMetric(wording);
        if (normalised === '' || this.exact.has(normalised)) continue; // the first entry to claim a wording keeps it
        this.exact.set(normalised, entry);
        const bucket = this.byLength.get(normalised.length) ?? [];
        bucket.push({ wording: normalised, entry });
        this.byLength.set(normalised.length, bucket);
      }
    }
  }

  /** The entry a normalised metric names, exactly or within a typing slip; null when none. */
  match(normalised: string): LexiconMatch | null {
    const exact = this.exact.get(normalised);
    if (exact) return { entry: exact, exact: true };
    let best: { entry: LexiconEntry; distance: number } | null = null;
    for (let length = normalised.length - 2; length <= normalised.length + 2; length++) {
      for (const candidate of this.byLength.get(length) ?? []) {
        const allowance = typoAllowance(normalised, candidate.wording);
        if (allowance === 0) continue;
        const distance = editDistance(normalised, candidate.wording, allowance);
        if (distance <= allowance && (best === null || distance < best.distance)) best = { entry: candidate.entry, distance };
      }
    }
    return best ? { entry: best.entry, exact: false } : null;
  }

  /** Normalised wordings of an entry (for similarity against wordings no plan used yet). */
  wordingsOf(entry: LexiconEntry): string[] {
    return [...new Set(entry.wordings.map(normaliseMetric))];
  }
}

/** Splits one CSV line, honouring double quotes ("a,b" and "" inside quotes). */
function splitCsvLine(line: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const char = line[i] as string;
    if (quoted) {
      if (char === '"' && line[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"') quoted = true;
    else if (char === ',' || char === '，' || char === '\t') {
      cells.push(cell.trim());
      cell = '';
    } else cell += char;
  }
  cells.push(cell.trim());
  return cells;
}

export interface LexiconCsvResult {
  entries: LexiconEntry[];
  /** Lines that could not be read, as `line N: why`. */
  problems: string[];
}

const HEADER_WORDS = /^(indicator|name|指标|指标名称)$/i;

/**
 * Users' own indicator list, e.g. their 测评体系 spreadsheet saved as CSV:
 * `indicator,wording[,direction]`, one row per wording (several wordings may share a cell,
 * separated by | or ；). The indicator name is itself a wording. direction: higher (default,
 * also 越高越好/≥) or lower (越低越好/≤). A header row is optional. Rows naming an indicator of
 * the built-in table (by name or id) add wordings to it.
 */
export function parseLexiconCsv(text: string): LexiconCsvResult {
  const problems: string[] = [];
  const byName = new Map<string, { name: string; direction: Direction; wordings: string[] }>();
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  lines.forEach((line, index) => {
    if (line.trim() === '' || line.trimStart().startsWith('#')) return;
    const [name = '', wordingCell = '', directionCell = ''] = splitCsvLine(line);
    if (index === 0 && HEADER_WORDS.test(name)) return;
    if (name === '') {
      problems.push(`line ${index + 1}: no indicator name in the first column`);
      return;
    }
    let direction: Direction = 'higher';
    if (/^(lower|越低越好|≤|<=|低)$/i.test(directionCell)) direction = 'lower';
    else if (directionCell !== '' && !/^(higher|越高越好|≥|>=|高)$/i.test(directionCell)) {
      problems.push(`line ${index + 1}: direction "${directionCell}" is neither higher nor lower; higher assumed`);
    }
    const entry = byName.get(name) ?? { name, direction, wordings: [] };
    if (directionCell !== '') entry.direction = direction;
    entry.wordings.push(...wordingCell.split(/[|｜;；]/).map((w) => w.trim()).filter(Boolean));
    byName.set(name, entry);
  });
  const entries = [...byName.values()].map((e) => ({ id: `user:${e.name}`, name: e.name, direction: e.direction, wordings: [e.name, ...e.wordings] }));
  return { entries, problems };
}

/**
 * The built-in table extended by users' entries. A user's entry whose name is an existing
 * entry's name, id or one of its wordings adds its wordings there; others become new entries,
 * placed first so that a user's wording wins over a built-in one.
 */
export function extendLexicon(base: readonly LexiconEntry[], extra: readonly LexiconEntry[]): LexiconEntry[] {
  const merged = base.map((entry) => ({ ...entry, wordings: [...entry.wordings] }));
  const added: LexiconEntry[] = [];
  for (const entry of extra) {
    const key = normaliseMetric(entry.name);
    const existing = merged.find((e) => e.id === entry.name || e.wordings.some((w) => normaliseMetric(w) === key));
    if (existing) existing.wordings.push(...entry.wordings);
    else added.push({ ...entry, wordings: [...entry.wordings] });
  }
  return [...added, ...merged];
}
