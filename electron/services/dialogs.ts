/**
 * Native dialogs, as the services ask for them. The host runs them: Electron's dialog module in main (the project
 * worker sends the request to main and waits for the answer), scripted answers in the e2e harness, canned ones in
 * tests. The services never receive a path to write from the renderer: a file chosen in a dialog becomes a token
 * (FileTokens) that the renderer passes back.
 */
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { RelaisError } from '../../shared/errors.ts';
import type { UiLanguage } from '../../shared/model.ts';

export type OpenPurpose =
  /** File ▸ Open: a project or an article to import. */
  | 'open'
  /** A newer version of the article (Update source…). */
  | 'article'
  /** A word list to import into the desk dictionary or the ignored words. */
  | 'wordList';

export type SavePurpose = 'exportArticle' | 'exportReview' | 'exportWordList';

export interface OpenDialogRequest {
  purpose: OpenPurpose;
  /** UI language, for the dialog's file-type names. */
  language: UiLanguage;
}

export interface SaveDialogRequest {
  purpose: SavePurpose;
  /** File extension of the format being written (txt, md, html, docx). */
  format: string;
  /** Folder and name proposed. */
  defaultPath: string;
  language: UiLanguage;
}

export interface Dialogs {
  /** The chosen file, or null when cancelled. */
  showOpen(request: OpenDialogRequest): Promise<string | null>;
  /** The chosen file, or null when cancelled. */
  showSave(request: SaveDialogRequest): Promise<string | null>;
}

/** Dialogs that are always cancelled (a host without dialogs). */
export const NO_DIALOGS: Dialogs = { showOpen: async () => null, showSave: async () => null };

const TOKEN_LIFETIME_MS = 30 * 60_000;

/**
 * Files chosen in dialogs of one window, by token. A token is bound to what it was asked for (an export of the
 * article, of the review document, a newer source), works for 30 minutes, and a save token works once.
 */
export class FileTokens {
  private readonly tokens = new Map<string, { file: string; purpose: string; expires: number }>();

  constructor(private readonly now: () => number = Date.now) {}

  issue(file: string, purpose: OpenPurpose | SavePurpose): { token: string; fileName: string } {
    this.prune();
    const token = randomUUID();
    this.tokens.set(token, { file: path.resolve(file), purpose, expires: this.now() + TOKEN_LIFETIME_MS });
    return { token, fileName: path.basename(file) };
  }

  /** The file behind `token`, if it was issued for `purpose` and has not expired; `consume` makes it unusable after. */
  take(token: string, purpose: OpenPurpose | SavePurpose, opts: { consume: boolean }): string {
    this.prune();
    const t = this.tokens.get(token);
    if (!t || t.purpose !== purpose) {
      throw new RelaisError('invalid.arguments', 'This file choice is unknown or has expired: choose the file again');
    }
    if (opts.consume) this.tokens.delete(token);
    return t.file;
  }

  /** Makes a token unusable (a save token once its file is written). */
  forget(token: string): void {
    this.tokens.delete(token);
  }

  private prune(): void {
    const now = this.now();
    for (const [k, v] of this.tokens) if (v.expires <= now) this.tokens.delete(k);
  }
}
