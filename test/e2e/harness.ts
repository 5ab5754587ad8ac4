// The e2e run's pieces: a build of the extension for tests, a static server on 127.0.0.1 for the
// fixture pages, and Debian's Chromium driven by playwright-core with the extension loaded.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Worker } from 'playwright-core';

export const ROOT = resolve(import.meta.dirname, '../..');
export const EXTENSION_DIR = join(ROOT, '.output/e2e/chrome-mv3');
/** Screenshots kept as CI artifacts (README: "Screenshots"). */
export const ARTIFACTS = join(ROOT, 'artifacts/e2e');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** One build at a time across the e2e files (they run in parallel and share .wxt/). */
function withBuildLock<T>(action: () => T): T {
  const lock = join(ROOT, '.output/e2e.lock');
  mkdirSync(join(ROOT, '.output'), { recursive: true });
  const deadline = Date.now() + 180_000;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      // A lock left by a killed run is stale after the deadline.
      if (Date.now() > deadline) break;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 250);
    }
  }
  try {
    return action();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

/** Builds the e2e extension; `outDir` (relative to the root) gives a test file a build of its own. */
export function buildExtension(outDir?: string, browser: 'chrome' | 'firefox' = 'chrome'): void {
  const args = browser === 'firefox' ? ['build', '-b', 'firefox', '--mv3'] : ['build'];
  withBuildLock(() => execFileSync(join(ROOT, 'node_modules/.bin/wxt'), args, { cwd: ROOT, env: { ...process.env, GOVCLIP_E2E: '1', ...(outDir ? { GOVCLIP_E2E_OUT: outDir } : {}) }, stdio: 'pipe' }));
}

const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.pdf': 'application/pdf', '.png': 'image/png' };

/** A page's own charset, from its <meta> (a GBK page says gb2312): the server sends it as the site did. */
export function contentTypeOf(path: string, bytes: Buffer): string {
  if (extname(path) !== '.html') return TYPES[extname(path)] ?? 'application/octet-stream';
  const declared = /<meta[^>]+charset\s*=\s*["']?([\w-]+)/i.exec(bytes.subarray(0, 2048).toString('latin1'))?.[1];
  return `text/html; charset=${declared?.toLowerCase() ?? 'utf-8'}`;
}

/** Serves `pages` (path → body) and files under fixtures/forms, on 127.0.0.1 only. */
export async function serve(pages: Record<string, { body: string | Buffer; type?: string; csp?: string }>): Promise<{ server: Server; origin: string }> {
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://127.0.0.1').pathname);
    const page = pages[path];
    const file = join(ROOT, 'fixtures/forms', path);
    if (page) {
      response.writeHead(200, { 'content-type': page.type ?? TYPES[extname(path)] ?? 'text/html; charset=utf-8', ...(page.csp ? { 'content-security-policy': page.csp } : {}) });
      response.end(page.body);
    } else if (!path.includes('..') && existsSync(file)) {
      const bytes = readFileSync(file);
      response.writeHead(200, { 'content-type': contentTypeOf(path, bytes) });
      response.end(bytes);
    } else {
      response.writeHead(404);
      response.end('not found');
    }
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { server, origin: `http://127.0.0.1:${port}` };
}

export interface Launched {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
}

export async function launchWithExtension(extensionDir: string = EXTENSION_DIR): Promise<Launched> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'govclip-e2e-')), {
    executablePath: CHROMIUM,
    headless: true,
    acceptDownloads: true,
    viewport: { width: 1366, height: 768 },
    locale: 'zh-CN',
    // Chromium on Linux takes its UI language (and so the extension's) from the environment.
    env: { ...process.env, LANGUAGE: 'zh_CN', LANG: 'zh_CN.UTF-8', LC_ALL: 'zh_CN.UTF-8' },
    args: [
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--lang=zh-CN',
    ],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 20_000 }));
  const extensionId = new URL(worker.url()).host;
  return { context, worker, extensionId };
}
