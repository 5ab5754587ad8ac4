#!/usr/bin/env node
// The govclip command. Runs the build in dist/cli (made by `npm ci` through the `prepare` script,
// see build.js) while no source file is newer than it; otherwise the TypeScript itself through
// tsx's loader, so an edited checkout never runs stale code and a fresh one needs no build step.
import { readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const built = join(root, 'dist', 'cli', 'cli.js');

function buildIsCurrent() {
  try {
    const builtAt = statSync(built).mtimeMs;
    const inputs = JSON.parse(readFileSync(join(root, 'dist', 'cli', 'inputs.json'), 'utf8'));
    return inputs.every((file) => statSync(join(root, file)).mtimeMs <= builtAt);
  } catch {
    return false;
  }
}

// `govclip … | head` closes the pipe early: that is not an error worth a stack trace.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});
let main;
if (buildIsCurrent()) {
  ({ main } = await import(built));
} else {
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import('../cli.ts'));
}
const code = await main(process.argv.slice(2));
// After Ctrl-C a page may still be rendering in the background: do not wait for it.
if (code === 130) process.exit(code);
process.exitCode = code;
