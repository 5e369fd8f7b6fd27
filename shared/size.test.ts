import { describe, expect, it } from 'vitest';
import { formatMegabytes, sizeOverLimit } from './size.ts';

const MB = 1024 * 1024;

describe('sizes in messages', () => {
  it('gives megabytes with one decimal, none when it is 0', () => {
    expect(formatMegabytes(50 * MB)).toBe('50 MB');
    expect(formatMegabytes(52.4 * MB)).toBe('52.4 MB');
    expect(formatMegabytes(100 * MB)).toBe('100 MB');
    expect(formatMegabytes(0.25 * MB)).toBe('0.3 MB');
  });

  it('never prints a size over the limit as the limit itself', () => {
    expect(sizeOverLimit(52.4 * MB, 50 * MB)).toEqual(['52.4 MB', '50 MB']);
    expect(sizeOverLimit(100 * MB, 50 * MB)).toEqual(['100 MB', '50 MB']);
    // 52,430,000 bytes: "52.4 MB" for a file manager counting in thousands, 50.0012 MB here.
    expect(sizeOverLimit(52_430_000, 50 * MB)).toEqual(['52,430,000 bytes', '52,428,800 bytes (50 MB)']);
    expect(sizeOverLimit(50 * MB + 1, 50 * MB)).toEqual(['52,428,801 bytes', '52,428,800 bytes (50 MB)']);
  });
});
