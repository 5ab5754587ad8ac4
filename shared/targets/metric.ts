// The metric: what a target measures, as written, without the words that only frame it
// (确保, 力争, 到2020年末, 都, 分别).

const LEADING_FRAME = /^(\d{1,3}[.、]|\(\d{1,3}\)|[\u2460-\u2473]|[一二三四五六七八九十]{1,3}、|\([一二三四五六七八九十]{1,3}\)|并且|并|且|同时|其中|确保|力争|争取|努力|实现|使|让|要|以及|或者|或|和|有|高质量完成|完成|执行|建成(?!区)|从\d{4}年起|到\d{4}年(末|底)?|\d{4}年(底|末)?前?|年度内)/;
const TRAILING_FRAME = /(都|年均|(?<![人户])均|要|必须|应当|应|分别|稳定|持续|全部|逐年|力争|确保|实现|需|将|同比|(比|较)\d{4}年(同期)?)$/;

export function cleanMetric(raw: string): string {
  let metric = raw.trim();
  for (let guard = 0; guard < 6; guard++) {
    const next = metric.replace(LEADING_FRAME, '').replace(TRAILING_FRAME, '').replace(/^[、,的]+|[、,]+$/g, '').trim();
    if (next === metric) break;
    metric = next;
  }
  return metric;
}

/**
 * 有15%左右的县级城市进入…, 县辖区内90%以上行政村…, 完成12万亩以上的绿化任务: when the words
 * before the number do not name a measure, what it counts follows the number.
 */
export function metricAfter(text: string, from: number, fragmentEnd: number): { metric: string; end: number } {
  const joined = text[from] === '的';
  const metric = cleanMetric(text.slice(joined ? from + 1 : from, fragmentEnd));
  return { metric, end: metric === '' ? from : fragmentEnd };
}

/** Combines the words before a number with those after it when the former is only a qualifier. */
export function completeMetric(before: string, text: string, quantityEnd: number, fragmentEnd: number): { metric: string; end: number } {
  if (before !== '' && looksLikeMeasure(before)) return { metric: before, end: quantityEnd };
  const after = metricAfter(text, quantityEnd, fragmentEnd);
  if (after.metric === '') return { metric: before, end: quantityEnd };
  // 的 marks the noun the number counts (12万亩以上的绿化任务); otherwise the before part qualifies it.
  const metric = before === '' || text[quantityEnd] === '的' ? after.metric : before + after.metric;
  return { metric, end: after.end };
}

const MEASURE_END = /(率|比例|比重|占比|数|量|面积|指数|密度|时间|长度|成绩|得分|分数|度|值|水平|人口|规模|总量)$/;

export function looksLikeMeasure(metric: string): boolean {
  return MEASURE_END.test(metric);
}

/** Short ratio words that two metrics share one value with: 知晓率、参与率达到98%. */
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

/** A list of metrics as written (分别 pairs them with values one by one). */
export function conjuncts(metric: string): string[] {
  const parts = metric.split(CONJUNCTION).filter((p) => p !== '');
  if (parts.length < 2) return [metric];
  return withSharedQualifier(parts) ?? parts;
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
