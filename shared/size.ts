/**
 * Sizes in messages. A megabyte here is 1,048,576 bytes, as the limits are written (50 × 1024 × 1024).
 */
const MB = 1024 * 1024;

/** "3.5 MB", "50 MB" (one decimal, none when it is 0). */
export function formatMegabytes(bytes: number): string {
  return `${(bytes / MB).toFixed(1).replace(/\.0$/u, '')} MB`;
}

/** "52,430,000 bytes" */
export function formatBytes(bytes: number): string {
  return `${bytes.toLocaleString('en-US')} bytes`;
}

/**
 * The size of something over a limit and the limit, as two figures that differ: ["50.4 MB", "50 MB"]. Where both
 * round to the same figure (50 MB and a few bytes), the exact byte counts are given instead — ["52,428,801 bytes",
 * "52,428,800 bytes (50 MB)"] — so a message never reads "50 MB; the limit is 50 MB".
 */
export function sizeOverLimit(size: number, limit: number): [size: string, limit: string] {
  const s = formatMegabytes(size);
  const l = formatMegabytes(limit);
  return s !== l ? [s, l] : [formatBytes(size), `${formatBytes(limit)} (${l})`];
}
