// Similar tasks across plans: BM25 over segmented task text, with the title counted
// TITLE_WEIGHT times (a title such as 志愿服务制度化 says what the task is about more than its
// boilerplate does). Responsibility clauses are left out of the text: sharing 县文明办 as lead
// does not make two tasks alike.
import { findClauses } from '../clauses.ts';
import { contentWords, type Segmenter } from './segment.ts';

export const TITLE_WEIGHT = 3;
const K1 = 1.2;
const B = 0.75;

export interface ClauseDoc {
  /** Plan index; tasks are only matched against other plans. */
  doc: number;
  title: string | null;
  text: string;
}

export interface SimilarClause {
  /** Index into the docs given. */
  index: number;
  /** BM25 score of the match. */
  bm25: number;
  /** bm25 relative to the query task's score against itself, in [0, 1]. */
  score: number;
}

/** The task's text without its responsibility clauses (found by the extractor's own clause parser): who does it, not what is done. */
export function clauseBody(text: string): string {
  let body = '';
  let at = 0;
  for (const { span } of findClauses(text)) {
    body += text.slice(at, span.start);
    at = span.end;
  }
  return body + text.slice(at);
}

interface Indexed {
  tf: Map<string, number>;
  length: number;
  /** The tasks with exactly these words (a template copied into many plans), by index. */
  members: number[];
}

/**
 * BM25 with exact top-k by MaxScore pruning. Each word's largest possible contribution to any
 * score is known in advance; a query's words are taken richest first, and once the words left
 * cannot lift an unseen task to the score a match needs (minScore × the task's score against
 * itself, then the last of the best `limit`), the search stops: the words in most tasks (工作,
 * 加强) are never walked. Tasks with the same words (a provincial template copied into 200
 * county plans, numbers changed) are indexed once, so their copies do not make it quadratic.
 */
export class ClauseIndex {
  private readonly docs: readonly ClauseDoc[];
  /** One entry per distinct bag of words. */
  private readonly groups: Indexed[] = [];
  private readonly groupOf: Int32Array;
  /** Word → the groups that hold it. */
  private readonly postings = new Map<string, number[]>();
  /** BM25's length normalisation of each group: K1 · (1 − B + B · length / average). */
  private readonly norm: Float64Array;
  private readonly idfs = new Map<string, number>();
  /** The largest per-task part (before query weight) each word can add to a score. */
  private readonly maxPart = new Map<string, number>();
  /** Marks of the groups already taken as candidates for the current query. */
  private readonly seen: Int32Array;
  private stamp = 0;

  constructor(docs: readonly ClauseDoc[], segmenter: Segmenter) {
    this.docs = docs;
    const bySignature = new Map<string, number>();
    const df = new Map<string, number>();
    let totalLength = 0;
    this.groupOf = Int32Array.from(docs, (doc, i) => {
      const tf = new Map<string, number>();
      const add = (words: string[], weight: number) => {
        for (const word of words) tf.set(word, (tf.get(word) ?? 0) + weight);
      };
      const titleWords = doc.title ? contentWords(segmenter(doc.title)) : [];
      const bodyWords = contentWords(segmenter(clauseBody(doc.text)));
      add(bodyWords, 1);
      add(titleWords, TITLE_WEIGHT);
      const length = bodyWords.length + TITLE_WEIGHT * titleWords.length;
      totalLength += length;
      for (const word of tf.keys()) df.set(word, (df.get(word) ?? 0) + 1);
      // The same words in another order are the same bag; the order of first use is kept for scoring.
      const signature = [...tf].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).join('|');
      const known = bySignature.get(signature);
      if (known !== undefined && sameOrder((this.groups[known] as Indexed).tf, tf)) {
        (this.groups[known] as Indexed).members.push(i);
        return known;
      }
      const group = this.groups.length;
      if (known === undefined) bySignature.set(signature, group);
      this.groups.push({ tf, length, members: [i] });
      for (const word of tf.keys()) {
        const list = this.postings.get(word);
        if (list) list.push(group);
        else this.postings.set(word, [group]);
      }
      return group;
    });
    const averageLength = totalLength / Math.max(1, docs.length);
    this.norm = Float64Array.from(this.groups, (g) => K1 * (1 - B + (B * g.length) / averageLength));
    const n = docs.length;
    for (const [word, list] of this.postings) {
      const count = df.get(word) as number;
      const idf = Math.log(1 + (n - count + 0.5) / (count + 0.5));
      this.idfs.set(word, idf);
      let max = 0;
      for (const g of list) max = Math.max(max, this.part(idf, (this.groups[g] as Indexed).tf.get(word) as number, g));
      this.maxPart.set(word, max);
    }
    this.seen = new Int32Array(this.groups.length);
  }

  private part(idf: number, f: number, group: number): number {
    return (idf * f * (K1 + 1)) / (f + (this.norm[group] as number));
  }

  /** BM25 of a group against the query's words (its own tf as query weights, saturated like a title), summed in the query's word order. */
  private score(query: readonly QueryWord[], group: number): number {
    const { tf } = this.groups[group] as Indexed;
    let total = 0;
    for (const { word, idf, weight } of query) {
      const f = tf.get(word);
      if (f !== undefined) total += this.part(idf, f, group) * weight;
    }
    return total;
  }

  /**
   * Whether a group may score `threshold`: its parts, richest word first, plus the bounds of the
   * words not yet looked at. Most candidates share one rare word and little else, and stop early.
   */
  private mayReach(byBound: readonly QueryWord[], below: readonly number[], group: number, threshold: number): boolean {
    const { tf } = this.groups[group] as Indexed;
    let partial = 0;
    for (let k = byBound.length - 1; k >= 0; k--) {
      if (partial + (below[k] as number) < threshold) return false;
      const { word, idf, weight } = byBound[k] as QueryWord;
      const f = tf.get(word);
      if (f !== undefined) partial += this.part(idf, f, group) * weight;
    }
    return true;
  }

  /** The most similar tasks of other plans, best first, at most `limit`, scoring at least `minScore`. */
  similar(query: number, limit = 3, minScore = 0.2): SimilarClause[] {
    if (limit <= 0) return [];
    const own = this.groupOf[query] as number;
    const words: QueryWord[] = [...(this.groups[own] as Indexed).tf].map(([word, weight]) => {
      const saturated = Math.min(weight, TITLE_WEIGHT);
      return { word, idf: this.idfs.get(word) as number, weight: saturated, bound: (this.maxPart.get(word) as number) * saturated };
    });
    const self = this.score(words, own);
    if (self === 0) return [];
    // Cheapest first; below[w]: the most a task can score from words 0..w alone.
    const byBound = [...words].sort((a, b) => a.bound - b.bound);
    const below: number[] = [];
    byBound.reduce((sum, w, k) => (below[k] = sum + w.bound), 0);
    const ownDoc = (this.docs[query] as ClauseDoc).doc;
    const stamp = ++this.stamp;
    const found: SimilarClause[] = [];
    let threshold = minScore * self;
    // The richest words first: once the cheaper words left cannot lift an unseen task to the
    // threshold, no unseen task can enter the result.
    for (let w = byBound.length - 1; w >= 0 && !((below[w] as number) < threshold); w--) {
      for (const g of this.postings.get((byBound[w] as QueryWord).word) ?? []) {
        if (this.seen[g] === stamp) continue;
        this.seen[g] = stamp;
        if (!this.mayReach(byBound, below, g, threshold)) continue;
        const bm25 = this.score(words, g);
        const score = Math.min(1, bm25 / self);
        if (score < minScore) continue;
        // Copies tie and rank by index: the first `limit` of other plans are all that can be kept.
        let taken = 0;
        for (const index of (this.groups[g] as Indexed).members) {
          if (taken === limit) break;
          if ((this.docs[index] as ClauseDoc).doc === ownDoc) continue;
          found.push({ index, bm25: Number(bm25.toFixed(3)), score: Number(score.toFixed(3)) });
          taken++;
        }
        if (found.length >= limit) {
          found.sort(byRank);
          found.length = limit;
          // A task whose rounded score ties the last kept one may still outrank it (lower index): keep
          // the bar half a rounding step under it.
          threshold = Math.max(threshold, self * ((found[limit - 1] as SimilarClause).score - 0.0005) * (1 - 1e-9));
        }
      }
    }
    return found.sort(byRank).slice(0, limit);
  }
}

/** Same words in the same first-use order: BM25 then sums the same floats in the same order. */
function sameOrder(a: Map<string, number>, b: Map<string, number>): boolean {
  if (a.size !== b.size) return false;
  const left = a.entries();
  for (const [word, count] of b) {
    const next = left.next().value as [string, number];
    if (next[0] !== word || next[1] !== count) return false;
  }
  return true;
}

interface QueryWord {
  word: string;
  idf: number;
  /** The query's own count of the word, saturated at TITLE_WEIGHT. */
  weight: number;
  /** The most this word can add to any task's score. */
  bound: number;
}

const byRank = (a: SimilarClause, b: SimilarClause) => b.score - a.score || a.index - b.index;
