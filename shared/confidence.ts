// Confidence on every item: each target, and each task's units, get `high`, `medium` or `low`
// with the reasons that lowered it, so staff check the rest and trust the high ones (precision
// per level is measured by `npm run eval`). Reasons are rule rows over the export: each names
// what it sees, with an example, and the level it caps the item at; the item takes the lowest.
import { looksLikeUnit } from './clauses.ts';
import type { GovClipExport, TargetExport, TaskExport } from './schema.ts';

export type Confidence = 'high' | 'medium' | 'low';

export interface ConfidenceContext {
  /** The text came from OCR. */
  ocr: boolean;
}

interface Facts {
  exp: GovClipExport;
  context: ConfidenceContext;
  /** Export warnings say some OCR page read poorly (page 3: OCR confidence 61%). */
  lowOcr: boolean;
  annualYear: number | null;
  /** How many targets share each clause text (分别…: one clause, several figures). */
  perClause: Map<string, number>;
}

interface Rule<T> {
  reason: string;
  level: Exclude<Confidence, 'high'>;
  example: string;
  applies: (item: T, facts: Facts) => boolean;
}

/** Measure words of a committed count: 新建口袋公园8处 is `=` 8 处. */
const COUNT_UNITS = /^(个|名|所|项|户|次|场|处|条|座|家|辆|期|轮|人|人次|批|套|台|块|间|栋|支|队|类|件|张|份|篇|部|段|村|镇|千米|公里|平方米|万平方米|亩|万亩|吨|万吨)$/;
/** A metric that is only the measure, without what is measured: 比例, 覆盖率. */
const GENERIC_METRIC = /^(全[市县区省])?(比例|比重|比率|覆盖率|达标率|合格率|满意度|知晓率|参与率|普及率|完成率|率|数量|人数|个数|面积|总量)$/;
const DEADLINE_IN_METRIC = /\d{4}年|[0-9一二三四五六七八九十]+月(底|末)?前?|年底|年内/;
const COMPARATOR_IN_METRIC = /(达到|不低于|不少于|不超过|控制在|提高到|提升到|下降到|降低到|以上|以下|以内|不得|不少|不低|超过)$/;
/** A frequency without its subject: 每年组织主题宣传活动 (who organises?), 每季度. */
const FREQUENCY_METRIC = /^(全[市县区省])?(每年|每季度|每季|每月|每周|每半年)/;
/** Wording of the commitment left in the metric: 用三年时间实现…, 逐步做到…. */
const VERB_IN_METRIC = /^(力争|逐步|用.{1,4}时间|实现|做到|使|确保|推动|超|对|按照|由|将|把|并)|实现|做到|进行/;
/** A row of a statistics table read as prose: 路公里1360 1361.92 100.1%. */
const NUMBERS_IN_A_ROW = /\d[\d.]*\s+\d[\d.]*/;

const TARGET_RULES: ReadonlyArray<Rule<TargetExport>> = [
  { reason: 'ocr-low-confidence', level: 'low', example: 'a scanned page read at 61% confidence', applies: (_, f) => f.lowOcr },
  { reason: 'ocr-text', level: 'medium', example: 'any page of the plan came from OCR', applies: (_, f) => f.context.ocr && !f.lowOcr },
  { reason: 'metric-generic', level: 'low', example: 'metric 覆盖率 without what it covers', applies: (t) => GENERIC_METRIC.test(t.metric) || [...t.metric].length <= 2 },
  { reason: 'metric-has-deadline', level: 'low', example: 'metric 10月底前整治背街小巷', applies: (t) => DEADLINE_IN_METRIC.test(t.metric) },
  { reason: 'metric-has-comparator', level: 'low', example: 'metric 绿化覆盖率达到', applies: (t) => COMPARATOR_IN_METRIC.test(t.metric) },
  { reason: 'table-cell', level: 'low', example: '路公里1360 1361.92 100.1%: cells of a table row run together', applies: (t) => NUMBERS_IN_A_ROW.test(t.text) || /\d/.test(t.metric.replace(/PM2\.5|PM10|\d+(\.\d+)?(岁|人以上|类|级|星|A|小时)/g, '')) },
  { reason: 'metric-from-list', level: 'medium', example: '…、亮灯率99%: an item of a list whose subject is named once before it', applies: (t) => /^[、,，]/.test(t.text) },
  { reason: 'metric-frequency', level: 'medium', example: '每年组织主题宣传活动不少于20场: who does it is outside the metric', applies: (t) => FREQUENCY_METRIC.test(t.metric) },
  { reason: 'metric-has-verb', level: 'medium', example: '用三年时间实现全市道路机扫率', applies: (t) => VERB_IN_METRIC.test(t.metric) },
  { reason: 'metric-short', level: 'medium', example: '亮灯率, 集中处理率: a short metric often lacks its scope (城区主干道…)', applies: (t) => [...t.metric].length <= 5 },
  { reason: 'metric-long', level: 'medium', example: 'a metric of more than 20 characters may hold part of the sentence', applies: (t) => [...t.metric].length > 20 },
  {
    reason: 'count-of-an-action',
    level: 'medium',
    example: '完善农村消防基础设施,完成超230个: the metric is the work, the thing counted is not named',
    applies: (t) => COUNT_UNITS.test(t.unit) && /^(完善|加强|推进|健全|深化|强化|提升|优化|加快|推动|开展|实施)/.test(t.metric) && /[,，;；]/.test(t.text),
  },
  { reason: 'bare-count', level: 'medium', example: '新建口袋公园8处: a count with no comparator word', applies: (t) => t.op === '=' && COUNT_UNITS.test(t.unit) },
  { reason: 'no-unit', level: 'medium', example: '占比 0.5 with no unit written', applies: (t) => t.unit === '' && t.value !== 0 },
  { reason: 'change-from-baseline', level: 'medium', example: '比2020年下降14%: the baseline is easy to misread', applies: (t) => t.op === 'increase' || t.op === 'decrease' },
  { reason: 'approximate-or-range', level: 'medium', example: '12小时左右, 3—5个', applies: (t) => t.op === '~' || t.op === 'range' },
  { reason: 'several-in-clause', level: 'medium', example: '分别达到92%、100%: figures paired with metrics in order', applies: (t, f) => (f.perClause.get(t.text) ?? 0) > 2 },
  { reason: 'value-not-written-as-digits', level: 'medium', example: '百分之九十, 12万 read as numbers', applies: (t) => !t.text.includes(String(t.value)) },
  {
    reason: 'year-from-heading',
    level: 'medium',
    example: '主要目标。到2025年…: the year comes from the lead-in, not the target’s sentence',
    applies: (t, f) => t.year !== null && !t.text.includes(String(t.year)) && t.year !== f.annualYear,
  },
];

/** Label words of a clause: 牵头单位:, 责任部门:, 配合单位:. */
const CLAUSE_LABEL = /(牵头|责任|配合|协办|主责|参与)(单位|部门)[:：]/;
const FIRST_LISTED_LEADS = /列(第一|首)位(者|的)?(为|是)牵头/;

const UNIT_RULES: ReadonlyArray<Rule<TaskExport>> = [
  { reason: 'ocr-low-confidence', level: 'low', example: 'a scanned page read at 61% confidence', applies: (_, f) => f.lowOcr },
  { reason: 'ocr-text', level: 'medium', example: 'any page of the plan came from OCR', applies: (_, f) => f.context.ocr && !f.lowOcr },
  { reason: 'clause-without-units', level: 'low', example: '责任单位: followed by nothing the extractor read as a unit', applies: (t) => CLAUSE_LABEL.test(t.text) && t.leadUnits.length + t.responsibleUnits.length === 0 },
  { reason: 'unit-name-unusual', level: 'low', example: 'a name that does not end like an organisation (…局, …办, …中心)', applies: (t) => [...t.leadUnits, ...t.responsibleUnits].some((u) => !looksLikeUnit(u)) },
  { reason: 'unit-name-long', level: 'low', example: 'a name of more than 20 characters has likely swallowed prose', applies: (t) => [...t.leadUnits, ...t.responsibleUnits].some((u) => [...u].length > 20) },
  { reason: 'units-from-prose', level: 'medium', example: '(区城管局牵头，区市场监管局配合): read from the verbs, no labels', applies: (t) => !CLAUSE_LABEL.test(t.text) && t.leadUnits.length + t.responsibleUnits.length > 0 },
  { reason: 'first-listed-leads', level: 'medium', example: '列第一位者为牵头单位: the lead is inferred from the order', applies: (t, f) => FIRST_LISTED_LEADS.test(f.exp.document.text) && t.leadUnits.length > 0 && !/牵头(单位|部门)[:：]/.test(t.text) },
  { reason: 'several-clauses', level: 'medium', example: 'two clauses in one task: units may belong to a sub-item', applies: (t) => (t.text.match(/(牵头|责任)(单位|部门)[:：]/g) ?? []).length > 2 },
];

function grade<T>(item: T, rules: ReadonlyArray<Rule<T>>, facts: Facts): { confidence: Confidence; reasons: string[] } {
  const hits = rules.filter((rule) => rule.applies(item, facts));
  const confidence: Confidence = hits.some((r) => r.level === 'low') ? 'low' : hits.length > 0 ? 'medium' : 'high';
  return { confidence, reasons: hits.map((r) => r.reason) };
}

/** The export with `confidence` and `reasons` on every target and `unitConfidence`/`unitReasons` on every task. */
export function assessConfidence(exp: GovClipExport, context: ConfidenceContext): GovClipExport {
  const period = exp.document.period;
  const perClause = new Map<string, number>();
  for (const t of exp.targets) perClause.set(t.text, (perClause.get(t.text) ?? 0) + 1);
  const facts: Facts = {
    exp,
    context,
    lowOcr: exp.warnings.some((w) => /OCR confidence/i.test(w)),
    annualYear: period !== null && period.from === period.to ? period.from : null,
    perClause,
  };
  return {
    ...exp,
    targets: exp.targets.map((t) => ({ ...t, ...grade(t, TARGET_RULES, facts) })),
    tasks: exp.tasks.map((t) => {
      const { confidence, reasons } = grade(t, UNIT_RULES, facts);
      return { ...t, unitConfidence: confidence, unitReasons: reasons };
    }),
  };
}

/** Every reason code with its level and example, for the spec and the side panel's tooltips. */
export const CONFIDENCE_REASONS: ReadonlyArray<{ reason: string; level: Exclude<Confidence, 'high'>; example: string; on: 'target' | 'units' }> = [
  ...TARGET_RULES.map((r) => ({ reason: r.reason, level: r.level, example: r.example, on: 'target' as const })),
  ...UNIT_RULES.map((r) => ({ reason: r.reason, level: r.level, example: r.example, on: 'units' as const })),
];
