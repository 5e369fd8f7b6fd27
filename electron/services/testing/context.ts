/**
 * Shared by the service tests that drive the handler table the way the app does: a workspace on temp folders, the
 * typed client behind the real dispatcher, and the RelaisError a call fails with. Test-only; nothing in the app
 * imports this.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { RelaisApi } from '../../../shared/ipc/contract.ts';
import { createDispatcher } from '../../../shared/ipc/dispatch.ts';
import { createApiClient } from '../../../shared/ipc/envelope.ts';
import type { ProjectService } from '../app/project.ts';
import { Workspace, type WorkspaceHooks, type WorkspaceOptions } from '../app/workspace.ts';
import { NO_DIALOGS, type Dialogs } from '../dialogs.ts';
import { createHandlers, type HandlerTable } from '../handlers.ts';

export { errorCode, failure } from './errors.ts';

/** The built-in sample article. */
export const SAMPLE = path.resolve(import.meta.dirname, '../../../resources/samples/cumberland-fr.txt');

/** What a test app runs on: the workspace's folders, the dialogs' answers, a settings listener. */
export type ServiceContext = WorkspaceOptions & WorkspaceHooks & { dialogs: Dialogs };

/**
 * A context rooted at `root`: settings in `root/userData` (created), projects in `root/Relais Projects`, the sample,
 * dialogs that are cancelled; `overrides` replace any of these (dialogs one by one).
 */
export function testContext(root: string, overrides: Partial<WorkspaceOptions> & WorkspaceHooks & { dialogs?: Partial<Dialogs> } = {}): ServiceContext {
  const { dialogs, ...rest } = overrides;
  const ctx: ServiceContext = {
    settingsDir: path.join(root, 'userData'),
    projectsDir: path.join(root, 'Relais Projects'),
    samplePath: SAMPLE,
    ...rest,
    dialogs: { ...NO_DIALOGS, ...dialogs },
  };
  fs.mkdirSync(ctx.settingsDir, { recursive: true });
  return ctx;
}

/** The typed client over `handlers`, through createDispatcher (zod validation + envelopes), as the renderer sees it. */
export function clientFor(handlers: HandlerTable): RelaisApi {
  const dispatch = createDispatcher(handlers);
  return createApiClient((channel, args) => dispatch(channel, args));
}

/** One app started on `ctx`: its workspace and one window's handler table. `dispose()` closes both. */
export interface TestApp {
  workspace: Workspace;
  table: HandlerTable;
  api: RelaisApi;
  /** The project open in the window, through the application layer (for what has no channel). */
  project(): ProjectService;
  dispose(): void;
}

export function startApp(ctx: ServiceContext): TestApp {
  const { dialogs, onSettingsChanged, ...options } = ctx;
  const workspace = new Workspace(options, onSettingsChanged ? { onSettingsChanged } : {});
  const table = createHandlers(workspace, dialogs);
  let current: ProjectService | null = null;
  return {
    workspace,
    table,
    api: clientFor(table),
    project() {
      const state = table.getAppState() as { project: { info: { path: string } } | null };
      if (!state.project) throw new Error('No project is open in this window');
      const file = path.resolve(state.project.info.path);
      if (current && (!current.isOpen || path.resolve(current.path) !== file)) {
        workspace.release(current);
        current = null;
      }
      // A lease of its own (the same ProjectService as the window's): the window keeps its project.
      current ??= workspace.openProject(file);
      return current;
    },
    dispose() {
      if (current) workspace.release(current);
      table.dispose();
      workspace.close();
    },
  };
}

/**
 * App sessions on one context: each `open()` is a new app start (workspace and handler table) seen through the typed
 * client; `apps` holds the ones not yet disposed, newest last; `disposeAll()` is for afterEach.
 */
export class AppSessions {
  readonly apps: TestApp[] = [];
  constructor(private readonly context: () => ServiceContext) {}

  open(): RelaisApi {
    return this.start().api;
  }

  start(): TestApp {
    const app = startApp(this.context());
    this.apps.push(app);
    return app;
  }

  disposeAll(): void {
    for (const a of this.apps.splice(0)) a.dispose();
  }
}
