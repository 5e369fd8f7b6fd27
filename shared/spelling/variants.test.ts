import { describe, expect, it } from 'vitest';
import { freeVariantOf, isGbDistinct, matchCase, variantCandidates } from './variants.ts';

describe('British ↔ American candidates', () => {
  it.each([
    ['organise', 'organize'], ['organisation', 'organization'], ['realising', 'realizing'], ['analyse', 'analyze'],
    ['colour', 'color'], ['favourite', 'favorite'], ['honourable', 'honorable'], ['centre', 'center'], ['centred', 'centered'],
    ['catalogue', 'catalog'], ['paediatric', 'pediatric'], ['oestrogen', 'estrogen'], ['travelled', 'traveled'],
    ['counsellor', 'counselor'], ['defence', 'defense'], ['fulfil', 'fulfill'], ['enrolment', 'enrollment'], ['judgement', 'judgment'],
    ['ageing', 'aging'], ['sceptical', 'skeptical'], ['grey', 'gray'], ['tyres', 'tires'], ['programme', 'program'],
    ['manoeuvre', 'maneuver'], ['aluminium', 'aluminum'],
  ])('%s ↔ %s', (gb, us) => {
    expect(variantCandidates(gb, 'en-US')).toContain(us);
    expect(variantCandidates(us, 'en-GB')).toContain(gb);
  });

  it('does not produce the word itself', () => {
    expect(variantCandidates('house', 'en-US')).not.toContain('house');
  });

  it('knows the pairs that are two British words, and the free variants', () => {
    expect(isGbDistinct('Licence', 'license')).toBe(true);
    expect(isGbDistinct('organise', 'organize')).toBe(false);
    expect(freeVariantOf('Learnt')).toBe('learned');
    expect(freeVariantOf('house')).toBeUndefined();
  });

  it('restores the case of the original word', () => {
    expect(matchCase('organise', 'Organize')).toBe('Organise');
    expect(matchCase('organise', 'ORGANIZE')).toBe('ORGANISE');
    expect(matchCase('organise', 'organize')).toBe('organise');
  });
});
