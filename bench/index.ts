/**
 * `npm run bench [-- --json] [-- suite...]`: measures and prints figures. Not a test: nothing here asserts.
 * Each suite is a module in bench/suites/ exporting `name` and `run(): Promise<SuiteResult>`.
 */
import { readdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import path from 'node:path';
import type { SuiteResult } from './types.ts';

async function main() {
  const argv = process.argv.slice(2);
  const json = argv.includes('--json');
  const only = argv.filter((a) => !a.startsWith('--'));
  const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'suites');
  const files = readdirSync(dir).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts')).sort();
  const results: SuiteResult[] = [];
  for (const f of files) {
    const mod = (await import(pathToFileURL(path.join(dir, f)).href)) as { name: string; run: () => Promise<SuiteResult> };
    if (only.length && !only.includes(mod.name)) continue;
    if (!json) process.stdout.write(`\n== ${mod.name} ==\n`);
    const r = await mod.run();
    results.push(r);
    if (!json) process.stdout.write(r.text.endsWith('\n') ? r.text : r.text + '\n');
  }
  if (json) {
    process.stdout.write(JSON.stringify({ machine: machineInfo(), suites: results.map(({ text: _t, ...rest }) => rest) }, null, 2) + '\n');
  }
}

function machineInfo() {
  return { node: process.version, platform: process.platform, arch: process.arch, date: new Date().toISOString() };
}

await main();
