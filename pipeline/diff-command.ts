// govclip diff OLD NEW [--md|--json] [--out FILE]: two versions of a plan compared (exports or
// plan files): tasks added, removed and changed, targets whose figure changed, units added or
// removed, deadlines changed.
import { parseCommandArgs } from './command-args.ts';
import { diffPlans, renderDiffMarkdown } from '../shared/plan-diff/diff.ts';
import { planDiffSchema } from '../shared/plan-diff/schema.ts';
import { loadPlans, type CompareIo } from './compare/command.ts';
import { writeOutput } from './write-output.ts';

export const DIFF_USAGE = `Usage: govclip diff OLD NEW [--md|--json] [--out FILE]

  diff         compare two versions of a plan (a draft 征求意见稿 and the final text):
               tasks added, removed and changed (aligned by wording, so renumbering is only
               renumbering), targets whose figure changed (85% → 90%), units added or removed,
               deadlines changed. OLD and NEW: export JSON files or plan files
  --md         Markdown (the default prints the same)
  --json       the comparison as JSON
  --out FILE   write to FILE instead of printing`;

export async function diffCommand(args: string[], io: CompareIo): Promise<number> {
  const parsed = parseCommandArgs(
    args,
    { md: { type: 'boolean' }, json: { type: 'boolean' }, out: { type: 'string' }, help: { type: 'boolean' } },
    DIFF_USAGE,
    (text) => io.err(text),
  );
  if (parsed === null) return 2;
  if (parsed.values.help) {
    io.out(DIFF_USAGE);
    return 0;
  }
  if (parsed.positionals.length !== 2) {
    io.err(`govclip: diff needs two inputs, the old version and the new\n${DIFF_USAGE}`);
    return 2;
  }
  if (parsed.values.md && parsed.values.json) {
    io.err(`govclip: --md and --json: choose one\n${DIFF_USAGE}`);
    return 2;
  }
  // Loaded one by one: the same plan given twice is still two sides of a comparison.
  const sides = [];
  for (const input of parsed.positionals) {
    const { exports } = await loadPlans([input], io);
    if (exports.length !== 1) {
      io.err(exports.length === 0 ? `govclip: ${input}: nothing to compare` : `govclip: ${input}: holds ${exports.length} plans; give one plan per side`);
      return 1;
    }
    sides.push(exports[0]);
  }
  const [oldExp, newExp] = sides;
  if (!oldExp || !newExp) return 1;
  const diff = planDiffSchema.parse(diffPlans(oldExp, newExp));
  const text = parsed.values.json ? JSON.stringify(diff, null, 2) : renderDiffMarkdown(diff);
  if (parsed.values.out) {
    if (!(await writeOutput(parsed.values.out, `${text}\n`, io.err))) return 1;
    io.out(`→ ${parsed.values.out}`);
  } else io.out(text);
  return 0;
}
