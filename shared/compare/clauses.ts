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

export class ClauseIndex {
  private readonly docs: readonly ClauseDoc[];
  private readonly indexed: Indexed[];
  private readonly df = new Map<string, number>();
  private readonly postings = new Map<string, number[]>();
  private readonly averageLength: number;

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
        this.df.set(word, (this.df.get(word) ?? 0) + 1);
        const list = this.postings.get(word) ?? [];
        list.push(i);
        this.postings.set(word, list);
      }
      return { tf, length: bodyWords.length + TITLE_WEIGHT * titleWords.length };
    });
    this.averageLength = this.indexed.reduce((sum, d) => sum + d.length, 0) / Math.max(1, this.indexed.length);
  }

  private idf(word: string): number {
    const n = this.indexed.length;
    const df = this.df.get(word) ?? 0;
    return Math.log(1 + (n - df + 0.5) / (df + 0.5));
  }

  /** BM25 of every document against the query document's words (its own tf as query weights). */
  private scores(query: number): Map<number, number> {
    const scores = new Map<number, number>();
    const { tf: queryTf } = this.indexed[query] as Indexed;
    for (const [word, queryWeight] of queryTf) {
      const idf = this.idf(word);
      for (const i of this.postings.get(word) ?? []) {
        const doc = this.indexed[i] as Indexed;
        const f = doc.tf.get(word) as number;
        const part = (idf * f * (K1 + 1)) / (f + K1 * (1 - B + (B * doc.length) / this.averageLength));
        // The query's own repetition (a title word) counts, saturated the same way.
        scores.set(i, (scores.get(i) ?? 0) + part * Math.min(queryWeight, TITLE_WEIGHT));
      }
    }
    return scores;
  }

  /** The most similar tasks of other plans, best first, at most `limit`, scoring at least `minScore`. */
  similar(query: number, limit = 3, minScore = 0.2): SimilarClause[] {
    const scores = this.scores(query);
    const self = scores.get(query) ?? 0;
    if (self === 0) return [];
    const ownDoc = (this.docs[query] as ClauseDoc).doc;
    const found: SimilarClause[] = [];
    for (const [index, bm25] of scores) {
      if ((this.docs[index] as ClauseDoc).doc === ownDoc) continue;
      const score = Math.min(1, bm25 / self);
      if (score >= minScore) found.push({ index, bm25: Number(bm25.toFixed(3)), score: Number(score.toFixed(3)) });
    }
    return found.sort((a, b) => b.score - a.score || a.index - b.index).slice(0, limit);
  }
}
