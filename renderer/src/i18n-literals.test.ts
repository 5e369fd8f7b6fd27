/**
 * No user-visible text literal in components: JSX text and text-bearing props must come from t().
 * A simple scan of renderer/src/**\/*.tsx; non-text attributes (data-testid, className, type…) are allowed.
 */
/// <reference types="vite/client" />
import { describe, expect, it } from 'vitest';

const TEXT_PROPS = ['title', 'aria-label', 'aria-description', 'aria-valuetext', 'placeholder', 'alt', 'label'];
const LETTER = /\p{L}{2,}/u;

export function findLiterals(source: string): string[] {
  const code = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
  const found: string[] = [];
  // JSX text between tags: `>Some words<`
  for (const m of code.matchAll(/(?<=[\w"'}/<])>([^<>{}]*)</g)) {
    const text = m[1]!.trim();
    if (text !== '' && LETTER.test(text) && !/[=;()]/.test(text)) found.push(`text: ${text}`);
  }
  // Text props given a string literal: title="…", aria-label='…', placeholder={'…'}
  const props = TEXT_PROPS.join('|');
  for (const m of code.matchAll(new RegExp(`\\s(${props})=(?:"([^"]*)"|'([^']*)'|\\{\\s*['"\`]([^'"\`]*)['"\`]\\s*\\})`, 'g'))) {
    const value = (m[2] ?? m[3] ?? m[4] ?? '').trim();
    if (LETTER.test(value)) found.push(`${m[1]}: ${value}`);
  }
  return found;
}

// Every component source, read as text by Vite's glob import (the renderer lint forbids node:fs here).
const SOURCES = import.meta.glob(['./**/*.tsx', '!./**/*.test.tsx'], { query: '?raw', import: 'default', eager: true }) as Record<string, string>;

describe('user-visible strings', () => {
  it('the scanner catches literals and lets translation calls and non-text props through', () => {
    const bad = `<div><button title="Close window" aria-label={'Close'} placeholder='Name'>Save now</button></div>`;
    expect(findLiterals(bad)).toEqual(['text: Save now', 'title: Close window', 'aria-label: Close', 'placeholder: Name']);
    expect(findLiterals(`<>Fragment text</>`)).toEqual(['text: Fragment text']);
    const good = `{n > LIMIT ? <li>{t('more')}</li> : null}<div className="row" data-testid="segment-row"><button type="button" title={t('x')}>{t('commands.confirm')}</button><span aria-hidden="true">✓</span></div>`;
    expect(findLiterals(good)).toEqual([]);
  });

  it('no component has a user-visible string literal', () => {
    const files = Object.keys(SOURCES);
    expect(files.length).toBeGreaterThan(10);
    expect(files).toContain('./app/App.tsx');
    const problems: string[] = [];
    for (const f of files) for (const lit of findLiterals(SOURCES[f]!)) problems.push(`${f} — ${lit}`);
    expect(problems).toEqual([]);
  });
});
