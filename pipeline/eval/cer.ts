// Character error rate of OCR against a reference: edit distance over the reference length,
// both NFKC-normalised with all white space removed (layout is not what OCR is judged on).

export function compactForCer(text: string): string {
  return text.normalize('NFKC').replace(/\s+/g, '');
}

/** Levenshtein distance in O(n·m) time and O(m) memory; pages are a few thousand characters. */
export function editDistance(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  if (x.length === 0) return y.length;
  let previous = new Uint32Array(y.length + 1).map((_, j) => j);
  let current = new Uint32Array(y.length + 1);
  for (let i = 1; i <= x.length; i++) {
    current[0] = i;
    for (let j = 1; j <= y.length; j++) {
      const substitution = (previous[j - 1] as number) + (x[i - 1] === y[j - 1] ? 0 : 1);
      current[j] = Math.min((previous[j] as number) + 1, (current[j - 1] as number) + 1, substitution);
    }
    [previous, current] = [current, previous];
  }
  return previous[y.length] as number;
}

export function characterErrorRate(ocr: string, reference: string): number {
  const truth = compactForCer(reference);
  if (truth.length === 0) return ocr.trim() === '' ? 0 : 1;
  return editDistance(compactForCer(ocr), truth) / truth.length;
}
