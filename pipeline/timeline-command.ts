// govclip timeline EXPORTS_OR_FILES… [--unit NAME] [--from YYYY-MM] [--to YYYY-MM] [--md|--csv|--json]:
// every dated task and target of the plans by month, overdue ones marked against today,
// standing duties apart.
import { parseCommandArgs } from './command-args.ts';
import { buildTimeline, renderTimelineCsv, renderTimelineMarkdown, timelineSchema } from '../shared/timeline/timeline.ts';
import { loadPlans, type CompareIo } from './compare/command.ts';
import { writeOutput } from './write-output.ts';

export const TIMELINE_USAGE = `Usage: govclip timeline EXPORT_OR_INPUT… [--unit NAME] [--from YYYY-MM] [--to YYYY-MM] [--md|--csv|--json] [--out FILE]

  timeline     every dated task deadline and target year of the plans, by month, with plan,
               numbering, title and units; ⚠ marks what was due before today; standing duties
               (长期坚持) and month-only deadlines of plans without a year listed apart
  --unit NAME  only what this unit leads or shares
  --from, --to the months to show (YYYY-MM)
  --md         Markdown (the default prints the same); --csv: CSV (UTF-8 with BOM); --json: JSON
  --today D    the date to count overdue from (YYYY-MM-DD; default: today)`;

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

export async function timelineCommand(args: string[], io: CompareIo, now: Date = new Date()): Promise<number> {
  const parsed = parseCommandArgs(
    args,
    {
      unit: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      md: { type: 'boolean' },
      csv: { type: 'boolean' },
      json: { type: 'boolean' },
      out: { type: 'string' },
      today: { type: 'string' },
      help: { type: 'boolean' },
    },
    TIMELINE_USAGE,
    (text) => io.err(text),
  );
  if (parsed === null) return 2;
  const v = parsed.values;
  if (v.help) {
    io.out(TIMELINE_USAGE);
    return 0;
  }
  const problems = [
    parsed.positionals.length === 0 ? 'timeline needs at least one export, plan file or directory' : null,
    [v.md, v.csv, v.json].filter(Boolean).length > 1 ? '--md, --csv and --json: choose one' : null,
    v.from !== undefined && !MONTH.test(v.from) ? `--from ${v.from}: write the month as YYYY-MM` : null,
    v.to !== undefined && !MONTH.test(v.to) ? `--to ${v.to}: write the month as YYYY-MM` : null,
    v.today !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(v.today) ? `--today ${v.today}: write the date as YYYY-MM-DD` : null,
  ].filter((p): p is string => p !== null);
  if (problems.length > 0) {
    io.err(`govclip: ${problems.join('; ')}\n${TIMELINE_USAGE}`);
    return 2;
  }
  const { exports, failed } = await loadPlans(parsed.positionals, io);
  if (exports.length === 0) {
    io.err('govclip: no plan could be read');
    return 1;
  }
  const today = v.today ?? now.toISOString().slice(0, 10);
  const timeline = timelineSchema.parse(buildTimeline(exports, { today, unit: v.unit, from: v.from, to: v.to }));
  const text = v.json ? JSON.stringify(timeline, null, 2) : v.csv ? renderTimelineCsv(timeline) : renderTimelineMarkdown(timeline);
  if (v.out) {
    if (!(await writeOutput(v.out, v.csv ? text : `${text}\n`, io.err))) return 1;
    io.out(`→ ${v.out}`);
  } else io.out(v.csv ? text.replace(/\r\n$/, '') : text);
  return failed > 0 ? 1 : 0;
}
