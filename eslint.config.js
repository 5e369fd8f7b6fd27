// ESLint flat config. Besides the usual TypeScript rules it enforces the layering (VS Code style):
// - shared/ imports nothing from Node, Electron, React or the DOM;
// - electron/services/ (main-process services, also loaded by the CLI and the e2e harness) never imports electron;
// - renderer/ never imports Node, Electron or main-process code, and takes only types from the IPC schemas (no zod
//   in the page: the services validate);
// - a feature in renderer/src/features/ never imports another feature (bulletproof-react);
// - the CLI reaches the services through the application layer (electron/services/app) only;
// - only the store (electron/services/store) touches the SQLite connection.
// The renderer also gets React's hooks rules and a few type-aware rules (promises nobody awaits or catches, promises
// passed where a plain callback is expected); type information is computed for renderer/ only, to keep lint fast.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
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

/**
 * The CLI reaches the services through the application layer only: any import (static, re-export or dynamic
 * `import()`) that resolves into electron/ must resolve into electron/services/app/.
 */
const cliThroughAppLayer = {
  meta: { type: 'problem', schema: [], messages: { layer: 'The CLI calls the application layer (electron/services/app) only, not "{{spec}}".' } },
  create(context) {
    const file = context.filename;
    const check = (node, source) => {
      const spec = source && source.type === 'Literal' ? source.value : null;
      if (typeof spec !== 'string') return;
      if (spec === 'better-sqlite3') return context.report({ node, messageId: 'layer', data: { spec } });
      if (!spec.startsWith('.')) return;
      const resolved = path.resolve(path.dirname(file), spec).split(path.sep).join('/');
      if (/\/electron\//.test(resolved) && !/\/electron\/services\/app\//.test(resolved)) context.report({ node, messageId: 'layer', data: { spec } });
    };
    return {
      ImportDeclaration: (node) => check(node, node.source),
      ExportNamedDeclaration: (node) => check(node, node.source),
      ExportAllDeclaration: (node) => check(node, node.source),
      ImportExpression: (node) => check(node, node.source),
    };
  },
};

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'dist-electron/**', 'dist-cli/**', 'release/**', 'test-results/**', 'playwright-report/**', 'e2e/artifacts/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    plugins: { relais: { rules: { 'feature-boundaries': featureBoundaries, 'cli-through-app-layer': cliThroughAppLayer } } },
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
    files: ['renderer/**/*.{ts,tsx}'],
    ...reactHooks.configs.flat.recommended,
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
    },
  },
  {
    // The renderer's tests run against the real services in process: this one file builds them (Node, main's code).
    files: ['renderer/src/test/backend.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    // The renderer bundle carries no schemas: the IPC contract's zod schemas (and zod itself) may be imported for
    // their types only. Tests and the renderer's test double run under Node in place of the services, not in the page.
    files: ['renderer/**/*.{ts,tsx}'],
    ignores: ['renderer/src/test/**', 'renderer/**/*.test.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', {
        paths: [{ name: 'zod', message: 'The renderer carries no schemas: validation happens in the services.', allowTypeImports: true }],
        patterns: [{
          group: ['**/shared/ipc/schemas.ts', '**/shared/ipc/dispatch.ts', '**/shared/ipc/channels/*'],
          message: 'The renderer imports types only from the IPC schemas (shared/ipc/contract.ts has them): the services validate.',
          allowTypeImports: true,
        }],
      }],
    },
  },
  {
    files: ['cli/**/*.ts'],
    ignores: ['cli/**/*.test.ts', 'cli/testing.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: 'electron', message: 'The CLI runs under plain Node.' }] }],
      'relais/cli-through-app-layer': 'error',
    },
  },
  {
    // The SQLite connection belongs to the store: everything else calls its methods.
    files: ['electron/**/*.ts', 'cli/**/*.ts'],
    ignores: ['electron/services/store/**', '**/*.test.ts'],
    rules: {
      'no-restricted-syntax': ['error', { selector: "MemberExpression[property.name='db']", message: 'Only the store (electron/services/store) uses the SQLite connection.' }],
    },
  },
);
