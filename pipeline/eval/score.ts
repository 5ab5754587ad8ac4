// Scoring of an export against a gold file, per "Scoring" in fixtures/spec/gold-format.md.
// Pure functions, no I/O: evaluate.ts does the reading, report.ts the printing.
import type { GovClipExport, TargetExport, TaskExport, UnitRole } from '../../shared/schema.ts';
import type { Gold, GoldAssignment, GoldTarget } from './gold.ts';
import { editDistance, substringEditDistance } from '../../shared/edit-distance.ts';
import { normaliseQuote } from './quote.ts';
import { scoreDeadlines, type DeadlineScore } from './score-deadlines.ts';
import { addConfidence, scoreConfidence, type ConfidenceCounts } from './score-confidence.ts';

// ---------------------------------------------------------------------------------------------
// Precision / recall / F1

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

/** null where the denominator is 0: "no predictions" is not the same as "all predictions wrong". */
export interface PRF extends Counts {
  precision: number | null;
  recall: number | null;
  f1: number | null;
}

export function prf({ tp, fp, fn }: Counts): PRF {
  return {
    tp,
    fp,
    fn,
    precision: ratio(tp, tp + fp),
    recall: ratio(tp, tp + fn),
    // 2TP/(2TP+FP+FN) equals the harmonic mean of P and R, and stays defined when only one of them is.
    f1: ratio(2 * tp, 2 * tp + fp + fn),
  };
}

function ratio(num: number, den: number): number | null {
  return den === 0 ? null : num / den;
}

// ---------------------------------------------------------------------------------------------
// Numbers and units

export interface Quantity {
  value: number;
  max: number | null;
  unit: string;
}

/**
 * Brings a value and unit to a comparable form: NFKC, white space removed, a leading 万/亿 folded
 * into the value (12 万亩 = 120000 亩), and a leading 个 dropped when more unit follows
 * (个小时 = 小时, but 个 alone stays).
 */
export function normaliseQuantity(value: number, max: number | null, unit: string): Quantity {
  let u = unit.normalize('NFKC').replace(/[\s\u3000]+/gu, '');
  let factor = 1;
  // A loop so that 万亿 (1e12) works too.
  for (;;) {
    if (u.startsWith('万')) factor *= 1e4;
    else if (u.startsWith('亿')) factor *= 1e8;
    else break;
    u = u.slice(1);
  }
  if (u.length > 1 && u.startsWith('个')) u = u.slice(1);
  return { value: value * factor, max: max === null ? null : max * factor, unit: u };
}

/** Equal up to floating-point noise (1.2 × 10000 is not exactly 12000). */
export function numbersEqual(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
}

/** Same number (after the 万 rule), same unit, and the same max when gold gives one. */
export function quantitiesMatch(pred: TargetExport, gold: GoldTarget): boolean {
  const p = normaliseQuantity(pred.value, pred.max, pred.unit);
  const g = normaliseQuantity(gold.value, gold.max, gold.unit);
  if (p.unit !== g.unit || !numbersEqual(p.value, g.value)) return false;
  if (g.max === null) return true;
  return p.max !== null && numbersEqual(p.max, g.max);
}

// ---------------------------------------------------------------------------------------------
// Text overlap

const CHINESE_DIGITS = '零一二三四五六七八九';
const CHINESE_POWERS = ['', '十', '百', '千'];

/** 15 → 十五, 105 → 一百零五, 0 → 零; null outside 0..9999 or for fractions. */
export function chineseNumeral(n: number): string | null {
  if (!Number.isInteger(n) || n < 0 || n > 9999) return null;
  if (n === 0) return '零';
  const digits = String(n);
  let out = '';
  let pendingZero = false;
  for (let i = 0; i < digits.length; i++) {
    const d = Number(digits[i]);
    const power = digits.length - 1 - i;
    if (d === 0) {
      pendingZero = true;
      continue;
    }
    if (pendingZero && out !== '') out += '零';
    pendingZero = false;
    out += `${CHINESE_DIGITS[d] ?? ''}${CHINESE_POWERS[power] ?? ''}`;
  }
  // 一十五 is written 十五.
  return n >= 10 && n < 20 ? out.slice(1) : out;
}

// Ⅰ..Ⅻ as they read after NFKC (Ⅲ → III), for classes such as Ⅲ类.
const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII'];

/** The ways a value may be written in normalised text. */
export function numberForms(value: number): { arabic: string[]; words: string[] } {
  const arabic = [String(value)];
  if (Number.isInteger(value) && value >= 1000) arabic.push(value.toLocaleString('en-US'));
  // 120000 may be written 12万 in the text.
  if (value >= 1e4) arabic.push(`${String(Number((value / 1e4).toFixed(6)))}万`);
  const words: string[] = [];
  const chinese = chineseNumeral(value);
  if (chinese !== null) words.push(chinese);
  if (value === 2) words.push('两');
  const roman = Number.isInteger(value) && value >= 1 ? ROMAN[value - 1] : undefined;
  if (roman !== undefined) words.push(roman);
  return { arabic, words };
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
}

/** Whether normalised text holds the value as a whole number (5 is not found inside 15 or 5.5). */
export function textContainsNumber(text: string, value: number): boolean {
  const { arabic, words } = numberForms(value);
  for (const form of arabic) {
    if (new RegExp(`(?<![\\d.])${escapeRegExp(form)}(?!\\.?\\d)`, 'u').test(text)) return true;
  }
  return words.some((w) => text.includes(w));
}

/** Length, in characters, of the longest run two strings share. */
export function longestCommonRun(a: string, b: string): number {
  const x = Array.from(a);
  const y = Array.from(b);
  let best = 0;
  let prev = new Array<number>(y.length + 1).fill(0);
  for (let i = 1; i <= x.length; i++) {
    const row = new Array<number>(y.length + 1).fill(0);
    for (let j = 1; j <= y.length; j++) {
      if (x[i - 1] === y[j - 1]) {
        const run = (prev[j - 1] ?? 0) + 1;
        row[j] = run;
        if (run > best) best = run;
      }
    }
    prev = row;
  }
  return best;
}

const METRIC_RUN = 4;

export type Overlap = 'containment' | 'metric';

/**
 * How the predicted text overlaps the gold quote: one contains the other, or the predicted text
 * holds the number and shares 4 consecutive characters with the gold metric (in the predicted text
 * or the predicted metric). A gold metric shorter than 4 characters must be shared whole.
 */
export function textOverlap(pred: TargetExport, gold: GoldTarget): Overlap | null {
  const text = normaliseQuote(pred.text);
  const quote = normaliseQuote(gold.quote);
  // An empty text is contained in everything; it must not match by containment.
  if (text !== '' && (text.includes(quote) || quote.includes(text))) return 'containment';
  const metric = normaliseQuote(gold.metric);
  if (metric === '') return null;
  if (!textContainsNumber(text, gold.value) && !textContainsNumber(text, pred.value)) return null;
  const need = Math.min(METRIC_RUN, Array.from(metric).length);
  const shared = Math.max(longestCommonRun(metric, text), longestCommonRun(metric, normaliseQuote(pred.metric)));
  return shared >= need ? 'metric' : null;
}

/** The kind of overlap when pred matches gold, else null. */
export function targetMatch(pred: TargetExport, gold: GoldTarget): Overlap | null {
  return quantitiesMatch(pred, gold) ? textOverlap(pred, gold) : null;
}

// ---------------------------------------------------------------------------------------------
// Metric (gold-format.md, "Scoring": metric)

// Leading list bullets and numbering: -- ● ① 1. (1) 一、
const METRIC_BULLET = /^(?:[-—–•●○◆◇■□▪·*]+|[①-⑳]|\(?[0-9一二三四五六七八九十]{1,3}[).、.]|\([0-9一二三四五六七八九十]{1,3}\))+/u;
// A leading deadline phrase: 到2020年底前, 至2025年, 2021年, 5月底前, 年底前.
const METRIC_DEADLINE = /^(?:(?:到|至|截至|在)?(?:\d{4}年)?(?:\d{1,2}月)?(?:底|末|中旬|上旬|下旬)?(?:前|以前)?[,，]?)/u;
const METRIC_CHANGE_WORD = /(?:增长|增加|提高|提升|下降|降低|减少)$/u;

/** A metric as the scorer compares it: normalised, without bullets, a leading deadline phrase or a trailing change word. */
export function normaliseMetric(metric: string): string {
  let m = normaliseQuote(metric);
  for (let i = 0; i < 3; i++) {
    const before = m;
    m = m.replace(METRIC_BULLET, '');
    m = m.replace(METRIC_DEADLINE, '');
    if (m === before) break;
  }
  return m.replace(METRIC_CHANGE_WORD, '');
}

/**
 * Right when equal, within one edit in five (edit distance ≤ floor(longer / 5)), or when one
 * contains the other and the longer is at most 1.5 times the shorter.
 */
export function metricsMatch(predicted: string, gold: string): boolean {
  const p = normaliseMetric(predicted);
  const g = normaliseMetric(gold);
  if (p === g) return true;
  if (p === '' || g === '') return false;
  const pl = Array.from(p).length;
  const gl = Array.from(g).length;
  const longer = Math.max(pl, gl);
  if (editDistance(p, g) <= Math.floor(longer / 5)) return true;
  return (p.includes(g) || g.includes(p)) && longer <= 1.5 * Math.min(pl, gl);
}

// ---------------------------------------------------------------------------------------------
// One-to-one assignment

/**
 * Minimum-cost assignment of rows to columns (Hungarian algorithm, O(n²m)). Cells that are null
 * cannot be paired. The number of pairs is maximised first, then the total cost is minimised:
 * a scorer should not fail the extractor because a greedy choice took the wrong partner.
 */
export function assignPairs(cost: ReadonlyArray<ReadonlyArray<number | null>>, cols: number): Array<[number, number]> {
  const rows = cost.length;
  if (rows === 0 || cols === 0) return [];
  const transpose = rows > cols;
  const n = transpose ? cols : rows;
  const m = transpose ? rows : cols;
  const cell = (i: number, j: number): number | null => (transpose ? cost[j]?.[i] : cost[i]?.[j]) ?? null;

  let maxCost = 0;
  for (let i = 0; i < n; i++) for (let j = 0; j < m; j++) maxCost = Math.max(maxCost, Math.abs(cell(i, j) ?? 0));
  // Larger than any sum of real costs, so one more real pair always wins.
  const forbidden = (n + 1) * (maxCost + 1);
  const at = (i: number, j: number): number => cell(i, j) ?? forbidden;

  // e-maxx formulation, 1-based: u, v potentials; p[j] the row matched to column j.
  const u = new Array<number>(n + 1).fill(0);
  const v = new Array<number>(m + 1).fill(0);
  const p = new Array<number>(m + 1).fill(0);
  const way = new Array<number>(m + 1).fill(0);
  for (let i = 1; i <= n; i++) {
    p[0] = i;
    let j0 = 0;
    const minv = new Array<number>(m + 1).fill(Infinity);
    const used = new Array<boolean>(m + 1).fill(false);
    do {
      used[j0] = true;
      const i0 = p[j0] ?? 0;
      let delta = Infinity;
      let j1 = 0;
      for (let j = 1; j <= m; j++) {
        if (used[j]) continue;
        const cur = at(i0 - 1, j - 1) - (u[i0] ?? 0) - (v[j] ?? 0);
        if (cur < (minv[j] ?? Infinity)) {
          minv[j] = cur;
          way[j] = j0;
        }
        if ((minv[j] ?? Infinity) < delta) {
          delta = minv[j] ?? Infinity;
          j1 = j;
        }
      }
      for (let j = 0; j <= m; j++) {
        if (used[j]) {
          const row = p[j] ?? 0;
          u[row] = (u[row] ?? 0) + delta;
          v[j] = (v[j] ?? 0) - delta;
        } else {
          minv[j] = (minv[j] ?? Infinity) - delta;
        }
      }
      j0 = j1;
    } while ((p[j0] ?? 0) !== 0);
    do {
      const j1 = way[j0] ?? 0;
      p[j0] = p[j1] ?? 0;
      j0 = j1;
    } while (j0 !== 0);
  }

  const pairs: Array<[number, number]> = [];
  for (let j = 1; j <= m; j++) {
    const i = p[j] ?? 0;
    if (i === 0 || cell(i - 1, j - 1) === null) continue;
    pairs.push(transpose ? [j - 1, i - 1] : [i - 1, j - 1]);
  }
  return pairs.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
}

// ---------------------------------------------------------------------------------------------
// Targets

export interface TargetPair {
  pred: TargetExport;
  gold: GoldTarget;
  overlap: Overlap;
}

export interface TargetSummary extends PRF {
  /** Matched non-optional pairs: the denominator of the op and year accuracies. */
  matchedCount: number;
  opCorrect: number;
  yearCorrect: number;
  metricCorrect: number;
  opAccuracy: number | null;
  yearAccuracy: number | null;
  metricAccuracy: number | null;
}

export interface TargetScore extends TargetSummary {
  matched: TargetPair[];
  /** Predictions that found an optional gold: neither rewarded nor penalised. */
  matchedOptional: TargetPair[];
  missed: GoldTarget[];
  spurious: TargetExport[];
}

/**
 * How far apart a candidate pair is, in [0, 1], to choose among several matching candidates:
 * mostly metric similarity (two metrics sharing one quote), then text length, then position
 * in the document as a tie-breaker for a target stated twice.
 */
function pairDistance(pred: TargetExport, predRank: number, gold: GoldTarget, goldRank: number): number {
  const gm = normaliseQuote(gold.metric);
  const pm = normaliseQuote(pred.metric);
  const metricLen = Math.max(Array.from(gm).length, Array.from(pm).length);
  const metricSim = metricLen === 0 ? 0 : longestCommonRun(gm, pm) / metricLen;
  const tl = Array.from(normaliseQuote(pred.text)).length;
  const ql = Array.from(normaliseQuote(gold.quote)).length;
  const lengthGap = Math.abs(tl - ql) / Math.max(1, tl, ql);
  return 0.7 * (1 - metricSim) + 0.25 * lengthGap + 0.05 * Math.abs(predRank - goldRank);
}

/** Relative position (0..1) of each prediction in document order, by span start. */
function documentRanks(predicted: readonly TargetExport[]): number[] {
  const order = predicted.map((t, i) => ({ i, start: t.span[0] })).sort((a, b) => a.start - b.start || a.i - b.i);
  const ranks = new Array<number>(predicted.length).fill(0);
  const last = Math.max(1, predicted.length - 1);
  order.forEach((o, r) => {
    ranks[o.i] = r / last;
  });
  return ranks;
}

function matchTargets(
  predicted: readonly TargetExport[],
  predIdx: readonly number[],
  predRanks: readonly number[],
  golds: ReadonlyArray<{ gold: GoldTarget; rank: number }>,
): Array<{ p: number; g: number; overlap: Overlap }> {
  const overlaps: Array<Array<Overlap | null>> = golds.map(({ gold }) =>
    predIdx.map((p) => targetMatch(predicted[p] as TargetExport, gold)),
  );
  // Containment is preferred over the metric rule: a tier step outweighs any sum of distances.
  const tier = golds.length + 1;
  const cost = golds.map(({ gold, rank }, g) =>
    predIdx.map((p, k) => {
      const overlap = overlaps[g]?.[k] ?? null;
      if (overlap === null) return null;
      const d = pairDistance(predicted[p] as TargetExport, predRanks[p] ?? 0, gold, rank);
      return (overlap === 'containment' ? 0 : tier) + d;
    }),
  );
  return assignPairs(cost, predIdx.length).map(([g, k]) => ({
    g,
    p: predIdx[k] ?? -1,
    overlap: overlaps[g]?.[k] ?? 'metric',
  }));
}

export function scoreTargets(predicted: readonly TargetExport[], gold: readonly GoldTarget[]): TargetScore {
  const predRanks = documentRanks(predicted);
  const goldLast = Math.max(1, gold.length - 1);
  const ranked = gold.map((g, i) => ({ gold: g, rank: i / goldLast }));
  const required = ranked.filter((r) => !r.gold.optional);
  const optional = ranked.filter((r) => r.gold.optional);

  // Non-optional gold first, then leftover predictions may claim optional gold.
  const allPreds = predicted.map((_, i) => i);
  const first = matchTargets(predicted, allPreds, predRanks, required);
  const taken = new Set(first.map((m) => m.p));
  const leftover = allPreds.filter((i) => !taken.has(i));
  const second = matchTargets(predicted, leftover, predRanks, optional);
  for (const m of second) taken.add(m.p);

  const toPair = (m: { p: number; g: number; overlap: Overlap }, from: typeof ranked): TargetPair => ({
    pred: predicted[m.p] as TargetExport,
    gold: (from[m.g] as { gold: GoldTarget }).gold,
    overlap: m.overlap,
  });
  const matched = first.map((m) => toPair(m, required));
  const matchedOptional = second.map((m) => toPair(m, optional));
  const matchedGold = new Set(first.map((m) => m.g));
  const missed = required.filter((_, g) => !matchedGold.has(g)).map((r) => r.gold);
  const spurious = predicted.filter((_, i) => !taken.has(i));

  const opCorrect = matched.filter((m) => m.pred.op === m.gold.op).length;
  const yearCorrect = matched.filter((m) => m.pred.year === m.gold.year).length;
  const metricCorrect = matched.filter((m) => metricsMatch(m.pred.metric, m.gold.metric)).length;
  return {
    ...prf({ tp: matched.length, fp: spurious.length, fn: missed.length }),
    matchedCount: matched.length,
    opCorrect,
    yearCorrect,
    opAccuracy: ratio(opCorrect, matched.length),
    yearAccuracy: ratio(yearCorrect, matched.length),
    metricCorrect,
    metricAccuracy: ratio(metricCorrect, matched.length),
    matched,
    matchedOptional,
    missed,
    spurious,
  };
}

// ---------------------------------------------------------------------------------------------
// Assignments (responsible units)

/** A (role, unit) pair; role is null in the roles-ignored score. */
export interface UnitPair {
  role: UnitRole | null;
  unit: string;
  /** The predicted task it came from (spurious) or was compared with (missed), if any. */
  taskId: string | null;
  /** The gold assignment's quote, when the pair belongs to one. */
  quote: string | null;
}

export interface PairScore extends PRF {
  missed: UnitPair[];
  spurious: UnitPair[];
}

export interface AssignmentScore {
  roles: PairScore;
  rolesIgnored: PairScore;
  /** Gold assignments whose quote no predicted task contains (all their pairs are missed). */
  unlocated: GoldAssignment[];
}

const FUZZY_MIN_LENGTH = 5;


/** 0 for an exact match, 1 for one edit on a gold name of 5+ characters, else null (no match). */
export function unitNameDistance(predicted: string, gold: string): 0 | 1 | null {
  const p = normaliseQuote(predicted);
  const g = normaliseQuote(gold);
  if (p === g) return 0;
  if (Array.from(g).length >= FUZZY_MIN_LENGTH && editDistance(p, g) <= 1) return 1;
  return null;
}

interface Pair {
  role: UnitRole | null;
  unit: string;
}

/** Distinct pairs, so that a unit repeated in one clause counts once. */
function distinctPairs(pairs: readonly Pair[]): Pair[] {
  const seen = new Set<string>();
  const out: Pair[] = [];
  for (const pair of pairs) {
    const key = `${pair.role ?? ''}\u0000${normaliseQuote(pair.unit)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(pair);
  }
  return out;
}

function taskPairs(task: TaskExport, withRoles: boolean): Pair[] {
  const pairs: Pair[] = [
    ...task.leadUnits.map((unit) => ({ role: withRoles ? ('lead' as const) : null, unit })),
    ...task.responsibleUnits.map((unit) => ({ role: withRoles ? ('responsible' as const) : null, unit })),
  ];
  return distinctPairs(pairs);
}

function goldPairs(assignment: GoldAssignment, withRoles: boolean): Pair[] {
  const pairs: Pair[] = [
    ...assignment.lead.map((unit) => ({ role: withRoles ? ('lead' as const) : null, unit })),
    ...assignment.responsible.map((unit) => ({ role: withRoles ? ('responsible' as const) : null, unit })),
  ];
  return distinctPairs(pairs);
}

/** One-to-one match of predicted against gold pairs, exact names before one-edit ones. */
function comparePairs(predicted: readonly Pair[], gold: readonly Pair[]): { tp: number; missed: Pair[]; spurious: Pair[] } {
  const cost = gold.map((g) =>
    predicted.map((p) => (p.role === g.role ? unitNameDistance(p.unit, g.unit) : null)),
  );
  const pairs = assignPairs(cost, predicted.length);
  const goldHit = new Set(pairs.map(([g]) => g));
  const predHit = new Set(pairs.map(([, p]) => p));
  return {
    tp: pairs.length,
    missed: gold.filter((_, i) => !goldHit.has(i)),
    spurious: predicted.filter((_, i) => !predHit.has(i)),
  };
}

/** OCR forms: a quote is found when one edit in twenty (at least two) turns it into task text. */
const OCR_QUOTE_TOLERANCE = 0.05;

/** The task compared with a gold assignment: the shortest whose text contains the quote. */
export function locateTask(tasks: readonly TaskExport[], quote: string, approximate = false): number | null {
  const q = normaliseQuote(quote);
  let best: number | null = null;
  let bestLength = Infinity;
  for (const [i, task] of tasks.entries()) {
    const text = normaliseQuote(task.text);
    const length = Array.from(text).length;
    // Strictly shorter: on a tie the first task in export order wins.
    if (text.includes(q) && length < bestLength) {
      best = i;
      bestLength = length;
    }
  }
  if (best !== null || !approximate) return best;
  const allowed = Math.max(2, Math.ceil(Array.from(q).length * OCR_QUOTE_TOLERANCE));
  let bestDistance = Infinity;
  for (const [i, task] of tasks.entries()) {
    const distance = substringEditDistance(q, normaliseQuote(task.text));
    if (distance <= allowed && distance < bestDistance) {
      best = i;
      bestDistance = distance;
    }
  }
  return best;
}

function scorePairs(
  tasks: readonly TaskExport[],
  gold: readonly GoldAssignment[],
  located: ReadonlyArray<number | null>,
  withRoles: boolean,
): PairScore {
  let tp = 0;
  const missed: UnitPair[] = [];
  const spurious: UnitPair[] = [];
  // Each (role, unit) pair counts once (gold-format.md): gold assignments that locate the same task
  // (two clauses in one item) are compared with it together, as the union of their pairs.
  const byTask = new Map<number, GoldAssignment[]>();
  gold.forEach((assignment, a) => {
    const t = located[a] ?? null;
    if (t === null) {
      missed.push(...goldPairs(assignment, withRoles).map((p) => ({ ...p, taskId: null, quote: assignment.quote })));
      return;
    }
    byTask.set(t, [...(byTask.get(t) ?? []), assignment]);
  });
  for (const [t, assignments] of byTask) {
    const task = tasks[t] as TaskExport;
    const goldUnion = distinctPairs(assignments.flatMap((assignment) => goldPairs(assignment, withRoles)));
    const result = comparePairs(taskPairs(task, withRoles), goldUnion);
    tp += result.tp;
    const quote = assignments.map((assignment) => assignment.quote).join(' | ');
    missed.push(...result.missed.map((p) => ({ ...p, taskId: task.id, quote })));
    spurious.push(...result.spurious.map((p) => ({ ...p, taskId: task.id, quote })));
  }
  // Units on tasks that no gold assignment points to are all false positives: precision is strict.
  const used = new Set(located.filter((t): t is number => t !== null));
  tasks.forEach((task, t) => {
    if (used.has(t)) return;
    spurious.push(...taskPairs(task, withRoles).map((p) => ({ ...p, taskId: task.id, quote: null })));
  });
  return { ...prf({ tp, fp: spurious.length, fn: missed.length }), missed, spurious };
}

export function scoreAssignments(tasks: readonly TaskExport[], gold: readonly GoldAssignment[], approximateQuotes = false): AssignmentScore {
  const located = gold.map((a) => locateTask(tasks, a.quote, approximateQuotes));
  return {
    roles: scorePairs(tasks, gold, located, true),
    rolesIgnored: scorePairs(tasks, gold, located, false),
    unlocated: gold.filter((_, a) => located[a] === null),
  };
}

// ---------------------------------------------------------------------------------------------
// Documents and totals

export interface MetaScore {
  correct: number;
  total: number;
  /** Fields that differ: `region: gold 会宁县, predicted null`. */
  misses: string[];
}

export interface DocScore {
  targets: TargetScore;
  assignments: AssignmentScore;
  meta: MetaScore;
  deadlines?: DeadlineScore;
  confidence?: ConfidenceCounts;
}

/** The counting part of a DocScore: what sumScores adds up and the report prints. */
export interface ScoreSummary {
  targets: TargetSummary;
  assignments: { roles: PRF; rolesIgnored: PRF };
  meta: { correct: number; total: number };
  /** Task deadlines (score-deadlines.ts); absent in summaries built before they were scored. */
  deadlines?: PRF;
  /** Precision per confidence level (score-confidence.ts). */
  confidence?: ConfidenceCounts;
}

/** Title, region, 文号, period and issuers (as a set), each right or wrong after quote normalisation. */
export function scoreMeta(exp: GovClipExport, gold: Gold): MetaScore {
  const text = (v: string | null) => (v === null ? null : normaliseQuote(v));
  const period = (p: { from: number; to: number } | null) => (p === null ? null : `${p.from}-${p.to}`);
  const issuers = (list: readonly string[]) => list.map(normaliseQuote).sort().join('、');
  const fields: Array<[string, string | null, string | null]> = [
    ['title', text(gold.meta.title), text(exp.document.title)],
    ['region', text(gold.meta.region), text(exp.document.region)],
    ['docNumber', text(gold.meta.docNumber), text(exp.document.docNumber)],
    ['period', period(gold.meta.period), period(exp.document.period)],
    ['issuers', issuers(gold.meta.issuers), issuers(exp.document.issuers)],
  ];
  const misses = fields.filter(([, g, p]) => g !== p).map(([name, g, p]) => `${name}: gold ${g ?? 'null'}, predicted ${p ?? 'null'}`);
  return { correct: fields.length - misses.length, total: fields.length, misses };
}

/** `ocr`: the text came from OCR, so gold quotes locate tasks approximately (names are still compared as the spec says). */
export function scoreDocument(exp: GovClipExport, gold: Gold, options: { ocr?: boolean } = {}): DocScore {
  return {
    targets: scoreTargets(exp.targets, gold.targets),
    assignments: scoreAssignments(exp.tasks, gold.assignments, options.ocr ?? false),
    meta: scoreMeta(exp, gold),
    deadlines: scoreDeadlines(exp.tasks, gold.assignments, options.ocr ?? false),
    confidence: scoreConfidence(exp, gold, options.ocr ?? false),
  };
}

function addCounts(list: readonly Counts[]): Counts {
  return list.reduce((acc, c) => ({ tp: acc.tp + c.tp, fp: acc.fp + c.fp, fn: acc.fn + c.fn }), { tp: 0, fp: 0, fn: 0 });
}

/** Micro-averaged totals: counts summed over documents, then P/R/F1 and accuracies computed once. */
export function sumScores(list: readonly ScoreSummary[]): ScoreSummary {
  const matchedCount = list.reduce((n, s) => n + s.targets.matchedCount, 0);
  const opCorrect = list.reduce((n, s) => n + s.targets.opCorrect, 0);
  const yearCorrect = list.reduce((n, s) => n + s.targets.yearCorrect, 0);
  const metricCorrect = list.reduce((n, s) => n + s.targets.metricCorrect, 0);
  return {
    targets: {
      ...prf(addCounts(list.map((s) => s.targets))),
      matchedCount,
      opCorrect,
      yearCorrect,
      metricCorrect,
      opAccuracy: ratio(opCorrect, matchedCount),
      yearAccuracy: ratio(yearCorrect, matchedCount),
      metricAccuracy: ratio(metricCorrect, matchedCount),
    },
    assignments: {
      roles: prf(addCounts(list.map((s) => s.assignments.roles))),
      rolesIgnored: prf(addCounts(list.map((s) => s.assignments.rolesIgnored))),
    },
    meta: {
      correct: list.reduce((n, s) => n + s.meta.correct, 0),
      total: list.reduce((n, s) => n + s.meta.total, 0),
    },
    deadlines: prf(addCounts(list.map((s) => s.deadlines ?? { tp: 0, fp: 0, fn: 0 }))),
    confidence: addConfidence(list.map((s) => s.confidence)),
  };
}
