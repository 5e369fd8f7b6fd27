import { useEffect, useRef, useState } from 'react';
import { I18nextProvider, useTranslation } from 'react-i18next';
import type { i18n as I18n } from 'i18next';
import type { UiLanguage } from '../../../shared/model.ts';
import { CommandButton } from '../components/CommandButton.tsx';
import type { Backend } from '../lib/backend.ts';
import { CommandsContext } from '../lib/commandsContext.tsx';
import { CoreContext } from '../lib/core/context.tsx';
import { SegmentDecorContext } from '../lib/segmentDecor.tsx';
import { useStore, useStores } from '../lib/state/store.ts';
import { CommentsPanelContainer, OpenCommentsCountContainer } from '../features/comments/index.ts';
import { ErrorDialogContainer } from '../features/errors/index.ts';
import { FindBarContainer } from '../features/find/index.ts';
import { HistoryPanelContainer } from '../features/history/index.ts';
import { DropZone, EmptyState, ProjectsMenu } from '../features/import/index.ts';
import { OnboardingContainer, openOnboarding } from '../features/onboarding/index.ts';
import { CommandPalette } from '../features/palette/index.ts';
import { PublicationContainer } from '../features/publication/index.ts';
import { OverrideDialogContainer, QaPanelContainer } from '../features/qa/index.ts';
import { RejectDialogContainer, ReviewModeBanner, ReviewToolbarContainer } from '../features/review/index.ts';
import { LanguageSelect, setLanguage, UserBadge } from '../features/settings/index.ts';
import { ArchiveContainer, SourceUpdateDialogs } from '../features/source-update/index.ts';
import { StatusBarContainer } from '../features/status-bar/index.ts';
import { AddTermDialogContainer, TermPanelContainer } from '../features/terminology/index.ts';
import { SegmentGrid, SegmentToolbar } from '../features/workbench/index.ts';
import { createApp, type RelaisApp } from './createApp.ts';

export function App({ backend, i18n }: { backend: Backend | null; i18n: I18n }) {
  return (
    <I18nextProvider i18n={i18n}>
      <Shell backend={backend} i18n={i18n} />
    </I18nextProvider>
  );
}

function Shell({ backend, i18n }: { backend: Backend | null; i18n: I18n }) {
  const [app] = useState(() => createApp(backend, i18n));
  useEffect(() => app.start(), [app]);
  return (
    <CoreContext.Provider value={app.core}>
      <CommandsContext.Provider value={app.commands}>
        <SegmentDecorContext.Provider value={app.decor}>
          <Layout app={app} />
        </SegmentDecorContext.Provider>
      </CommandsContext.Provider>
    </CoreContext.Provider>
  );
}

/** The window: header, the workbench (bars, grid, side column) or the empty state, the status bar, the dialogs. */
function Layout({ app }: { app: RelaisApp }) {
  const { t, i18n } = useTranslation();
  const { core, ctx } = app;
  const phase = useStore(core.session, (s) => s.phase);
  const settings = useStore(core.session, (s) => s.settings);
  const notice = useStore(core.session, (s) => s.notice?.text ?? '');
  const info = useStore(core.project, (s) => s.info);
  const ids = useStores(() => core.select.visibleIds(core.project.getState(), core.view.getState()), core.project, core.view);
  const paletteOpen = useStore(ctx.palette, (s) => s.open);
  const modalOpen = useStores(app.modalOpen, core.session, ctx.palette, ctx.qa.ui, ctx.terminology.ui, ctx.review.store, ctx.sourceUpdate.store);
  const language: UiLanguage = settings?.language ?? (i18n.language === 'fr' ? 'fr' : 'en');
  const recent = settings?.recent ?? [];

  // When the last dialog closes and leaves the focus nowhere (the workbench was inert until this render), the
  // active editor gets it back: a rAF scheduled before React committed may have found the editor still inert.
  const wasModal = useRef(modalOpen);
  useEffect(() => {
    if (wasModal.current && !modalOpen) {
      const a = document.activeElement;
      if (!a || a === document.body) core.editor.focus();
    }
    wasModal.current = modalOpen;
  }, [modalOpen, core]);

  return (
    <div className="app" data-testid="app" data-phase={phase}>
      <header className="app-header">
        <span className="brand">{t('app.name')}</span>
        {info ? <span className="project-title" title={info.path}>{t('header.projectTitle', { name: info.name, source: info.sourceName })}</span> : null}
        <CommandButton id="project.open" testId="action-open" compact />
        <ProjectsMenu recent={recent} onOpenRecent={(path) => void ctx.projects.openRecent(path)} />
        <span className="spacer" />
        <LanguageSelect value={language} onChange={(l) => void setLanguage(core, l)} />
        <UserBadge user={settings?.user ?? null} onSwitch={() => openOnboarding(core)} />
        <CommandButton id="palette.open" testId="action-palette" compact />
      </header>

      {info ? (
        <main className="workbench with-side" inert={modalOpen}>
          <div className="workbench-bar">
            <SegmentToolbar />
            <FindBarContainer find={ctx.find} />
            <div className="review-bar">
              <ReviewToolbarContainer review={ctx.review} />
              <OpenCommentsCountContainer comments={ctx.comments} onShow={() => ctx.review.setFilter('openComments')} />
              <ReviewModeBanner review={ctx.review} text={t('review.modeOn')} />
            </div>
          </div>
          <div className="grid-scroll">
            <SegmentGrid ids={ids} onActivate={app.grid.onActivate} onToggleTranslatable={app.grid.onToggleTranslatable} />
          </div>
          <aside className="side-panel" data-testid="side-panel">
            <HistoryPanelContainer history={ctx.history} />
            <CommentsPanelContainer comments={ctx.comments} />
            <PublicationContainer publication={ctx.publication} />
            <ArchiveContainer sourceUpdate={ctx.sourceUpdate} />
            <QaPanelContainer qa={ctx.qa} />
            <TermPanelContainer terminology={ctx.terminology} />
          </aside>
        </main>
      ) : phase === 'loading' ? (
        <main className="loading" aria-busy="true">{t('app.loading')}</main>
      ) : (
        <main className="empty"><EmptyState recent={recent} onOpenRecent={(path) => void ctx.projects.openRecent(path)} /></main>
      )}

      <StatusBarContainer />
      <div className="notice" role="status" aria-live="polite" data-testid="notice">{notice}</div>
      <DropZone onImport={ctx.projects.importDropped} onError={(e) => core.showError(e)} />

      <OnboardingContainer />
      {paletteOpen ? <CommandPalette onClose={() => ctx.palette.setState({ open: false })} /> : null}
      <OverrideDialogContainer qa={ctx.qa} />
      <AddTermDialogContainer terminology={ctx.terminology} />
      <RejectDialogContainer review={ctx.review} />
      <SourceUpdateDialogs sourceUpdate={ctx.sourceUpdate} />
      <ErrorDialogContainer />
    </div>
  );
}
