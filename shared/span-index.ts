// Which spans hold a position, in O(log n): spans sorted by start, nested or disjoint
// (numbering items, tasks, excluded markers). Keeps the stages linear on 10 MB inputs.
import type { Span } from './model.ts';

export class SpanIndex<T extends { span: Span }> {
  private readonly items: T[];
  /** For each item, the largest end among it and all items before it. */
  private readonly reach: number[];

  constructor(items: readonly T[]) {
    this.items = [...items].sort((a, b) => a.span.start - b.span.start || b.span.end - a.span.end);
    let reach = -1;
    this.reach = this.items.map((item) => (reach = Math.max(reach, item.span.end)));
  }

  /** Index of the last item starting at or before `at`. */
  private lastStartingBefore(at: number): number {
    let low = 0;
    let high = this.items.length - 1;
    let found = -1;
    while (low <= high) {
      const mid = (low + high) >> 1;
      if ((this.items[mid] as T).span.start <= at) {
        found = mid;
        low = mid + 1;
      } else {
        high = mid - 1;
      }
    }
    return found;
  }

  /** Every item whose span holds `at`, innermost (latest start) first. */
  containing(at: number): T[] {
    const found: T[] = [];
    for (let i = this.lastStartingBefore(at); i >= 0 && (this.reach[i] as number) > at; i--) {
      const item = this.items[i] as T;
      if (at < item.span.end) found.push(item);
    }
    return found;
  }

  innermost(at: number): T | null {
    for (let i = this.lastStartingBefore(at); i >= 0 && (this.reach[i] as number) > at; i--) {
      const item = this.items[i] as T;
      if (at < item.span.end) return item;
    }
    return null;
  }

  has(at: number): boolean {
    return this.innermost(at) !== null;
  }
}
