// Which spans hold a position, in O(log n + depth): spans sorted by start, nested or disjoint
// (numbering items, tasks, excluded markers). Keeps the stages linear on 10 MB inputs and on
// lists of 100,000 items under one heading.
import type { Span } from './model.ts';

export class SpanIndex<T extends { span: Span }> {
  private readonly items: T[];
  /** For each item, the largest end among it and all items before it. */
  private readonly reach: number[];
  /**
   * For each item, the nearest earlier item that encloses it (-1: none), when the spans are
   * nested or disjoint. Then the items holding a position are the last item starting before it
   * and its enclosing chain: no walk back over the siblings of one long heading.
   */
  private readonly enclosing: Int32Array | null;

  constructor(items: readonly T[]) {
    this.items = [...items].sort((a, b) => a.span.start - b.span.start || b.span.end - a.span.end);
    let reach = -1;
    this.reach = this.items.map((item) => (reach = Math.max(reach, item.span.end)));
    this.enclosing = enclosingChain(this.items);
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
    this.walk(at, (item) => {
      found.push(item);
      return false;
    });
    return found;
  }

  innermost(at: number): T | null {
    let found: T | null = null;
    this.walk(at, (item) => {
      found = item;
      return true;
    });
    return found;
  }

  /** Visits the items holding `at`, innermost first, until `visit` returns true. */
  private walk(at: number, visit: (item: T) => boolean): void {
    const enclosing = this.enclosing;
    if (enclosing) {
      for (let i = this.lastStartingBefore(at); i >= 0; i = enclosing[i] as number) {
        const item = this.items[i] as T;
        if (at < item.span.end && visit(item)) return;
      }
      return;
    }
    // Overlapping spans: walk back while an earlier item may still reach `at`.
    for (let i = this.lastStartingBefore(at); i >= 0 && (this.reach[i] as number) > at; i--) {
      const item = this.items[i] as T;
      if (at < item.span.end && visit(item)) return;
    }
  }

  has(at: number): boolean {
    return this.innermost(at) !== null;
  }
}

/** Each item's enclosing item, or null when two spans overlap without nesting. */
function enclosingChain(items: readonly { span: Span }[]): Int32Array | null {
  const enclosing = new Int32Array(items.length);
  const open: number[] = [];
  for (let i = 0; i < items.length; i++) {
    const { start, end } = (items[i] as { span: Span }).span;
    while (open.length > 0 && (items[open[open.length - 1] as number] as { span: Span }).span.end <= start) open.pop();
    const parent = open.length > 0 ? (open[open.length - 1] as number) : -1;
    if (parent >= 0 && end > (items[parent] as { span: Span }).span.end) return null;
    enclosing[i] = parent;
    open.push(i);
  }
  return enclosing;
}
