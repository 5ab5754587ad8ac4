// `npm run eval [-- --verbose] [-- --json] [-- --doc ID] [-- --form text|html|pdf|scan|photo]`:
// scores the extractor on the fixtures and prints a report.
// Exits 0 whatever the scores (the quality bar lives in test/eval-gate.test.ts); non-zero only
// when the manifest or a gold file is broken.
import { parseArgs } from 'node:util';
import { evaluateFixtures, FixtureError } from './evaluate.ts';
import { formatDetails, formatOcr, formatReport } from './report.ts';
import { sumScores } from './score.ts';
import { formatDeadlineLine } from './score-deadlines.ts';
import { formatConfidenceLines } from './score-confidence.ts';

async function main(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      verbose: { type: 'boolean' },
      json: { type: 'boolean' },
      doc: { type: 'string', multiple: true },
      form: { type: 'string', multiple: true },
    },
  });
  const verbose = values.verbose ?? false;
  const json = values.json ?? false;
  try {
    // Notes go to stderr so that --json output stays parseable.
    const rows = await evaluateFixtures({ onNote: (note) => console.error(`note: ${note}`) }, { docs: values.doc, forms: values.form });
    if (json) {
      console.log(JSON.stringify({ documents: rows, overall: sumScores(rows) }, null, 2));
      return 0;
    }
    const headings = {
      seed: 'Seed plans (fixtures/seeds: the rules were written on these)',
      dev: 'Development plans (fixtures/heldout*: written aside from the seeds, each measured once blind, tuned on since)',
      blind: 'Blind plans (nobody tunes on these; they measure generality)',
      real: 'Real plans (fixtures/realplans: publicly posted plans; each batch measured once blind, see its README)',
    } as const;
    for (const set of ['seed', 'dev', 'blind', 'real'] as const) {
      const inSet = rows.filter((row) => row.set === set && row.scored);
      if (inSet.length === 0) continue;
      console.log(`\n${headings[set]}`);
      console.log(formatReport(inSet));
      console.log(formatDeadlineLine(sumScores(inSet)));
      for (const line of formatConfidenceLines(sumScores(inSet).confidence)) console.log(line);
    }
    const ocrRows = rows.filter((row) => row.ocr.length > 0);
    if (ocrRows.length > 0) console.log(`\n${formatOcr(ocrRows)}`);
    if (verbose) for (const row of rows) console.log(`\n${formatDetails(row)}`);
    return 0;
  } catch (error) {
    if (error instanceof FixtureError) {
      console.error(`eval: ${error.message}`);
      return 1;
    }
    throw error;
  }
}

process.exitCode = await main(process.argv.slice(2));
