import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { segmentText, FR_NEWS_RULES, compileRules, type SegmentationRules } from './index.ts';
import { RelaisError } from '../errors.ts';

interface GoldParagraph {
  id: string;
  topic: string;
  sentences: string[];
  separator?: string;
}

const here = path.dirname(fileURLToPath(import.meta.url));
const gold = JSON.parse(readFileSync(path.join(here, '../../bench/data/fr-news-segmentation.json'), 'utf8')) as {
  paragraphs: GoldParagraph[];
};

describe('the French news gold set', () => {
  it('is big and varied enough to mean something', () => {
    const boundaries = gold.paragraphs.reduce((n, p) => n + p.sentences.length - 1, 0);
    expect(boundaries).toBeGreaterThanOrEqual(200);
    expect(new Set(gold.paragraphs.map((p) => p.topic)).size).toBeGreaterThanOrEqual(10);
    expect(new Set(gold.paragraphs.map((p) => p.id)).size).toBe(gold.paragraphs.length);
  });

  it.each(gold.paragraphs.map((p) => [p.id, p] as const))('segments %s exactly like the gold', (_id, p) => {
    const text = p.sentences.join(p.separator ?? ' ');
    expect(segmentText(text)).toEqual(p.sentences);
  });
});

const cases: [string, string, string[]][] = [
  ['titles', 'M. Dupont et Mme Martin sont là. MM. Durand et Mlle Roux aussi.', ['M. Dupont et Mme Martin sont là.', 'MM. Durand et Mlle Roux aussi.']],
  ['Mgr, Pr, Dr, Me', 'Mgr. Lebrun, le Dr. Martin et Me. Dupond sont venus. Le Pr. Lenoir non.', ['Mgr. Lebrun, le Dr. Martin et Me. Dupond sont venus.', 'Le Pr. Lenoir non.']],
  ['initials', 'J. R. R. Tolkien, A.-M. Dupont et Jean-M. Le Pen. Fin.', ['J. R. R. Tolkien, A.-M. Dupont et Jean-M. Le Pen.', 'Fin.']],
  ['acronym with dots, then lowercase', 'La S.N.C.F. a annoncé une grève. Les U.S.A. aussi.', ['La S.N.C.F. a annoncé une grève.', 'Les U.S.A. aussi.']],
  ['acronym with dots ends a sentence', 'Il vit aux U.S.A. Sa fille aussi.', ['Il vit aux U.S.A.', 'Sa fille aussi.']],
  ['decimals', 'Le taux passe de 3,5 à 3.75 %. Il baisse.', ['Le taux passe de 3,5 à 3.75 %.', 'Il baisse.']],
  ['times', 'Rendez-vous à 10 h 30, 10h30 ou 10:30. Ensuite, déjeuner.', ['Rendez-vous à 10 h 30, 10h30 ou 10:30.', 'Ensuite, déjeuner.']],
  ['references', 'Voir n° 2024.12.3, affaire 23-81.542 et art. L. 121-1. La suite demain.', ['Voir n° 2024.12.3, affaire 23-81.542 et art. L. 121-1.', 'La suite demain.']],
  ['page and volume numbers', 'Voir p. 12, pp. 45-48, vol. 3, chap. 2 et fig. 7. Puis conclure.', ['Voir p. 12, pp. 45-48, vol. 3, chap. 2 et fig. 7.', 'Puis conclure.']],
  ['months before a year', 'Le 3 sept. 2024, le 12 janv. 2025 et le 1er déc. 2023. Trois dates.', ['Le 3 sept. 2024, le 12 janv. 2025 et le 1er déc. 2023.', 'Trois dates.']],
  ['J.-C. ends a sentence after av.', 'Fondée en 600 av. J.-C. La ville prospère.', ['Fondée en 600 av. J.-C.', 'La ville prospère.']],
  ['J.-C. inside a sentence', 'Fondée en 600 av. J.-C. par des Grecs. Fin.', ['Fondée en 600 av. J.-C. par des Grecs.', 'Fin.']],
  ['etc. + uppercase is a boundary', 'Des pommes, des poires, etc. Le tout bio.', ['Des pommes, des poires, etc.', 'Le tout bio.']],
  ['etc. + lowercase is not', 'Des pommes, des poires, etc. sont vendues ici.', ['Des pommes, des poires, etc. sont vendues ici.']],
  ['etc. + number is not', 'Les pommes, etc. 25 kilos en tout.', ['Les pommes, etc. 25 kilos en tout.']],
  ['cf., c.-à-d., i.e., e.g.', 'Cf. le rapport, c.-à-d. le texte, i.e. ce document, e.g. Le Monde. Fin.', ['Cf. le rapport, c.-à-d. le texte, i.e. ce document, e.g. Le Monde.', 'Fin.']],
  ['ellipsis + lowercase', 'Il hésite… puis repart... et revient. Fin.', ['Il hésite… puis repart... et revient.', 'Fin.']],
  ['ellipsis + uppercase', 'Il hésite… Puis il repart... Et revient.', ['Il hésite…', 'Puis il repart...', 'Et revient.']],
  ['bracketed ellipsis', '« Nous […] Refusons », disent-ils. Fin.', ['« Nous […] Refusons », disent-ils.', 'Fin.']],
  ['URLs, domains and e-mails', 'Voir lemonde.fr, www.europol.europa.eu, https://x.y/a.b?c=d et a.b@c.fr. Fin.', ['Voir lemonde.fr, www.europol.europa.eu, https://x.y/a.b?c=d et a.b@c.fr.', 'Fin.']],
  ['guillemets + lowercase incise', '« Enfin\u00a0! » a-t-elle lancé. Puis elle est partie.', ['« Enfin\u00a0! » a-t-elle lancé.', 'Puis elle est partie.']],
  ['guillemets question + uppercase', '« Qui est là\u00a0? » Personne ne répond.', ['« Qui est là\u00a0? »', 'Personne ne répond.']],
  ['multi-sentence quote with incise', '« C’est fini. Je pars\u00a0», a-t-il dit. Elle a pleuré.', ['« C’est fini. Je pars\u00a0», a-t-il dit.', 'Elle a pleuré.']],
  ['curly quotes with incise', '“Non. Jamais”, a-t-il dit. Fin.', ['“Non. Jamais”, a-t-il dit.', 'Fin.']],
  ['straight quotes with incise', '"Non. Jamais", a-t-il dit. Fin.', ['"Non. Jamais", a-t-il dit.', 'Fin.']],
  ['multi-sentence quote closed before a new sentence', '« C’est fini. Je pars. » Elle a pleuré.', ['« C’est fini.', 'Je pars. »', 'Elle a pleuré.']],
  ['French spacing: ordinary space', 'Vraiment ? Oui ! Bon.', ['Vraiment ?', 'Oui !', 'Bon.']],
  ['French spacing: U+00A0 and U+202F', 'Vraiment\u00a0? Oui\u202f! Bon.', ['Vraiment\u00a0?', 'Oui\u202f!', 'Bon.']],
  ['?! and !!!', 'Quoi ?! Incroyable !!! Fin.', ['Quoi ?!', 'Incroyable !!!', 'Fin.']],
  ['colon and semicolon never end a sentence', 'Le constat : rien ne va ; Tout est à refaire : Vraiment.', ['Le constat : rien ne va ; Tout est à refaire : Vraiment.']],
  ['sentence in parentheses', 'Il a démissionné. (Il l’avait annoncé.) Son successeur arrive.', ['Il a démissionné.', '(Il l’avait annoncé.)', 'Son successeur arrive.']],
  ['sentence in brackets', 'Texte voté. [Article mis à jour à 15 h.] Suite.', ['Texte voté.', '[Article mis à jour à 15 h.]', 'Suite.']],
  ['dialogue dashes', '— Oui, dit-il. — Non. – Peut-être.', ['— Oui, dit-il.', '— Non.', '– Peut-être.']],
  ['quote ending with ." and .»', 'Il a dit "c’est fini." Elle a dit « non. » Fin.', ['Il a dit "c’est fini."', 'Elle a dit « non. »', 'Fin.']],
  ['abbreviation at the end of the paragraph', 'Des pommes, des poires, etc.', ['Des pommes, des poires, etc.']],
  ['ordinals and centuries', 'Au XXe s. la ville comptait 1er et 2e rangs. Fin.', ['Au XXe s. la ville comptait 1er et 2e rangs.', 'Fin.']],
  ['money and percentages', 'Il a coûté 3,5\u00a0millions d’euros, soit 1\u00a0200\u00a0€ par habitant. Hausse de 15\u00a0%. Fin.', ['Il a coûté 3,5\u00a0millions d’euros, soit 1\u00a0200\u00a0€ par habitant.', 'Hausse de 15\u00a0%.', 'Fin.']],
  ['bullet lines', 'Trois points :\n- un ;\n- deux ;\n• trois.', ['Trois points :', '- un ;', '- deux ;', '• trois.']],
  ['numbered lines', 'Le plan :\n1. Réduire.\n2) Stabiliser.', ['Le plan :', '1. Réduire.', '2) Stabiliser.']],
  ['no-break space after a period does not separate', 'Fin.\u00a0Début.', ['Fin.\u00a0Début.']],
  ['lowercase after a period does not start a sentence', 'Il est né en 1950. puis rien.', ['Il est né en 1950. puis rien.']],
  ['sentence starting with a digit', 'Il est arrivé dernier. 42 coureurs avaient abandonné.', ['Il est arrivé dernier.', '42 coureurs avaient abandonné.']],
];

describe('targeted hard cases', () => {
  it.each(cases)('%s', (_name, text, expected) => {
    expect(segmentText(text)).toEqual(expected);
  });
});

describe('text preservation', () => {
  const ORDINARY = /^[ \t\n\r\f\v\u0085\u2028\u2029]*$/;
  it.each(gold.paragraphs.map((p) => [p.id, p] as const))('%s: sentences are exact substrings and rebuild the paragraph', (_id, p) => {
    const text = `  \n${p.sentences.join(p.separator ?? ' ')}\t \n`;
    const got = segmentText(text);
    let cursor = 0;
    let rebuilt = '';
    for (const [i, s] of got.entries()) {
      const at = text.indexOf(s, cursor);
      expect(at).toBeGreaterThanOrEqual(cursor);
      const gap = text.slice(cursor, at);
      expect(gap).toMatch(ORDINARY);
      if (i > 0) rebuilt += gap;
      rebuilt += s;
      cursor = at + s.length;
      expect(s).toBe(s.replace(/^[ \t\n\r]+|[ \t\n\r]+$/g, ''));
    }
    expect(text.slice(cursor)).toMatch(ORDINARY);
    expect(rebuilt).toBe(text.replace(/^[ \t\n\r]+|[ \t\n\r]+$/g, ''));
  });

  it('keeps no-break spaces at the edges, which are not ordinary whitespace', () => {
    expect(segmentText('\u00a0« Oui\u00a0»\u202f ')).toEqual(['\u00a0« Oui\u00a0»\u202f']);
  });

  it('keeps apostrophes, guillemets and thin spaces untouched', () => {
    const t = 'L’« affaire\u202f» d’Etat\u2009: c’est «\u00a0fini\u00a0». Voilà.';
    expect(segmentText(t)).toEqual(['L’« affaire\u202f» d’Etat\u2009: c’est «\u00a0fini\u00a0».', 'Voilà.']);
  });

  it('returns nothing for empty or blank text', () => {
    expect(segmentText('')).toEqual([]);
    expect(segmentText(' \n\t ')).toEqual([]);
  });
});

describe('speed', () => {
  it('segments a 10,000-sentence text in well under a second', () => {
    const paragraphs = gold.paragraphs.map((p) => p.sentences.join(p.separator ?? ' '));
    const texts: string[] = [];
    let n = 0;
    while (n < 10_000) {
      for (const [i, t] of paragraphs.entries()) {
        texts.push(t);
        n += gold.paragraphs[i]!.sentences.length;
      }
    }
    // best of three runs, so that a busy machine does not make the test flaky
    let best = Infinity;
    let count = 0;
    for (let run = 0; run < 3; run++) {
      const t0 = performance.now();
      count = 0;
      for (const t of texts) count += segmentText(t).length;
      best = Math.min(best, performance.now() - t0);
    }
    expect(count).toBeGreaterThanOrEqual(10_000);
    expect(best).toBeLessThan(1000);
  });
});

describe('rules are data', () => {
  it('applies custom rules: first matching rule wins', () => {
    const rules: SegmentationRules = {
      name: 'semicolons',
      language: 'fr',
      abbreviations: { always: ['env'], beforeNumber: [], weak: [] },
      rules: [
        { break: false, before: 'non;', after: '' },
        { break: true, before: '[;.]', after: ' ' },
      ],
    };
    expect(segmentText('a; b; non; c; env. d. e', rules)).toEqual(['a;', 'b;', 'non; c;', 'env. d.', 'e']);
  });

  it('abbreviation lists only work as whole words', () => {
    expect(segmentText('Il est venu en train. Il repart.')).toEqual(['Il est venu en train.', 'Il repart.']);
    expect(segmentText('Le Dr. Who. Le film.')).toEqual(['Le Dr. Who.', 'Le film.']);
  });

  it('rejects an invalid pattern with a RelaisError naming the rule', () => {
    const bad: SegmentationRules = { name: 'bad', language: 'fr', abbreviations: { always: [], beforeNumber: [], weak: [] }, rules: [{ break: true, before: '[.', after: '' }] };
    expect(() => segmentText('a. B', bad)).toThrow(RelaisError);
    expect(() => segmentText('a. B', bad)).toThrow(/rule 1/);
  });

  it('rejects a malformed rule object', () => {
    const bad = { name: 'x', language: 'fr', rules: [{ break: 'yes', before: '', after: '' }] } as unknown as SegmentationRules;
    expect(() => compileRules(bad)).toThrow(RelaisError);
  });

  it('rejects a non-string paragraph', () => {
    expect(() => segmentText(42 as unknown as string)).toThrow(RelaisError);
  });

  it('the shipped French rules compile', () => {
    const c = compileRules(FR_NEWS_RULES);
    expect(c.rules.length).toBe(FR_NEWS_RULES.rules.length + 3);
  });
});
