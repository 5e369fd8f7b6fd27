/**
 * User settings: `settings.json` in the settings folder (the app's userData folder in Electron).
 * Written atomically (temp file + rename). A file that cannot be read as settings is moved aside as
 * `settings.json.corrupt-<time>` and defaults are used: settings never stop the app from starting.
 */
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { writeFileAtomicSync } from './fs/atomic.ts';
import type { AppSettings, RecentProject, UiLanguage, UserIdentity } from '../../shared/model.ts';

export const SETTINGS_FILE = 'settings.json';
export const MAX_RECENT = 10;

const fileSchema = z.object({
  version: z.literal(1).optional(),
  user: z.object({ name: z.string().trim().min(1).max(100), role: z.enum(['translator', 'editor']) }).nullable().default(null),
  language: z.enum(['en', 'fr']).default('en'),
  recent: z
    .array(z.object({ path: z.string().min(1), name: z.string(), openedAt: z.string() }))
    .default([]),
});

export function defaultSettings(): AppSettings {
  return { user: null, language: 'en', recent: [] };
}

export interface SettingsStoreOptions {
  now?: () => Date;
  /** Called after every change that was written. */
  onChanged?: (s: AppSettings) => void;
}

export class SettingsStore {
  readonly file: string;
  private current: AppSettings;
  private readonly now: () => Date;
  private readonly onChanged: ((s: AppSettings) => void) | undefined;
  /** Where a corrupt settings file was moved on load, if one was. */
  readonly movedAside: string | null = null;

  constructor(settingsDir: string, opts: SettingsStoreOptions = {}) {
    this.file = path.join(settingsDir, SETTINGS_FILE);
    this.now = opts.now ?? (() => new Date());
    this.onChanged = opts.onChanged;
    const loaded = this.load();
    this.current = loaded.settings;
    this.movedAside = loaded.movedAside;
  }

  /** A copy of the settings (the recent list as stored; use listRecent() for the pruned list). */
  get(): AppSettings {
    return structuredClone(this.current);
  }

  setUser(user: UserIdentity): AppSettings {
    this.current = { ...this.current, user: { name: user.name.trim(), role: user.role } };
    this.save();
    return this.get();
  }

  setLanguage(language: UiLanguage): AppSettings {
    this.current = { ...this.current, language };
    this.save();
    return this.get();
  }

  /** Puts a project at the top of the recent list (max MAX_RECENT, no duplicates). */
  addRecent(projectPath: string, name: string): AppSettings {
    const abs = path.resolve(projectPath);
    const entry: RecentProject = { path: abs, name, openedAt: this.now().toISOString() };
    const rest = this.current.recent.filter((r) => path.resolve(r.path) !== abs);
    this.current = { ...this.current, recent: [entry, ...rest].slice(0, MAX_RECENT) };
    this.save();
    return this.get();
  }

  /** Recent projects, most recent first; entries whose file is gone are pruned (and the pruning saved). */
  listRecent(): RecentProject[] {
    const kept = this.current.recent.filter((r) => fs.existsSync(r.path));
    if (kept.length !== this.current.recent.length) {
      this.current = { ...this.current, recent: kept };
      this.save();
    }
    return structuredClone(kept);
  }

  private load(): { settings: AppSettings; movedAside: string | null } {
    let raw: string;
    try {
      raw = fs.readFileSync(this.file, 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { settings: defaultSettings(), movedAside: null };
      return { settings: defaultSettings(), movedAside: this.moveAside() };
    }
    try {
      const parsed = fileSchema.parse(JSON.parse(raw));
      return {
        settings: { user: parsed.user, language: parsed.language, recent: parsed.recent.slice(0, MAX_RECENT) },
        movedAside: null,
      };
    } catch {
      return { settings: defaultSettings(), movedAside: this.moveAside() };
    }
  }

  private moveAside(): string | null {
    const stamp = this.now().toISOString().replace(/[:.]/g, '-');
    const dest = `${this.file}.corrupt-${stamp}`;
    try {
      fs.renameSync(this.file, dest);
      return dest;
    } catch {
      return null;
    }
  }

  private save(): void {
    fs.mkdirSync(path.dirname(this.file), { recursive: true });
    // The file-system error itself is reported, as before.
    writeFileAtomicSync(this.file, JSON.stringify({ version: 1, ...this.current }, null, 2) + '\n', { mapError: (e) => e as Error });
    this.onChanged?.(this.get());
  }
}
