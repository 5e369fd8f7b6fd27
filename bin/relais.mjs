#!/usr/bin/env node
// The `relais` command. Runs the bundle that `npm install` builds (dist-cli/, see scripts/build-cli.mjs), so a run
// costs little more than starting Node.
//
// In a development checkout the bundle can be missing (installed with --ignore-scripts) or older than the sources
// (after an edit or a `git pull`). Then, when tsx is installed (the dev dependencies are), the TypeScript sources are
// run directly — slower to start, but never stale code — with a one-line note on stderr saying how to rebuild.
// Without tsx it says how to build and exits 1.
import module from 'node:module';
import { pathToFileURL } from 'node:url';
import { cliBundleState, CLI_BUNDLE } from '../scripts/build-cli.mjs';

// Node 22.1+ keeps V8's compiled code between runs (nothing on Node 20).
module.enableCompileCache?.();

const REBUILD = '`npm run build:cli` (or `npm install`)';
const bundle = cliBundleState();

async function entry() {
  if (bundle.state === 'ok') return import(pathToFileURL(CLI_BUNDLE).href);
  const why = bundle.state === 'missing' ? 'the CLI bundle (dist-cli/) is missing' : `the CLI bundle is older than ${bundle.newer}`;
  let tsImport;
  try {
    ({ tsImport } = await import('tsx/esm/api'));
  } catch {
    process.stderr.write(`relais: ${why}; build it with ${REBUILD}.\n`);
    process.exit(1);
  }
  process.stderr.write(`relais: note: ${why}, so the TypeScript sources are run instead (slower); ${REBUILD} rebuilds it.\n`);
  return tsImport('../cli/relais.ts', import.meta.url);
}

const { runProcess } = await entry();
process.exitCode = await runProcess(process.argv.slice(2));
