/** Types of scripts/build-electron.mjs for the TypeScript code that imports it (tests). */
export declare function buildElectron(opts?: { production?: boolean; quiet?: boolean; outdir?: string }): Promise<{ main: string; worker: string; preload: string }>;
