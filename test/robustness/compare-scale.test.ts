// Similar tasks across many plans: the pruned search (MaxScore over the inverted index) finds
// exactly the pairs that scoring every task against every task finds.
import { describe, expect, it } from 'vitest';
import { nodeSegmenter } from '../../pipeline/compare/segmenter.ts';
import { ClauseIndex, clauseBody, TITLE_WEIGHT, type ClauseDoc } from '../../shared/compare/clauses.ts';
import { contentWords } from '../../shared/compare/segment.ts';
import { extractPlan } from '../../shared/extract.ts';
import { comparedPlanTexts } from './generators.ts';

const K1 = 1.2;
const B = 0.75;

/** BM25 of every task against every task sharing a word, as the comparison first did it. */
function exhaustiveSimilar(docs: readonly ClauseDoc[], query: number, limit: number, minScore: number) {
  const segmenter = nodeSegmenter();
  const tfs = docs.map((doc) => {
    const tf = new Map<string, number>();
    const titleWords = doc.title ? contentWords(segmenter(doc.title)) : [];
    const bodyWords = contentWords(segmenter(clauseBody(doc.text)));
    for (const word of bodyWords) tf.set(word, (tf.get(word) ?? 0) + 1);
    for (const word of titleWords) tf.set(word, (tf.get(word) ?? 0) + TITLE_WEIGHT);
    return { tf, length: bodyWords.length + TITLE_WEIGHT * titleWords.length };
  });
  const average = tfs.reduce((sum, d) => sum + d.length, 0) / tfs.length;
  const df = new Map<string, number>();
  for (const { tf } of tfs) for (const word of tf.keys()) df.set(word, (df.get(word) ?? 0) + 1);
  const score = (i: number) => {
    let total = 0;
    for (const [word, weight] of (tfs[query] as { tf: Map<string, number> }).tf) {
      const f = (tfs[i] as { tf: Map<string, number> }).tf.get(word);
      if (f === undefined) continue;
      const n = df.get(word) as number;
      const idf = Math.log(1 + (tfs.length - n + 0.5) / (n + 0.5));
      total += ((idf * f * (K1 + 1)) / (f + K1 * (1 - B + (B * (tfs[i] as { length: number }).length) / average))) * Math.min(weight, TITLE_WEIGHT);
    }
    return total;
  };
  const self = score(query);
  return docs
    .map((doc, index) => ({ index, doc: doc.doc, bm25: score(index) }))
    .filter((s) => s.doc !== (docs[query] as ClauseDoc).doc && s.bm25 > 0 && Math.min(1, s.bm25 / self) >= minScore)
    .map((s) => ({ index: s.index, bm25: Number(s.bm25.toFixed(3)), score: Number(Math.min(1, s.bm25 / self).toFixed(3)) }))
    .sort((a, b) => b.score - a.score || a.index - b.index)
    .slice(0, limit);
}

describe('similar tasks across many plans', () => {
  it('finds the same pairs as scoring every pair', { timeout: 60_000 }, () => {
    const exports = comparedPlanTexts(30).map((text, k) => extractPlan(text, { id: String(k).padStart(64, '0'), source: { kind: 'text', url: null, file: `p${k}.txt` } }));
    const docs = exports.flatMap((exp, doc) => exp.tasks.map((task) => ({ doc, title: task.title, text: task.text })));
    expect(docs.length).toBeGreaterThan(600);
    const index = new ClauseIndex(docs, nodeSegmenter());
    let pairs = 0;
    for (let query = 0; query < docs.length; query += 7) {
      for (const [limit, minScore] of [[3, 0.2], [5, 0.5], [2, 0]] as const) {
        const found = index.similar(query, limit, minScore);
        expect(found).toEqual(exhaustiveSimilar(docs, query, limit, minScore));
        pairs += found.length;
      }
    }
    expect(pairs).toBeGreaterThan(500);
  });
});
