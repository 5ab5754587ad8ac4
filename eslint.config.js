// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

// shared/ runs in the extension as well as in Node: nothing Node-only may reach it.
const nodeOnlyModules = ['fs', 'path', 'os', 'child_process', 'worker_threads', 'url', 'util', 'crypto', 'stream', 'buffer', 'module'];

export default tseslint.config(
  { ignores: ['node_modules/**', '.output/**', '.wxt/**', 'dist/**', 'coverage/**', 'artifacts/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['node:*'], message: 'shared/ must stay browser-safe: no node: imports.' },
          ...nodeOnlyModules.map((name) => ({ group: [name, `${name}/*`], message: `shared/ must stay browser-safe: no ${name}.` })),
        ],
      }],
      'no-restricted-globals': ['error',
        { name: 'process', message: 'shared/ must stay browser-safe: no process.' },
        { name: 'Buffer', message: 'shared/ must stay browser-safe: no Buffer.' },
        { name: 'require', message: 'shared/ must stay browser-safe: no require.' },
        { name: '__dirname', message: 'shared/ must stay browser-safe.' },
      ],
    },
  },
  {
    files: ['pipeline/bin/*.js', 'eslint.config.js'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
  },
);
