import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { icuToJsPattern, parseSrx, segmentText } from './index.ts';
import { RelaisError } from '../errors.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const srx = readFileSync(path.join(here, 'fixtures/okapi-like.srx'), 'utf8');

describe('parseSrx: importing SRX 2.0 rules', () => {
  it('cascades the French rules before the default ones for fr-FR', () => {
    const rules = parseSrx(srx, 'fr-FR', { file: 'okapi-like.srx' });
    expect(rules.rules.map((r) => r.break)).toEqual([false, false, false, true]);
    expect(rules.rules[3]).toEqual({ break: true, before: '[\\.\\?!]+', after: '\\s+\\p{Lu}' });
    expect(rules.rules[1]!.after).toBe('\\s');
    expect(segmentText('M. Dupont et Mme. Martin, etc. Ils sont là ! Fin.', rules)).toEqual([
      'M. Dupont et Mme. Martin, etc. Ils sont là !',
      'Fin.',
    ]);
  });

  it('uses only the default rules for another language', () => {
    const rules = parseSrx(srx, 'en');
    expect(rules.rules).toHaveLength(2);
    expect(segmentText('M. Dupont. Fin.', rules)).toEqual(['M.', 'Dupont.', 'Fin.']);
  });

  it('without cascade, uses only the first matching map', () => {
    const rules = parseSrx(srx.replace('cascade="yes"', 'cascade="no"'), 'fr');
    expect(rules.rules).toHaveLength(2);
    expect(rules.rules.every((r) => !r.break)).toBe(true);
  });

  it('refuses a DOCTYPE', () => {
    const evil = srx.replace('<srx ', '<!DOCTYPE srx [<!ENTITY x "boom">]>\n<srx ');
    expect(() => parseSrx(evil, 'fr', { file: 'evil.srx' })).toThrow(/DOCTYPE/);
  });

  it('reports malformed XML with the file and line', () => {
    try {
      parseSrx('<srx version="2.0">\n<body>\n<languagerules>\n</body></srx>', 'fr', { file: 'broken.srx' });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(RelaisError);
      const err = e as RelaisError;
      expect(err.code).toBe('file.corrupt');
      expect(err.file).toBe('broken.srx');
      expect(err.line).toBeGreaterThanOrEqual(4);
    }
  });

  it('refuses something that is not SRX, empty input, a language without rules and an invalid pattern', () => {
    expect(() => parseSrx('<html></html>', 'fr')).toThrow(/not an SRX file/i);
    expect(() => parseSrx('  ', 'fr')).toThrow(/empty/);
    expect(() => parseSrx(srx.replace('languagepattern=".*"', 'languagepattern="EN.*"').replace('FR.*', 'DE.*'), 'fr')).toThrow(/no rules for language "fr"/);
    expect(() => parseSrx(srx.replace('[\\.\\?!]+', '[\\.\\?!+'), 'en')).toThrow(/Invalid beforebreak/);
    expect(() => parseSrx(srx.replace('languagerulename="Default"/>', 'languagerulename="Nope"/>'), 'en')).toThrow(/unknown languagerule/);
  });

  it('turns ICU identity escapes into JavaScript ones', () => {
    expect(icuToJsPattern("\\'\\-\\.[\\-a]\\p{Lu}")).toBe("'-\\.[\\-a]\\p{Lu}");
  });
});
