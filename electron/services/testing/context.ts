/**
 * Shared by the service tests that drive the handler table the way the app does: a ServiceContext on temp folders,
 * the typed client behind the real dispatcher, and the RelaisError a call fails with. Test-only; nothing in the app
 * imports this.
 */
import fs from 'node:fs';
import path from 'node:path';
import { RelaisError } from '../../../shared/errors.ts';
import type { RelaisApi } from '../../../shared/ipc/contract.ts';
import { createApiClient, createDispatcher } from '../../../shared/ipc/envelope.ts';
import type { ServiceContext } from '../context.ts';
import { createHandlers, type HandlerTable } from '../handlers.ts';

/** The built-in sample article. */
export const SAMPLE = path.resolve(import.meta.dirname, '../../../resources/samples/cumberland-fr.txt');

/**
 * A context rooted at `root`: settings in `root/userData` (created), projects in `root/Relais Projects`, the sample,
 * a file dialog that is cancelled; `overrides` replace any of these.
 */
export function testContext(root: string, overrides: Partial<ServiceContext> = {}): ServiceContext {
  const ctx: ServiceContext = {
    settingsDir: path.join(root, 'userData'),
    projectsDir: path.join(root, 'Relais Projects'),
    samplePath: SAMPLE,
    dialogs: { showOpen: async () => null },
    ...overrides,
  };
  fs.mkdirSync(ctx.settingsDir, { recursive: true });
  return ctx;
}

/** The typed client over `handlers`, through createDispatcher (zod validation + envelopes), as the renderer sees it. */
export function clientFor(handlers: HandlerTable): RelaisApi {
  const dispatch = createDispatcher(handlers);
  return createApiClient((channel, args) => dispatch(channel, args));
}

/**
 * App sessions on one context: each `open()` is a new handler table (the app started again) seen through the typed
 * client; `tables` holds the ones not yet disposed, newest last; `disposeAll()` is for afterEach.
 */
export class AppSessions {
  readonly tables: HandlerTable[] = [];
  constructor(private readonly context: () => ServiceContext) {}

  open(): RelaisApi {
    const handlers = createHandlers(this.context());
    this.tables.push(handlers);
    return clientFor(handlers);
  }

  disposeAll(): void {
    for (const t of this.tables.splice(0)) t.dispose();
  }
}

/** The RelaisError `p` rejects with; anything else (or success) fails the test. */
export async function failure(p: Promise<unknown>): Promise<RelaisError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof RelaisError) return e;
    throw e;
  }
  throw new Error('expected the call to fail');
}

/** The RelaisError code `fn` throws, or 'no error'; anything else thrown fails the test. */
export function errorCode(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (e instanceof RelaisError) return e.code;
    throw e;
  }
  return 'no error';
}
