/**
 * What the main-process services need from their host. The Electron shell, the e2e harness and the tests
 * each build one of these; nothing here depends on Electron.
 */
export interface ServiceContext {
  /** Folder for settings.json (the app's userData folder in Electron; a temp folder in tests). */
  settingsDir: string;
  /** Folder where projects created from the built-in sample or from dropped files are kept by default. */
  projectsDir: string;
  /** Absolute path of the built-in sample article. */
  samplePath: string;
  /**
   * The desk glossary shipped with Relais, copied to `<settingsDir>/desk-glossary.tbx` on first use. Defaults to
   * resources/glossary/desk-fr-en.tbx resolved from the services' source location (set it in packaged builds).
   */
  deskGlossaryPath?: string;
  /** Native dialogs, provided by the host (Electron's dialog module in the app; scripted in the harness). */
  dialogs: {
    /** Returns the chosen file (a .relais project or an article to import), or null when cancelled. */
    showOpen(): Promise<string | null>;
  };
  /** Called whenever the recent-projects list or the UI language changes (the app rebuilds its menu). */
  onSettingsChanged?(): void;
  /** Clock, injectable for tests. */
  now?(): Date;
}
