// Writing a result file for the follow-up commands: written whole or not at all (write-whole.ts,
// shared with extract --out and compare --out), so a failure (no such folder, a full disk) leaves
// no half-written file, and a user's mistake becomes one line instead of a stack trace.
import { writeWhole } from './write-whole.ts';

export async function writeOutput(path: string, data: string | Uint8Array, err: (line: string) => void): Promise<boolean> {
  try {
    await writeWhole(path, data);
    return true;
  } catch (error) {
    err(`govclip: cannot write ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
    return false;
  }
}
