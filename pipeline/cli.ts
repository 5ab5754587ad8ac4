// govclip: the command line. `govclip extract FILE|DIR… [--json] [--out DIR]`, `govclip compare …`.
import { mkdir, writeFile } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { validateExport, type GovClipExport } from '../shared/schema.ts';
import { compareCommand, COMPARE_USAGE } from './compare/command.ts';
import { extractFile, type FileResult } from './extract-file.ts';
import { expandInputs } from './inputs.ts';
import { kindOf, type OcrMode } from './load/load-document.ts';
import { OCR_LANGUAGE, OcrPool } from './load/ocr.ts';
import { createProgress, type Progress } from './progress.ts';
import { formatSummary } from './summary.ts';
import { languageOf, messageLanguage } from './messages-locale.ts';

const USAGE = `Usage: govclip extract FILE|DIR… [--json] [--out DIR] [--ocr auto|always|never]

  extract      read plans (.txt, .html, .pdf, scanned .pdf, .png, .jpg) and print their
               tasks, responsible units and targets
  --json       print the JSON export (an array when several files are given)
  --out DIR    write one <name>.json export per input into DIR
  --ocr MODE   auto: OCR only pages without text (default); always; never
  --lang LANG  zh or en: the language of warnings (default: from LANG); chi_sim, the
               OCR language, is the only one shipped
  --quiet      no progress output
  --help       show this help

${COMPARE_USAGE.replace(/^Usage: /, '       ')}`;

export interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
  /** Progress for a batch of n files; absent where nobody watches (tests). */
  progress?: (files: number) => Progress;
}

const processIo: Io = {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
  progress: (files) => createProgress(files, process.stderr),
};

/** One line of the batch summary: counts only, so a long batch does not keep every export. */
function batchRow(r: FileResult): string[] {
  return r.ok
    ? [r.file, r.kind, r.pages === null ? '-' : String(r.pages), String(r.export.tasks.length), String(r.export.units.length), String(r.export.targets.length), String(r.export.warnings.length), r.seconds.toFixed(2)]
    : [r.file, '-', '-', '-', '-', '-', '-', `${r.seconds.toFixed(2)}  failed: ${r.error}`];
}

function batchTable(rows: readonly string[][]): string {
  const header = ['file', 'kind', 'pages', 'tasks', 'units', 'targets', 'warnings', 'seconds'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => (row[i] as string).length)));
  const line = (cells: readonly string[]) => cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i] as number))).join('  ');
  return [line(header), ...rows.map(line)].join('\n');
}

async function extractCommand(args: string[], io: Io): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: {
        json: { type: 'boolean' },
        out: { type: 'string' },
        ocr: { type: 'string', default: 'auto' },
        lang: { type: 'string', default: OCR_LANGUAGE },
        quiet: { type: 'boolean' },
        help: { type: 'boolean' },
      },
    });
  } catch (error) {
    io.err(`govclip: ${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  const ocr = parsed.values.ocr as OcrMode;
  if (!['auto', 'always', 'never'].includes(ocr)) {
    io.err(`govclip: --ocr must be auto, always or never\n${USAGE}`);
    return 2;
  }
  const language = messageLanguage(parsed.values.lang === OCR_LANGUAGE ? undefined : parsed.values.lang);
  if (parsed.values.lang !== OCR_LANGUAGE && languageOf(parsed.values.lang) === null) {
    io.err(`govclip: --lang ${parsed.values.lang} is not available: only ${OCR_LANGUAGE} is shipped`);
    return 2;
  }
  if (parsed.values.help) {
    io.out(USAGE);
    return 0;
  }
  if (parsed.positionals.length === 0) {
    io.err(`govclip: extract needs at least one file or directory\n${USAGE}`);
    return 2;
  }
  const { paths, missing } = await expandInputs(parsed.positionals, io.err, (name) => kindOf(name) !== null, 'plan files');
  const outDir = parsed.values.out;
  if (outDir) await mkdir(outDir, { recursive: true });

  const rows: string[][] = [];
  let failed = 0;
  const exports: GovClipExport[] = [];
  let pool: OcrPool | null = null;
  const progress = parsed.values.quiet ? null : io.progress?.(paths.length) ?? null;
  try {
    for (const [index, path] of paths.entries()) {
      progress?.fileStarted(index, path);
      const result = await extractFile(path, { ocr, pool: () => (pool ??= new OcrPool()), onPage: (done, of) => progress?.page(done, of) });
      progress?.fileDone(index, path, result.ok, result.seconds);
      rows.push(batchRow(result));
      if (!result.ok) {
        failed++;
        io.err(`govclip: ${path}: ${result.error}`);
        continue;
      }
      if (outDir) {
        const target = join(outDir, `${basename(path, extname(path))}.json`);
        await writeFile(target, `${JSON.stringify(validateExport(result.export), null, 2)}\n`);
        io.out(`${path} → ${target}`);
      } else if (parsed.values.json) {
        exports.push(result.export);
      } else {
        io.out(`${formatSummary(result.export, language)}\n`);
      }
    }
  } finally {
    progress?.finish();
    await (pool as OcrPool | null)?.terminate();
  }
  if (parsed.values.json && !outDir) io.out(JSON.stringify(exports.length === 1 && paths.length === 1 ? exports[0] : exports, null, 2));
  if (rows.length > 1 && !parsed.values.json) io.out(batchTable(rows));
  return missing > 0 || failed > 0 ? 1 : 0;
}

export async function main(argv: string[], io: Io = processIo): Promise<number> {
  const [command, ...rest] = argv;
  if (command === 'extract') return extractCommand(rest, io);
  if (command === 'compare') return compareCommand(rest, io);
  if (command === undefined || command === '--help' || command === 'help') {
    io.out(USAGE);
    return command === undefined ? 2 : 0;
  }
  io.err(`govclip: unknown command "${command}"\n${USAGE}`);
  return 2;
}

// Run directly (npm start uses tsx pipeline/cli.ts); the bin wrapper imports main() instead.
if (import.meta.url === `file://${process.argv[1]}`) {
  process.exitCode = await main(process.argv.slice(2));
}
