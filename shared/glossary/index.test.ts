import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createTermIndex, tokenize, type Glossary, type Term } from './index.ts';
import { CASE_DESK_GLOSSARY, CASE_GLOSSARIES } from './testing/cases.ts';

const index = createTermIndex(CASE_GLOSSARIES);

function recognized(source: string) {
  return index.recognize(source).map((m) => `${m.text}=${m.concept.entry.id}`);
}

// [source, expected "text=concept" matches in order]
const RECOGNITION: [string, string[]][] = [
  ['Les victimes et la victime.', ['victimes=victim', 'victime=victim']],
  ['Policier, policière, policiers, policières.', ['Policier=police-officer', 'policière=police-officer', 'policiers=police-officer', 'policières=police-officer']],
  ['Magistrat, magistrate, magistrats, magistrates.', ['Magistrat=magistrate', 'magistrate=magistrate', 'magistrats=magistrate', 'magistrates=magistrate']],
  ['Des contenus pédopornographiques.', ['contenus pédopornographiques=csam']],
  ['Du contenu pédopornographique.', ['contenu pédopornographique=csam']],
  ['Des violences sexuelles.', ['violences sexuelles=sexual-violence']],
  ['La violence.', ['violence=violence']],
  ['Le jugement du juge.', ['jugement=judgment', 'juge=judge']],
  ['Un bonus.', []],
  ['L’ONU et l’onu.', ['ONU=un']],
  ['L’IA, l’ia, via.', ['IA=ai']],
  ['Les Etats membres et les États membres.', ['Etats membres=member-states', 'États membres=member-states']],
  ["l'arrestation, l’arrestation, lʼarrestation", ['arrestation=arrest', 'arrestation=arrest', 'arrestation=arrest']],
  ['Les forces\u00A0de\u202Fl’ordre.', ['forces\u00A0de\u202Fl’ordre=law-enforcement']],
  ['Le porte-parole, le porte parole, le porte‑parole.', ['porte-parole=spokesperson', 'porte parole=spokesperson', 'porte‑parole=spokesperson']],
  ['La porte du port.', ['port=port']],
  ['Un réseau pédocriminel.', ['réseau pédocriminel=ring']],
  ['Des pédocriminels.', ['pédocriminels=child-sex-offender']],
  ['Les enquêteurs.', ['enquêteurs=investigator-project']],
  ['Les victimes. Policier', ['victimes=victim', 'Policier=police-officer']],
  ['', []],
];

describe('recognize', () => {
  it.each(RECOGNITION.map(([s, e]) => [s, e] as const))('%s', (source, expected) => {
    expect(recognized(source)).toEqual(expected);
  });

  it('gives offsets into the original string', () => {
    const source = 'Après l’arrestation des\u00A0victimes.';
    for (const m of index.recognize(source)) expect(source.slice(m.start, m.end)).toBe(m.text);
    expect(index.recognize(source).map((m) => [m.start, m.end])).toEqual([[8, 19], [24, 32]]);
  });

  it('returns the concept with its approved English terms (preferred first), deprecated and superseded terms', () => {
    const [m] = index.recognize('Des contenus pédopornographiques.');
    expect(m!.term.text).toBe('contenus pédopornographiques');
    expect(m!.concept.approved.map((t) => `${t.text}/${t.status}`)).toEqual(['child sexual abuse material/preferred', 'CSAM/admitted']);
    expect(m!.concept.deprecated.map((t) => t.text)).toEqual(['child pornography', 'child porn']);
    const [s] = index.recognize('Le porte-parole.');
    expect(s!.concept.superseded.map((t) => t.text)).toEqual(['spokesman']);
  });

  it('says whether accents were exact', () => {
    const [a, b] = index.recognize('Les Etats membres, les États membres.');
    expect(a!.exact).toBe(false);
    expect(b!.exact).toBe(true);
  });

  it('prefers the term with the exact accents when two terms differ only by accents', () => {
    const t = (text: string, lang: string): Term => ({ text, lang, status: 'preferred', caseSensitive: false });
    const g: Glossary = {
      name: 'g', scope: 'desk', entries: [
        { id: 'sin', terms: [t('péché', 'fr'), t('sin', 'en')] },
        { id: 'fishing', terms: [t('pêche', 'fr'), t('fishing', 'en')] },
      ],
    };
    const idx = createTermIndex([g]);
    expect(idx.recognize('La pêche et le péché.').map((m) => m.concept.entry.id)).toEqual(['fishing', 'sin']);
    expect(idx.recognize('La peche.').map((m) => m.exact)).toEqual([false]);
  });

  it('project glossary wins over desk glossary for the same French term, whatever the order given', () => {
    const reversed = createTermIndex([...CASE_GLOSSARIES].reverse());
    expect(reversed.recognize('Un enquêteur.').map((m) => m.concept.key)).toEqual(['project-cases#investigator-project']);
    expect(createTermIndex([CASE_DESK_GLOSSARY]).recognize('Un enquêteur.').map((m) => m.concept.key)).toEqual(['desk-cases#investigator']);
  });

  it('does not match a word glued by a hyphen to another word in the source', () => {
    const t = (text: string, lang: string): Term => ({ text, lang, status: 'preferred', caseSensitive: false });
    const idx = createTermIndex([{ name: 'g', scope: 'desk', entries: [{ id: 'sailor', terms: [t('marin', 'fr'), t('sailor', 'en')] }] }]);
    expect(idx.recognize('Un sous-marin et un marin.').map((m) => m.text)).toEqual(['marin']);
    expect(idx.recognize('Un sous-marin et un marin.')[0]!.start).toBe(20);
  });

  it('does not span punctuation inside a multi-word term', () => {
    expect(recognized('La violence. Sexuelle')).toEqual(['violence=violence']);
  });

  it('ignores empty terms and non-French/English languages', () => {
    const idx = createTermIndex([
      { name: 'g', scope: 'desk', entries: [{ id: 'x', terms: [{ text: '  ', lang: 'fr', status: 'preferred', caseSensitive: false }, { text: 'Opfer', lang: 'de', status: 'preferred', caseSensitive: false }] }] },
    ]);
    expect(idx.recognize('Opfer victime')).toEqual([]);
    expect(idx.size).toEqual({ fr: 0, en: 0 });
  });

  it('accepts regional language tags (fr-FR, en-GB)', () => {
    const idx = createTermIndex([
      { name: 'g', scope: 'desk', entries: [{ id: 'x', terms: [{ text: 'victime', lang: 'fr-FR', status: 'preferred', caseSensitive: false }, { text: 'victim', lang: 'en-GB', status: 'preferred', caseSensitive: false }] }] },
    ]);
    const m = idx.recognize('Une victime.');
    expect(m.map((x) => x.concept.approved[0]!.text)).toEqual(['victim']);
  });

  it('recognises the reference article’s key terms', () => {
    const article = readFileSync(new URL('../../resources/samples/cumberland-fr.txt', import.meta.url), 'utf8');
    const ids = new Set(index.recognize(article).map((m) => m.concept.entry.id));
    for (const id of ['csam', 'csa', 'ai', 'victim', 'police', 'law-enforcement', 'member-states', 'arrest', 'investigator-project', 'child']) expect(ids, id).toContain(id);
    for (const m of index.recognize(article)) expect(article.slice(m.start, m.end)).toBe(m.text);
  });
});

describe('findInTarget', () => {
  it('finds approved terms of the recognised concepts in any inflection, longest first', () => {
    const matches = index.recognize('La pédocriminalité et les contenus pédopornographiques des policiers.');
    const hits = index.findInTarget('Child sexual abuse material and child sexual abuse by officers’ networks.', matches);
    expect(hits.map((h) => `${h.text}=${h.concept.entry.id}/${h.kind}`)).toEqual([
      'Child sexual abuse material=csam/approved',
      'child sexual abuse=csa/approved',
      'officers=police-officer/approved',
    ]);
  });

  it('finds deprecated and superseded terms of all glossaries without any source match', () => {
    const hits = index.findInTarget('Child-Pornography, a paedophile ring and a spokesman.');
    expect(hits.map((h) => `${h.text}=${h.kind}/${h.term.text}`)).toEqual([
      'Child-Pornography=deprecated/child pornography',
      'paedophile ring=deprecated/paedophile ring',
      'spokesman=superseded/spokesman',
    ]);
  });

  it('does not report approved terms of concepts that are not in the source', () => {
    expect(index.findInTarget('The victim.', [])).toEqual([]);
  });

  it('a term approved for a recognised concept is not flagged even if another glossary deprecates it', () => {
    const t = (text: string, lang: string, status: Term['status']): Term => ({ text, lang, status, caseSensitive: false });
    const desk: Glossary = { name: 'desk', scope: 'desk', entries: [{ id: 'a', terms: [t('foo', 'fr', 'preferred'), t('bar', 'en', 'preferred'), t('baz', 'en', 'deprecated')] }] };
    const project: Glossary = { name: 'proj', scope: 'project', entries: [{ id: 'b', terms: [t('qux', 'fr', 'preferred'), t('baz', 'en', 'preferred')] }] };
    const idx = createTermIndex([desk, project]);
    expect(idx.findInTarget('baz', idx.recognize('qux')).map((h) => h.kind)).toEqual(['approved']);
    expect(idx.findInTarget('baz', idx.recognize('rien')).map((h) => h.kind)).toEqual(['deprecated']);
  });
});

describe('tokenize', () => {
  it('splits on apostrophes and hyphens and classifies separators, with offsets into the original', () => {
    const s = 'L’IA a-t-elle\u00A0vu «\u202Fça\u202F» ?';
    const toks = tokenize(s);
    expect(toks.map((t) => `${t.text}:${t.sepBefore}`)).toEqual(['L:none', 'IA:apos', 'a:space', 't:hyphen', 'elle:hyphen', 'vu:space', 'ça:other']);
    for (const t of toks) expect(s.slice(t.start, t.end)).toBe(t.text);
    expect(toks[1]!.fold).toBe('ia');
    expect(tokenize('Œuvre États')[0]!.fold).toBe('oeuvre');
    expect(tokenize('Œuvre États')[1]!.bare).toBe('Etats');
  });

  it('handles decomposed accents (NFD) as one word', () => {
    const s = 'E\u0301tats membres';
    const toks = tokenize(s);
    expect(toks[0]!.text).toBe('E\u0301tats');
    expect(index.recognize(s).map((m) => m.text)).toEqual(['E\u0301tats membres']);
  });
});

describe('bad input', () => {
  it('refuses a malformed glossary with a RelaisError naming the glossary and entry', () => {
    const bad = { name: 'broken', scope: 'desk', entries: [{ id: 'e1', terms: [{ text: 42, lang: 'fr' }] }] } as unknown as Glossary;
    expect(() => createTermIndex([bad])).toThrow(/broken.*e1/);
    expect(() => createTermIndex([{ name: 'nolist', scope: 'desk' } as unknown as Glossary])).toThrow(/nolist/);
  });
});
