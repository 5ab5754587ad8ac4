// `npm run check:gold [-- GOLD_OR_TEXT...]`: checks gold files against their texts without running
// the extractor (so an annotator can check gold written blind). With no arguments it checks every
// document of fixtures/manifest.json (its text form). With arguments, each `X.gold.json` is checked
// against `X.txt` beside it.
// Problems: the file does not validate; a quote is not a contiguous piece of the normalised text;
// an assignment quote occurs more than once; the gold's doc id differs from the file name.
import { readFile } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { loadGold } from './gold.ts';
import { DEFAULT_FIXTURES_DIR, loadManifest } from './evaluate.ts';
import { normaliseQuote } from './quote.ts';

interface Pair {
  gold: string;
  text: string;
  doc: string | null;
}

function occurrences(haystack: string, needle: string): number {
  let count = 0;
  for (let at = haystack.indexOf(needle); at !== -1; at = haystack.indexOf(needle, at + 1)) count += 1;
  return count;
}

export async function checkGold(pair: Pair): Promise<string[]> {
  const problems: string[] = [];
  let gold;
  try {
    gold = loadGold(JSON.parse(await readFile(pair.gold, 'utf8')) as unknown);
  } catch (error) {
    return [`${pair.gold}: ${error instanceof Error ? error.message : String(error)}`];
  }
  if (pair.doc !== null && gold.doc !== pair.doc) problems.push(`${pair.gold}: doc is "${gold.doc}", expected "${pair.doc}"`);
  const text = normaliseQuote(await readFile(pair.text, 'utf8'));
  gold.targets.forEach((target, i) => {
    if (!text.includes(normaliseQuote(target.quote))) problems.push(`${pair.gold}: targets[${i}] quote not in text: ${target.quote}`);
    if (target.metric.trim() === '') problems.push(`${pair.gold}: targets[${i}] has an empty metric`);
  });
  gold.assignments.forEach((assignment, i) => {
    const n = occurrences(text, normaliseQuote(assignment.quote));
    if (n === 0) problems.push(`${pair.gold}: assignments[${i}] quote not in text: ${assignment.quote}`);
    if (n > 1) problems.push(`${pair.gold}: assignments[${i}] quote occurs ${n} times (make it unique): ${assignment.quote}`);
    if (assignment.lead.length + assignment.responsible.length === 0) problems.push(`${pair.gold}: assignments[${i}] names no unit`);
  });
  return problems;
}

async function pairs(args: string[]): Promise<Pair[]> {
  if (args.length > 0) {
    return args.map((arg) => {
      const stem = arg.replace(/\.gold\.json$|\.txt$/u, '');
      return { gold: `${stem}.gold.json`, text: `${stem}.txt`, doc: basename(stem) };
    });
  }
  const manifest = await loadManifest(DEFAULT_FIXTURES_DIR);
  return manifest.documents
    .filter((entry) => entry.forms.text !== undefined)
    .map((entry) => ({ gold: resolve(DEFAULT_FIXTURES_DIR, entry.gold), text: resolve(DEFAULT_FIXTURES_DIR, entry.forms.text!), doc: entry.doc }));
}

async function main(args: string[]): Promise<number> {
  const list = await pairs(args);
  let bad = 0;
  for (const pair of list) {
    const problems = await checkGold(pair);
    for (const problem of problems) console.log(problem);
    if (problems.length > 0) bad += 1;
  }
  console.log(`${list.length} gold files checked, ${bad} with problems`);
  return bad === 0 ? 0 : 1;
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(new URL(import.meta.url).pathname)) {
  process.exitCode = await main(process.argv.slice(2));
}
