// ESLint flat config. Besides the usual TypeScript rules it enforces the layering (VS Code style):
// - shared/ imports nothing from Node, Electron, React or the DOM;
// - electron/services/ (main-process services, also loaded by the CLI and the e2e harness) never imports electron;
// - renderer/ never imports Node, Electron or main-process code;
// - a feature in renderer/src/features/ never imports another feature (bulletproof-react).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import path from 'node:path';

const NODE_BUILTINS = [
  'node:*', 'fs', 'fs/*', 'path', 'os', 'crypto', 'child_process', 'url', 'util', 'stream', 'stream/*', 'buffer', 'events', 'zlib', 'worker_threads', 'http', 'https', 'net',
];

/** A feature folder may not import from a sibling feature. */
const featureBoundaries = {
  meta: { type: 'problem', schema: [], messages: { cross: 'Feature "{{from}}" must not import from feature "{{to}}": compose them in renderer/src/app instead.' } },
  create(context) {
    const file = context.filename;
    const m = file.split(path.sep).join('/').match(/renderer\/src\/features\/([^/]+)\//);
    if (!m) return {};
    const from = m[1];
    return {
      ImportDeclaration(node) {
        const spec = node.source.value;
        if (typeof spec !== 'string' || !spec.startsWith('.')) return;
        const resolved = path.resolve(path.dirname(file), spec).split(path.sep).join('/');
        const t = resolved.match(/renderer\/src\/features\/([^/]+)/);
        if (t && t[1] !== from) context.report({ node, messageId: 'cross', data: { from, to: t[1] } });
      },
    };
  },
};

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'dist-electron/**', 'dist-cli/**', 'release/**', 'test-results/**', 'playwright-report/**', 'e2e/artifacts/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    plugins: { relais: { rules: { 'feature-boundaries': featureBoundaries } } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['shared/**/*.ts'],
    ignores: ['shared/**/*.test.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': ['error', {
        paths: [
          { name: 'electron', message: 'shared/ is pure: no Electron.' },
          { name: 'react', message: 'shared/ is pure: no React.' },
          { name: 'react-dom', message: 'shared/ is pure: no React.' },
        ],
        patterns: [
          { group: NODE_BUILTINS, message: 'shared/ is pure: no Node built-ins.' },
          { group: ['**/electron/**', '**/renderer/**', '**/cli/**'], message: 'shared/ may not import from other layers.' },
        ],
      }],
      'no-restricted-globals': ['error', 'window', 'document', 'process', 'Buffer', 'require', '__dirname', 'navigator', 'localStorage'],
    },
  },
  {
    files: ['electron/services/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [{ name: 'electron', message: 'Services run under plain Node (CLI, tests, e2e harness): only electron/main may touch Electron.' }],
        patterns: [{ group: ['**/renderer/**', '**/electron/main/**', '**/electron/preload/**'], message: 'Services may not import the app shell or the UI.' }],
      }],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'relais/feature-boundaries': 'error',
      'no-restricted-imports': ['error', {
        paths: [{ name: 'electron', message: 'The renderer talks to main through window.relais only.' }, { name: 'better-sqlite3', message: 'State lives in main.' }],
        patterns: [
          { group: NODE_BUILTINS, message: 'The renderer runs in a sandboxed browser: no Node built-ins.' },
          { group: ['**/electron/**', '**/cli/**'], message: 'The renderer may not import main-process code.' },
        ],
      }],
    },
  },
  {
    files: ['cli/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: 'electron', message: 'The CLI runs under plain Node.' }] }],
    },
  },
);
