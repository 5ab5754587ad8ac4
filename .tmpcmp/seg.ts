import { nodeSegmenter } from '../pipeline/compare/segmenter.ts';
import { contentWords } from '../shared/compare/segment.ts';
import { normaliseMetric } from '../shared/compare/wording.ts';
const s = nodeSegmenter();
for (const m of process.argv.slice(2)) { const n = normaliseMetric(m); console.log(m, '→', n, '→', contentWords(s(n)).join('|')); }
