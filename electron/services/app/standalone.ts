/**
 * The application layer outside the app: a project opened by the `relais` command (or any script) with the same
 * desk glossary the app on this machine uses, so that what the CLI says about a project — QA above all — is what the
 * app says about it.
 *
 * Where the app keeps its profile (settings.json, desk-glossary.tbx): `RELAIS_USER_DATA_DIR` when set (the app
 * honours it too), else Electron's userData folder for "Relais": `$XDG_CONFIG_HOME/Relais` (default
 * `~/.config/Relais`) on Linux, `~/Library/Application Support/Relais` on macOS, `%APPDATA%\Relais` on Windows.
 * The desk glossary is `desk-glossary.tbx` there; until the app has made it, the glossary the app would seed it
 * with (resources/glossary/desk-fr-en.tbx) is read in its place. `RELAIS_DESK_GLOSSARY` (or the CLI's
 * `--desk-glossary FILE`) names another file. The desk's spelling and house-style settings are `spelling.json` in the
 * same folder (the defaults while the app has not written it). Nothing here writes in the app's folder.
 */
import path from 'node:path';
import { deskGlossaryPath } from '../glossary/index.ts';
import { knownRule } from '../spelling/service.ts';
import { DeskLanguageSettingsStore } from '../spelling/settings.ts';
import { DESK_GLOSSARY_FILE, DeskGlossary } from '../terminology/desk-glossary.ts';
import { userDataDir } from './profile.ts';
import { ProjectService } from './project.ts';
import { createProjectFromFile } from './project-files.ts';

type Env = Readonly<Record<string, string | undefined>>;

export interface DeskGlossaryLocation {
  /** An explicit desk glossary file (the CLI's --desk-glossary). */
  file?: string;
  env?: Env;
}

/** The desk glossary file the app uses: --desk-glossary, then RELAIS_DESK_GLOSSARY, then the profile's desk-glossary.tbx. */
export function deskGlossaryFile(loc: DeskGlossaryLocation = {}): string {
  const env = loc.env ?? process.env;
  if (loc.file) return path.resolve(loc.file);
  if (env.RELAIS_DESK_GLOSSARY) return path.resolve(env.RELAIS_DESK_GLOSSARY);
  return path.join(userDataDir(env), DESK_GLOSSARY_FILE);
}

/** The app's desk glossary, read-only (the shipped one while the app has not made its own). */
export function standaloneDeskGlossary(loc: DeskGlossaryLocation = {}): DeskGlossary {
  return new DeskGlossary({ file: deskGlossaryFile(loc), seedPath: deskGlossaryPath(), copySeed: false });
}

/** The app's desk spelling and house-style settings, read-only. */
export function standaloneDeskLanguage(env: Env = process.env): DeskLanguageSettingsStore {
  return new DeskLanguageSettingsStore(userDataDir(env), { knownRule, readOnly: true });
}

/** Opens a project outside the app, with the app's desk glossary and desk language settings. Close it when done. */
export function openStandalone(file: string, loc: DeskGlossaryLocation = {}): ProjectService {
  return ProjectService.open(file, { desk: standaloneDeskGlossary(loc), language: standaloneDeskLanguage(loc.env) });
}

/**
 * Imports an article into a new project (next to it, or at `projectPath`; an existing file is never overwritten)
 * and opens it outside the app, with the app's desk glossary. Close it when done.
 */
export async function importStandalone(file: string, opts: { projectPath?: string; desk?: DeskGlossaryLocation } = {}): Promise<ProjectService> {
  const store = await createProjectFromFile(file, opts.projectPath !== undefined ? { projectPath: opts.projectPath } : {});
  return new ProjectService(store, { desk: standaloneDeskGlossary(opts.desk), language: standaloneDeskLanguage(opts.desk?.env) });
}

export { userDataDir };
