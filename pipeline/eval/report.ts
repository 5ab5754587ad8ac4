// Plain-text rendering of evaluation scores: a table for every run, details for --verbose.
import type { GoldTarget } from './gold.ts';
import type { TargetExport } from '../../shared/schema.ts';
import { metricsMatch, sumScores, type DocScore, type ScoreSummary, type UnitPair } from './score.ts';
import { deadlineDetails } from './score-deadlines.ts';

export interface ReportRow extends ScoreSummary {
  doc: string;
  form: string;
}

const COLUMNS = ['doc', 'form', 'tgt P', 'tgt R', 'tgt F1', 'op acc', 'metric', 'year acc', 'unit P', 'unit R', 'unit F1', 'no-role F1', 'meta'];

/** Three decimals; "-" where the value is undefined (nothing to measure). */
export function fmt(n: number | null): string {
  return n === null ? '-' : n.toFixed(3);
}

function cells(label: string, form: string, s: ScoreSummary): string[] {
  const t = s.targets;
  const r = s.assignments.roles;
  return [
    label,
    form,
    fmt(t.precision),
    fmt(t.recall),
    fmt(t.f1),
    fmt(t.opAccuracy),
    fmt(t.metricAccuracy),
    fmt(t.yearAccuracy),
    fmt(r.precision),
    fmt(r.recall),
    fmt(r.f1),
    fmt(s.assignments.rolesIgnored.f1),
    `${s.meta.correct}/${s.meta.total}`,
  ];
}

/** One row per document and form, then the micro-averaged OVERALL row. */
export function formatReport(rows: readonly ReportRow[]): string {
  const body = rows.map((row) => cells(row.doc, row.form, row));
  const table = [COLUMNS, ...body, cells('OVERALL', '', sumScores(rows))];
  const widths = COLUMNS.map((_, c) => Math.max(...table.map((line) => (line[c] ?? '').length)));
  const render = (line: readonly string[]): string =>
    line
      .map((cell, c) => (c < 2 ? cell.padEnd(widths[c] ?? 0) : cell.padStart(widths[c] ?? 0)))
      .join('  ')
      .trimEnd();
  const rule = widths.map((w) => '-'.repeat(w)).join('  ');
  const lines = [render(COLUMNS), rule, ...body.map(render), rule, render(table[table.length - 1] ?? [])];
  return lines.join('\n');
}

function quantity(t: { op: string; value: number; max: number | null; unit: string; year: number | null }): string {
  const value = t.max === null ? String(t.value) : `${t.value}-${t.max}`;
  return `${t.op} ${value}${t.unit === '' ? '' : ` ${t.unit}`}${t.year === null ? '' : ` (${t.year})`}`;
}

function goldLine(g: GoldTarget): string {
  return `  ${quantity(g)}  metric=${g.metric}  quote=${g.quote}`;
}

function predLine(p: TargetExport): string {
  return `  ${quantity(p)}  metric=${p.metric}  text=${p.text}  [${p.id}]`;
}

function pairLine(p: UnitPair): string {
  const where = [p.taskId === null ? 'no task' : `task ${p.taskId}`, p.quote === null ? null : `quote=${p.quote}`];
  return `  ${p.role ?? '*'}: ${p.unit}  (${where.filter((w) => w !== null).join(', ')})`;
}

function section(title: string, lines: readonly string[]): string[] {
  return lines.length === 0 ? [] : [`${title} (${lines.length}):`, ...lines];
}

/** Everything that cost points in one document, for --verbose. */
export function formatDetails(score: DocScore & { doc?: string; form?: string }): string {
  const t = score.targets;
  const a = score.assignments;
  const wrongOp = t.matched.filter((m) => m.pred.op !== m.gold.op);
  const wrongYear = t.matched.filter((m) => m.pred.year !== m.gold.year);
  const wrongMetric = t.matched.filter((m) => !metricsMatch(m.pred.metric, m.gold.metric));
  const lines = [
    `== ${score.doc ?? 'document'}${score.form === undefined ? '' : ` (${score.form})`}: ` +
      `targets tp=${t.tp} fp=${t.fp} fn=${t.fn}; unit pairs tp=${a.roles.tp} fp=${a.roles.fp} fn=${a.roles.fn}`,
    ...section('metadata', score.meta.misses.map((m) => `  ${m}`)),
    ...section('missed targets', t.missed.map(goldLine)),
    ...section('spurious targets', t.spurious.map(predLine)),
    ...section(
      'wrong op',
      wrongOp.map((m) => `  gold ${m.gold.op} / predicted ${m.pred.op}  quote=${m.gold.quote}`),
    ),
    ...section(
      'wrong year',
      wrongYear.map((m) => `  gold ${m.gold.year ?? 'null'} / predicted ${m.pred.year ?? 'null'}  quote=${m.gold.quote}`),
    ),
    ...section(
      'wrong metric',
      wrongMetric.map((m) => `  gold ${m.gold.metric} / predicted ${m.pred.metric}  quote=${m.gold.quote}`),
    ),
    ...section('assignments with no task containing the quote', a.unlocated.map((g) => `  quote=${g.quote}`)),
    ...section('missed unit pairs', a.roles.missed.map(pairLine)),
    ...section('spurious unit pairs', a.roles.spurious.map(pairLine)),
    ...deadlineDetails(score.deadlines),
  ];
  return lines.join('\n');
}

/** OCR quality per page: character error rate against the text-layer PDF, confidence, time. */
export function formatOcr(rows: ReadonlyArray<{ doc: string; form: string; ocr: ReadonlyArray<{ page: number; cer: number | null; confidence: number; seconds: number }> }>): string {
  const lines = ['OCR (character error rate against the text-layer PDF, white space removed; goal ≤ 0.020)', 'doc       form   page  CER     conf  seconds'];
  const all: number[] = [];
  for (const row of rows) {
    for (const page of row.ocr) {
      if (page.cer !== null) all.push(page.cer);
      lines.push(`${row.doc.padEnd(9)} ${row.form.padEnd(6)} ${String(page.page).padStart(4)}  ${page.cer === null ? '  -  ' : page.cer.toFixed(3)}  ${page.confidence.toFixed(0).padStart(4)}  ${page.seconds.toFixed(1).padStart(7)}`);
    }
  }
  const mean = all.length === 0 ? null : all.reduce((a, b) => a + b, 0) / all.length;
  lines.push(`mean CER over ${all.length} pages: ${mean === null ? '-' : mean.toFixed(3)}`);
  return lines.join('\n');
}
