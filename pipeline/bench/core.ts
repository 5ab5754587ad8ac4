// Extraction speed over the bundled seed plans (median per document, MB/s) and peak memory.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractPlan } from '../../shared/extract.ts';

const SEEDS = join(import.meta.dirname, '..', '..', 'fixtures', 'seeds');
const WARMUP = 5;
const RUNS = Number(process.env.GOVCLIP_BENCH_RUNS ?? 30);

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

export function benchCore(): void {
let peakRss = process.memoryUsage().rss;
const sampleMemory = () => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
};

const rows: string[] = [];
let totalBytes = 0;
let totalMs = 0;
for (const name of readdirSync(SEEDS).filter((n) => n.endsWith('.txt')).sort()) {
  const text = readFileSync(join(SEEDS, name), 'utf8');
  const bytes = Buffer.byteLength(text);
  const options = { id: '0'.repeat(64), source: { kind: 'text' as const, url: null, file: name } };
  for (let i = 0; i < WARMUP; i++) extractPlan(text, options);
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    extractPlan(text, options);
    times.push(performance.now() - started);
    sampleMemory();
  }
  const ms = median(times);
  totalBytes += bytes;
  totalMs += ms;
  rows.push(`${name.padEnd(28)} ${(bytes / 1024).toFixed(1).padStart(6)} KB  median ${ms.toFixed(2).padStart(7)} ms  ${(bytes / 1048576 / (ms / 1000)).toFixed(2).padStart(6)} MB/s`);
}

console.log(`extraction over ${rows.length} seed plans (${WARMUP} warm-up runs, median of ${RUNS})`);
for (const row of rows) console.log(row);
console.log(`overall ${(totalBytes / 1048576 / (totalMs / 1000)).toFixed(2)} MB/s · peak RSS ${(peakRss / 1048576).toFixed(0)} MB`);
console.log('goals: a 40 KB plan in < 20 ms once warm; memory < 150 MB');
}
