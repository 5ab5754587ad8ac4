// A comparison as rows for people: the indicator table (rows = indicators, columns = plans),
// the long table with where each figure came from, similar clauses and unit duties; and the
// same rows as a terminal table, Markdown and CSV. Pure, so the extension exports the same.
import { csvDocument } from '../csv.ts';
import { formatQuantity } from '../format-target.ts';
import type { ComparedPlan, Comparison, Indicator, IndicatorMember } from './schema.ts';

/** Marks the stricter target in a cell. */
export const STRICTER_MARK = '*';

/** `≥ 12 平方米 (2023)`, `提高 2 百分点`, `5–7 个`; the stricter marked. */
export function formatCell(member: Pick<IndicatorMember, 'op' | 'value' | 'max' | 'unit' | 'year' | 'stricter'>): string {
  const year = member.year === null ? '' : ` (${member.year})`;
  return `${formatQuantity(member)}${year}${member.stricter ? ` ${STRICTER_MARK}` : ''}`;
}

/** Column header of a plan: region and year (襄阳市 2018–2020), else its file. */
export function planLabel(plan: ComparedPlan): string {
  const name = plan.region ?? plan.title ?? plan.file ?? plan.doc;
  return plan.year ? `${name} ${plan.year}` : name;
}

export interface Table {
  header: string[];
  rows: string[][];
}

/** Rows = indicators, columns = plans; several targets of one plan share a cell, joined by ；. Cells show the target's year, else the plan's last. */
export function indicatorTable(comparison: Comparison, options: { minPlans?: number } = {}): Table {
  const minPlans = options.minPlans ?? 1;
  const header = ['指标 indicator', ...comparison.plans.map(planLabel)];
  const rows = comparison.indicators
    .filter((indicator) => indicator.plans >= minPlans)
    .map((indicator) => [
      indicator.name,
      ...comparison.plans.map((plan) => {
        // A target without its own deadline is due when its plan ends.
        const planEnd = plan.year === null ? null : Number(plan.year.slice(-4));
        return indicator.members.filter((m) => m.doc === plan.doc).map((m) => formatCell({ ...m, year: m.year ?? planEnd })).join('；');
      }),
    ]);
  return { header, rows };
}

/** The sentence of a plan's text that holds a span: from the end of the one before to its own 。. */
export function sentenceAround(text: string, span: readonly [number, number]): string {
  const END = /[。!?！？;；\n]/;
  let from = span[0];
  while (from > 0 && !END.test(text[from - 1] ?? '') && span[0] - from < 300) from--;
  let to = span[1];
  while (to < text.length && !END.test(text[to - 1] ?? '') && to - span[1] < 300) to++;
  return text.slice(from, to).trim();
}

/** Where each compared plan came from, in the comparison's plan order: its text and address (URL, else file). */
export interface PlanSource {
  text: string;
  url: string | null;
}

/**
 * One row per target: the indicator, the plan, the figure as written beside its numbers (value
 * and max in their own columns), and, given the plans' sources, the sentence and the URL.
 */
export function indicatorDetailTable(comparison: Comparison, sources: readonly (PlanSource | undefined)[] = []): Table {
  const planIndex = new Map(comparison.plans.map((p, i) => [p.doc, i]));
  const header = ['indicator id', 'indicator', 'plan', 'region', 'plan year', 'target id', 'metric as written', 'target', 'op', 'value', 'max', 'unit', 'year', 'stricter', 'match', 'score', 'source text', 'sentence', 'source'];
  const rows = comparison.indicators.flatMap((indicator: Indicator) => indicator.members.map((m) => {
    const index = planIndex.get(m.doc) ?? -1;
    const plan = comparison.plans[index];
    const source = sources[index];
    return [
      indicator.id, indicator.name, m.doc, m.region ?? '', plan?.year ?? '', m.targetId, m.metric, formatQuantity(m), m.op,
      String(m.value), m.max === null ? '' : String(m.max), m.unit, m.year === null ? '' : String(m.year), m.stricter ? 'yes' : '', m.match, String(m.score), m.text,
      source ? sentenceAround(source.text, m.span) : '', source?.url ?? '',
    ];
  }));
  return { header, rows };
}

const diffMarkup = (parts: ReadonlyArray<{ op: string; text: string }>) => parts.map((p) => (p.op === 'equal' ? p.text : p.op === 'delete' ? `[-${p.text}-]` : `{+${p.text}+}`)).join('');

/** One row per (task, similar task); the diff marks [-only in the task-] and {+only in the similar one+}. */
export function clauseTable(comparison: Comparison): Table {
  const header = ['plan', 'task', 'title', 'similar plan', 'similar task', 'similar title', 'score', 'text', 'similar text', 'diff'];
  const rows = comparison.clauses.flatMap((clause) => clause.similar.map((s) => [
    clause.doc, clause.path.join(' '), clause.title ?? '', s.doc, s.path.join(' '), s.title ?? '', s.score.toFixed(3), clause.text, s.text, diffMarkup(s.diff),
  ]));
  return { header, rows };
}

export function unitTable(comparison: Comparison): Table {
  const header = ['unit', 'names in plans', 'plans', 'plan', 'role', 'task', 'title', 'text'];
  const rows = comparison.units.flatMap((unit) => unit.duties.map((d) => [
    unit.unit, unit.names.join('、'), String(unit.plans), d.doc, d.role === 'lead' ? '牵头' : '责任', d.path.join(' '), d.title ?? '', d.text,
  ]));
  return { header, rows };
}

/** Terminal columns a string takes: CJK and full-width characters take two. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) {
    const code = char.codePointAt(0) as number;
    const wide = (code >= 0x1100 && code <= 0x115f) || (code >= 0x2e80 && code <= 0xa4cf) || (code >= 0xac00 && code <= 0xd7a3)
      || (code >= 0xf900 && code <= 0xfaff) || (code >= 0xfe30 && code <= 0xfe4f) || (code >= 0xff00 && code <= 0xff60) || (code >= 0xffe0 && code <= 0xffe6)
      || (code >= 0x20000 && code <= 0x3fffd);
    width += wide ? 2 : 1;
  }
  return width;
}

function clip(text: string, width: number): string {
  if (displayWidth(text) <= width) return text;
  let out = '';
  for (const char of text) {
    if (displayWidth(out + char) > width - 1) break;
    out += char;
  }
  return `${out}…`;
}

const pad = (text: string, width: number) => text + ' '.repeat(Math.max(0, width - displayWidth(text)));

/** A plain text table aligned for CJK; cells wider than maxWidth are clipped with …. */
export function renderTextTable(table: Table, maxWidth = 28): string {
  const all = [table.header, ...table.rows].map((row) => row.map((cell) => clip(cell.replace(/\s+/g, ' '), maxWidth)));
  const widths = table.header.map((_, i) => Math.max(...all.map((row) => displayWidth(row[i] ?? ''))));
  const line = (row: readonly string[]) => row.map((cell, i) => pad(cell, widths[i] as number)).join('  ').trimEnd();
  const rule = widths.map((w) => '─'.repeat(w)).join('  ');
  return [line(all[0] as string[]), rule, ...all.slice(1).map(line)].join('\n');
}

const markdownCell = (cell: string) => cell.replace(/\|/g, '\\|').replace(/\r?\n/g, '<br>');

export function renderMarkdownTable(table: Table): string {
  return [
    `| ${table.header.map(markdownCell).join(' | ')} |`,
    `| ${table.header.map(() => '---').join(' | ')} |`,
    ...table.rows.map((row) => `| ${row.map(markdownCell).join(' | ')} |`),
  ].join('\n');
}

/** The table as CSV for Excel and WPS (shared/csv.ts). */
export function renderCsv(table: Table): string {
  return csvDocument([table.header, ...table.rows]);
}
