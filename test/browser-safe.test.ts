// shared/ runs inside the extension as well as in Node. These checks fail when anything
// Node-only reaches it: a node: or built-in import, a package that is not browser-safe,
// process, Buffer or require.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..');
const SHARED = join(ROOT, 'shared');
/** Packages shared/ may import: pure JavaScript that runs in a browser. */
// string-width: display width of Chinese text, for the xlsx row heights (pure JavaScript, no Node APIs).
const BROWSER_SAFE_PACKAGES = new Set(['zod', '@mozilla/readability', 'fflate', 'string-width']);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith('.ts') ? [path] : [];
  });
}

function importsOf(source: string): string[] {
  const specifiers: string[] = [];
  for (const match of source.matchAll(/(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\s*\(\s*['"]([^'"]+)['"]\s*\)|import\s+['"]([^'"]+)['"]/g)) {
    specifiers.push((match[1] ?? match[2] ?? match[3]) as string);
  }
  return specifiers;
}

describe('shared/ is browser-safe', () => {
  const files = sourceFiles(SHARED);

  it('imports only its own modules and browser-safe packages', () => {
    const offending = files.flatMap((file) =>
      importsOf(readFileSync(file, 'utf8'))
        .filter((spec) => !spec.startsWith('.') && !BROWSER_SAFE_PACKAGES.has(spec))
        .map((spec) => `${relative(ROOT, file)}: ${spec}`),
    );
    expect(files.length).toBeGreaterThan(10);
    expect(offending).toEqual([]);
  });

  it('uses no Node globals', () => {
    const offending = files.filter((file) => /\b(process\.|Buffer\.|require\(|__dirname|__filename)/.test(readFileSync(file, 'utf8').replace(/\/\/.*$|\/\*[\s\S]*?\*\//gm, '')));
    expect(offending.map((f) => relative(ROOT, f))).toEqual([]);
  });

  it('has a lint rule that rejects a Node import in shared/', async () => {
    const eslint = new ESLint({ cwd: ROOT });
    const [result] = await eslint.lintText("import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\nexport const y = process.argv;\n", {
      filePath: join(SHARED, 'example.ts'),
    });
    const rules = (result?.messages ?? []).map((m) => m.ruleId);
    expect(rules).toContain('no-restricted-imports');
    expect(rules).toContain('no-restricted-globals');
  });
});
