// Targets from many plans grouped into indicators. Three rules, in order:
//  1. the lexicon: a wording the curated table (or the user's) knows, exactly or within a
//     typing slip, joins that indicator;
//  2. the same normalised wording on the same unit scale is the same indicator;
//  3. similarity: a wording neither knows joins the most similar group when it shares the
//     group's head word (率, 覆盖率, 面积 … the last word says what is measured), is on a
//     compatible unit scale, names no narrower place or population than the group does
//     (农村, 行政村, 学校 …), and scores above SIMILARITY_THRESHOLD; else it starts a group.
// Different things stay apart because rule 3 is deliberately strict: two wordings that each
// have a word the other lacks (人均公园面积, 人均体育场地面积) score low.
import type { Comparator } from '../schema.ts';
import { LexiconIndex, type Direction, type LexiconEntry } from './lexicon.ts';
import { contentWords, type Segmenter } from './segment.ts';
import { normaliseValue, opDirection } from './values.ts';
import { editDistance } from '../edit-distance.ts';
import { normaliseMetric, typoAllowance } from './wording.ts';

export const SIMILARITY_THRESHOLD = 0.7;
/** A normalised metric shorter than this (比例, 满意度, 每季度) is too vague to compare. */
const MIN_COMPARABLE_LENGTH = 4;

/**
 * Words that narrow an indicator to a place or population other than the city as a whole.
 * A wording with one the other lacks is a different indicator (农村生活垃圾无害化处理率 is
 * not 生活垃圾无害化处理率; 公共机构生活垃圾分类覆盖率 is not 生活垃圾分类覆盖率).
 */
const NARROWING_WORDS = new Set([
  '农村', '乡村', '村庄', '行政村', '自然村', '乡镇', '镇区', '建制镇', '集镇', '驻地', '公共机构', '机关', '党政机关', '学校',
  '中小学', '中小学校', '小学', '初中', '高中', '幼儿园', '医院', '医疗机构', '医疗卫生机构', '企业', '景区', '小区', '居民小区', '社区',
  '儿童', '青少年', '老年人', '孕产妇', '婴儿', '学生', '中小学生', '未成年人', '残疾人', '农贸市场', '餐饮', '窗口单位', '营运车辆',
  '公交车', '出租车', '电动自行车', '背街小巷', '重点', '一般工业', '危险废物', '医疗废物', '餐厨', '厨余', '建筑垃圾',
]);

export interface TargetRef {
  /** Index of the plan in the comparison. */
  doc: number;
  metric: string;
  op: Comparator;
  value: number;
  max: number | null;
  unit: string;
}

export type MatchKind = 'lexicon' | 'typo' | 'wording' | 'similar' | 'alone';

export interface IndicatorGroup {
  id: string;
  name: string;
  lexiconId: string | null;
  direction: Direction | null;
  /** Indices into the targets given, in their order. */
  members: number[];
  /** Per member (same order): how it joined, and its similarity score (1 for a known wording). */
  matches: Array<{ kind: MatchKind; score: number }>;
}

export interface GroupingOptions {
  segmenter: Segmenter;
  lexicon: LexiconIndex;
  threshold?: number;
}

/**
 * The unit dimension a target can be grouped on: a level and a change in 百分点 are both
 * percentages; a relative change (下降 15%) and a unitless zero fit any indicator: wildcards.
 */
function dimensionOf(target: TargetRef): string {
  const normalised = normaliseValue(target);
  // Zero of anything is zero: a 清零 target (重污染天数 = 0) often has no unit at all.
  if (normalised.unit === '' && normalised.value === 0) return '*';
  if (normalised.unit === '%(相对)') return '*';
  if (normalised.unit === '百分点') return '%';
  return normalised.unit;
}

const compatible = (a: string, b: string) => a === b || a === '*' || b === '*';

interface Wording {
  text: string;
  dimension: string;
  words: string[];
  head: string;
  narrowing: Set<string>;
}

interface Group {
  lexicon: LexiconEntry | null;
  dimension: string;
  wordings: Wording[];
  /**
   * The wordings similarity is measured against: the lexicon's, or the wording that started
   * the group. Wordings that joined by similarity are not anchors, so a group cannot drift
   * (群众对创建工作满意度 ← 群众满意度 ← 群众对爱国卫生工作满意度).
   */
  anchors: Wording[];
  members: number[];
  matches: Array<{ kind: MatchKind; score: number }>;
}

/** Inverse document frequency over the wordings in play: rare words tell indicators apart. */
function idfTable(wordLists: readonly string[][]): (word: string) => number {
  const df = new Map<string, number>();
  for (const words of wordLists) for (const word of new Set(words)) df.set(word, (df.get(word) ?? 0) + 1);
  const n = wordLists.length;
  return (word) => Math.log(1 + n / (df.get(word) ?? 1));
}

/**
 * Similarity in [0, 1] of a new wording to a group's anchor wording: shared weight against
 * unshared weight. A word on each side that the other lacks (a substitution: 校内 vs 综合,
 * 公园 vs 体育场地) usually names a different thing and costs most; a word of the anchor the
 * new wording lacks (群众满意度 for 群众对创建工作满意度: satisfied with what?) makes it vaguer
 * and costs more than a word it adds (a qualifier: 公共交通机动化出行分担率 for 公共交通分担率).
 */
export function wordingSimilarity(candidate: readonly string[], anchor: readonly string[], idf: (word: string) => number): number {
  const setC = new Set(candidate);
  const setA = new Set(anchor);
  let shared = 0;
  let added = 0;
  let missing = 0;
  for (const word of setC) {
    if (setA.has(word)) shared += idf(word);
    else added += idf(word);
  }
  for (const word of setA) if (!setC.has(word)) missing += idf(word);
  if (shared === 0) return 0;
  const substituted = Math.min(added, missing);
  return shared / (shared + 4 * substituted + 1.0 * (missing - substituted) + 0.4 * (added - substituted));
}

/**
 * What is measured: the last word, with the word before it when the last is a bare suffix
 * (运行|率 → 运行率, so 正常运行率 is not 治理率).
 */
function headWord(words: readonly string[], text: string): string {
  const last = words[words.length - 1];
  if (last === undefined) return text;
  const before = words[words.length - 2];
  return [...last].length === 1 && before !== undefined ? `${before}${last}` : last;
}

/** Narrowing words found in the text itself, whatever the segmenter made of them (公共|机构). */
function narrowingWords(text: string): Set<string> {
  const found = new Set<string>();
  for (const word of NARROWING_WORDS) if (text.includes(word)) found.add(word);
  return found;
}

function sameNarrowing(a: Set<string>, b: Set<string>): boolean {
  if (a.size !== b.size) return false;
  for (const word of a) if (!b.has(word)) return false;
  return true;
}

export function groupIndicators(targets: readonly TargetRef[], options: GroupingOptions): IndicatorGroup[] {
  const { segmenter, lexicon } = options;
  const threshold = options.threshold ?? SIMILARITY_THRESHOLD;
  const wordingCache = new Map<string, Wording>();
  const makeWording = (text: string, dimension: string): Wording => {
    const key = `${text}|${dimension}`;
    let wording = wordingCache.get(key);
    if (!wording) {
      const words = contentWords(segmenter(text));
      wording = { text, dimension, words, head: headWord(words, text), narrowing: narrowingWords(text) };
      wordingCache.set(key, wording);
    }
    return wording;
  };

  const groups: Group[] = [];
  const lexiconGroups = new Map<string, Group>();
  const wordingGroups = new Map<string, Group>();
  const byHead = new Map<string, Set<Group>>();
  const index = (group: Group, wording: Wording, anchor: boolean) => {
    if (!group.wordings.includes(wording)) group.wordings.push(wording);
    if (anchor && !group.anchors.includes(wording)) group.anchors.push(wording);
    const set = byHead.get(wording.head) ?? new Set<Group>();
    set.add(group);
    byHead.set(wording.head, set);
    wordingGroups.set(`${wording.text}|${wording.dimension}`, group);
  };
  const newGroup = (lexiconEntry: LexiconEntry | null, dimension: string): Group => {
    const group: Group = { lexicon: lexiconEntry, dimension, wordings: [], anchors: [], members: [], matches: [] };
    groups.push(group);
    return group;
  };

  // Pass 1: the lexicon and identical wordings; the rest wait for pass 2, most frequent first.
  const pending = new Map<string, { text: string; dimension: string; members: number[] }>();
  const wildcards: Array<{ member: number; entry: LexiconEntry; exact: boolean }> = [];
  targets.forEach((target, member) => {
    const text = normaliseMetric(target.metric);
    const dimension = dimensionOf(target);
    const found = text.length >= 2 ? lexicon.match(text) : null;
    if (found) {
      if (dimension === '*') {
        wildcards.push({ member, entry: found.entry, exact: found.exact });
        return;
      }
      const key = `${found.entry.id}|${dimension}`;
      let group = lexiconGroups.get(key);
      if (!group) {
        group = newGroup(found.entry, dimension);
        lexiconGroups.set(key, group);
        for (const known of lexicon.wordingsOf(found.entry)) index(group, makeWording(known, dimension), true);
      }
      index(group, makeWording(text, dimension), found.exact);
      group.members.push(member);
      group.matches.push({ kind: found.exact ? 'lexicon' : 'typo', score: 1 });
      return;
    }
    if (text.length < MIN_COMPARABLE_LENGTH) {
      const group = newGroup(null, dimension);
      const vague = makeWording(text || target.metric, dimension);
      group.wordings.push(vague);
      group.anchors.push(vague);
      group.members.push(member);
      group.matches.push({ kind: 'alone', score: 1 });
      return;
    }
    const key = `${text}|${dimension}`;
    const entry = pending.get(key) ?? { text, dimension, members: [] };
    entry.members.push(member);
    pending.set(key, entry);
  });
  for (const { member, entry, exact } of wildcards) {
    const group = [...lexiconGroups.entries()].find(([key]) => key.startsWith(`${entry.id}|`))?.[1] ?? newGroup(entry, '*');
    if (!lexiconGroups.has(`${entry.id}|${group.dimension}`)) lexiconGroups.set(`${entry.id}|${group.dimension}`, group);
    group.members.push(member);
    group.matches.push({ kind: exact ? 'lexicon' : 'typo', score: 1 });
  }

  // Pass 2: similarity, against every group so far (lexicon groups included).
  const waiting = [...pending.values()].sort((a, b) => {
    const docsA = new Set(a.members.map((m) => (targets[m] as TargetRef).doc)).size;
    const docsB = new Set(b.members.map((m) => (targets[m] as TargetRef).doc)).size;
    return docsB - docsA || (a.members[0] as number) - (b.members[0] as number);
  });
  const idf = idfTable([...waiting.map((w) => makeWording(w.text, w.dimension).words), ...[...wordingCache.values()].map((w) => w.words)]);
  for (const item of waiting) {
    const wording = makeWording(item.text, item.dimension);
    let best: { group: Group; score: number; kind: MatchKind } | null = null;
    const consider = (group: Group, score: number, kind: MatchKind) => {
      if (!compatible(group.dimension, wording.dimension)) return;
      if (best === null || score > best.score) best = { group, score, kind };
    };
    // A typing slip of a wording already grouped; segmentation of a misspelt word may differ, so no head check.
    for (const group of groups) {
      if (group.lexicon === null && group.matches[0]?.kind === 'alone') continue;
      for (const other of group.wordings) {
        if (Math.abs(other.text.length - wording.text.length) > 2) continue;
        const allowance = typoAllowance(wording.text, other.text);
        if (allowance > 0 && editDistance(wording.text, other.text, allowance) <= allowance) consider(group, 1, 'typo');
      }
    }
    for (const group of byHead.get(wording.head) ?? []) {
      for (const other of group.anchors) {
        if (other.head !== wording.head || !sameNarrowing(other.narrowing, wording.narrowing)) continue;
        // A survey of a named work (群众对X满意度) is not the bare survey of a plan's own subject (群众满意度).
        if (other.text.startsWith('群众对') !== wording.text.startsWith('群众对')) continue;
        const score = wordingSimilarity(wording.words, other.words, idf);
        if (score >= threshold) consider(group, score, 'similar');
      }
    }
    const chosen = best as { group: Group; score: number; kind: MatchKind } | null;
    const group = chosen?.group ?? newGroup(null, wording.dimension);
    index(group, wording, chosen === null || chosen.kind === 'typo');
    for (const member of item.members) {
      group.members.push(member);
      group.matches.push(chosen ? { kind: chosen.kind, score: Number(chosen.score.toFixed(3)) } : { kind: 'wording', score: 1 });
    }
  }

  return finishGroups(groups, targets);
}

/** Readable names, unique ids, members in input order and the direction of each group. */
function finishGroups(groups: readonly Group[], targets: readonly TargetRef[]): IndicatorGroup[] {
  const usedIds = new Map<string, number>();
  return groups
    .filter((group) => group.members.length > 0)
    .map((group) => {
      const order = group.members.map((member, i) => ({ member, match: group.matches[i] as { kind: MatchKind; score: number } })).sort((a, b) => a.member - b.member);
      const name = group.lexicon?.name ?? commonestWording(order.map((o) => o.member), targets);
      const baseId = group.lexicon ? group.lexicon.id : `w:${name}`;
      const seen = usedIds.get(baseId) ?? 0;
      usedIds.set(baseId, seen + 1);
      return {
        id: seen === 0 ? baseId : `${baseId}#${seen + 1}`,
        name,
        lexiconId: group.lexicon?.id ?? null,
        direction: group.lexicon?.direction ?? majorityDirection(order.map((o) => (targets[o.member] as TargetRef).op)),
        members: order.map((o) => o.member),
        matches: order.map((o) => o.match),
      };
    });
}

/** The wording most plans use (ties: the shortest, then the first seen). */
function commonestWording(members: readonly number[], targets: readonly TargetRef[]): string {
  const docs = new Map<string, Set<number>>();
  for (const member of members) {
    const target = targets[member] as TargetRef;
    const text = normaliseMetric(target.metric) || target.metric;
    const set = docs.get(text) ?? new Set<number>();
    set.add(target.doc);
    docs.set(text, set);
  }
  let best = '';
  let bestCount = -1;
  for (const [text, set] of docs) {
    if (set.size > bestCount || (set.size === bestCount && text.length < best.length)) {
      best = text;
      bestCount = set.size;
    }
  }
  return best;
}

function majorityDirection(ops: readonly Comparator[]): Direction | null {
  let higher = 0;
  let lower = 0;
  for (const op of ops) {
    const direction = opDirection(op);
    if (direction === 'higher') higher++;
    else if (direction === 'lower') lower++;
  }
  if (higher === lower) return null;
  return higher > lower ? 'higher' : 'lower';
}
