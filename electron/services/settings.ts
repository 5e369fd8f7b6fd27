/**
 * User settings: `settings.json` in the settings folder (the app's userData folder in Electron).
 * Written atomically (temp file + rename). A file that cannot be read as settings is moved aside as
 * `settings.json.corrupt-<time>` and defaults are used: settings never stop the app from starting.
 *
 * User ids (UserIdentity.id): the settings keep the people who have worked with this profile (`people`: id and
 * display name). A person's id is made once, the first time their name is set (or a file written before ids is
 * read), and kept: changing role keeps it, and "Switch user" back to a name used before gives its id back, so every
 * revision a person makes stays theirs even when colleagues share a laptop.
 */
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { writeFileAtomicSync } from './fs/atomic.ts';
import { isId, newId } from '../../shared/ids.ts';
import type { AppSettings, RecentProject, Role, UiLanguage } from '../../shared/model.ts';

export const SETTINGS_FILE = 'settings.json';
export const MAX_RECENT = 10;

const fileSchema = z.object({
  version: z.literal(1).optional(),
  user: z
    .object({ id: z.string().refine(isId).optional(), name: z.string().trim().min(1).max(100), role: z.enum(['translator', 'editor']) })
    .nullable()
    .default(null),
  language: z.enum(['en', 'fr']).default('en'),
  people: z.array(z.object({ id: z.string().refine(isId), name: z.string().trim().min(1).max(100) })).default([]),
  recent: z
    .array(z.object({ path: z.string().min(1), name: z.string(), openedAt: z.string() }))
    .default([]),
});

/** Names that are the same person: case, accents' composition and surrounding spaces do not matter. */
function personKey(name: string): string {
  return name.normalize('NFC').trim().toLocaleLowerCase();
}

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
  private idAdded = false;
  /** People who have worked with this profile: their id and display name. */
  private people: { id: string; name: string }[] = [];

  constructor(settingsDir: string, opts: SettingsStoreOptions = {}) {
    this.file = path.join(settingsDir, SETTINGS_FILE);
    this.now = opts.now ?? (() => new Date());
    this.onChanged = opts.onChanged;
    const loaded = this.load();
    this.current = loaded.settings;
    this.movedAside = loaded.movedAside;
    if (this.idAdded) {
      try {
        this.write();
      } catch {
        // A read-only settings folder: the id is kept for this run and written with the next change.
      }
    }
  }

  /** A copy of the settings (the recent list as stored; use listRecent() for the pruned list). */
  get(): AppSettings {
    return structuredClone(this.current);
  }

  /** Sets who is working (display name and role); a name used before on this profile gets its id back. */
  setUser(user: { name: string; role: Role }): AppSettings {
    const name = user.name.trim();
    this.current = { ...this.current, user: { id: this.idOf(name), name, role: user.role } };
    this.save();
    return this.get();
  }

  /** The id of the person called `name` on this profile, made and remembered the first time. */
  private idOf(name: string): string {
    const key = personKey(name);
    const known = this.people.find((p) => personKey(p.name) === key);
    if (known) return known.id;
    const id = newId(this.now());
    this.people = [...this.people, { id, name }];
    return id;
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
    let parsed: z.infer<typeof fileSchema>;
    try {
      parsed = fileSchema.parse(JSON.parse(raw));
    } catch {
      return { settings: defaultSettings(), movedAside: this.moveAside() };
    }
    this.people = parsed.people;
    let user: AppSettings['user'] = null;
    if (parsed.user) {
      const known = parsed.user.id ?? this.idOf(parsed.user.name);
      if (!this.people.some((p) => p.id === known)) this.people = [...this.people, { id: known, name: parsed.user.name }];
      user = { id: known, name: parsed.user.name, role: parsed.user.role };
      // A file written before users had ids gets one now, kept from then on.
      if (parsed.user.id === undefined) this.idAdded = true;
    }
    const settings: AppSettings = { user, language: parsed.language, recent: parsed.recent.slice(0, MAX_RECENT) };
    return { settings, movedAside: null };
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
    this.write();
    this.onChanged?.(this.get());
  }

  private write(): void {
    fs.mkdirSync(path.dirname(this.file), { recursive: true });
    // The file-system error itself is reported, as before.
    writeFileAtomicSync(this.file, JSON.stringify({ version: 1, ...this.current, people: this.people }, null, 2) + '\n', { mapError: (e) => e as Error });
  }
}
