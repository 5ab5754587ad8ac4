// Command-line inputs to file paths: files as given, a directory as the files in it that the
// command can read, in name order. A missing or unreadable input is one line and a count, not a
// stop; a directory's other files are listed in one line so nothing is skipped silently.
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';

export interface InputFiles {
  paths: string[];
  /** Inputs that gave nothing to read: missing, unreadable, or a directory without any readable file. */
  missing: number;
}

/** `-` stands for standard input (a plan piped in). */
export const STDIN = '-';

/** A file-system error as the user would say it. */
export function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  switch (code) {
    case 'ENOENT':
      return 'no such file or directory';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'is a directory';
    case 'ENOTDIR':
    case 'EEXIST':
      return 'not a directory (a file has that name)';
    case 'ENOSPC':
      return 'no space left on the device';
    case 'EROFS':
      return 'read-only file system';
    case 'ENAMETOOLONG':
      return 'name too long';
    default:
      return code ?? (error as Error | null)?.message ?? String(error);
  }
}

/** At most ten names, so that the line stays one line. */
function nameList(names: readonly string[]): string {
  const shown = names.slice(0, 10).join(', ');
  return names.length > 10 ? `${shown} and ${names.length - 10} more` : shown;
}

/** `accepts` picks a directory's files; `what` names them when a directory has none. */
export async function expandInputs(inputs: readonly string[], err: (line: string) => void, accepts: (name: string) => boolean, what: string): Promise<InputFiles> {
  const paths: string[] = [];
  let missing = 0;
  for (const input of inputs) {
    if (input === STDIN) {
      paths.push(STDIN);
      continue;
    }
    let isDirectory: boolean;
    try {
      isDirectory = (await stat(input)).isDirectory();
    } catch (error) {
      err(`govclip: ${input}: ${describeFsError(error)}`);
      missing++;
      continue;
    }
    if (!isDirectory) {
      paths.push(input);
      continue;
    }
    let entries;
    try {
      entries = await readdir(input, { withFileTypes: true });
    } catch (error) {
      err(`govclip: ${input}: cannot list this directory: ${describeFsError(error)}`);
      missing++;
      continue;
    }
    const files = entries.filter((e) => !e.isDirectory() && !e.name.startsWith('.')).map((e) => e.name).sort();
    const taken = files.filter(accepts);
    const skipped = files.filter((name) => !accepts(name));
    if (skipped.length > 0) err(`govclip: ${input}: skipped ${skipped.length} other file${skipped.length === 1 ? '' : 's'}: ${nameList(skipped)}`);
    if (taken.length === 0) {
      err(`govclip: ${input}: no ${what} in this directory`);
      missing++;
    }
    paths.push(...taken.map((name) => join(input, name)));
  }
  return { paths, missing };
}
