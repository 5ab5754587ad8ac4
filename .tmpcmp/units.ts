import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { extractPlan } from '../shared/extract.ts';
for (const dir of ['fixtures/seeds','fixtures/heldout']) for (const n of readdirSync(dir).filter(f=>f.endsWith('.txt')).sort()) {
  const e = extractPlan(readFileSync(join(dir,n),'utf8'), { id: '0'.repeat(64), source: { kind: 'text', url: null, file: n } });
  console.log(n, e.document.region, e.units.map(u=>u.canonical).join(' '));
  if (n.startsWith('004')) for (const t of e.tasks.slice(0,3)) console.log(JSON.stringify(t).slice(0,600));
}
