/**
 * Where the app keeps its profile (settings.json, desk-glossary.tbx) on this computer: `RELAIS_USER_DATA_DIR` when
 * set, else Electron's userData folder for "Relais" — `$XDG_CONFIG_HOME/Relais` (default `~/.config/Relais`) on
 * Linux, `~/Library/Application Support/Relais` on macOS, `%APPDATA%\Relais` on Windows. The app sets its userData
 * to this folder and the CLI reads the same one, so both use the same desk glossary. Small on purpose: Electron
 * main imports it.
 */
import os from 'node:os';
import path from 'node:path';

export const APP_FOLDER_NAME = 'Relais';

type Env = Readonly<Record<string, string | undefined>>;

export function userDataDir(env: Env = process.env, platform: NodeJS.Platform = process.platform, home: string = os.homedir()): string {
  if (env.RELAIS_USER_DATA_DIR) return path.resolve(env.RELAIS_USER_DATA_DIR);
  if (platform === 'win32') return path.join(env.APPDATA || path.join(home, 'AppData', 'Roaming'), APP_FOLDER_NAME);
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', APP_FOLDER_NAME);
  return path.join(env.XDG_CONFIG_HOME || path.join(home, '.config'), APP_FOLDER_NAME);
}
