import { expect, type Locator, type Page } from '@playwright/test';
import type { DisplayKind, SegmentStatus, UiLanguage } from '../../shared/model.ts';
import type { AppState } from '../../shared/ipc/contract.ts';
import type { AppDriver } from '../harness/driver.ts';

/**
 * The main window: segment grid, active-segment editor, toolbar, header (user, language), status bar.
 * Always acts on the current session's window, so it keeps working across `app.newSession()`.
 */
export class WorkbenchPage {
  constructor(private readonly app: AppDriver) {}

  get page(): Page {
    return this.app.page;
  }
  private id(testId: string): Locator {
    return this.page.getByTestId(testId);
  }

  // ——— regions ———
  get root(): Locator {
    return this.id('app');
  }
  get rows(): Locator {
    return this.id('segment-row');
  }
  /** Segment rows that can be translated (not page chrome left out of translation). */
  get translatableRows(): Locator {
    return this.page.locator('[data-testid="segment-row"]:not([data-kind="chrome"])');
  }
  get chromeRows(): Locator {
    return this.page.locator('[data-testid="segment-row"][data-kind="chrome"]');
  }
  row(segmentId: string): Locator {
    return this.page.locator(`[data-testid="segment-row"][data-segment-id="${cssEscape(segmentId)}"]`);
  }
  get activeRow(): Locator {
    return this.page.locator('[data-testid="segment-row"][data-active="true"]');
  }
  get editor(): Locator {
    return this.id('target-editor');
  }
  get errorDialog(): Locator {
    return this.id('error-dialog');
  }
  get languageSelect(): Locator {
    return this.id('language-select');
  }
  get statusFilter(): Locator {
    return this.id('status-filter');
  }
  get findInput(): Locator {
    return this.id('find-input');
  }
  get progress(): Locator {
    return this.id('progress');
  }
  get wordCounts(): Locator {
    return this.id('word-counts');
  }
  get draftState(): Locator {
    return this.id('draft-state');
  }
  get recentProjects(): Locator {
    return this.id('recent-projects');
  }
  action(name: 'confirm' | 'approve' | 'reject' | 'copy-source' | 'split' | 'merge' | 'open'): Locator {
    return this.id(`action-${name}`);
  }
  get switchUserButton(): Locator {
    return this.id('switch-user');
  }

  // ——— reading ———
  async expectLoaded(): Promise<void> {
    await expect(this.root).toHaveAttribute('data-phase', 'ready');
  }
  async expectProjectShown(): Promise<void> {
    await expect(this.rows.first()).toBeVisible();
  }
  async activeSegmentId(): Promise<string> {
    await expect(this.activeRow).toHaveCount(1);
    const id = await this.activeRow.getAttribute('data-segment-id');
    if (!id) throw new Error('The active row has no data-segment-id');
    return id;
  }
  status(segmentId: string): Promise<string | null> {
    return this.row(segmentId).getAttribute('data-status');
  }
  async expectStatus(segmentId: string, status: SegmentStatus): Promise<void> {
    await expect(this.row(segmentId)).toHaveAttribute('data-status', status);
  }
  async expectKind(segmentId: string, kind: DisplayKind): Promise<void> {
    await expect(this.row(segmentId)).toHaveAttribute('data-kind', kind);
  }
  target(segmentId: string): Locator {
    return this.row(segmentId).getByTestId('segment-target');
  }
  source(segmentId: string): Locator {
    return this.row(segmentId).getByTestId('segment-source');
  }
  async progressValue(): Promise<number> {
    return Number(await this.progress.getAttribute('aria-valuenow'));
  }

  // ——— acting like a user ———

  get emptyState(): Locator {
    return this.id('empty-state');
  }

  get projectTitle(): Locator {
    return this.page.locator('header .project-title');
  }

  /**
   * Makes sure the built-in sample is open: the app opens it by itself when it starts with no project; from the
   * start screen (after Close project) it is the "Open the sample article" button.
   */
  async openSample(): Promise<void> {
    await this.expectLoaded();
    if (await this.emptyState.isVisible()) await this.id('action-open-sample').click();
    await this.expectProjectShown();
    await expect(this.projectTitle).toContainText('cumberland-fr');
  }

  /** What the services say (through window.relais, as the renderer sees it): settings and the open project. */
  async appState(): Promise<AppState> {
    const env = await this.page.evaluate(() => (window as unknown as { relais: { getAppState(): Promise<unknown> } }).relais.getAppState());
    const e = env as { ok: boolean; value?: AppState; error?: { message: string } };
    if (!e.ok || !e.value) throw new Error(`getAppState failed: ${e.error?.message}`);
    return e.value;
  }

  /** Opens a project from the start screen's recent list. */
  async openRecent(name: string): Promise<void> {
    await this.recentProjects.getByRole('button', { name: new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`) }).click();
    await this.expectProjectShown();
  }

  /** Clicks Open… in the header: the native open dialog answers what the test scripted (app.scriptOpenDialog). */
  async openWithDialog(): Promise<void> {
    await this.action('open').click();
  }

  /** Drops a file on the window, as a user dragging it from the file manager. */
  async dropFile(name: string, bytes: Uint8Array): Promise<void> {
    const dataTransfer = await this.page.evaluateHandle(
      ({ name: n, b64 }) => {
        const data = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
        const dt = new DataTransfer();
        dt.items.add(new File([data], n));
        return dt;
      },
      { name, b64: Buffer.from(bytes).toString('base64') },
    );
    await this.page.dispatchEvent('body', 'dragenter', { dataTransfer });
    await this.page.dispatchEvent('body', 'dragover', { dataTransfer });
    await this.page.dispatchEvent('body', 'drop', { dataTransfer });
  }

  /** Types into the active segment's editor, which must have the keyboard focus (no clicking). */
  async typeTranslation(text: string): Promise<void> {
    await expect(this.editor).toBeFocused();
    await this.page.keyboard.type(text);
  }
  /** Clicks into the active segment's editor. */
  async focusEditor(): Promise<void> {
    await this.editor.click();
    await expect(this.editor).toBeFocused();
  }
  /** Enters a whole translation in the active editor at once (as a paste or dictation would). */
  async enterTranslation(text: string): Promise<void> {
    if (!(await this.editor.evaluate((el) => el === document.activeElement))) await this.focusEditor();
    await this.page.keyboard.insertText(text);
    await expect(this.editor).toHaveValue(text);
  }
  /** Replaces the whole text of the active editor (select all, then type over it), as an editor revising it. */
  async replaceTranslation(text: string): Promise<void> {
    if (!(await this.editor.evaluate((el) => el === document.activeElement))) await this.focusEditor();
    await this.page.keyboard.press('ControlOrMeta+A');
    await this.page.keyboard.insertText(text);
    await expect(this.editor).toHaveValue(text);
  }
  /** Ctrl+Enter: confirm the active segment and go to the next unconfirmed one. */
  /** Ctrl+Enter, then waits until the segment is confirmed: the call went to the services and the next segment is active. */
  async confirmWithKeyboard(): Promise<void> {
    const id = await this.activeSegmentId();
    await this.page.keyboard.press('Control+Enter');
    await expect(this.row(id)).toHaveAttribute('data-status', /^(translated|approved)$/);
  }
  async nextWithKeyboard(): Promise<void> {
    await this.page.keyboard.press('Alt+ArrowDown');
  }
  async previousWithKeyboard(): Promise<void> {
    await this.page.keyboard.press('Alt+ArrowUp');
  }
  async setLanguage(lang: UiLanguage): Promise<void> {
    await this.languageSelect.selectOption(lang);
    await expect(this.page.locator('html')).toHaveAttribute('lang', lang);
  }
  /** Makes a segment active by clicking its row. */
  async select(segmentId: string): Promise<void> {
    await this.row(segmentId).getByTestId('segment-source').click();
    await expect(this.row(segmentId)).toHaveAttribute('data-active', 'true');
  }
  async closeError(): Promise<void> {
    await this.id('error-close').click();
    await expect(this.errorDialog).toBeHidden();
  }
}

function cssEscape(s: string): string {
  return s.replace(/["\\]/g, '\\$&');
}
