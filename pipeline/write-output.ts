// Writing a result file for the follow-up commands: written beside the target and renamed into
// place, so a failure (no such folder, a full disk) leaves no half-written file, and a user's
// mistake becomes one line instead of a stack trace.
import { rename, rm, writeFile } from 'node:fs/promises';

export async function writeOutput(path: string, data: string | Uint8Array, err: (line: string) => void): Promise<boolean> {
  const temporary = `${path}.${process.pid}.part`;
  try {
    await writeFile(temporary, data);
    await rename(temporary, path);
    return true;
  } catch (error) {
    await rm(temporary, { force: true }).catch(() => undefined);
    err(`govclip: cannot write ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
    return false;
  }
}
