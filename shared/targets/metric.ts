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

/**
 * 动员率和参与率都达到65% measures two things: each gets the first metric's qualifier
 * (全省志愿服务团队动员率, 全省志愿服务团队参与率). Anything else stays one metric.
 */
/** 和 、 及 与 join metrics, but not inside words: 普及率, 以及, 参与率. */
const CONJUNCTION = /、|和|(?<![普涉以波危])及|(?<!参)与/;

/** A list of metrics as written, a later short ratio word taking the first one's qualifier. */
export function conjuncts(metric: string): string[] {
  const parts = metric.split(CONJUNCTION).filter((p) => p !== '');
  if (parts.length < 2) return [metric];
  const [first, ...rest] = parts as [string, ...string[]];
  if (!rest.every((p) => RATIO_WORD.test(p)) || !/(率|度|比例|比重|占比)$/.test(first)) return parts;
  const head = rest[0] as string;
  const qualifier = first.length > head.length ? first.slice(0, first.length - head.length) : '';
  return [first, ...rest.map((p) => qualifier + p)];
}

export function splitMetrics(metric: string, shared = false): string[] {
  const parts = metric.split(/、|和|(?<![普涉以波危])及/);
  if (parts.length < 2) return [metric];
  const [first, ...rest] = parts as [string, ...string[]];
  // 均/都 says each of them reaches the value: A和B均达到92% is two targets however long A and B are.
  if (shared && parts.every((p) => p.length >= 2) && !rest.every((p) => RATIO_WORD.test(p))) return parts;
  if (!/(率|度|比例|比重|占比)$/.test(first) || !rest.every((p) => RATIO_WORD.test(p))) return [metric];
  const head = rest[0] as string;
  const qualifier = first.length > head.length ? first.slice(0, first.length - head.length) : '';
  return [first, ...rest.map((p) => qualifier + p)];
}
