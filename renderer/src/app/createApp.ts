/**
 * Builds the app once per window: the core (lib/core), each feature's object on top of it, the command registry and
 * the row slots. `start()` connects it to the world (main's events, the keyboard, the selection, the features'
 * watchers) and loads the first project; it returns the function that disconnects everything.
 */
import type { i18n as I18n } from 'i18next';
import type { Backend } from '../lib/backend.ts';
import { CommandRegistry, formatShortcut, isMacPlatform } from '../lib/commands.ts';
import type { CommandsApi } from '../lib/commandsContext.tsx';
import { createCore, type Core } from '../lib/core/core.ts';
import type { SegmentDecor } from '../lib/segmentDecor.tsx';
import { watch } from '../lib/state/store.ts';
import { createComments } from '../features/comments/index.ts';
import { createFind } from '../features/find/index.ts';
import { createHistory } from '../features/history/index.ts';
import { createProjects } from '../features/import/index.ts';
import { createPaletteStore } from '../features/palette/index.ts';
import { createPublication } from '../features/publication/index.ts';
import { createQa, qaSlots } from '../features/qa/index.ts';
import { createReview, reviewSlots } from '../features/review/index.ts';
import { createSourceUpdate, SourceChangedSlot } from '../features/source-update/index.ts';
import { createTerminology, terminologySlots } from '../features/terminology/index.ts';
import { createWorkbench } from '../features/workbench/index.ts';
import { APP_COMMANDS, type AppContext } from './commands.ts';

/** How long a notice stays (screen readers got it at once through the live region). */
const NOTICE_MS = 6000;

export interface RelaisApp {
  core: Core;
  ctx: AppContext;
  commands: CommandsApi;
  decor: SegmentDecor;
  /** The grid's callbacks (stable). */
  grid: { onActivate(segmentId: string, focusEditor: boolean): void; onToggleTranslatable(blockId: string, translatable: boolean): void };
  /** True while a dialog is open: the workbench is inert and shortcuts are off. */
  modalOpen(): boolean;
  start(): () => void;
}

export function createApp(backend: Backend | null, i18n: I18n): RelaisApp {
  const core = createCore(backend?.api ?? null, i18n);
  const ctx: AppContext = {
    core,
    workbench: createWorkbench(core),
    find: createFind(core),
    qa: createQa(core),
    terminology: createTerminology(core),
    review: createReview(core),
    comments: createComments(core),
    history: createHistory(core),
    publication: createPublication(core),
    sourceUpdate: createSourceUpdate(core),
    projects: createProjects(core),
    palette: createPaletteStore(),
  };
  const registry = new CommandRegistry<AppContext>(APP_COMMANDS);
  const mac = isMacPlatform(typeof navigator === 'undefined' ? undefined : navigator);
  // Everything a command's availability can depend on.
  const stores = [...core.stores, ctx.qa.live, ctx.qa.ui, ctx.terminology.ui, ctx.review.store, ctx.sourceUpdate.store, ctx.palette];

  const commands: CommandsApi = {
    list: () => registry.all() as never,
    get: (id) => registry.get(id) as never,
    availability: (id) => registry.availability(id, ctx),
    run(id, arg) {
      registry.run(id, ctx, arg, (reason, cmd) => {
        core.notify(core.t('announce.disabled', { label: core.t(cmd.labelKey), reason: core.t(reason) }));
      }).catch((e: unknown) => core.showError(e));
    },
    shortcutLabel(id) {
      const s = registry.get(id)?.shortcut?.[0];
      return s ? formatShortcut(s, mac) : '';
    },
    subscribe(listener) {
      const offs = stores.map((s) => s.subscribe(listener));
      return () => {
        for (const off of offs) off();
      };
    },
  };

  const review = reviewSlots(ctx.review);
  const decor: SegmentDecor = {
    ...terminologySlots(ctx.terminology),
    ...qaSlots(ctx.qa),
    RowBadges: review.RowBadges,
    BelowTarget: [SourceChangedSlot, review.TrackedChanges, review.Lock],
    readOnly: review.readOnly,
  };

  const modalOpen = () => {
    const s = core.session.getState();
    const su = ctx.sourceUpdate.store.getState();
    return s.onboarding !== null || s.error !== null || ctx.palette.getState().open || ctx.qa.ui.getState().override !== null
      || ctx.terminology.ui.getState().addTerm !== null || ctx.review.store.getState().rejecting !== null || su.result !== null || su.differentFile !== null;
  };

  function start(): () => void {
    const stops: (() => void)[] = [
      ctx.workbench.start(),
      ctx.qa.start(),
      ctx.terminology.start(),
      ctx.review.start(),
      ctx.history.start(),
      ctx.publication.start(),
      ctx.sourceUpdate.start(),
    ];
    // Main pushes settings changes and the native menu's commands.
    if (backend) {
      stops.push(backend.on('settingsChanged', (s) => core.settingsChanged(s)));
      stops.push(backend.on('command', ({ id }) => commands.run(id)));
    }
    // Keyboard: one listener, shortcuts resolved through the registry.
    const onKey = (e: KeyboardEvent) => {
      if (modalOpen() || e.defaultPrevented || e.isComposing) return;
      const cmd = registry.forKey(e);
      if (!cmd) return;
      e.preventDefault();
      commands.run(cmd.id);
    };
    window.addEventListener('keydown', onKey);
    stops.push(() => window.removeEventListener('keydown', onKey));
    // Notices fade after a while.
    let noticeTimer: ReturnType<typeof setTimeout> | undefined;
    stops.push(watch(() => core.session.getState().notice, [core.session], (notice) => {
      clearTimeout(noticeTimer);
      if (!notice || notice.text === '') return;
      noticeTimer = setTimeout(() => {
        if (core.session.getState().notice?.id === notice.id) core.notify('');
      }, NOTICE_MS);
    }));
    stops.push(() => clearTimeout(noticeTimer));
    // A notice is text in the language it was shown in: switching the UI language clears it.
    const clearNotice = () => core.notify('');
    i18n.on('languageChanged', clearNotice);
    stops.push(() => i18n.off('languageChanged', clearNotice));
    void core.load();
    return () => {
      for (const stop of stops) stop();
    };
  }

  const grid: RelaisApp['grid'] = {
    onActivate: (id, focusEditor) => void core.activate(id, focusEditor),
    onToggleTranslatable: (blockId, translatable) => void ctx.workbench.toggleTranslatable(blockId, translatable),
  };

  return { core, ctx, commands, decor, grid, modalOpen, start };
}
