import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { QA_RULES } from '../qa/index.ts';
import { STYLE_RULES } from './rules.ts';

const doc = readFileSync(path.resolve(import.meta.dirname, '../../docs/house-style.md'), 'utf8');
const qaDoc = readFileSync(path.resolve(import.meta.dirname, '../../docs/qa-rules.md'), 'utf8');

/** The table row of a rule in docs/house-style.md, as its cells. */
function row(id: string): string[] | null {
  const line = doc.split('\n').find((l) => l.startsWith(`| \`${id}\` |`));
  return line ? line.split('|').slice(1, -1).map((c) => c.trim()) : null;
}

describe('docs/house-style.md and the rule data agree', () => {
  it.each(STYLE_RULES.map((r) => [r.id, r] as const))('%s: row, default severity and every option with its default', (id, r) => {
    const cells = row(id);
    expect(cells, `no row for ${id}`).not.toBeNull();
    expect(cells![1]).toBe(r.severity);
    for (const [name, o] of Object.entries(r.options)) expect(cells![2]).toContain(`\`${name}\`: \`${String(o.default)}\``);
    if (Object.keys(r.options).length === 0) expect(cells![2]).toBe('—');
  });

  it('every rule of the engine is in docs/qa-rules.md', () => {
    for (const r of QA_RULES) expect(qaDoc, r.id).toContain(`\`${r.id}\``);
  });
});
