import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { extractPlan } from '../shared/extract.ts';
import { comparePlans } from '../shared/compare/compare.ts';
import { nodeSegmenter } from '../pipeline/compare/segmenter.ts';
const exps = [];
for (const dir of ['fixtures/seeds']) for (const n of readdirSync(dir).filter(f=>f.endsWith('.txt')).sort())
  exps.push(extractPlan(readFileSync(join(dir,n),'utf8'), { id: '0'.repeat(64), source: { kind: 'text', url: null, file: n } }));
const t0=performance.now();
const c = comparePlans(exps, { segmenter: nodeSegmenter() });
console.log('ms', performance.now()-t0, JSON.stringify(c).length);
for (const cl of c.clauses.filter(x => /志愿服务制度|志愿服务/.test(x.title ?? ''))) console.log(cl.doc.slice(0,3), cl.taskId, cl.title, '=>', cl.similar.map(s => `${s.doc.slice(0,3)} ${s.taskId} ${s.title} ${s.score}`).join(' | '));
for (const u of c.units.slice(0,10)) console.log(u.unit, u.names.join(','), u.plans, u.duties.length);
