// Runs the extractor over every fixture listed in fixtures/manifest.json and scores it against
// the gold files. Shared by `npm run eval` (run.ts) and the quality gate test.
import { readFile } from 'node:fs/promises';
import { basename, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { extractFile, type FileResult } from '../extract-file.ts';
import { characterErrorRate } from './cer.ts';
import type { LoadOptions } from '../load/load-document.ts';
import { OcrPool } from '../load/ocr.ts';
import { readPdf } from '../load/pdf.ts';
import { SCHEMA_VERSION, validateExport, type GovClipExport } from '../../shared/schema.ts';
import { describeIssues } from '../../shared/validation.ts';
import { loadGold } from './gold.ts';
import { scoreDocument, type DocScore } from './score.ts';

export const DEFAULT_FIXTURES_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../fixtures');

const manifestSchema = z.object({
  documents: z
    .array(
      z.object({
        doc: z.string().min(1),
        gold: z.string().min(1),
        forms: z.record(z.string(), z.string().min(1)),
        /**
         * seed: the plans the rules were written on; dev: plans written aside from the seeds, measured
         * once blind and tuned on since; blind: plans nobody tunes on, to measure generality.
         */
        set: z.enum(['seed', 'dev', 'blind', 'real']).default('seed'),
      }),
    )
    .min(1),
});

export type Manifest = z.infer<typeof manifestSchema>;

/** Forms that hold one page of the plan, not all of it. */
const PARTIAL_FORMS = new Set(['photo']);

/** Forms the evaluation can feed to the extractor; others are skipped with a note. */
const SUPPORTED_FORMS = new Set(['text', 'html', 'pdf', 'scan', 'photo']);

export interface EvaluatedDoc extends DocScore {
  doc: string;
  set: 'seed' | 'dev' | 'blind' | 'real';
  form: string;
  /** Why the extractor produced nothing usable (scored as an empty export), else null. */
  error: string | null;
  /** OCR'd pages: character error rate against the same page of the text-layer PDF. */
  ocr: OcrPageScore[];
  /** False for forms that hold only part of the plan (a photo of one page): OCR is measured, not extraction. */
  scored: boolean;
  seconds: number;
}

export interface OcrPageScore {
  page: number;
  cer: number | null;
  confidence: number;
  seconds: number;
}

export interface EvaluateFilter {
  sets?: ReadonlyArray<EvaluatedDoc['set']>;
  forms?: readonly string[];
  docs?: readonly string[];
}

export interface EvaluateOptions {
  fixturesDir?: string;
  /** Receives skipped forms and extractor failures; silent by default. */
  onNote?: (note: string) => void;
}

/** Thrown when the manifest or a gold file is unusable: the one case where `npm run eval` fails. */
export class FixtureError extends Error {
  override name = 'FixtureError';
}

async function readJson(path: string): Promise<unknown> {
  try {
    return JSON.parse(await readFile(path, 'utf8')) as unknown;
  } catch (error) {
    throw new FixtureError(`cannot read ${path}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

export async function loadManifest(fixturesDir: string): Promise<Manifest> {
  const result = manifestSchema.safeParse(await readJson(resolve(fixturesDir, 'manifest.json')));
  if (!result.success) throw new FixtureError(`fixtures/manifest.json is invalid: ${describeIssues(result.error)}`);
  return result.data;
}

/** An export with nothing in it, so a failed extraction scores as all-missed instead of aborting the run. */
function emptyExport(file: string): GovClipExport {
  return {
    schemaVersion: SCHEMA_VERSION,
    document: {
      id: '0'.repeat(64),
      title: null,
      region: null,
      issuers: [],
      docNumber: null,
      publishedAt: null,
      period: null,
      source: { kind: 'text', url: null, file },
      text: '',
    },
    tasks: [],
    targets: [],
    units: [],
    warnings: [],
  };
}

/** The same path a user's file takes (pipeline/extract-file.ts), so the scores are the CLI's. */
async function extractForm(path: string, options: LoadOptions): Promise<{ exp: GovClipExport; error: string | null; result: FileResult }> {
  const result = await extractFile(path, options);
  if (!result.ok) return { exp: emptyExport(basename(path)), error: result.error, result };
  // Validated here too: the evaluation reads exports only through the schema contract.
  return { exp: validateExport(result.export), error: null, result };
}

/** Per OCR'd page, the error rate against the text-layer PDF of the same plan (same pages). */
function ocrScores(result: FileResult, referencePages: readonly string[] | undefined): OcrPageScore[] {
  if (!result.ok) return [];
  return result.ocrPages.map((page) => {
    const ocr = result.pageTexts?.[page.page - 1];
    const reference = referencePages?.[page.page - 1];
    return { page: page.page, confidence: page.confidence, seconds: page.seconds, cer: ocr !== undefined && reference !== undefined ? characterErrorRate(ocr, reference) : null };
  });
}

/** The text-layer PDF's pages of a plan, read (text only, no extraction) when its pdf form was not evaluated in this run. */
async function referencePages(entry: Manifest['documents'][number], fixturesDir: string): Promise<string[] | undefined> {
  const pdf = entry.forms.pdf;
  if (!pdf) return undefined;
  const read = await readPdf(new Uint8Array(await readFile(resolve(fixturesDir, pdf))));
  return read.ok ? read.reading.pages.map((page) => page.text) : undefined;
}

/** Extracts and scores every (document, form) pair in the manifest, in manifest order. */
export async function evaluateFixtures(options: EvaluateOptions = {}, filter: EvaluateFilter = {}): Promise<EvaluatedDoc[]> {
  const fixturesDir = options.fixturesDir ?? DEFAULT_FIXTURES_DIR;
  const note = options.onNote ?? (() => undefined);
  const manifest = await loadManifest(fixturesDir);
  const results: EvaluatedDoc[] = [];
  let pool: OcrPool | null = null;
  const loadOptions: LoadOptions = { ocr: 'auto', pool: () => (pool ??= new OcrPool()) };
  const pdfPages = new Map<string, string[]>();
  try {
  for (const entry of manifest.documents) {
    if (filter.sets && !filter.sets.includes(entry.set)) continue;
    if (filter.docs && !filter.docs.includes(entry.doc)) continue;
    let gold;
    try {
      gold = loadGold(await readJson(resolve(fixturesDir, entry.gold)));
    } catch (error) {
      if (error instanceof FixtureError) throw error;
      throw new FixtureError(`${entry.gold}: ${error instanceof Error ? error.message : String(error)}`);
    }
    if (gold.doc !== entry.doc) throw new FixtureError(`${entry.gold} is for ${gold.doc}, the manifest says ${entry.doc}`);
    for (const [form, relPath] of Object.entries(entry.forms)) {
      if (!SUPPORTED_FORMS.has(form)) {
        note(`${entry.doc}: skipped form "${form}" (${relPath}): the evaluation only loads text so far`);
        continue;
      }
      if (filter.forms && !filter.forms.includes(form)) continue;
      const { exp, error, result } = await extractForm(resolve(fixturesDir, relPath), loadOptions);
      if (error !== null) note(`${entry.doc} (${form}): extraction failed, scored as empty: ${error}`);
      if (form === 'pdf' && result.ok && result.pageTexts) pdfPages.set(entry.doc, result.pageTexts);
      const needsReference = result.ok && result.ocrPages.length > 0 && !pdfPages.has(entry.doc);
      const reference = needsReference ? await referencePages(entry, fixturesDir) : pdfPages.get(entry.doc);
      if (needsReference && reference) pdfPages.set(entry.doc, reference);
      const ocr = ocrScores(result, reference);
      const fromOcr = result.ok && result.ocrPages.length > 0;
      results.push({ doc: entry.doc, set: entry.set, form, error, ocr, scored: !PARTIAL_FORMS.has(form), seconds: result.seconds, ...scoreDocument(exp, gold, { ocr: fromOcr }) });
    }
  }
  } finally {
    await (pool as OcrPool | null)?.terminate();
  }
  return results;
}
