// The follow-up stages over the seed plans (median ms once warm): the 任务分解表 workbook of the
// longest plan, a diff of it against a revised copy, and the timeline of all four.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { breakdownSheets } from '../../shared/breakdown/table.ts';
import { buildXlsx } from '../../shared/compare/xlsx.ts';
import { extractPlan } from '../../shared/extract.ts';
import { diffPlans } from '../../shared/plan-diff/diff.ts';
import type { GovClipExport } from '../../shared/schema.ts';
import { buildTimeline } from '../../shared/timeline/timeline.ts';

const SEEDS = join(import.meta.dirname, '..', '..', 'fixtures', 'seeds');
const RUNS = Number(process.env.GOVCLIP_BENCH_RUNS ?? 30);

function medianMs(run: () => unknown): number {
  for (let i = 0; i < 3; i++) run();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    run();
    times.push(performance.now() - started);
  }
  return times.sort((a, b) => a - b)[Math.floor(times.length / 2)] as number;
}

export function benchFollowup(): void {
  const extract = (text: string, name: string): GovClipExport => extractPlan(text, { id: '0'.repeat(64), source: { kind: 'text', url: null, file: name } });
  const names = readdirSync(SEEDS).filter((n) => n.endsWith('.txt')).sort();
  const texts = names.map((name) => readFileSync(join(SEEDS, name), 'utf8'));
  const plans = texts.map((text, i) => extract(text, names[i] as string));
  const longest = plans.reduce((a, b) => (b.tasks.length > a.tasks.length ? b : a));
  // A revision: every percentage one point higher, so many tasks change a little.
  const revised = extract(longest.document.text.replace(/(\d+)%/g, (_, n: string) => `${Number(n) + 1}%`), 'revised');
  console.log(`follow-up stages (median of ${RUNS}); the longest seed has ${longest.tasks.length} tasks`);
  console.log(`任务分解表 xlsx       ${medianMs(() => buildXlsx(breakdownSheets([longest]))).toFixed(2).padStart(7)} ms`);
  console.log(`diff against a revision ${medianMs(() => diffPlans(longest, revised)).toFixed(2).padStart(7)} ms`);
  console.log(`timeline of ${plans.length} plans    ${medianMs(() => buildTimeline(plans, { today: '2024-07-01' })).toFixed(2).padStart(7)} ms`);
  console.log('goals: each < 50 ms for a plan of this size');
}
