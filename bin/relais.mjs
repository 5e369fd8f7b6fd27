#!/usr/bin/env node
// The `relais` command: runs the TypeScript CLI through tsx, so `npx relais` works right after `npm install`
// with no build step, loading exactly the services the app runs.
import { tsImport } from 'tsx/esm/api';

const { main } = await tsImport('../cli/relais.ts', import.meta.url);
process.exitCode = await main(process.argv.slice(2));
