// Every govclip command parses its arguments the same way: positionals allowed, and an unknown or
// malformed option is one line plus the command's usage on stderr, exit 2 (never a stack trace).
import { parseArgs, type ParseArgsConfig } from 'node:util';

type Options = NonNullable<ParseArgsConfig['options']>;
type Parsed<O extends Options> = ReturnType<typeof parseArgs<{ args: string[]; allowPositionals: true; options: O }>>;

/** The parsed arguments, or null after printing the error and the usage (the caller exits 2). */
export function parseCommandArgs<O extends Options>(args: string[], options: O, usage: string, err: (text: string) => void): Parsed<O> | null {
  try {
    return parseArgs({ args, allowPositionals: true, options });
  } catch (error) {
    err(`govclip: ${(error as Error).message}\n${usage}`);
    return null;
  }
}
