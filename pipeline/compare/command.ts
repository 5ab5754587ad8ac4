// govclip compare EXPORT_OR_INPUT… [--json|--csv|--xlsx|--md] [--out FILE] [--lexicon CSV]:
// plans side by side. Inputs are export JSON files (govclip extract --json/--out, one export or
// an array), plan files run through extraction, or directories of either.
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { parseCommandArgs } from '../command-args.ts';
import { comparePlans } from '../../shared/compare/compare.ts';
import { parseLexiconCsv, type LexiconEntry } from '../../shared/compare/lexicon.ts';
import type { Comparison } from '../../shared/compare/schema.ts';
import { clauseTable, indicatorDetailTable, indicatorTable, renderCsv, renderMarkdownTable, renderTextTable, STRICTER_MARK, unitTable, type PlanSource, type Table } from '../../shared/compare/views.ts';
import { comparisonWorkbook } from '../../shared/compare/xlsx.ts';
import { exportSchema, type GovClipExport } from '../../shared/schema.ts';
import { describeIssues } from '../../shared/validation.ts';
import { extractFile } from '../extract-file.ts';
import { kindOf } from '../load/load-document.ts';
import { OcrPool } from '../load/ocr.ts';
import { describeFsError, expandInputs } from '../inputs.ts';
import { decodeText } from '../load/decode-text.ts';
import { writeWhole } from '../write-whole.ts';

export const COMPARE_USAGE = `Usage: govclip compare EXPORT_OR_INPUT… [--json|--csv|--xlsx|--md] [--out FILE] [--lexicon CSV]

  compare      line plans up: each indicator's targets by plan (the stricter marked ${STRICTER_MARK}),
               similar tasks side by side with a diff, each unit's duties across plans.
               Inputs: export JSON files (govclip extract --json / --out), plan files
               (.txt .html .pdf .png .jpg, extracted on the way) and directories of either
  --json       the whole comparison as JSON (indicators, clauses, units)
  --csv        the indicators, one row per target, as CSV (UTF-8 with BOM); --view picks another
  --md         the indicator table as Markdown; --view picks another
  --xlsx       a workbook with one sheet per view; written to --out (default compare.xlsx)
  --view V     for --csv and --md: indicators (default), targets, clauses or units
  --out FILE   write to FILE instead of printing
  --lexicon F  your own indicator wordings, CSV: indicator,wording[,direction]
  --all        the terminal table lists indicators of a single plan too
  --help       show this help`;

export interface CompareIo {
  out: (text: string) => void;
  err: (text: string) => void;
}

interface Loaded {
  exports: GovClipExport[];
  failed: number;
}

/** An export file's JSON: one export or an array of them; anything else is one clear line. */
function readExports(path: string, text: string): { exports: GovClipExport[] } | { error: string } {
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    return { error: `not valid JSON (${(error as Error).message})` };
  }
  const items = Array.isArray(value) ? value : [value];
  const exports: GovClipExport[] = [];
  for (const [i, item] of items.entries()) {
    const parsed = exportSchema.safeParse(item);
    if (!parsed.success) {
      const where = Array.isArray(value) ? `[${i}] ` : '';
      return { error: `not a GovClip export (${where}${describeIssues(parsed.error, 1)}); make one with govclip extract --json` };
    }
    exports.push(parsed.data);
  }
  if (exports.length === 0) return { error: 'an empty list: no exports in it' };
  return { exports };
}

const isExportFile = (name: string) => extname(name).toLowerCase() === '.json';

/** Every input as exports; a file that fails is reported and skipped. The same plan twice counts once. */
export async function loadPlans(inputs: readonly string[], io: CompareIo): Promise<Loaded> {
  const { paths, missing } = await expandInputs(inputs, io.err, (name) => isExportFile(name) || kindOf(name) !== null, 'exports or plan files');
  let failed = missing;
  const exports: GovClipExport[] = [];
  const seen = new Set<string>();
  const keep = (exp: GovClipExport, path: string) => {
    if (seen.has(exp.document.id)) {
      io.err(`govclip: ${path}: the same plan as an earlier input, compared once`);
      return;
    }
    seen.add(exp.document.id);
    exports.push(exp);
  };
  let pool: OcrPool | null = null;
  try {
    for (const path of paths) {
      if (isExportFile(path)) {
        let text: string;
        try {
          text = await readFile(path, 'utf8');
        } catch (error) {
          io.err(`govclip: ${path}: cannot read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
          failed++;
          continue;
        }
        const read = readExports(path, text);
        if ('error' in read) {
          io.err(`govclip: ${path}: ${read.error}`);
          failed++;
          continue;
        }
        for (const exp of read.exports) keep(exp, path);
      } else if (kindOf(path) === null) {
        io.err(`govclip: ${path}: not an export (.json) or a plan file (.txt .html .pdf .png .jpg)`);
        failed++;
      } else {
        const result = await extractFile(path, { ocr: 'auto', pool: () => (pool ??= new OcrPool()) });
        if (!result.ok) {
          io.err(`govclip: ${path}: ${result.error}`);
          failed++;
          continue;
        }
        keep(result.export, path);
      }
    }
  } finally {
    await (pool as OcrPool | null)?.terminate();
  }
  return { exports, failed };
}

/** Problems listed before the rest are counted: a wrong file should not scroll the screen away. */
const MAX_LEXICON_PROBLEMS = 5;

async function readLexicon(path: string, io: CompareIo): Promise<LexiconEntry[] | null> {
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await readFile(path));
  } catch (error) {
    io.err(`govclip: --lexicon ${path}: cannot read this file: ${describeFsError(error)}`);
    return null;
  }
  const decoded = decodeText(bytes);
  if (!decoded.ok) {
    io.err(`govclip: --lexicon ${path}: ${decoded.error}; expected a CSV file: indicator,wording[,direction]`);
    return null;
  }
  const { entries, problems } = parseLexiconCsv(decoded.text);
  if (entries.length === 0) {
    io.err(`govclip: --lexicon ${path}: no indicators in this file (expected: indicator,wording[,direction])`);
    return null;
  }
  for (const problem of problems.slice(0, MAX_LEXICON_PROBLEMS)) io.err(`govclip: ${path}: ${problem}`);
  if (problems.length > MAX_LEXICON_PROBLEMS) io.err(`govclip: ${path}: and ${problems.length - MAX_LEXICON_PROBLEMS} more problems`);
  return entries;
}

/** The terminal view: the indicators at least two plans share, and a count of the rest. */
export function formatIndicatorOverview(comparison: Comparison, options: { all?: boolean } = {}): string {
  const shared = indicatorTable(comparison, { minPlans: options.all ? 1 : 2 });
  const lines: string[] = [];
  const plans = comparison.plans.length;
  const single = comparison.indicators.filter((i) => i.plans < 2).length;
  lines.push(`${plans} plans · ${comparison.indicators.length} indicators, ${comparison.indicators.length - single} shared by two or more plans`);
  if (shared.rows.length > 0) lines.push('', renderTextTable(shared, 30));
  else lines.push('', 'No indicator appears in two plans.');
  lines.push('', `${STRICTER_MARK} the stricter target (direction-aware: for ≤ indicators the lower).`);
  if (!options.all && single > 0) lines.push(`${single} indicators appear in one plan only (--all lists them; --json, --csv or --xlsx for everything).`);
  const clausePairs = comparison.clauses.reduce((n, c) => n + c.similar.length, 0);
  lines.push(`${clausePairs} similar task pairs, ${comparison.units.filter((u) => u.plans > 1).length} units with duties in several plans (--json, --md --view clauses|units, --xlsx).`);
  return lines.join('\n');
}

function viewTable(comparison: Comparison, view: string, markdown: boolean, sources: readonly PlanSource[]): Table {
  if (view === 'clauses') return clauseTable(comparison);
  if (view === 'units') return unitTable(comparison);
  if (view === 'targets') return indicatorDetailTable(comparison, sources);
  // CSV is for spreadsheets: its default is the long table with every figure's source.
  return markdown ? indicatorTable(comparison) : indicatorDetailTable(comparison, sources);
}

export async function compareCommand(args: string[], io: CompareIo): Promise<number> {
  const parsed = parseCommandArgs(
    args,
    {
      json: { type: 'boolean' },
      csv: { type: 'boolean' },
      xlsx: { type: 'boolean' },
      md: { type: 'boolean' },
      view: { type: 'string', default: 'indicators' },
      out: { type: 'string' },
      lexicon: { type: 'string' },
      all: { type: 'boolean' },
      help: { type: 'boolean' },
    },
    COMPARE_USAGE,
    (text) => io.err(text),
  );
  if (parsed === null) return 2;
  const { values, positionals } = parsed;
  if (values.help) {
    io.out(COMPARE_USAGE);
    return 0;
  }
  const formats = (['json', 'csv', 'xlsx', 'md'] as const).filter((f) => values[f]);
  if (formats.length > 1) {
    io.err(`govclip: choose one of --json, --csv, --xlsx, --md\n${COMPARE_USAGE}`);
    return 2;
  }
  if (!['indicators', 'targets', 'clauses', 'units'].includes(values.view)) {
    io.err(`govclip: --view must be indicators, targets, clauses or units\n${COMPARE_USAGE}`);
    return 2;
  }
  if (positionals.length === 0) {
    io.err(`govclip: compare needs exports, plan files or directories\n${COMPARE_USAGE}`);
    return 2;
  }
  const extraLexicon = values.lexicon ? await readLexicon(values.lexicon, io) : [];
  if (extraLexicon === null) return 1;

  const { exports, failed } = await loadPlans(positionals, io);
  if (exports.length === 0) {
    io.err('govclip: no plans to compare');
    return 1;
  }
  const format = formats[0];
  // jieba's node build compiles its wasm on import: loaded here, not on every `govclip extract`.
  const { nodeSegmenter } = await import('./segmenter.ts');
  const comparison = comparePlans(exports, { segmenter: nodeSegmenter(), extraLexicon, clauses: true });
  // Each figure's sentence and address, in the comparison's plan order (one plan per export).
  const sources: PlanSource[] = exports.map((exp) => ({ text: exp.document.text, url: exp.document.source.url ?? exp.document.source.file }));

  const emit = async (content: string | Uint8Array, defaultFile: string | null) => {
    const file = values.out ?? defaultFile;
    if (file) {
      await writeWhole(file, content);
      io.err(`govclip: wrote ${file}`);
    } else io.out(typeof content === 'string' ? content.replace(/\n$/, '') : '');
  };
  try {
    if (format === 'json') await emit(`${JSON.stringify(comparison, null, 2)}\n`, null);
    else if (format === 'csv') await emit(renderCsv(viewTable(comparison, values.view, false, sources)), null);
    else if (format === 'md') await emit(`${renderMarkdownTable(viewTable(comparison, values.view, true, sources))}\n`, null);
    else if (format === 'xlsx') {
      await emit(comparisonWorkbook(comparison, sources), 'compare.xlsx');
    } else await emit(formatIndicatorOverview(comparison, { all: values.all }), null);
  } catch (error) {
    io.err(`govclip: cannot write ${values.out ?? 'compare.xlsx'}: ${describeFsError(error)}`);
    return 1;
  }
  return failed > 0 ? 1 : 0;
}
