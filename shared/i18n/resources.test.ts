import { describe, expect, it } from 'vitest';
import i18next from 'i18next';
import { pluralCategories, resources, UI_LANGUAGES } from './resources.ts';

type Tree = { [k: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(tree)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') out.set(key, v);
    else for (const [kk, vv] of flatten(v, key)) out.set(kk, vv);
  }
  return out;
}

const PLURAL = /_(zero|one|two|few|many|other)$/;
const flat = { en: flatten(resources.en.translation as Tree), fr: flatten(resources.fr.translation as Tree) };

function baseKeys(m: Map<string, string>): Set<string> {
  return new Set([...m.keys()].map((k) => k.replace(PLURAL, '')));
}

describe('UI translations', () => {
  it('English and French have exactly the same keys', () => {
    const en = [...baseKeys(flat.en)].sort();
    const fr = [...baseKeys(flat.fr)].sort();
    expect(fr).toEqual(en);
    expect(en.length).toBeGreaterThan(100);
  });

  it('every plural key has every plural form its language needs, and no other', () => {
    for (const lang of UI_LANGUAGES) {
      const cats = pluralCategories(lang);
      const keys = [...flat[lang].keys()];
      const bases = new Set(keys.filter((k) => PLURAL.test(k)).map((k) => k.replace(PLURAL, '')));
      expect(bases.size).toBeGreaterThan(3);
      for (const b of bases) {
        const forms = keys.filter((k) => k.replace(PLURAL, '') === b && PLURAL.test(k)).map((k) => PLURAL.exec(k)![1]).sort();
        expect(forms, `${lang} ${b}`).toEqual([...cats].sort());
      }
    }
    // The same plural keys exist in both languages.
    const plurals = (lang: 'en' | 'fr') => [...flat[lang].keys()].filter((k) => PLURAL.test(k)).map((k) => k.replace(PLURAL, ''));
    expect(new Set(plurals('fr'))).toEqual(new Set(plurals('en')));
  });

  it('keeps the same interpolation variables in both languages', () => {
    const vars = (s: string) => [...s.matchAll(/\{\{\s*([\w.]+)/g)].map((m) => m[1]).sort();
    for (const [key, en] of flat.en) {
      const base = key.replace(PLURAL, '');
      const frKey = flat.fr.has(key) ? key : `${base}_other`;
      const fr = flat.fr.get(frKey);
      expect(fr, key).toBeDefined();
      expect(vars(fr!), key).toEqual(vars(en));
    }
  });

  it('French strings follow French typography', () => {
    for (const [key, s] of flat.fr) {
      const text = s.replace(/\{\{[^}]*\}\}/g, 'X');
      expect(text, key).not.toMatch(/ [?!:;»]/); // plain space before high punctuation
      expect(text, key).not.toMatch(/« /);
      expect(text, key).not.toMatch(/[^ \u00a0\u202f][?!;]/); // high punctuation needs a (narrow) no-break space
      expect(text, key).not.toMatch(/'/); // typographic apostrophe only
      expect(text, key).not.toMatch(/\w:/);
    }
  });

  it('formats counts and plurals the way each language does', async () => {
    const i18n = i18next.createInstance();
    await i18n.init({ resources, lng: 'fr', fallbackLng: 'en', interpolation: { escapeValue: false } });
    expect(i18n.t('statusBar.translatedWords', { count: 0 })).toBe('0 mot traduit');
    expect(i18n.t('statusBar.translatedWords', { count: 1 })).toBe('1 mot traduit');
    expect(i18n.t('statusBar.translatedWords', { count: 1234 })).toBe('1\u202f234 mots traduits');
    expect(i18n.t('statusBar.statusCount', { status: 'Traduit', count: 12 })).toBe('Traduit\u00a0: 12');
    expect(i18n.t('statusBar.progressValue', { value: 0.42 })).toMatch(/^42[\u00a0\u202f]% effectué$/);
    await i18n.changeLanguage('en');
    expect(i18n.t('statusBar.translatedWords', { count: 0 })).toBe('0 words translated');
    expect(i18n.t('statusBar.translatedWords', { count: 1 })).toBe('1 word translated');
    expect(i18n.t('statusBar.translatedWords', { count: 1234 })).toBe('1,234 words translated');
    expect(i18n.t('statusBar.progressValue', { value: 0.42 })).toBe('42% done');
  });
});
