#!/usr/bin/env node
// Builds the CLI once (npm's `prepare`, run by `npm ci`): TypeScript compiled and bundled by
// esbuild into dist/cli/, packages left in node_modules, lazily loaded stages (HTML, PDF, OCR,
// compare) kept in their own chunks. Compiling the TypeScript at every start cost most of a
// second; bin/govclip.js uses this build while it is newer than every source file it was built
// from, and tsx otherwise (while developing).
import { build } from 'esbuild';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const outdir = join(root, 'dist', 'cli');
const manifest = JSON.parse(await readFile(join(root, 'package.json'), 'utf8'));
const dependencies = [...Object.keys(manifest.dependencies ?? {}), ...Object.keys(manifest.devDependencies ?? {})];

await rm(outdir, { recursive: true, force: true });
await mkdir(outdir, { recursive: true });
const result = await build({
  absWorkingDir: root,
  entryPoints: { cli: 'pipeline/cli.ts' },
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // Packages stay in node_modules, loaded when a stage needs them (bundling zod in saved nothing measurable).
  external: dependencies,
  metafile: true,
  logLevel: 'warning',
});
// The sources the build came from: the bin wrapper checks they are not newer than the build.
const inputs = Object.keys(result.metafile.inputs).filter((file) => !file.includes('node_modules'));
await writeFile(join(outdir, 'inputs.json'), `${JSON.stringify(inputs, null, 1)}\n`);
process.stdout.write(`govclip: CLI built into dist/cli (${inputs.length} source files)\n`);
