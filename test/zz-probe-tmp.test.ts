import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { it } from 'vitest';
import { comparePlans } from '../shared/compare/compare.ts';
import { indicatorTable } from '../shared/compare/views.ts';
import { extractPlan } from '../shared/extract.ts';
import { nodeSegmenter } from '../pipeline/compare/segmenter.ts';
const FIXTURES = join(import.meta.dirname, '..', 'fixtures');
it('probe', () => {
  const exps = readdirSync(join(FIXTURES, 'seeds')).filter((n) => n.endsWith('.txt')).sort()
    .map((name) => extractPlan(readFileSync(join(FIXTURES, 'seeds', name), 'utf8'), { id: '0'.repeat(64), source: { kind: 'text', url: null, file: name } }));
  const c = comparePlans(exps, { segmenter: nodeSegmenter() });
  console.log(JSON.stringify(c.plans));
  const t = indicatorTable(c, { minPlans: 2 });
  console.log(t.header, t.rows.slice(0, 4), t.rows.length, c.indicators.length);
  const park = c.indicators.find((i) => i.id === 'park-area-per-capita');
  console.log(JSON.stringify(park, null, 1).slice(0, 2500));
  console.log(c.clauses.length, JSON.stringify(c.clauses[0]).slice(0, 800));
  console.log(c.units.slice(0, 5).map((u) => [u.unit, u.names, u.plans, u.duties.length]));
});
