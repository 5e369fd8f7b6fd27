import { expect, type Locator, type Page } from '@playwright/test';
import type { AppDriver } from '../harness/driver.ts';

/**
 * Review in the main window: review mode and tracked changes, reject with a comment, the lock of approved
 * segments, history, comments, the publication view, "changed since my last look", Update source… and the archive.
 * Acts on the current session's window, like WorkbenchPage.
 */
export class ReviewPage {
  constructor(private readonly app: AppDriver) {}

  get page(): Page {
    return this.app.page;
  }
  private id(testId: string): Locator {
    return this.page.getByTestId(testId);
  }
  private row(segmentId: string): Locator {
    return this.page.locator(`[data-testid="segment-row"][data-segment-id="${segmentId.replace(/["\\]/g, '\\$&')}"]`);
  }

  // ——— review mode and tracked changes ———
  get toggle(): Locator {
    return this.id('review-toggle');
  }
  async setReviewMode(on: boolean): Promise<void> {
    if ((await this.toggle.getAttribute('aria-pressed')) !== String(on)) await this.toggle.click();
    await expect(this.toggle).toHaveAttribute('aria-pressed', String(on));
  }
  /** The tracked changes shown under a row (review mode). */
  trackedChanges(segmentId: string): Locator {
    return this.row(segmentId).getByTestId('tracked-changes');
  }
  /** Inserted (`insert`) or deleted (`delete`) runs shown in a row. */
  changes(segmentId: string, kind: 'insert' | 'delete'): Locator {
    return this.row(segmentId).locator(`[data-testid="tracked-change"][data-kind="${kind}"]`);
  }
  async acceptChanges(segmentId: string): Promise<void> {
    await this.row(segmentId).getByTestId('accept-changes').click();
  }
  async rejectChanges(segmentId: string): Promise<void> {
    await this.row(segmentId).getByTestId('reject-changes').click();
  }
  get acceptAll(): Locator {
    return this.id('accept-all');
  }
  get rejectAll(): Locator {
    return this.id('reject-all');
  }

  // ——— reject with a comment, lock ———
  get rejectDialog(): Locator {
    return this.id('reject-dialog');
  }
  /** Rejects the active segment (toolbar Reject) with the comment the dialog requires. */
  async rejectActiveWithComment(comment: string): Promise<void> {
    await this.page.getByTestId('action-reject').click();
    await expect(this.rejectDialog).toBeVisible();
    await expect(this.id('reject-submit')).toBeDisabled();
    await this.id('reject-comment').fill(comment);
    await this.id('reject-submit').click();
    await expect(this.rejectDialog).toBeHidden();
  }
  lockNotice(segmentId: string): Locator {
    return this.row(segmentId).getByTestId('lock-notice');
  }
  unlockButton(segmentId: string): Locator {
    return this.row(segmentId).getByTestId('unlock');
  }
  changedBadge(segmentId: string): Locator {
    return this.row(segmentId).getByTestId('changed-since-badge');
  }
  get filter(): Locator {
    return this.id('review-filter');
  }

  // ——— panels ———
  get historyPanel(): Locator {
    return this.id('history-panel');
  }
  async openHistory(): Promise<void> {
    if (!(await this.historyPanel.isVisible())) await this.id('history-toggle').click();
    await expect(this.historyPanel).toBeVisible();
  }
  get historyItems(): Locator {
    return this.id('history-item');
  }
  get commentsPanel(): Locator {
    return this.id('comments-panel');
  }
  async openComments(): Promise<void> {
    if (!(await this.commentsPanel.isVisible())) await this.id('comments-toggle').click();
    await expect(this.commentsPanel).toBeVisible();
  }
  get comments(): Locator {
    return this.id('comment-item');
  }
  /** Starts a new thread on the active segment. */
  async addComment(text: string): Promise<void> {
    const box = this.commentsPanel.locator('[data-testid="comment-input"]:not([data-reply-to])');
    await box.fill(text);
    await box.locator('xpath=..').getByTestId('comment-submit').click();
  }
  /** Replies in the first thread (nth: another one). */
  async reply(text: string, nth = 0): Promise<void> {
    const thread = this.commentsPanel.getByTestId('comment-thread').nth(nth);
    await thread.getByTestId('comment-reply').click();
    const box = thread.locator('[data-testid="comment-input"][data-reply-to]');
    await box.fill(text);
    await box.locator('xpath=..').getByTestId('comment-submit').click();
  }
  get openCommentsCount(): Locator {
    return this.id('open-comments-count');
  }
  get publicationView(): Locator {
    return this.id('publication-view');
  }
  async openPublication(): Promise<void> {
    if (!(await this.publicationView.isVisible())) await this.id('publication-toggle').click();
    await expect(this.publicationView).toBeVisible();
  }
}
