// The metric: what a target measures, as written, without the words that only frame it
// (确保, 力争, 到2020年末, 都, 分别).

const LEADING_FRAME = /^([-—–•●○◆◇■□▪·*]+|[\u4e00-\u9fff]{0,8}?(?:\d{4}年|明年|今年)(?:将|要|再)|[一二三四五六七八九十]{1,3}是|积极|逐步(做到)?|进一步|切实|大力|用[一二三四五六七八九十两\d]{1,2}年(左右)?时间|明年|今年|\d{1,2}月(底|末|中旬|上旬|下旬)?(前|以前)?|年内|年底前|\d{1,3}[.、]|\(\d{1,3}\)|[\u2460-\u2473]|[一二三四五六七八九十]{1,3}、|\([一二三四五六七八九十]{1,3}\)|并且|并|且|同时|其中|确保|力争|争取|努力|实现|使|让|要|以及|或者|或|和|有(?=\d|$)|高质量完成|完成|执行|从\d{4}年起|到\d{4}年(末|底)?|\d{4}年(底|末)?前?|年度内|全年计划|[一二三四五六七八九十两\d]{1,2}年(?:内|之内|以内)|将(?!来)|全力)/;
const TRAILING_FRAME = /((?:控制)?指标定为|确定为|定为|都|年均|(?<![人户])均|要|必须|应当|应|分别将?|稳定|持续|全部|逐年|力争|确保|实现|需|将|(确保|力争)?完成|同比|(比|较)\d{4}年(同期)?|\((达到|优于|好于)[^()]*\))$/;

/**
 * An office announcing the figure, not a scope of it: 福建省政府办公厅明确…, 五莲县计划招引…, 我市….
 * The name must end like an office or a place, so 计划生育率 keeps its 计划.
 */
const ANNOUNCER = /^(?:[\u4e00-\u9fff]{0,12}?(?:政府|办公厅|办公室|领导小组|厅|局|委员会|委)|[\u4e00-\u9fff]{1,6}(?:省|市|县|区|州|旗))(?:明确|提出|要求|计划|决定|部署)|^我(?:省|市|县|区|州|镇|乡)/u;
/**
 * A count inside the words names how many things the scope has, not what is measured:
 * 全市31个重点地表水功能区水质达标率 → 全市重点地表水功能区水质达标率; 四条县道 → 县道. Not 3人制 (a kind)
 * and not 一 (一个中心, 一条龙 are words).
 */
const COUNT_INSIDE = /(?:\d+(?:\.\d+)?|[两二三四五六七八九十]{1,2})(?:个|条|家|座|所|处|项)(?=[\u4e00-\u9fff]{2})/gu;
/** A sentence mark left inside the words (消除劣V类.全市…): only what follows it is the metric. */
const INNER_SENTENCE_END = /^.*[\u4e00-\u9fff)）》”][.．。;；]/u;

export function cleanMetric(raw: string): string {
  let metric = raw.trim().replace(INNER_SENTENCE_END, '');
  for (let guard = 0; guard < 6; guard++) {
    const next = metric.replace(ANNOUNCER, '').replace(LEADING_FRAME, '').replace(TRAILING_FRAME, '').replace(/^[、,的]+|[、,]+$/g, '').trim();
    if (next === metric) break;
    metric = next;
  }
  return metric.replace(COUNT_INSIDE, '');
}

/**
 * 有15%左右的县级城市进入…, 县辖区内90%以上行政村…, 完成12万亩以上的绿化任务: when the words
 * before the number do not name a measure, what it counts follows the number.
 */
export function metricAfter(text: string, from: number, fragmentEnd: number): { metric: string; end: number } {
  const joined = text[from] === '的';
  const start = joined ? from + 1 : from;
  const end = afterWordsEnd(text, start, fragmentEnd);
  const tail = joined ? null : sharedWorkTail(text, start, fragmentEnd);
  const words = tail === null ? text.slice(start, end) : `${text.slice(start, Math.min(end, tail.at))}${tail.work}`;
  const metric = cleanMetric(words);
  return { metric, end: metric === '' ? from : end };
}

/** …的搬迁、拆除任务 closing a list of counts: the work every item of the list shares. */
const WORK_TAIL = /^([^\d,;:。]{2,12}?)(?:任务|工作)$/u;
/** 551公里的乡村道: a 的 right after a quantity belongs to that item, not to the list. */
const QUANTITY_BEFORE = /(?:\d[万亿]?[\u4e00-\u9fff]{0,2}|以上|以下|左右)$/u;

/**
 * 完成5个船厂、6个船舶维修点、9个服务点的搬迁、拆除任务: each item is 船厂搬迁、拆除, …. Null when the
 * fragment does not end in 的 + work + 任务/工作 after a noun (12万亩以上的绿化任务 is one item).
 */
function sharedWorkTail(text: string, from: number, fragmentEnd: number): { at: number; work: string } | null {
  const segment = text.slice(from, fragmentEnd);
  const de = segment.lastIndexOf('的');
  if (de <= 0 || QUANTITY_BEFORE.test(segment.slice(0, de))) return null;
  const work = WORK_TAIL.exec(segment.slice(de + 1));
  return work ? { at: from + de, work: work[1] as string } : null;
}

/**
 * A number that qualifies the noun after it, inside the words: 35-64岁妇女, 3人制篮球场,
 * 50户以上木质房屋连片村寨.
 */
const NOUN_QUALIFIER = /^\d+(?:[-—~至]\d+)?(?:周?岁|人制|(?:户|人|个)以上(?=[\u4e00-\u9fff]))/u;

/** How far the words after a number reach: to the next list item (、, a number, 和 before a number). */
function afterWordsEnd(text: string, from: number, fragmentEnd: number): number {
  for (let i = from; i < fragmentEnd; i++) {
    const char = text[i] as string;
    if (/\d/.test(char)) {
      const qualifier = NOUN_QUALIFIER.exec(text.slice(i, i + 12));
      if (qualifier) {
        i += qualifier[0].length - 1;
        continue;
      }
    }
    if (char === '、' || /\d/.test(char)) return i;
    if ((char === '和' || char === '及' || char === '与') && /\d/.test(text.slice(i + 1, Math.min(fragmentEnd, i + 9)))) return i;
  }
  return fragmentEnd;
}

/** Verbs of a committed count, a run of them kept together (新建和改扩建, 建成投用). */
const COUNT_VERB = /^(?:新增|新建|建成|建设|改建|扩建|改扩建|新改扩建|新改建|修建|改造|提升改造|整治|拆除|安装|增设|设置|配置|配备|购置|开通|打通|组建|培养|培训|培育|打造|创建|完成|开展|实施|评选|储备|扩种|更换|开工建设|开工|完工|竣工|投用|投入使用|提供)(?:[和、及与]?(?:改扩建|扩建|改建|新建|投用|投入使用|开工))*/u;

/**
 * A count in a list that shares one verb (新建300个农村村级综合服务社、新建改造20个社区综合服务站;
 * 新建和改扩建乡村公厕450座、农村粪污处理设施50个; 拆除北龙口、天水路等5个现有收费站):
 * the verb and what is counted, without the examples (…等) or the other items. Null when the
 * words before the number are more than a verb, so completeMetric decides.
 */
export function listItemMetric(
  rawBefore: string,
  text: string,
  quantityEnd: number,
  fragmentEnd: number,
  previous: { verb: string | null; bare: boolean; afterComma: boolean },
): { metric: string; end: number; sharedVerb: boolean } | null {
  const examples = /等$/u.test(rawBefore);
  const item = examples ? rawBefore : rawBefore.slice(rawBefore.lastIndexOf('、') + 1);
  // The list goes on after 、 (…450座、农村粪污处理设施50个) or after a comma right behind the last
  // item (新建公共厕所120座、旅游厕所8座,农村户用厕所14500座).
  const continues = /^[、和及与]/u.test(rawBefore) || previous.afterComma;
  const before = cleanMetric(item.replace(/^[、和及与]/u, ''));
  const verb = COUNT_VERB.exec(before)?.[0] ?? null;
  const previousVerb = previous.verb;
  // 新建和改扩建乡村公厕450座、农村粪污处理设施50个: an item without a verb takes the list's.
  if (continues && previous.bare && verb === null && previousVerb !== null && before !== '' && !examples && !/\d/u.test(before)) {
    return { metric: `${previousVerb}${before}`, end: quantityEnd, sharedVerb: true };
  }
  const verbOnly = before === '' || (verb !== null && verb === before);
  if (!examples && !verbOnly) return null;
  const after = metricAfter(text, quantityEnd, fragmentEnd);
  if (after.metric === '') return null;
  const sharedVerb = verb ?? (continues && before === '' ? previousVerb : null);
  return { metric: `${sharedVerb ?? ''}${after.metric}`, end: after.end, sharedVerb: false };
}

/** The verb run a committed count's metric starts with (新建和改扩建), or null. */
export function leadingCountVerb(metric: string): string | null {
  return COUNT_VERB.exec(metric)?.[0] ?? null;
}

/** A metric with no subject of its own: a generic word (投资, 数量, 比例) or an area alone (农村). */
const GENERIC_METRIC = /^(完成)?(投资|数量|比例|比重|占比|总数|总数的|人数|规模|面积|个数|总量|总额|金额|治理)$/u;
/** Areas a plan sets apart, longest first so that 市区 is not read as 市 + 区…. */
const AREA = '(?:中心城区|各?县\\(市(?:、区)?\\)|县城|城区|城镇|农村|乡村|市区|城市|镇区|乡镇|全?(?:省|市|县|区))';
const AREA_ONLY = new RegExp(`^${AREA}$`, 'u');
const AREA_PREFIX = new RegExp(`^${AREA}`, 'u');
/** 普及率, 城市受训率: a ratio word, with an area at most, that names no subject. */
const BARE_RATIO = new RegExp(`^(${AREA})?([\\u4e00-\\u9fff]{1,3}(?:率|比例|比重|占比))$`, 'u');
/** Words after the subject that say how it goes, not what it is: …断面水质持续改善. */
const PREDICATE = /(?:持续|稳定|明显|进一步|不断|逐步|全面|基本|得到|有所|显著).*$/u;
const SUBJECT_VERB = /^(开展|实施|推进|加强|加快|持续|深入|全面|大力|积极|着力|规划)+/u;

/**
 * Borrows a subject for a metric that has none: '' takes the clause before (…比例连续三年上升,或达到70%);
 * a generic word is the clause before's subject + the word (开展农村人居环境整治,完成投资25亿元 →
 * 农村人居环境整治投资); an area alone takes the previous target's metric (城区生活垃圾无害化处理率
 * 不低于95%,农村不低于70% → 农村生活垃圾无害化处理率). Null when the metric has its own subject.
 */
export function borrowSubject(metric: string, previousClause: string, previousMetric: string | null): { metric: string; fromClause: boolean } | null {
  if (metric === '') {
    const whole = cleanMetric(previousClause);
    // 基本养老保险确保完成2900人,力争完成4300人: a second figure for the same metric.
    if (whole === '' && previousMetric !== null) return { metric: previousMetric, fromClause: false };
    return whole === '' ? null : { metric: whole, fromClause: true };
  }
  const ratio = BARE_RATIO.exec(metric);
  if (ratio) {
    const [, area, word] = ratio as unknown as [string, string | undefined, string];
    // 城市受训率达到90%,农村受训率达到80%: the second area takes the first one's subject.
    const swapped = area !== undefined && previousMetric !== null ? swapArea(previousMetric, area, word) : null;
    if (swapped !== null) return { metric: swapped, fromClause: false };
    // 开展0-6岁儿童家长培训,城市受训率达到90%; 农村无害化卫生厕所新增8万户,普及率达到78%.
    const subject = clauseSubject(previousClause);
    // 国考断面、省考断面水质持续改善,优良率分别达到…: each subject listed has the ratio.
    if (subject !== null) return { metric: subject.split('、').map((part) => `${part}${metric}`).join('、'), fromClause: true };
  }
  if (AREA_ONLY.test(metric) && previousMetric !== null) {
    const rest = previousMetric.replace(AREA_PREFIX, '');
    return rest === '' || rest === previousMetric && AREA_ONLY.test(rest) ? null : { metric: `${metric}${rest}`, fromClause: false };
  }
  // 实施棚户区改造项目,开工建设1万户 → 棚户区改造项目开工建设; 龙安公园等190个园林绿化项目,开工建设165个 →
  // 园林绿化项目开工建设: a verb alone takes its object from the clause or the target before.
  const verbOnly = COUNT_VERB.exec(metric)?.[0] === metric;
  if (verbOnly) {
    const clause = cleanMetric(previousClause).replace(SUBJECT_VERB, '').replace(COUNT_VERB, '');
    const object = clause.length >= 2 && clause.length <= 16 && !/\d/u.test(clause) ? clause : (previousMetric?.replace(COUNT_VERB, '') ?? '');
    return object.length >= 2 ? { metric: `${object}${metric}`, fromClause: object === clause } : null;
  }
  if (GENERIC_METRIC.test(metric)) {
    const subject = cleanMetric(previousClause).replace(SUBJECT_VERB, '').split(/\d/u)[0] ?? '';
    return subject.length >= 2 && subject.length <= 24 ? { metric: `${subject}${metric}`, fromClause: true } : null;
  }
  return null;
}

/** The previous metric with its area before `word` replaced by `area`, or null. */
function swapArea(previousMetric: string, area: string, word: string): string | null {
  const match = new RegExp(`(${AREA})${word}$`, 'u').exec(previousMetric);
  if (!match || match[1] === area) return null;
  return `${previousMetric.slice(0, match.index)}${area}${word}`;
}

/** Verbs of work whose object a subject-less ratio is about: 开展0-6岁儿童家长培训 → 0-6岁儿童家长培训. */
const WORK_VERB = /开展|实施|推进|加强|加快|做好|推动|建成|新建|完成/gu;
const STATEMENT_END = /(?:完善|良好|到位|整洁|有序|畅通|硬化|改善|提升|健全|落实)$/u;

/** A number in a subject that only qualifies it (0-6岁儿童); any other number ends the subject. */
const AGE_IN_SUBJECT = /\d+(?:[-—~至]\d+)?周?岁/gu;

/**
 * What the clause before is about, for a ratio that names no subject: the words after its last
 * verb of work (开展, 实施…), up to its first figure or predicate. Null when nothing noun-like is left.
 */
function clauseSubject(clause: string): string | null {
  const words = cleanMetric(clause);
  const ages = words.replace(AGE_IN_SUBJECT, (age) => age.replace(/\d/gu, '#'));
  const figure = ages.search(/\d/u);
  let subject = words.slice(0, figure === -1 ? words.length : figure);
  const verb = [...subject.matchAll(WORK_VERB)].pop();
  if (verb?.index !== undefined) subject = subject.slice(verb.index + verb[0].length);
  subject = subject.replace(PREDICATE, '').replace(/(?:新增|新建|建成|完成|达到|实现|提高|提升|增加)$/u, '');
  // 街巷道路路面硬化、排水设施完善: a list of statements, not of subjects.
  if (subject.split('、').some((part) => STATEMENT_END.test(part))) return null;
  return subject.length >= 2 && subject.length <= 20 && !/[,;:]/u.test(subject) ? subject : null;
}

/** Combines the words before a number with those after it when the former is only a qualifier. */
export function completeMetric(before: string, text: string, quantityEnd: number, fragmentEnd: number, afterPreposition = false): { metric: string; end: number } {
  if (before !== '' && looksLikeMeasure(before)) return { metric: before, end: quantityEnd };
  const after = metricAfter(text, quantityEnd, fragmentEnd);
  // …增长10%的工作目标: words that only call the figure a goal add nothing to the metric.
  if (after.metric === '' || GOAL_WORDS.test(after.metric)) return { metric: before, end: quantityEnd };
  // 为全州7万名35-64岁妇女免费做宫颈癌筛查 → 全州35-64岁妇女免费宫颈癌筛查: the preposition and the
  // light verb between the people counted and what is done for them are not part of the metric.
  const prepositional = afterPreposition || PREPOSITION.test(before);
  const afterWords = prepositional ? after.metric.replace(LIGHT_VERB, '').replace(WORKS_SUFFIX, '') : after.metric;
  const scope = before.replace(PREPOSITION, '');
  // 的 marks the noun the number counts (12万亩以上的绿化任务); otherwise the before part qualifies it.
  const metric = scope === '' || text[quantityEnd] === '的' ? afterWords : scope + afterWords;
  return { metric, end: after.end };
}

const GOAL_WORDS = /^(?:工作)?(?:目标|任务|目标任务|要求)$/u;
/** 为/对/给 before the people or things a number counts (为62户贫困残疾人家庭实施…). */
const PREPOSITION = /^(?:为|对|给|向)/u;
/** 做, 进行, 实施, 开展 between the noun and the work: 实施家居无障碍改造 → 家居无障碍改造. */
const LIGHT_VERB = /(?<=[\u4e00-\u9fff])(?:进行|实施|开展|做)(?=[\u4e00-\u9fff]{2})/u;
const WORKS_SUFFIX = /(?<=[\u4e00-\u9fff]{2})(?:工程|工作|任务)$/u;

const MEASURE_END = /(率|比例|比重|占比|数|量|面积|指数|密度|时间|长度|成绩|得分|分数|度|值|水平|人口|规模|总量)$/;

export function looksLikeMeasure(metric: string): boolean {
  return MEASURE_END.test(metric);
}

/** Short ratio words: two metrics share one value with them (知晓率、参与率达到98%), and they take a
 * qualifier from the item before (装灯率100%、亮灯率99%). */
const RATIO_WORD = /^[\u4e00-\u9fff]{1,4}(率|度|比例|比重|占比)$/;

/** 和 、 及 与 join metrics, but not inside words: 普及率, 以及, 参与率. */
const CONJUNCTION = /、|和|(?<![普涉以波危])及|(?<!参)与/;
const RATIO_END = /(率|度|比例|比重|占比)$/;

/**
 * 知晓率、参与率: later short ratio words take the first metric's qualifier
 * (群众对创城工作的知晓率, 群众对创城工作的参与率); null when the parts are not of that shape.
 */
function withSharedQualifier(parts: readonly string[]): string[] | null {
  const [first, ...rest] = parts as [string, ...string[]];
  if (!RATIO_END.test(first) || !rest.every((p) => RATIO_WORD.test(p))) return null;
  const head = rest[0] as string;
  const qualifier = first.length > head.length ? first.slice(0, first.length - head.length) : '';
  return [first, ...rest.map((p) => qualifier + p)];
}

/** After 等: a category before the measure (等主要污染物排放总量 → 排放总量). */
const CATEGORY = /^[^率量度比]*?(污染物|指标|行业|领域|项目|设施)/u;

/**
 * Coordinated subjects distribute over the head the last one carries: 长江、珠江流域水质优良比例 →
 * 长江流域水质优良比例, 珠江流域水质优良比例; 二氧化硫(SO2)、氮氧化物(NOX)和挥发性有机物(VOCs)等主要
 * 污染物排放总量 → …排放总量 each. Null when the parts are measures of their own (化学需氧量、氨氮排放量).
 */
function withSharedHead(parts: readonly string[]): string[] | null {
  const last = parts[parts.length - 1] as string;
  const before = parts.slice(0, -1);
  if (!looksLikeMeasure(last) || before.some((p) => looksLikeMeasure(p))) return null;
  const deng = last.indexOf('等');
  if (deng > 0) {
    const rest = last.slice(deng + 1);
    const head = rest.replace(CATEGORY, '');
    if (head === '' || head === rest && rest.length > 8) return null;
    return [...before.map((p) => `${p}${head}`), `${last.slice(0, deng)}${head}`];
  }
  // Without 等, only short names (长江、珠江; 二氧化硫、氮氧化物) tell where the head starts: the last
  // name is as long as the first, and what follows it must be a measure.
  const first = before[0] as string;
  if (before.some((p) => p.length > 6) || last.length <= first.length + 1) return null;
  const head = last.slice(first.length);
  if (!looksLikeMeasure(head)) return null;
  return [...before.map((p) => `${p}${head}`), last];
}

/** A list of metrics as written (分别 pairs them with values one by one). */
export function conjuncts(metric: string): string[] {
  const parts = metric.split(CONJUNCTION).filter((p) => p !== '');
  if (parts.length < 2) return [metric];
  return withSharedQualifier(parts) ?? withSharedHead(parts) ?? withSharedArea(parts) ?? parts;
}

/**
 * 城市(县城)生活垃圾无害化处理率、生活污水处理率: an area the first measure opens with is the scope of
 * every measure listed after it that names none.
 */
function withSharedArea(parts: readonly string[]): string[] | null {
  const [first, ...rest] = parts as [string, ...string[]];
  const area = new RegExp(`^${AREA}(?:\\([^()]{1,6}\\))?`, 'u').exec(first)?.[0];
  if (area === undefined || area === first || !rest.every((p) => looksLikeMeasure(p) && !AREA_PREFIX.test(p))) return null;
  return [first, ...rest.map((p) => `${area}${p}`)];
}

/**
 * 动员率和参与率都达到65% measures two things; so does A和B均达到92% (`shared`: 均/都 said each
 * reaches it). Anything else stays one metric (市民对志愿服务活动认同和支持率).
 */
export function splitMetrics(metric: string, shared = false): string[] {
  const parts = metric.split(CONJUNCTION).filter((p) => p !== '');
  if (parts.length < 2) return [metric];
  const qualified = withSharedQualifier(parts);
  if (qualified) return qualified;
  return shared && parts.every((p) => p.length >= 2) ? parts : [metric];
}

/**
 * A list item that names only a short ratio word takes the scope of the item before it, when the
 * two are listed together (、) or are parallel (they share a word besides 率): 城区主干道装灯率100%、
 * 亮灯率99% → 城区主干道亮灯率; 城市生活污水集中收集率≥80%,集中处理率≥100% → 城市生活污水集中处理率.
 * Null when the item has its own scope (森林覆盖率 after 受污染耕地安全利用率).
 */
export function shareQualifier(metric: string, previous: string, joiner: string): string | null {
  if (!RATIO_WORD.test(metric) || previous.length <= metric.length) return null;
  const tail = previous.slice(previous.length - metric.length);
  const parallel = [...metric.slice(0, -1)].some((char) => tail.includes(char) && !/[率度比例重占]/u.test(char));
  if (joiner !== '、' && !parallel) return null;
  if (!looksLikeMeasure(previous) && !/(处理|利用|收集)$/u.test(previous)) return null;
  return `${previous.slice(0, previous.length - metric.length)}${metric}`;
}

/**
 * A topic before a colon heads the milestones after it: 婴幼儿照护服务托位:3月底前新增100个以上托位;
 * 6月底前新增200个以上托位 → 新增婴幼儿照护服务托位. Applies when the metric is only a verb of a count
 * (新建成) or a verb and the topic's last word (新增托位); null otherwise.
 */
export function withTopic(metric: string, topic: string): string | null {
  if (topic.length < 2 || topic.length > 20) return null;
  const verb = COUNT_VERB.exec(metric)?.[0] ?? (/^(新建成|建成|完成)/u.exec(metric)?.[0] ?? null);
  if (verb === null) return null;
  const object = metric.slice(verb.length);
  if (object === '') return `${verb}${topic}`;
  if (topic.endsWith(object)) return `${verb}${topic}`;
  return null;
}

/** Measure words a list's items share a scope over: 粮食播种面积…、总产量… → 粮食总产量. */
const MEASURE_HEAD = /(?:播种面积|种植面积|面积|总产量|产量|生产总量|总量|产值|人数|数量|规模)$/u;
const SHORT_MEASURE = /^[\u4e00-\u9fff]{0,2}(?:总产量|产量|总量|产值|人数|数量|规模|面积)$/u;

/**
 * The scope an item takes from the one before it in a list: an area (完成农村改炕2万个、改灶2000个 →
 * 农村改灶) or what a measure is of (粮食播种面积达1520万亩、总产量达124亿斤 → 粮食总产量). Null when the
 * item names its own scope.
 */
export function shareScope(metric: string, previous: string, joiner: string): string | null {
  if (SHORT_MEASURE.test(metric)) {
    const head = MEASURE_HEAD.exec(previous);
    const scope = head ? previous.slice(0, head.index) : '';
    if (scope.length >= 2 && !metric.startsWith(scope)) return `${scope}${metric}`;
  }
  const area = AREA_PREFIX.exec(previous)?.[0];
  if (joiner === '、' && area !== undefined && !AREA_PREFIX.test(metric) && metric.length <= 6 && !COUNT_VERB.test(metric.slice(0, 2))) return `${area}${metric}`;
  return null;
}
