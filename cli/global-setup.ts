/**
 * Vitest global setup: the CLI tests run `relais` as a user does (bin/relais.mjs → dist-cli/), so the bundle is
 * built once here when it is missing or older than its sources, instead of each run compiling TypeScript.
 */
import { ensureCli } from '../scripts/build-cli.mjs';

export default async function setup(): Promise<void> {
  await ensureCli({ quiet: true });
}
