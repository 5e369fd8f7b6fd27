/** Review features: word diffs and tracked changes, source-version alignment. */
export * from './diff.ts';
export * from './align.ts';
