// The comparator grammar: named tables of the words around a number and what they mean.
// Decision order (targets.ts): range > change (increase/decrease) > approximately > suffix > prefix > bare.
import type { Comparator } from '../schema.ts';

export interface PrefixWord {
  word: string;
  op: Comparator;
  /** CJK characters allowed between the word and the number: 至少组织1次, 至少有1所. */
  gap?: number;
  /** Only with these units (进入30名 is a rank). */
  units?: readonly string[];
}

/** Words directly before the number. Longest first when matched. */
export const PREFIX_WORDS: readonly PrefixWord[] = [
  // at least
  { word: '≥', op: '>=' },
  { word: '不低于', op: '>=' },
  { word: '不得低于', op: '>=' },
  { word: '不得少于', op: '>=' },
  { word: '不应低于', op: '>=' },
  { word: '不应少于', op: '>=' },
  { word: '不少于', op: '>=' },
  { word: '不小于', op: '>=' },
  { word: '不下于', op: '>=' },
  { word: '至少', op: '>=', gap: 2 },
  { word: '最少', op: '>=', gap: 2 },
  { word: '达到', op: '>=' },
  { word: '达', op: '>=' },
  { word: '提高到', op: '>=' },
  { word: '提高至', op: '>=' },
  { word: '提升到', op: '>=' },
  { word: '提升至', op: '>=' },
  { word: '增加到', op: '>=' },
  { word: '增加至', op: '>=' },
  { word: '增长到', op: '>=' },
  { word: '增长至', op: '>=' },
  { word: '上升到', op: '>=' },
  { word: '上升至', op: '>=' },
  { word: '保持在', op: '>=' },
  { word: '稳定在', op: '>=' },
  // more than
  { word: '>', op: '>' },
  { word: '大于', op: '>' },
  { word: '高于', op: '>' },
  { word: '超过', op: '>' },
  { word: '多于', op: '>' },
  { word: '逾', op: '>' },
  { word: '超', op: '>' },
  // at most
  { word: '≤', op: '<=' },
  { word: '不超过', op: '<=' },
  { word: '不得超过', op: '<=' },
  { word: '不得高于', op: '<=' },
  { word: '不得大于', op: '<=' },
  { word: '不应超过', op: '<=' },
  { word: '不高于', op: '<=' },
  { word: '不大于', op: '<=' },
  { word: '不多于', op: '<=' },
  { word: '控制在', op: '<=' },
  { word: '控制到', op: '<=' },
  { word: '下降到', op: '<=' },
  { word: '下降至', op: '<=' },
  { word: '降低到', op: '<=' },
  { word: '降低至', op: '<=' },
  { word: '降到', op: '<=' },
  { word: '降至', op: '<=' },
  { word: '减少到', op: '<=' },
  { word: '减少至', op: '<=' },
  { word: '压减到', op: '<=' },
  { word: '压减至', op: '<=' },
  { word: '进入前', op: '<=', units: ['名'] },
  { word: '进入', op: '<=', units: ['名'] },
  { word: '位居前', op: '<=', units: ['名'] },
  { word: '前', op: '<=', units: ['名'] },
  // less than
  { word: '<', op: '<' },
  { word: '低于', op: '<' },
  { word: '小于', op: '<' },
  { word: '少于', op: '<' },
  // approximately
  { word: '大约', op: '~' },
  { word: '约', op: '~' },
  // equal
  { word: '=', op: '=' },
  { word: '为', op: '=' },
];

/** Change words: a value relative to a baseline (比2015年降低15%, 逐年提升不低于1个百分点). */
export const CHANGE_WORDS: ReadonlyArray<readonly [string, 'increase' | 'decrease']> = [
  ['提高', 'increase'],
  ['提升', 'increase'],
  ['增长', 'increase'],
  ['增加', 'increase'],
  ['上升', 'increase'],
  ['增幅', 'increase'],
  ['降低', 'decrease'],
  ['下降', 'decrease'],
  ['减少', 'decrease'],
  ['压减', 'decrease'],
  ['缩减', 'decrease'],
  ['缩小', 'decrease'],
  ['降幅', 'decrease'],
];

/** Between a change word and its number: 提升不低于1个百分点, 提高了5%. */
export const CHANGE_BRIDGE = /^(了|不低于|不少于|至少|超过|达到|约|大约)?$/;

export interface SuffixWord {
  word: string;
  op: Comparator;
}

/** Words right after the unit. */
export const SUFFIX_WORDS: readonly SuffixWord[] = [
  { word: '及以上', op: '>=' },
  { word: '以上', op: '>=' },
  { word: '及以下', op: '<=' },
  { word: '以下', op: '<=' },
  { word: '以内', op: '<=' },
  { word: '之内', op: '<=' },
  { word: '内', op: '<=' },
  { word: '左右', op: '~' },
  { word: '上下', op: '~' },
  { word: '多', op: '>' },
  { word: '余', op: '>' },
];

/** Between two numbers of a range: 5-7个, 12至15个, 1到2个, 7.5%—8%. */
export const RANGE_DASHES = ['-', '—', '―', '~', '至', '到', '－', '～'] as const;

export const SORTED_PREFIX = [...PREFIX_WORDS].sort((a, b) => b.word.length - a.word.length);
export const SORTED_SUFFIX = [...SUFFIX_WORDS].sort((a, b) => b.word.length - a.word.length);
