// Targets compared on one scale: 12 平方米 and 0.0012 万平方米, 5 万亩 and 50000 亩, a level in %
// and the same level written in 百分点; a rise of 2 百分点 is a change, not a level, and is only
// compared with other changes. The stricter target is the one that asks more in the
// indicator's direction: for ≥ indicators the higher floor, for ≤ indicators the lower ceiling.
import type { Comparator } from '../schema.ts';
import type { Direction } from './lexicon.ts';

/** level: where the indicator must be (≥ 12 平方米); change: how much it must move (提高 2 个百分点). */
export type ValueKind = 'level' | 'change';

export interface NormalisedValue {
  kind: ValueKind;
  value: number;
  max: number | null;
  /** The base unit after multipliers (万亩 → 亩) and synonyms (千米 → 公里); '' when none. */
  unit: string;
}

/** Units that are another unit times a factor. */
const UNIT_FACTORS: Readonly<Record<string, readonly [string, number]>> = {
  '‰': ['%', 0.1],
  百分比: ['%', 1],
  千米: ['公里', 1],
  平方千米: ['平方公里', 1],
  分钟: ['小时', 1 / 60],
  公顷: ['亩', 15],
};

/** Measure words for counted things (个 school, 所 school): one scale for counting. */
const COUNT_WORDS = new Set(['个', '所', '座', '家', '处']);

function baseUnit(unit: string): [string, number] {
  let factor = 1;
  let rest = unit.trim();
  // 万元, 万亩, 万平方米, 亿元: a multiplier before a unit. /万人, /10万 are rates and stay.
  const multiplier = /^(万|亿)(.+)$/.exec(rest);
  if (multiplier && !rest.includes('/')) {
    factor = multiplier[1] === '万' ? 1e4 : 1e8;
    rest = multiplier[2] as string;
  }
  const mapped = UNIT_FACTORS[rest];
  if (mapped) {
    factor *= mapped[1];
    rest = mapped[0];
  }
  if (COUNT_WORDS.has(rest)) rest = '个';
  return [rest, factor];
}

/** Round away floating noise (0.1 × 3 = 0.30000000000000004) without losing real precision. */
function tidy(value: number): number {
  return Number.parseFloat(value.toPrecision(12));
}

export function normaliseValue(target: { op: Comparator; value: number; max: number | null; unit: string }): NormalisedValue {
  const isChange = target.op === 'increase' || target.op === 'decrease';
  let unit = target.unit;
  // 百分点 as a level (达到 35 个百分点, rare) is a percentage; as a change it stays points, so that
  // 提高 2 个百分点 (absolute) is not compared with 提高 2% (relative).
  if (unit === '百分点' && !isChange) unit = '%';
  if (isChange && unit === '%') unit = '%(相对)';
  const [base, factor] = baseUnit(unit);
  return {
    kind: isChange ? 'change' : 'level',
    value: tidy(target.value * factor),
    max: target.max === null ? null : tidy(target.max * factor),
    unit: base,
  };
}

/** The direction an op states by itself: ≥ asks for more, ≤ for less; = and ~ say nothing. */
export function opDirection(op: Comparator): Direction | null {
  if (op === '>=' || op === '>' || op === 'increase') return 'higher';
  if (op === '<=' || op === '<' || op === 'decrease') return 'lower';
  return null;
}

export interface ComparableTarget {
  op: Comparator;
  value: number;
  max: number | null;
  unit: string;
}

/**
 * How much a target asks, as a number where larger is stricter, or null when it cannot be
 * compared in this direction (a ceiling in a group of floors).
 */
function demand(target: ComparableTarget, direction: Direction): { amount: number; strict: boolean } | null {
  const normalised = normaliseValue(target);
  const own = opDirection(target.op);
  if (normalised.kind === 'change') {
    // 提高 2 个百分点 for a higher-is-better indicator, 下降 15% for a lower one: the size of the move.
    const wanted = direction === 'higher' ? 'increase' : 'decrease';
    return target.op === wanted ? { amount: normalised.value, strict: false } : null;
  }
  if (own !== null && own !== direction) return null;
  const strict = target.op === '>' || target.op === '<';
  if (direction === 'higher') return { amount: normalised.value, strict };
  // A range's ceiling is what binds a lower-is-better indicator.
  return { amount: -(target.op === 'range' && normalised.max !== null ? normalised.max : normalised.value), strict };
}

/**
 * Marks the strictest targets of one indicator: among targets on the same scale (same kind and
 * unit), the one(s) asking most in `direction`. Nothing is marked when fewer than two targets
 * can be compared or when they all ask the same.
 */
export function markStricter<T extends ComparableTarget>(targets: readonly T[], direction: Direction | null): boolean[] {
  const marks = targets.map(() => false);
  if (direction === null) return marks;
  const byScale = new Map<string, Array<{ index: number; amount: number; strict: boolean }>>();
  const zeros: Array<{ index: number; amount: number; strict: boolean }> = [];
  targets.forEach((target, index) => {
    const asked = demand(target, direction);
    if (!asked) return;
    const normalised = normaliseValue(target);
    // 清零 without a unit (重污染天数 = 0) is zero on every scale.
    if (normalised.kind === 'level' && normalised.unit === '' && normalised.value === 0) {
      zeros.push({ index, ...asked });
      return;
    }
    const key = `${normalised.kind}|${normalised.unit}`;
    const list = byScale.get(key) ?? [];
    list.push({ index, ...asked });
    byScale.set(key, list);
  });
  const levels = [...byScale.entries()].filter(([key]) => key.startsWith('level|'));
  if (levels.length === 0 && zeros.length > 0) byScale.set('level|', zeros);
  else for (const [, list] of levels) list.push(...zeros);
  for (const list of byScale.values()) {
    if (list.length < 2) continue;
    const rank = (x: { amount: number; strict: boolean }) => [x.amount, x.strict ? 1 : 0] as const;
    const best = list.reduce((a, b) => {
      const [va, sa] = rank(a);
      const [vb, sb] = rank(b);
      return vb > va || (vb === va && sb > sa) ? b : a;
    });
    const [bestValue, bestStrict] = rank(best);
    const allSame = list.every((x) => rank(x)[0] === bestValue && rank(x)[1] === bestStrict);
    if (allSame) continue;
    for (const x of list) if (rank(x)[0] === bestValue && rank(x)[1] === bestStrict) marks[x.index] = true;
  }
  return marks;
}
