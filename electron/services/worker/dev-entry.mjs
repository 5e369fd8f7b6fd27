// Runs the TypeScript worker entry (workerData.entry) through tsx, for hosts that run from source: the tests and the
// e2e harness. The app runs the bundled worker (dist-electron/worker.cjs) instead.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.entry);
