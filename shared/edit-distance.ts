// Edit distances over code points, in O(m) memory: for unit names, quotes, OCR pages (evaluation)
// and typing slips in indicator names (comparison).

/**
 * Levenshtein distance in O(n·m) time and O(m) memory; pages are a few thousand characters.
 * With a `limit`, it stops as soon as the distance must exceed it and returns limit + 1.
 */
export function editDistance(a: string, b: string, limit = Infinity): number {
  const x = [...a];
  const y = [...b];
  if (Math.abs(x.length - y.length) > limit) return limit + 1;
  if (x.length === 0) return y.length;
  let previous = new Uint32Array(y.length + 1).map((_, j) => j);
  let current = new Uint32Array(y.length + 1);
  for (let i = 1; i <= x.length; i++) {
    current[0] = i;
    let rowMin = i;
    for (let j = 1; j <= y.length; j++) {
      const substitution = (previous[j - 1] as number) + (x[i - 1] === y[j - 1] ? 0 : 1);
      current[j] = Math.min((previous[j] as number) + 1, (current[j - 1] as number) + 1, substitution);
      rowMin = Math.min(rowMin, current[j] as number);
    }
    if (rowMin > limit) return limit + 1;
    [previous, current] = [current, previous];
  }
  return previous[y.length] as number;
}

/**
 * Fewest edits that turn `quote` into some substring of `text` (Sellers: the match may start
 * anywhere). Used only where OCR put noise into the quote a task is located by.
 */
export function substringEditDistance(quote: string, text: string): number {
  const q = Array.from(quote);
  const t = Array.from(text);
  let previous = new Uint32Array(t.length + 1); // row 0: a match may start at any position
  let current = new Uint32Array(t.length + 1);
  for (let i = 1; i <= q.length; i++) {
    current[0] = i;
    for (let j = 1; j <= t.length; j++) {
      const substitution = (previous[j - 1] as number) + (q[i - 1] === t[j - 1] ? 0 : 1);
      current[j] = Math.min((previous[j] as number) + 1, (current[j - 1] as number) + 1, substitution);
    }
    [previous, current] = [current, previous];
  }
  return Math.min(...previous);
}
