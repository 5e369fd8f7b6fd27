/**
 * The renderer bundles the IPC contract (zod schemas) but never parses with it: validation happens in main.
 * Zod's JIT probes `new Function` when a schema is built, which the page's CSP (no 'unsafe-eval') reports as a
 * violation; jitless mode skips the probe. Imported first by main.tsx, before any schema is created.
 */
import { config } from 'zod';

config({ jitless: true });
