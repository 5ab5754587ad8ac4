// Command-line inputs to file paths: files as given, a directory as the files in it that the
// command can read, in name order. A missing input is one line and a count, not a stop.
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';

export interface InputFiles {
  paths: string[];
  missing: number;
}

/** `accepts` picks a directory's files; `what` names them when a directory has none. */
export async function expandInputs(inputs: readonly string[], err: (line: string) => void, accepts: (name: string) => boolean, what: string): Promise<InputFiles> {
  const paths: string[] = [];
  let missing = 0;
  for (const input of inputs) {
    try {
      const info = await stat(input);
      if (info.isDirectory()) {
        const names = (await readdir(input)).filter(accepts).sort();
        if (names.length === 0) err(`govclip: ${input}: no ${what} in this directory`);
        paths.push(...names.map((name) => join(input, name)));
      } else {
        paths.push(input);
      }
    } catch {
      err(`govclip: ${input}: no such file or directory`);
      missing++;
    }
  }
  return { paths, missing };
}
