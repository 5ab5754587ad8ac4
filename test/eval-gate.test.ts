// The quality gate: the extractor on the four seed plans (text form) must clear the bars set in
// the issue. Scores come from pipeline/eval; the report is printed so a failure shows where.
import { describe, it, expect } from 'vitest';
import { evaluateFixtures, type EvaluatedDoc } from '../pipeline/eval/evaluate.ts';
import { formatDetails, formatReport } from '../pipeline/eval/report.ts';
import { sumScores } from '../pipeline/eval/score.ts';

const SEEDS = ['seed-001', 'seed-002', 'seed-003', 'seed-004'];
const TARGET_F1 = 0.95;
const OP_ACCURACY = 0.95;
const UNIT_PAIR_F1 = 0.97;

describe('quality gate on the seed plans (text form)', () => {
  it('clears the target and responsible-unit bars', async () => {
    const notes: string[] = [];
    const all = await evaluateFixtures({ onNote: (note) => notes.push(note) }, { sets: ['seed'], forms: ['text'] });
    const rows: EvaluatedDoc[] = all.filter((row) => row.form === 'text' && SEEDS.includes(row.doc));

    console.log(`${formatReport(rows)}\n\n${rows.map((row) => formatDetails(row)).join('\n\n')}`);
    if (notes.length > 0) console.log(`notes:\n${notes.join('\n')}`);

    // Every seed must be scored, so a shrunken manifest cannot pass the gate by omission.
    expect(rows.map((row) => row.doc).sort()).toEqual(SEEDS);
    expect(rows.filter((row) => row.error !== null).map((row) => `${row.doc}: ${row.error}`)).toEqual([]);

    const overall = sumScores(rows);
    expect(overall.targets.f1 ?? 0, 'targets F1').toBeGreaterThanOrEqual(TARGET_F1);
    expect(overall.targets.opAccuracy ?? 0, 'op accuracy').toBeGreaterThanOrEqual(OP_ACCURACY);
    expect(overall.assignments.roles.f1 ?? 0, 'responsible units (role, unit) F1').toBeGreaterThanOrEqual(UNIT_PAIR_F1);
  });
});
