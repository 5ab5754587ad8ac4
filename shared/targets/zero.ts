// Zero targets without a number: 实现黄土裸露现象清零, 确保无…现象. Each is `=` 0, unit "".
// 消除大校额、大班额,实现义务教育阶段动态清零 names what goes to zero in the clause before.
import type { Span } from '../model.ts';
import { insideQuote } from './quantities.ts';

export interface ZeroTarget {
  textSpan: Span;
  metric: string;
  op: '=';
  value: 0;
  max: null;
  unit: '';
  span: Span;
}

/** 实现X清零 and X实现(动态)清零: group 2 or group 3 is what goes to zero. */
const CLEARED = /(实现|确保|做到|力争)([^,;。:]{0,30}?)清零|([^,;。:()]{2,30}?)(?:实现|做到)(?:动态)?清零/g;
/** 确保(…)无X现象: the place and the phenomenon together. */
const NONE_LEFT = /(实现|确保)([^,;。:无]{0,12}?)无([^,;。:]{2,20}?现象)/g;
const ELIMINATED_BEFORE = /(消除|杜绝|取消)([^,;。:]{2,30}),$/;

export function zeroTargets(text: string, sentence: Span): ZeroTarget[] {
  const part = text.slice(sentence.start, sentence.end);
  // Both patterns end in 清零 or 现象: most sentences have neither.
  if (!part.includes('清零') && !part.includes('现象')) return [];
  const found: ZeroTarget[] = [];
  for (const pattern of [CLEARED, NONE_LEFT]) {
    for (const match of part.matchAll(pattern)) {
      const start = sentence.start + (match.index ?? 0);
      const end = start + match[0].length;
      if (insideQuote(text, start)) continue;
      const subject = (pattern === CLEARED ? (match[2] ?? match[3] ?? '') : `${match[2] ?? ''}${match[3] ?? ''}`).replace(/(动态|全面|基本)$/, '');
      const comma = text.slice(sentence.start, start).lastIndexOf(',');
      const fragmentStart = comma === -1 ? sentence.start : sentence.start + comma + 1;
      const eliminated = ELIMINATED_BEFORE.exec(text.slice(Math.max(sentence.start, fragmentStart - 40), fragmentStart));
      if (eliminated && pattern === CLEARED) {
        const listStart = fragmentStart - eliminated[0].length;
        for (const item of (eliminated[2] ?? '').split(/[、和及]/)) {
          if (item === '') continue;
          found.push(zero(`${subject}${item}`, { start: listStart, end }, { start: listStart, end }));
        }
        continue;
      }
      if (subject.length < 2) continue;
      // 垃圾乱倒、污水乱排问题实现动态清零: each listed problem goes to zero.
      const items = subject.split('、').filter((item) => item.length >= 2);
      for (const item of items.length > 1 ? items : [subject]) found.push(zero(item, { start: fragmentStart, end }, { start, end }));
    }
  }
  return found;
}

function zero(metric: string, textSpan: Span, span: Span): ZeroTarget {
  return { textSpan, metric, op: '=', value: 0, max: null, unit: '', span };
}
