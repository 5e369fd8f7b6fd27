import { useDeferredValue, useEffect, useMemo, useRef } from 'react';
import { I18nextProvider, useTranslation } from 'react-i18next';
import type { i18n as I18n } from 'i18next';
import type { UiLanguage } from '../../../shared/model.ts';
import { CommandButton } from '../components/CommandButton.tsx';
import type { Backend } from '../lib/backend.ts';
import { CommandRegistry, formatShortcut, isMacPlatform } from '../lib/commands.ts';
import { CommandsContext, type CommandsApi } from '../lib/commandsContext.tsx';
import { ErrorDialog } from '../features/errors/index.ts';
import { FindBar } from '../features/find/index.ts';
import { DropZone, EmptyState, ProjectsMenu } from '../features/import/index.ts';
import { OnboardingDialog } from '../features/onboarding/index.ts';
import { CommandPalette } from '../features/palette/index.ts';
import { LanguageSelect, UserBadge } from '../features/settings/index.ts';
import { StatusBar } from '../features/status-bar/index.ts';
import { SegmentGrid, SegmentToolbar } from '../features/workbench/index.ts';
import { OverrideDialog, QaPanel } from '../features/qa/index.ts';
import { AddTermDialog, TermPanel } from '../features/terminology/index.ts';
import { SegmentDecorContext } from '../lib/segmentDecor.tsx';
import { CommentsPanel, OpenCommentsCount } from '../features/comments/index.ts';
import { HistoryPanel } from '../features/history/index.ts';
import { PublicationView } from '../features/publication/index.ts';
import { RejectDialog, ReviewToolbar } from '../features/review/index.ts';
import { ArchiveView, DifferentArticleDialog, SourceUpdateResultDialog } from '../features/source-update/index.ts';
import { useReview } from './useReview.ts';
import { APP_COMMANDS, type AppCommandContext } from './commands.ts';
import { useController } from './useController.ts';
import { useTerminology } from './useTerminology.ts';

export function App({ backend, i18n }: { backend: Backend | null; i18n: I18n }) {
  return (
    <I18nextProvider i18n={i18n}>
      <Shell backend={backend} i18n={i18n} />
    </I18nextProvider>
  );
}

function Shell({ backend, i18n }: { backend: Backend | null; i18n: I18n }) {
  const { t } = useTranslation();
  const { state, derived, actions } = useController(backend, i18n);
  const findRef = useRef<HTMLInputElement>(null);
  const filterRef = useRef<HTMLSelectElement>(null);
  const registry = useMemo(() => new CommandRegistry<AppCommandContext>(APP_COMMANDS), []);
  const mac = useMemo(() => isMacPlatform(typeof navigator === 'undefined' ? undefined : navigator), []);
  const shortcutOf = (id: string) => {
    const s = registry.get(id)?.shortcut?.[0];
    return s ? formatShortcut(s, mac) : '';
  };
  // Terminology and QA: live checks in the editor, term underlines and panel, approval gate.
  const term = useTerminology({
    api: backend?.api ?? null, i18n, project: state.project, activeRow: derived.active,
    canEditRules: state.settings?.user?.role === 'editor', editorCallbacks: actions.editorCallbacks,
    notify: actions.notify, showError: actions.showError, activate: actions.activate, setStatus: actions.setStatus, shortcutLabel: shortcutOf,
  });

  // Review: history, review mode and tracked changes, comments, publication, republished source.
  const segmentNumbers = useMemo(
    () => new Map([...(state.project?.segments ?? [])].sort((a, b) => a.ord - b.ord).map((s, i) => [s.id, i + 1])),
    [state.project?.segments],
  );
  const review = useReview({
    api: backend?.api ?? null, i18n, project: state.project, user: state.settings?.user ?? null, activeRow: derived.active,
    numberOf: (id) => segmentNumbers.get(id) ?? null,
    notify: actions.notify, showError: actions.showError, activate: actions.activate, mutate: actions.mutate,
    applySegments: actions.applySegments, reloadProject: actions.reloadProject,
    rejectActive: (comment) => actions.setStatus('rejected', undefined, comment),
  });
  const decor = useMemo(() => ({ ...term.decor, ...review.decor }), [term.decor, review.decor]);
  const gridRows = useMemo(() => review.filterRows(derived.rows), [review.filterRows, derived.rows]);

  const ctx: AppCommandContext = {
    state,
    derived,
    actions,
    terminology: term,
    review,
    focusFind: () => { findRef.current?.focus(); findRef.current?.select(); },
    focusFilter: () => filterRef.current?.focus(),
  };
  const ctxRef = useRef(ctx);
  ctxRef.current = ctx;

  const commandsApi: CommandsApi = useMemo(() => {
    const run = (id: string, arg?: unknown) => {
      void registry.run(id, ctxRef.current, arg, (reason, cmd) => {
        actions.notify(t('announce.disabled', { label: t(cmd.labelKey), reason: t(reason) }));
      }).catch((e: unknown) => actions.showError(e));
    };
    return {
      list: () => registry.all() as never,
      get: (id) => registry.get(id) as never,
      availability: (id) => registry.availability(id, ctxRef.current),
      run,
      shortcutLabel: (id) => {
        const s = registry.get(id)?.shortcut?.[0];
        return s ? formatShortcut(s, mac) : '';
      },
    };
    // A new value whenever the state changes, so buttons re-evaluate availability.
  }, [registry, actions, t, mac, state, derived]);

  // Keyboard: one listener, shortcuts resolved through the registry.
  const modalOpen = state.onboarding !== null || state.paletteOpen || state.error !== null || term.modalOpen
    || review.rejecting !== null || review.updateResult !== null || review.differentFile !== null;
  // When the last dialog closes and leaves the focus nowhere (the workbench was inert until this render), the
  // active editor gets it back: a rAF scheduled before React committed may have found the editor still inert.
  const wasModal = useRef(modalOpen);
  const focusEditor = term.focusEditor;
  useEffect(() => {
    if (wasModal.current && !modalOpen) {
      const a = document.activeElement;
      if (!a || a === document.body) focusEditor();
    }
    wasModal.current = modalOpen;
  }, [modalOpen, focusEditor]);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (modalOpen || e.defaultPrevented || e.isComposing) return;
      const cmd = registry.forKey(e);
      if (!cmd) return;
      e.preventDefault();
      commandsApi.run(cmd.id);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [registry, commandsApi, modalOpen]);

  // Native menu items run commands by id.
  const runRef = useRef(commandsApi.run);
  runRef.current = commandsApi.run;
  useEffect(() => {
    if (!backend) return;
    return backend.on('command', ({ id }) => runRef.current(id));
  }, [backend]);

  const load = actions.load;
  useEffect(() => {
    void load();
  }, [load]);

  // Notices fade after a while; screen readers got them through the live region.
  const notify = actions.notify;
  useEffect(() => {
    if (!state.notice) return;
    const id = state.notice.id;
    const timer = setTimeout(() => { if (id === state.notice?.id) notify(''); }, 6000);
    return () => clearTimeout(timer);
  }, [state.notice, notify]);

  // A notice is text in the language it was shown in: switching the UI language clears it rather than leaving it untranslated.
  useEffect(() => {
    const clear = () => notify('');
    i18n.on('languageChanged', clear);
    return () => i18n.off('languageChanged', clear);
  }, [i18n, notify]);

  // The grid follows the find box at its own pace (a long article re-highlights without slowing typing).
  const gridQuery = useDeferredValue(state.findQuery);
  const project = state.project;
  const activeId = state.activeId;
  const hit = state.findIndex >= 0 ? derived.matches[state.findIndex] ?? null : null;
  const language: UiLanguage = state.settings?.language ?? (i18n.language === 'fr' ? 'fr' : 'en');

  return (
    <CommandsContext.Provider value={commandsApi}>
      <div className="app" data-testid="app" data-phase={state.phase}>
        <header className="app-header">
          <span className="brand">{t('app.name')}</span>
          {project ? <span className="project-title" title={project.info.path}>{t('header.projectTitle', { name: project.info.name, source: project.info.sourceName })}</span> : null}
          <CommandButton id="project.open" testId="action-open" compact />
          <ProjectsMenu recent={state.settings?.recent ?? []} onOpenRecent={actions.openRecent} />
          <span className="spacer" />
          <LanguageSelect value={language} onChange={(l) => void actions.setLanguage(l)} />
          <UserBadge user={state.settings?.user ?? null} onSwitch={actions.openOnboarding} />
          <CommandButton id="palette.open" testId="action-palette" compact />
        </header>

        {project ? (
          <main className="workbench with-side" inert={modalOpen}>
            <div className="workbench-bar">
              <SegmentToolbar />
              <FindBar
                query={state.findQuery}
                onQueryChange={actions.setFindQuery}
                index={state.findIndex}
                count={derived.matches.length}
                onNext={() => actions.goToMatch(1)}
                onPrevious={() => actions.goToMatch(-1)}
                onDone={() => actions.activate(activeId ?? '', true)}
                filter={state.filter}
                onFilterChange={actions.setFilter}
                inputRef={findRef}
                filterRef={filterRef}
              />
              <div className="review-bar">
                <ReviewToolbar
                  reviewMode={review.reviewMode}
                  panel={review.panel}
                  filter={review.filter}
                  onFilterChange={review.setFilter}
                  role={state.settings?.user?.role ?? null}
                  counts={review.counts}
                />
                <OpenCommentsCount count={review.openCount} onShow={() => review.setFilter('openComments')} />
                {review.reviewMode ? <p className="review-mode-banner" data-testid="review-mode-banner">{t('review.modeOn')}</p> : null}
              </div>
            </div>
            <div className="grid-scroll">
              <SegmentDecorContext.Provider value={decor}>
              <SegmentGrid
                rows={gridRows}
                activeId={activeId}
                findQuery={gridQuery}
                matched={derived.matched}
                hit={hit}
                editorText={activeId ? actions.initialText(activeId) : undefined}
                editorKey={state.editorKey}
                editor={term.editorCallbacks}
                onActivate={actions.activate}
                onToggleTranslatable={actions.toggleTranslatable}
              />
              </SegmentDecorContext.Provider>
            </div>
            <aside className="side-panel" data-testid="side-panel">
              {review.panel === 'history' ? (
                <HistoryPanel
                  segmentNumber={derived.active?.number ?? null}
                  entries={review.history}
                  canRestore={review.canRestore()}
                  onRestore={review.restore}
                  onClose={review.closePanel}
                />
              ) : null}
              {review.panel === 'comments' ? (
                <CommentsPanel
                  segmentNumber={derived.active?.number ?? null}
                  comments={review.activeComments}
                  canComment={state.settings?.user != null}
                  onAdd={review.addComment}
                  onResolve={review.resolveComment}
                  onReopen={review.reopenComment}
                  onClose={review.closePanel}
                />
              ) : null}
              {review.panel === 'publication' ? (
                <PublicationView status={review.publication} numberOf={(id) => segmentNumbers.get(id) ?? null} onJump={review.jump} onClose={review.closePanel} />
              ) : null}
              {review.panel === 'archive' ? <ArchiveView items={review.archive} onClose={review.closePanel} /> : null}
              {term.panelOpen ? (
                <QaPanel
                  items={term.panelItems}
                  rules={term.rules}
                  canEditRules={state.settings?.user?.role === 'editor'}
                  onJump={term.jump}
                  onToggleRule={(rule, enabled) => void term.toggleRule(rule, enabled)}
                  onClose={term.closePanel}
                />
              ) : null}
              <TermPanel
                number={derived.active?.number ?? null}
                concepts={term.activeConcepts}
                options={term.options}
                shortcutFor={(n) => shortcutOf(`term.insert${n}`)}
                onInsert={term.insertOption}
                addShortcut={shortcutOf('term.add')}
              />
            </aside>
          </main>
        ) : state.phase === 'loading' ? (
          <main className="loading" aria-busy="true">{t('app.loading')}</main>
        ) : (
          <main className="empty"><EmptyState recent={state.settings?.recent ?? []} onOpenRecent={actions.openRecent} /></main>
        )}

        <StatusBar stats={project ? state.stats : null} draftState={state.draftState} />
        <div className="notice" role="status" aria-live="polite" data-testid="notice">{state.notice?.text ?? ''}</div>
        <DropZone onImport={actions.importDropped} onError={(e) => actions.showError(e)} />

        {state.onboarding ? (
          <OnboardingDialog
            initial={state.settings?.user ?? null}
            firstRun={state.onboarding === 'first'}
            onSubmit={actions.setUser}
            onCancel={actions.closeOnboarding}
          />
        ) : null}
        {state.paletteOpen ? <CommandPalette onClose={() => actions.setPalette(false)} /> : null}
        {term.override ? (
          <OverrideDialog number={term.override.number} errors={term.override.errors} onSubmit={term.submitOverride} onCancel={term.cancelOverride} />
        ) : null}
        {term.addTerm ? (
          <AddTermDialog initialFr={term.addTerm.fr} initialEn={term.addTerm.en} onSubmit={(e) => void term.submitAddTerm(e)} onCancel={term.closeAddTerm} />
        ) : null}
        {review.rejecting ? (
          <RejectDialog segmentNumber={review.rejecting.number} onSubmit={(c) => void review.submitReject(c)} onCancel={review.cancelReject} />
        ) : null}
        {review.differentFile ? (
          <DifferentArticleDialog file={review.differentFile} onConfirm={review.confirmDifferent} onCancel={review.cancelDifferent} />
        ) : null}
        {review.updateResult ? (
          <SourceUpdateResultDialog
            result={review.updateResult}
            onClose={review.closeUpdateResult}
            onShowArchive={() => { review.closeUpdateResult(); review.setPanel('archive'); }}
          />
        ) : null}
        {state.error ? <ErrorDialog error={state.error.error} textKept={state.error.textKept} onClose={actions.closeError} /> : null}
      </div>
    </CommandsContext.Provider>
  );
}
