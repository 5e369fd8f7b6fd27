/** Types of scripts/build-cli.mjs for the TypeScript code that imports it (the vitest global setup, tests). */
export declare const CLI_DIST: string;
export declare const CLI_BUNDLE: string;
export declare const NATIVE_EXTERNALS: string[];
export declare function buildCli(opts?: { quiet?: boolean }): Promise<string>;
export declare function cliBundleState(): { state: 'ok' } | { state: 'missing' } | { state: 'stale'; newer: string };
export declare function ensureCli(opts?: { quiet?: boolean }): Promise<string>;
