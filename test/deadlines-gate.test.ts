// The deadline bar of issue 12: precision and recall ≥ 0.95 on the seed and dev plans (text form),
// against the `deadlines` lists of their gold assignments.
import { describe, expect, it } from 'vitest';
import { evaluateFixtures } from '../pipeline/eval/evaluate.ts';
import { formatDetails } from '../pipeline/eval/report.ts';
import { sumScores } from '../pipeline/eval/score.ts';

describe('deadline quality gate (seed and dev plans, text form)', () => {
  it('finds the deadlines gold lists, and little else', async () => {
    const rows = await evaluateFixtures({}, { sets: ['seed', 'dev'], forms: ['text'] });
    const overall = sumScores(rows).deadlines;
    const costly = rows.filter((r) => (r.deadlines?.missed.length ?? 0) + (r.deadlines?.spurious.length ?? 0) > 0);
    if (costly.length > 0) console.log(costly.map((r) => formatDetails(r)).join('\n\n'));
    // Enough gold that the bar means something.
    expect(overall?.tp ?? 0).toBeGreaterThanOrEqual(40);
    expect(overall?.precision ?? 0, 'deadline precision').toBeGreaterThanOrEqual(0.95);
    expect(overall?.recall ?? 0, 'deadline recall').toBeGreaterThanOrEqual(0.95);
  });
});
