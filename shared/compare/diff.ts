// Two task texts for side-by-side reading: `delete` is what only the first plan asks, `insert`
// what only the other asks. alignClauses pairs the texts clause by clause first (similar clauses
// in order, by character-bigram overlap) and diffs characters only within a pair, so a clause one
// plan alone has is one whole block, not a scatter of changed characters; diffText is that
// alignment flattened into parts. The character diff (longest common subsequence) is used
// inside pairs only.

export type DiffOp = 'equal' | 'delete' | 'insert';
export interface DiffPart {
  op: DiffOp;
  text: string;
}

/** Above this many table cells a whole-text character diff is slow (hundreds of pairs per comparison). */
const CHARACTER_CELLS = 250_000;
/** Above this, even one changed stretch is left as whole sentences. */
const MAX_CELLS = 4_000_000;

function lcsDiff<T>(a: readonly T[], b: readonly T[], emit: (op: DiffOp, item: T) => void): void {
  const n = a.length;
  const m = b.length;
  // lengths[i][j]: LCS length of a[i..] and b[j..], one flat table.
  const lengths = new Uint32Array((n + 1) * (m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lengths[i * (m + 1) + j] = a[i] === b[j]
        ? (lengths[(i + 1) * (m + 1) + j + 1] as number) + 1
        : Math.max(lengths[(i + 1) * (m + 1) + j] as number, lengths[i * (m + 1) + j + 1] as number);
    }
  }
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i] === b[j]) {
      emit('equal', a[i] as T);
      i++;
      j++;
    } else if ((lengths[(i + 1) * (m + 1) + j] as number) >= (lengths[i * (m + 1) + j + 1] as number)) emit('delete', a[i++] as T);
    else emit('insert', b[j++] as T);
  }
  while (i < n) emit('delete', a[i++] as T);
  while (j < m) emit('insert', b[j++] as T);
}

function push(parts: DiffPart[], op: DiffOp, text: string): void {
  if (text === '') return;
  const last = parts[parts.length - 1];
  if (last && last.op === op) last.text += text;
  else parts.push({ op, text });
}

/** Sentences with their closing punctuation, so a sentence-level diff reads naturally. */
function sentences(text: string): string[] {
  return text.match(/[^。;；!！?？\n]+[。;；!！?？\n]*|[。;；!！?？\n]+/g) ?? [];
}

/**
 * Single equal characters between changes (…提高到95%…, …提高到90%…: the 9) say nothing and
 * chop the highlight; fold them into the changes around them.
 */
function cleanUp(parts: DiffPart[]): DiffPart[] {
  const out: DiffPart[] = [];
  for (let k = 0; k < parts.length; k++) {
    const part = parts[k] as DiffPart;
    const before = out[out.length - 1];
    const after = parts[k + 1];
    if (part.op === 'equal' && [...part.text].length === 1 && before && before.op !== 'equal' && after && after.op !== 'equal') {
      // Rewrite as a delete and an insert of the same character; the regrouping below merges them.
      push(out, 'delete', part.text);
      out.push({ op: 'insert', text: part.text });
      continue;
    }
    push(out, part.op, part.text);
  }
  // Regroup each run of changes as one delete followed by one insert.
  const grouped: DiffPart[] = [];
  let deleted = '';
  let inserted = '';
  const flush = () => {
    push(grouped, 'delete', deleted);
    push(grouped, 'insert', inserted);
    deleted = '';
    inserted = '';
  };
  for (const part of out) {
    if (part.op === 'equal') {
      flush();
      push(grouped, 'equal', part.text);
    } else if (part.op === 'delete') deleted += part.text;
    else inserted += part.text;
  }
  flush();
  return wholeNumbers(grouped);
}

const DIGITS_AT_END = /[\d.]+$/;
const DIGITS_AT_START = /^[\d.]+/;

/**
 * A changed figure is shown whole: 95 → 90 highlights 95 and 90, not 5 and 0 after an equal 9.
 * Digits an equal run shares with a change next to it move into both sides of the change.
 */
function wholeNumbers(parts: DiffPart[]): DiffPart[] {
  const out: DiffPart[] = [];
  for (let k = 0; k < parts.length; k++) {
    const part = parts[k] as DiffPart;
    if (part.op === 'equal') {
      out.push({ ...part });
      continue;
    }
    // A change run: one delete and/or one insert.
    const run: DiffPart[] = [{ ...part }];
    if (parts[k + 1] && parts[k + 1]?.op !== 'equal') run.push({ ...(parts[++k] as DiffPart) });
    let deleted = run.find((p) => p.op === 'delete')?.text ?? '';
    let inserted = run.find((p) => p.op === 'insert')?.text ?? '';
    const before = out[out.length - 1];
    if (before && /^[\d.]/.test(deleted || inserted) && (deleted === '' || /^[\d.]/.test(deleted)) && (inserted === '' || /^[\d.]/.test(inserted))) {
      const digits = DIGITS_AT_END.exec(before.text)?.[0] ?? '';
      if (digits) {
        before.text = before.text.slice(0, -digits.length);
        deleted = digits + deleted;
        inserted = digits + inserted;
        if (before.text === '') out.pop();
      }
    }
    const after = parts[k + 1];
    if (after && /[\d.]$/.test(deleted || inserted) && (deleted === '' || /[\d.]$/.test(deleted)) && (inserted === '' || /[\d.]$/.test(inserted))) {
      const digits = DIGITS_AT_START.exec(after.text)?.[0] ?? '';
      if (digits) {
        parts[k + 1] = { op: 'equal', text: after.text.slice(digits.length) };
        deleted += digits;
        inserted += digits;
      }
    }
    push(out, 'delete', deleted);
    push(out, 'insert', inserted);
  }
  return out.filter((p) => p.text !== '');
}

function characterDiff(a: string, b: string): DiffPart[] {
  const charsA = [...a];
  const charsB = [...b];
  let prefix = 0;
  while (prefix < charsA.length && prefix < charsB.length && charsA[prefix] === charsB[prefix]) prefix++;
  let suffix = 0;
  while (suffix < charsA.length - prefix && suffix < charsB.length - prefix && charsA[charsA.length - 1 - suffix] === charsB[charsB.length - 1 - suffix]) suffix++;
  const middleA = charsA.slice(prefix, charsA.length - suffix);
  const middleB = charsB.slice(prefix, charsB.length - suffix);
  const parts: DiffPart[] = [];
  push(parts, 'equal', charsA.slice(0, prefix).join(''));
  if ((middleA.length + 1) * (middleB.length + 1) <= CHARACTER_CELLS) {
    lcsDiff(middleA, middleB, (op, ch) => push(parts, op, ch));
  } else {
    // Long texts: align sentences first, then diff characters inside each changed stretch.
    const coarse: DiffPart[] = [];
    lcsDiff(sentences(middleA.join('')), sentences(middleB.join('')), (op, sentence) => push(coarse, op, sentence));
    for (let k = 0; k < coarse.length; k++) {
      const part = coarse[k] as DiffPart;
      const next = coarse[k + 1];
      if (part.op === 'delete' && next?.op === 'insert' && (part.text.length + 1) * (next.text.length + 1) <= MAX_CELLS) {
        lcsDiff([...part.text], [...next.text], (op, ch) => push(parts, op, ch));
        k++;
      } else push(parts, part.op, part.text);
    }
  }
  push(parts, 'equal', charsA.slice(charsA.length - suffix).join(''));
  return cleanUp(parts);
}

/** The first text back from a diff (equal + delete); the other is equal + insert. */
export function sideOf(parts: readonly DiffPart[], side: 'a' | 'b'): string {
  return parts.filter((p) => p.op === 'equal' || p.op === (side === 'a' ? 'delete' : 'insert')).map((p) => p.text).join('');
}

/** One row of two aligned texts: a pair of similar clauses, or a clause only one text has. */
export type AlignedRow =
  | { kind: 'pair'; a: string; b: string; similarity: number; parts: DiffPart[] }
  | { kind: 'onlyA'; a: string }
  | { kind: 'onlyB'; b: string };

/** Clauses with their closing punctuation; together they are the text, character for character. */
export function clausesOf(text: string): string[] {
  return text.match(/[^。;；!！?？\n,，]+[。;；!！?？\n,，]*|[。;；!！?？\n,，]+/g) ?? [];
}

/** Below this overlap two clauses say different things: each is shown whole. */
const PAIR_SIMILARITY = 0.34;

/** A task's own numbering (（三）, 3., 一、) is not what it asks. */
const NUMBERING = /^\s*(?:[(（][一二三四五六七八九十百\d]+[)）]|[一二三四五六七八九十百\d]+[.、．])/;

function bigrams(text: string): Map<string, number> {
  const chars = [...text.replace(NUMBERING, '').replace(/[\s。;；!！?？,，、:：()（）]/g, '')];
  const counts = new Map<string, number>();
  for (let i = 0; i + 1 < chars.length; i++) {
    const gram = `${chars[i]}${chars[i + 1]}`;
    counts.set(gram, (counts.get(gram) ?? 0) + 1);
  }
  // A one-character clause still compares by its character.
  if (chars.length === 1) counts.set(chars[0] as string, 1);
  return counts;
}

/**
 * The share of the longer clause's character bigrams the other has too: 1 for the same words,
 * 0 for none shared. Against the longer one, so a short clause is not paired with a long one
 * merely because the long one contains it (生活垃圾分类 in 加快生活垃圾分类设施建设).
 */
export function clauseSimilarity(a: string, b: string): number {
  return overlap(bigrams(a), bigrams(b), a, b);
}

function overlap(x: Map<string, number>, y: Map<string, number>, a: string, b: string): number {
  let shared = 0;
  let sizeX = 0;
  let sizeY = 0;
  for (const [gram, n] of x) {
    shared += Math.min(n, y.get(gram) ?? 0);
    sizeX += n;
  }
  for (const n of y.values()) sizeY += n;
  const longer = Math.max(sizeX, sizeY);
  return longer === 0 ? (a.trim() === b.trim() ? 1 : 0) : shared / longer;
}

/**
 * The two texts aligned clause by clause, in order: the pairing that keeps both orders and has
 * the most similarity in total (each pair at least PAIR_SIMILARITY); clauses left unpaired are
 * shown whole. Within a pair the characters are diffed, shared phrases kept, lone shared
 * characters folded into the change. Both texts read back exactly (sideOf).
 */
export function alignClauses(a: string, b: string): AlignedRow[] {
  const left = clausesOf(a);
  const right = clausesOf(b);
  const n = left.length;
  const m = right.length;
  const leftGrams = left.map(bigrams);
  const rightGrams = right.map(bigrams);
  const sim = (i: number, j: number) => overlap(leftGrams[i] as Map<string, number>, rightGrams[j] as Map<string, number>, left[i] as string, right[j] as string);
  // best[i][j]: the most similarity aligning left[i..] with right[j..]; one flat table.
  const best = new Float64Array((n + 1) * (m + 1));
  const similarity = new Float64Array(n * m);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      const s = sim(i, j);
      similarity[i * m + j] = s;
      const paired = s >= PAIR_SIMILARITY ? s + (best[(i + 1) * (m + 1) + j + 1] as number) : -1;
      best[i * (m + 1) + j] = Math.max(paired, best[(i + 1) * (m + 1) + j] as number, best[i * (m + 1) + j + 1] as number);
    }
  }
  const rows: AlignedRow[] = [];
  const onlyB: AlignedRow[] = [];
  const flushB = () => rows.push(...onlyB.splice(0));
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    const s = similarity[i * m + j] as number;
    const here = best[i * (m + 1) + j] as number;
    if (s >= PAIR_SIMILARITY && Math.abs(here - (s + (best[(i + 1) * (m + 1) + j + 1] as number))) < 1e-9) {
      flushB();
      rows.push({ kind: 'pair', a: left[i] as string, b: right[j] as string, similarity: s, parts: characterDiff(left[i] as string, right[j] as string) });
      i++;
      j++;
    } else if (Math.abs(here - (best[(i + 1) * (m + 1) + j] as number)) < 1e-9) {
      rows.push({ kind: 'onlyA', a: left[i++] as string });
    } else {
      // Held back so a run of unpaired clauses reads A's first, then B's.
      onlyB.push({ kind: 'onlyB', b: right[j++] as string });
    }
  }
  while (i < n) rows.push({ kind: 'onlyA', a: left[i++] as string });
  flushB();
  while (j < m) rows.push({ kind: 'onlyB', b: right[j++] as string });
  return rows;
}

/**
 * Each run of changes as one delete and one insert, with the characters both sides of the run
 * share at its ends given back as equal: where a pair's end meets a clause only one side has
 * (杜绝"先分后混"。 | 严禁"先分后混",违者通报。), the shared 。 is not shown as changed.
 */
function tidyRuns(parts: readonly DiffPart[]): DiffPart[] {
  const out: DiffPart[] = [];
  let deleted = '';
  let inserted = '';
  const flush = () => {
    // Only punctuation is given back: a figure stays whole (95 → 90, not 9 shared).
    const PUNCTUATION = /[。;；,，、:：!！?？\s]/;
    let prefix = 0;
    while (prefix < deleted.length && prefix < inserted.length && deleted[prefix] === inserted[prefix] && PUNCTUATION.test(deleted[prefix] as string)) prefix++;
    let suffix = 0;
    while (suffix < deleted.length - prefix && suffix < inserted.length - prefix && deleted[deleted.length - 1 - suffix] === inserted[inserted.length - 1 - suffix] && PUNCTUATION.test(deleted[deleted.length - 1 - suffix] as string)) suffix++;
    push(out, 'equal', deleted.slice(0, prefix));
    push(out, 'delete', deleted.slice(prefix, deleted.length - suffix));
    push(out, 'insert', inserted.slice(prefix, inserted.length - suffix));
    push(out, 'equal', deleted.slice(deleted.length - suffix));
    deleted = '';
    inserted = '';
  };
  for (const part of parts) {
    if (part.op === 'equal') {
      flush();
      push(out, 'equal', part.text);
    } else if (part.op === 'delete') deleted += part.text;
    else inserted += part.text;
  }
  flush();
  return out;
}

/** The aligned rows as one run of parts (what a comparison stores and the CLI marks up). */
export function diffText(a: string, b: string): DiffPart[] {
  const parts: DiffPart[] = [];
  for (const row of alignClauses(a, b)) {
    if (row.kind === 'pair') for (const part of row.parts) push(parts, part.op, part.text);
    else if (row.kind === 'onlyA') push(parts, 'delete', row.a);
    else push(parts, 'insert', row.b);
  }
  return tidyRuns(parts);
}
