import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { extractPlan } from '../shared/extract.ts';
import { compareIndicators } from '../shared/compare/compare.ts';
import { nodeSegmenter } from '../pipeline/compare/segmenter.ts';
const exps = [];
for (const dir of process.argv.slice(2)) for (const n of readdirSync(dir).filter(f=>f.endsWith('.txt')).sort())
  exps.push(extractPlan(readFileSync(join(dir,n),'utf8'), { id: '0'.repeat(64), source: { kind: 'text', url: null, file: n } }));
const seg = nodeSegmenter();
const t0 = performance.now();
const ind = compareIndicators(exps, { segmenter: seg });
console.log('ms', performance.now()-t0);
for (const g of ind) { if (g.plans < 2 && !process.env.ALL) continue; console.log(`${g.plans} ${g.id} [${g.name}] ${g.direction}`); for (const m of g.members) console.log(`     ${m.doc.slice(0,14)} ${m.targetId} ${m.metric} ${m.op} ${m.value}${m.unit} ${m.match} ${m.score}${m.stricter?' *':''}`); }
console.log('groups', ind.length, 'shared', ind.filter(g=>g.plans>1).length);
