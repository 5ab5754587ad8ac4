// What is a target: named rule rows, each with an example. A quantity that a `notATarget` row
// matches is dropped; the rows read in the order a reader would object.
import type { Comparator } from '../schema.ts';
import { TIME_UNITS } from './units-of-measure.ts';

/** What a rule row sees of one quantity in its sentence. */
export interface Candidate {
  /** The sentence from its start to the quantity. */
  before: string;
  /** The text right after the quantity (unit and suffix included), a few characters. */
  after: string;
  /** The fragment's own words before the number (the metric's raw material). */
  fragment: string;
  unit: string;
  suffix: string | null;
  op: Comparator | null;
  chinese: boolean;
  metric: string;
}

export interface TargetRule {
  name: string;
  example: string;
  test: (c: Candidate) => boolean;
}

/** A past period or an achieved result: figures a report gives of work done. */
const ACHIEVED = /(?:已经?|业已|现已|目前已)(?:完成|建成(?!区)|开工|实现|累计|安排|办理|发放|新增|落实|签约|启动)|截[至止](?:目前|\d|[一二三四五六七八九十]+月)|今年以来|(?<![比较与同])(?:去年|上年)(?!同期)|\d{1,2}[-—~至]\d{1,2}月[,，份]|前[一二三]季度|上半年[,，]|当前进度/u;
/** 由800元提升至1560元: the value after 由/从 is the baseline, not the target. */
const BASELINE_FROM = /(?:由|从)$/u;
const CHANGE_TO = /^[^,;。]{0,6}?(?:提高|提升|增加|增长|降低|下降|减少|调整|上调|扩大|增至|降至|提至|到|至)/u;
/** 10亿元以上项目, 50户以上的村: a class threshold that names what is counted. */
const CLASS_NOUN = /^(?:的)?(?:重大|重点|规模|大型|新|工业)?(?:项目|企业|工程|人群|老年人|老人|居民|家庭|客户|用户|车辆|建筑|场所|医院|学校|村|行政村|自然村|社区|园区)/u;
/** 5年内, 3年以内: a time frame, not a target (审批时间压缩至5个工作日 is one). */
const TIME_FRAME_SUFFIX = new Set(['内', '以内', '之内']);
const FRAME_UNITS = new Set(['年', '个月', '月']);

export const NOT_A_TARGET: readonly TargetRule[] = [
  {
    name: 'time frame',
    example: '力争5年内培养100名骨干教师 (5年内 is when, not what)',
    test: (c) => FRAME_UNITS.has(c.unit) && c.suffix !== null && TIME_FRAME_SUFFIX.has(c.suffix),
  },
  {
    name: 'time span',
    example: '用3年时间, 连续2年',
    test: (c) => FRAME_UNITS.has(c.unit) && /^(时间|左右时间|来|后|间)/u.test(c.after) ,
  },
  {
    name: 'not in Chinese',
    example: '(1)The national health city compliance rate is 50% (a translation printed after the plan)',
    test: (c) => !/[\u4e00-\u9fff]/u.test(c.metric) && /[A-Za-z]{3}/u.test(c.fragment),
  },
  {
    name: 'a kind named by a number',
    example: '建成社区健身路径或3人制篮球场20个 (3人制 is the kind of court; 20个 is the target)',
    test: (c) => c.unit === '人' && c.after.startsWith('制'),
  },
  {
    name: 'achieved result',
    example: '1-2月,全市固定资产投资同比下降12.7%; 已完成筛查人数3495人',
    test: (c) => ACHIEVED.test(c.before),
  },
  {
    name: 'preliminary estimate of a past result',
    example: '经初步预计,全县2012年全年实现生产总值163亿元 (what the year achieved, in a report)',
    test: (c) => /初步(?:预计|统计|核算|测算)/u.test(c.before),
  },
  {
    name: 'the base a figure builds on',
    example: '在现有全市农村劳动力转移就业48万人的基础上,新增转移就业52万人 (48万人 is where it starts)',
    test: (c) => /^的?基础上/u.test(c.after),
  },
  {
    name: 'a meeting\'s number',
    example: '已经市政府七届44次常务会议讨论通过 (44次 numbers the meeting)',
    test: (c) => c.unit === '次' && (/届$/u.test(c.before) || /^(?:常务|全体|主任)?会议/u.test(c.after)),
  },
  {
    name: 'the count of a subject that has targets of its own',
    example: '4个结构性指标均实现10%以上增长 (4个 says how many indicators; 10% is the target)',
    test: (c) => c.unit !== '%' && /^[\u4e00-\u9fff]{1,12}(?:均|都)(?:要|将)?(?:实现|达到|高于|不低于|保持)/u.test(c.after),
  },
  {
    name: 'baseline',
    example: '农村低保标准由800元提升至1560元 (800 is where it starts)',
    test: (c) => BASELINE_FROM.test(c.before) && CHANGE_TO.test(c.after),
  },
  {
    name: 'class threshold',
    example: '新引进5亿元以上重大项目9个 (5亿元以上 names the class)',
    test: (c) => c.suffix !== null && (c.suffix === '以上' || c.suffix === '以下') && c.unit !== '%' && c.unit !== '' && !TIME_UNITS.has(c.unit) && CLASS_NOUN.test(c.after),
  },
  {
    name: 'qualifier right after a count',
    example: '完成超230个50户以上木质房屋连片村寨给水管网建设 (50户以上 says which villages; 230个 is the target)',
    test: (c) => (c.suffix === '以上' || c.suffix === '以下') && /\d[万亿]?[\u4e00-\u9fff]{1,2}$/u.test(c.before) && /^[\u4e00-\u9fff]/u.test(c.after),
  },
  {
    name: 'qualifier of what follows',
    example: '开展时间3年以上的志愿服务品牌项目数量≥1个 (3年以上 qualifies the projects, whose count follows; 完成12万亩以上的绿化任务 is a target)',
    test: (c) => c.suffix !== null && (c.suffix === '以上' || c.suffix === '以下') && c.unit !== '%' && c.unit !== '‰' && c.unit !== '' && /^的[^,;。，；:：]*?(?:[≥≤<>]|达到|不低于|不少于|不超过|\d)/u.test(c.after),
  },
];

/** The first rule that says the candidate is not a target, or null. */
export function rejects(candidate: Candidate): TargetRule | null {
  return NOT_A_TARGET.find((rule) => rule.test(candidate)) ?? null;
}
