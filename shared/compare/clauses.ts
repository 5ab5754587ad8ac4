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
}

/**
 * BM25 with exact top-k by MaxScore pruning. Each word's largest possible contribution to any
 * score is known in advance; a query's words are taken cheapest first, and those whose bounds
 * together stay under the score a match needs (minScore × the task's score against itself) are
 * "non-essential": a task that shares only them cannot qualify, so candidates come from the
 * postings of the rarer words only, and each is scored exactly. The words in most tasks
 * (工作, 加强) fall out this way, and 200 plans of one template no longer score every pair.
 */
export class ClauseIndex {
  private readonly docs: readonly ClauseDoc[];
  private readonly indexed: Indexed[];
  private readonly postings = new Map<string, number[]>();
  /** BM25's length normalisation of each task: K1 · (1 − B + B · length / average). */
  private readonly norm: Float64Array;
  private readonly idfs = new Map<string, number>();
  /** The largest per-task part (before query weight) each word can add to a score. */
  private readonly maxPart = new Map<string, number>();
  /** Marks of the tasks already taken as candidates for the current query. */
  private readonly seen: Int32Array;
  private stamp = 0;

  constructor(docs: readonly ClauseDoc[], segmenter: Segmenter) {
    this.docs = docs;
    this.indexed = docs.map((doc, i) => {
      const tf = new Map<string, number>();
      const add = (words: string[], weight: number) => {
        for (const word of words) tf.set(word, (tf.get(word) ?? 0) + weight);
      };
      const titleWords = doc.title ? contentWords(segmenter(doc.title)) : [];
      const bodyWords = contentWords(segmenter(clauseBody(doc.text)));
      add(bodyWords, 1);
      add(titleWords, TITLE_WEIGHT);
      for (const word of tf.keys()) {
        const list = this.postings.get(word);
        if (list) list.push(i);
        else this.postings.set(word, [i]);
      }
      return { tf, length: bodyWords.length + TITLE_WEIGHT * titleWords.length };
    });
    const averageLength = this.indexed.reduce((sum, d) => sum + d.length, 0) / Math.max(1, this.indexed.length);
    this.norm = Float64Array.from(this.indexed, (d) => K1 * (1 - B + (B * d.length) / averageLength));
    const n = this.indexed.length;
    for (const [word, list] of this.postings) {
      const df = list.length;
      const idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
      this.idfs.set(word, idf);
      let max = 0;
      for (const i of list) max = Math.max(max, this.part(idf, (this.indexed[i] as Indexed).tf.get(word) as number, i));
      this.maxPart.set(word, max);
    }
    this.seen = new Int32Array(n);
  }

  private part(idf: number, f: number, doc: number): number {
    return (idf * f * (K1 + 1)) / (f + (this.norm[doc] as number));
  }

  /** BM25 of task `doc` against the query's words (its own tf as query weights, saturated like a title), summed in the query's word order. */
  private score(query: readonly QueryWord[], doc: number): number {
    const { tf } = this.indexed[doc] as Indexed;
    let total = 0;
    for (const { word, idf, weight } of query) {
      const f = tf.get(word);
      if (f !== undefined) total += this.part(idf, f, doc) * weight;
    }
    return total;
  }

  /**
   * Whether task `doc` may score `threshold`: its parts, richest word first, plus the bounds of the
   * words not yet looked at. Most candidates share one rare word and little else, and stop early.
   */
  private mayReach(byBound: readonly QueryWord[], below: readonly number[], doc: number, threshold: number): boolean {
    const { tf } = this.indexed[doc] as Indexed;
    let partial = 0;
    for (let k = byBound.length - 1; k >= 0; k--) {
      if (partial + (below[k] as number) < threshold) return false;
      const { word, idf, weight } = byBound[k] as QueryWord;
      const f = tf.get(word);
      if (f !== undefined) partial += this.part(idf, f, doc) * weight;
    }
    return true;
  }

  /** The most similar tasks of other plans, best first, at most `limit`, scoring at least `minScore`. */
  similar(query: number, limit = 3, minScore = 0.2): SimilarClause[] {
    if (limit <= 0) return [];
    const words: QueryWord[] = [...(this.indexed[query] as Indexed).tf].map(([word, weight]) => {
      const saturated = Math.min(weight, TITLE_WEIGHT);
      return { word, idf: this.idfs.get(word) as number, weight: saturated, bound: (this.maxPart.get(word) as number) * saturated };
    });
    const self = this.score(words, query);
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
      for (const i of this.postings.get((byBound[w] as QueryWord).word) ?? []) {
        if (this.seen[i] === stamp) continue;
        this.seen[i] = stamp;
        if ((this.docs[i] as ClauseDoc).doc === ownDoc) continue;
        if (!this.mayReach(byBound, below, i, threshold)) continue;
        const bm25 = this.score(words, i);
        const score = Math.min(1, bm25 / self);
        if (score < minScore) continue;
        found.push({ index: i, bm25: Number(bm25.toFixed(3)), score: Number(score.toFixed(3)) });
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

interface QueryWord {
  word: string;
  idf: number;
  /** The query's own count of the word, saturated at TITLE_WEIGHT. */
  weight: number;
  /** The most this word can add to any task's score. */
  bound: number;
}

const byRank = (a: SimilarClause, b: SimilarClause) => b.score - a.score || a.index - b.index;
