// How a target's figure reads wherever people see it (the CLI summary, the comparison table,
// the extension's tooltip and panels): one comparator vocabulary, one quantity format.
import type { Comparator } from './schema.ts';

/** A range writes its bounds (5–7), so it has no symbol of its own. */
export const COMPARATOR_SYMBOLS: Readonly<Record<Comparator, string>> = {
  '>=': '≥', '>': '>', '<=': '≤', '<': '<', '=': '=', range: '', '~': '≈', increase: '提高', decrease: '降低',
};

/** `≥ 12 平方米`, `5–7 个`, `提高 2 百分点`. */
export function formatQuantity(target: { op: Comparator; value: number; max: number | null; unit: string }): string {
  const value = target.op === 'range' && target.max !== null ? `${target.value}–${target.max}` : String(target.value);
  return [COMPARATOR_SYMBOLS[target.op], value, target.unit].filter((part) => part !== '').join(' ');
}

/** The years a plan covers (2021–2023, or 2023), else its publication year; null when it says neither. */
export function planYear(document: { period: { from: number; to: number } | null; publishedAt: string | null }, dash = '–'): string | null {
  const { period, publishedAt } = document;
  if (period) return period.from === period.to ? String(period.from) : `${period.from}${dash}${period.to}`;
  return publishedAt ? publishedAt.slice(0, 4) : null;
}
