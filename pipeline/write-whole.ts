// Output files appear whole or not at all: written beside the target under a hidden temporary
// name, then renamed over it (a rename within one folder is atomic). Ctrl-C or a full disk never
// leaves a truncated export behind.
import { rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** `temps` holds the temporary files being written, for a caller that must remove them on a hard stop. */
export async function writeWhole(target: string, content: string | Uint8Array, temps?: Set<string>): Promise<void> {
  const temp = join(dirname(target), `.${basename(target)}.${process.pid}.tmp`);
  temps?.add(temp);
  try {
    await writeFile(temp, content);
    await rename(temp, target);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  } finally {
    temps?.delete(temp);
  }
}
