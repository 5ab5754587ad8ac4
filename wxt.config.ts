// The browser extension's build (WXT, MV3 for Chrome and Firefox). Sources live in extension/;
// the core comes from shared/ and is bundled into the content script and the extension pages.
import { readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { defineConfig } from 'wxt';
import { PACKAGED_ASSETS } from './extension/lib/attachment/asset-layout.ts';

/** The attachment page's pdf.js and tesseract.js files, copied from node_modules into the build. */
function packagedAssets(): Array<{ absoluteSrc: string; relativeDest: string }> {
  const require = createRequire(import.meta.url);
  return PACKAGED_ASSETS.flatMap(({ pkg, from, to }) => {
    const source = join(dirname(require.resolve(`${pkg}/package.json`)), from);
    if (!from.endsWith('/')) return [{ absoluteSrc: source, relativeDest: to }];
    return readdirSync(source, { withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => ({ absoluteSrc: join(source, entry.name), relativeDest: `${to}${entry.name}` }));
  });
}

/** The e2e run stands in for a user who has allowed the local test site (see test/e2e/). */
const e2e = process.env.GOVCLIP_E2E === '1';
const e2eHosts = e2e ? ['http://127.0.0.1/*'] : [];

export default defineConfig({
  srcDir: 'extension',
  // The e2e build differs (a granted test host), so it never overwrites the one users load.
  // GOVCLIP_E2E_OUT gives an e2e file its own build, so two e2e files running at once never share one.
  outDir: e2e ? (process.env.GOVCLIP_E2E_OUT ?? '.output/e2e') : '.output',
  publicDir: 'extension/public',
  // Explicit imports everywhere: the same files typecheck with the project's tsconfig.
  imports: false,
  hooks: {
    // MV3 runs no remote code: every file pdf.js and tesseract.js load at run time ships inside.
    'build:publicAssets': (_wxt, files) => {
      files.push(...packagedAssets());
    },
  },
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'zh_CN',
    // Least privilege: the page is read only when the user asks (activeTab) or on sites the
    // user allowed (optional host permissions, granted at run time).
    permissions: ['activeTab', 'storage', 'scripting', 'contextMenus', ...(browser === 'firefox' ? [] : ['sidePanel'])],
    optional_host_permissions: ['*://*/*'],
    host_permissions: e2eHosts,
    action: { default_title: '__MSG_actionTitle__' },
    commands: {
      'run-govclip': {
        suggested_key: { default: 'Alt+Shift+G' },
        description: '__MSG_commandRun__',
      },
    },
    // pdf.js and tesseract compile WebAssembly in extension pages; nothing is loaded from outside.
    content_security_policy: {
      extension_pages: "script-src 'self' 'wasm-unsafe-eval'; object-src 'self'",
    },
    // 140: the oldest ESR the Firefox e2e runs on (128 threw on adoptedStyleSheets and highlighted nothing),
    // and the first that reads data_collection_permissions. GovClip sends nothing anywhere.
    ...(browser === 'firefox'
      ? { browser_specific_settings: { gecko: { id: 'govclip@govclip.local', strict_min_version: '140.0', data_collection_permissions: { required: ['none'] } } } }
      : {}),
  }),
});
