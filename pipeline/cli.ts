// govclip: the command line. `govclip extract FILE|DIR… [--json] [--out DIR]`, `govclip compare …`.
import { constants, rmSync } from 'node:fs';
import { access, mkdir } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { parseCommandArgs } from './command-args.ts';
import { validateExport, type GovClipExport } from '../shared/schema.ts';
import { BREAKDOWN_USAGE, breakdownCommand } from './breakdown-command.ts';
import { compareCommand, COMPARE_USAGE } from './compare/command.ts';
import { diffCommand, DIFF_USAGE } from './diff-command.ts';
import { timelineCommand, TIMELINE_USAGE } from './timeline-command.ts';
import { extractFile, type FileResult } from './extract-file.ts';
import { describeFsError, expandInputs, STDIN } from './inputs.ts';
import { DEFAULT_MAX_OCR_PAGES, kindOf, type OcrMode } from './load/load-document.ts';
import { OCR_LANGUAGE, OcrPool } from './load/ocr.ts';
import { createProgress, type Progress } from './progress.ts';
import { formatSummary } from './summary.ts';
import { writeWhole } from './write-whole.ts';
import { languageOf, messageLanguage } from './messages-locale.ts';

const USAGE = `Usage: govclip extract FILE|DIR|-… [--json | --out DIR] [--ocr auto|always|never]

  extract      read plans (.txt, .html, .pdf, scanned .pdf, .png, .jpg; - reads standard
               input, text or HTML) and print their tasks, responsible units and targets
  --json       print the JSON export (an array when several files are given)
  --out DIR    write one <name>.json export per input into DIR (<name>.pdf.json when
               inputs share a name); each file appears whole or not at all
  --ocr MODE   auto: OCR only pages without text (default); always; never
  --max-ocr-pages N  OCR at most N pages per file (default ${DEFAULT_MAX_OCR_PAGES}); the rest are listed in a warning
  --lang LANG  zh or en: the language of warnings (default: from LANG); chi_sim, the
               OCR language, is the only one shipped
  --quiet      no progress output
  --help       show this help
${BREAKDOWN_USAGE}

${COMPARE_USAGE.replace(/^Usage: /, '       ')}

${DIFF_USAGE.replace(/^Usage: /, '       ')}

${TIMELINE_USAGE.replace(/^Usage: /, '       ')}`;

export interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
  /** Progress for a batch of n files; absent where nobody watches (tests). */
  progress?: (files: number) => Progress;
  /** Calls `handler` on Ctrl-C until the returned function is called. */
  onInterrupt?: (handler: () => void) => () => void;
  /** Ends the process at once (a second Ctrl-C). */
  exit?: (code: number) => void;
  /** Standard input's bytes, for the input `-`. */
  stdin?: () => Promise<Uint8Array>;
}

const processIo: Io = {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
  progress: (files) => createProgress(files, process.stderr),
  onInterrupt: (handler) => {
    process.on('SIGINT', handler);
    return () => process.off('SIGINT', handler);
  },
  exit: (code) => process.exit(code),
  stdin: async () => {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return new Uint8Array(Buffer.concat(chunks));
  },
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

/**
 * The export file name of each input: `plan.json`, or `plan.pdf.json` when several inputs of the
 * run share the name `plan`, with `-2`, `-3` added when even that repeats (the same name in two
 * folders). Decided up front, so no export of a run overwrites another.
 */
export function exportNames(paths: readonly string[]): Map<string, string> {
  const stemOf = (path: string) => (path === STDIN ? 'stdin' : basename(path, extname(path)));
  const key = (name: string) => name.toLowerCase(); // case-insensitive file systems (macOS, Windows)
  const stems = new Map<string, number>();
  for (const path of paths) stems.set(key(stemOf(path)), (stems.get(key(stemOf(path))) ?? 0) + 1);
  const taken = new Set<string>();
  const names = new Map<string, string>();
  for (const path of paths) {
    if (names.has(path)) continue;
    const base = (stems.get(key(stemOf(path))) ?? 0) > 1 && path !== STDIN ? basename(path) : stemOf(path);
    let name = `${base}.json`;
    for (let n = 2; taken.has(key(name)); n++) name = `${base}-${n}.json`;
    taken.add(key(name));
    names.set(path, name);
  }
  return names;
}

async function extractCommand(args: string[], io: Io): Promise<number> {
  const parsed = parseCommandArgs(
    args,
    {
      json: { type: 'boolean' },
      out: { type: 'string' },
      ocr: { type: 'string', default: 'auto' },
      lang: { type: 'string', default: OCR_LANGUAGE },
      'max-ocr-pages': { type: 'string', default: String(DEFAULT_MAX_OCR_PAGES) },
      quiet: { type: 'boolean' },
      help: { type: 'boolean' },
      xlsx: { type: 'boolean' },
      csv: { type: 'boolean' },
      unit: { type: 'string' },
    },
    USAGE,
    (text) => io.err(text),
  );
  if (parsed === null) return 2;
  if (parsed.values.unit !== undefined && !parsed.values.xlsx && !parsed.values.csv) {
    io.err(`govclip: --unit goes with --xlsx or --csv (the 责任清单 of that unit)\n${USAGE}`);
    return 2;
  }
  if (parsed.values.xlsx || parsed.values.csv) {
    if (parsed.values.xlsx && parsed.values.csv) {
      io.err(`govclip: --xlsx and --csv: choose one\n${USAGE}`);
      return 2;
    }
    if (parsed.positionals.length === 0) {
      io.err(`govclip: extract needs at least one file or directory\n${USAGE}`);
      return 2;
    }
    return breakdownCommand(parsed.positionals, { format: parsed.values.xlsx ? 'xlsx' : 'csv', unit: parsed.values.unit, out: parsed.values.out }, io);
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
  const maxOcrPages = Number(parsed.values['max-ocr-pages']);
  if (!Number.isInteger(maxOcrPages) || maxOcrPages < 0) {
    io.err(`govclip: --max-ocr-pages must be a whole number (0 or more)\n${USAGE}`);
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
  const outDir = parsed.values.out;
  if (outDir !== undefined && parsed.values.json) {
    io.err(`govclip: --json prints the exports and --out writes them to files: give one of them\n${USAGE}`);
    return 2;
  }
  if (outDir !== undefined) {
    try {
      await mkdir(outDir, { recursive: true });
      await access(outDir, constants.W_OK);
    } catch (error) {
      io.err(`govclip: --out ${outDir}: ${describeFsError(error)}`);
      return 1;
    }
  }
  const { paths, missing } = await expandInputs(parsed.positionals, io.err, (name) => kindOf(name) !== null, 'plan files');
  const names = exportNames(paths);

  // Ctrl-C: the file in progress is dropped, what was written stays whole, and the run says so.
  let interrupted = false;
  let onInterrupt = () => undefined as void;
  const interruption = new Promise<'interrupted'>((resolve) => {
    onInterrupt = () => resolve('interrupted');
  });
  const temps = new Set<string>();
  const stopListening = io.onInterrupt?.(() => {
    if (interrupted) {
      // A second Ctrl-C: stop now, still leaving no partial export behind.
      for (const temp of temps) rmSync(temp, { force: true });
      io.exit?.(130);
    }
    interrupted = true;
    onInterrupt();
  });

  const rows: string[][] = [];
  let failed = 0;
  let written = 0;
  const exports: GovClipExport[] = [];
  let pool: OcrPool | null = null;
  const progress = parsed.values.quiet ? null : io.progress?.(paths.length) ?? null;
  try {
    for (const [index, path] of paths.entries()) {
      if (interrupted) break;
      progress?.fileStarted(index, path);
      const extraction = extractFile(path, { ocr, maxOcrPages, stdin: io.stdin, pool: () => (pool ??= new OcrPool()), onPage: (done, of, what) => progress?.page(done, of, what) });
      const result = await Promise.race([extraction, interruption]);
      if (result === 'interrupted') {
        // Its loader may still be running (OCR): let it fail quietly once the pool is gone.
        extraction.catch(() => undefined);
        break;
      }
      progress?.fileDone(index, path, result.ok, result.seconds);
      rows.push(batchRow(result));
      if (!result.ok) {
        failed++;
        io.err(`govclip: ${path}: ${result.error}`);
        continue;
      }
      if (outDir !== undefined) {
        const target = join(outDir, names.get(path) as string);
        try {
          await writeWhole(target, `${JSON.stringify(validateExport(result.export), null, 2)}\n`, temps);
        } catch (error) {
          failed++;
          io.err(`govclip: ${path}: cannot write ${target}: ${describeFsError(error)}`);
          continue;
        }
        written++;
        io.out(`${path} → ${target}`);
      } else if (parsed.values.json) {
        exports.push(result.export);
      } else {
        io.out(`${formatSummary(result.export, language)}\n`);
      }
    }
  } finally {
    stopListening?.();
    progress?.finish();
    await (pool as OcrPool | null)?.terminate();
  }
  if (interrupted) {
    const what = outDir !== undefined ? `${written} of ${paths.length} exports written to ${outDir}` : `${rows.length} of ${paths.length} files read`;
    io.err(`govclip: interrupted: ${what}`);
    return 130;
  }
  if (parsed.values.json) io.out(JSON.stringify(exports.length === 1 && paths.length === 1 ? exports[0] : exports, null, 2));
  if (rows.length > 1 && !parsed.values.json) io.out(batchTable(rows));
  return missing > 0 || failed > 0 ? 1 : 0;
}

export async function main(argv: string[], io: Io = processIo): Promise<number> {
  const [command, ...rest] = argv;
  if (command === 'extract') return extractCommand(rest, io);
  if (command === 'compare') return compareCommand(rest, io);
  if (command === 'diff') return diffCommand(rest, io);
  if (command === 'timeline') return timelineCommand(rest, io);
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
