#!/usr/bin/env node
// Runs the TypeScript CLI through tsx's loader, so a fresh `npm ci` needs no build step.
import { register } from 'tsx/esm/api';

register();
// `govclip … | head` closes the pipe early: that is not an error worth a stack trace.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});
const { main } = await import('../cli.ts');
const code = await main(process.argv.slice(2));
// After Ctrl-C a page may still be rendering in the background: do not wait for it.
if (code === 130) process.exit(code);
process.exitCode = code;
