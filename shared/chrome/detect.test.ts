import { describe, expect, it } from 'vitest';
import type { BlockKind, ChromeReason } from '../model.ts';
import { detectChrome, matchChromeRule, normaliseForRules } from './detect.ts';

const p = (text: string): { kind: BlockKind; text: string } => ({ kind: 'paragraph', text });
const h = (text: string): { kind: BlockKind; text: string } => ({ kind: 'heading', text });
const BODY =
  'Les autorités ont annoncé vendredi une série de mesures destinées à limiter les effets de la crise, qui touche désormais plusieurs régions du pays.';
const BODY2 =
  'Selon les chiffres publiés par le ministère, la consommation a reculé de 3 % au cours du dernier trimestre, une baisse inédite depuis dix ans.';

function reasonsOf(blocks: Array<{ kind: BlockKind; text: string }>): Record<string, ChromeReason | null> {
  const r = detectChrome(blocks);
  return Object.fromEntries(blocks.map((b, i) => [b.text, r[i] ?? null]));
}

describe('chrome rules on single lines', () => {
  it.each<[string, ChromeReason]>([
    ['Partager', 'share'],
    ['Share', 'share'],
    ['Tweeter', 'share'],
    ['Facebook', 'share'],
    ['Copier le lien', 'share'],
    ['Envoyer par e-mail', 'share'],
    ['Partager sur Facebook', 'share'],
    ['Facebook Twitter LinkedIn', 'share'],
    ['Lire aussi : Article réservé à nos abonnés Les viols d’enfants en webcams', 'related'],
    ['À lire aussi Les glaciers fondent plus vite que prévu', 'related'],
    ['Lire plus tard', 'related'],
    ['Voir aussi : le dossier complet', 'related'],
    ['Read more: Why the smoke travels so far', 'related'],
    ['Related: Canada’s wildfire season starts earlier', 'related'],
    ['Abonnez-vous', 'subscription'],
    ['S’abonner', 'subscription'],
    ['Déjà abonné ?', 'subscription'],
    ['Subscribe', 'subscription'],
    ['Article réservé à nos abonnés', 'subscription'],
    ['Testez votre culture générale avec la rédaction du « Monde »', 'promo'],
    ['Découvrir', 'promo'],
    ['Jouer', 'promo'],
    ['Newsletter', 'promo'],
    ['Inscrivez-vous à notre newsletter', 'promo'],
    ['Exit mobile version', 'mobile'],
    ['Retour en haut', 'navigation'],
    ['Menu', 'navigation'],
    ['Accueil', 'navigation'],
    ['Réutiliser ce contenu', 'reuse'],
    ['Tous droits réservés', 'reuse'],
    ['© 2025 Example Media. All rights reserved.', 'reuse'],
    ['Le Monde avec AFP', 'credit'],
    ['Par Claire Martin avec Reuters', 'credit'],
    ['(AFP)', 'credit'],
    ['Par Jean-Pierre de La Fontaine', 'credit'],
    ['By Jane Holloway and Marc Dubois', 'credit'],
    ['Publié le 28 février 2025 à 10h12, modifié le 28 février 2025 à 18h40', 'credit'],
    ['Mis à jour le 3 mars 2025 à 08h00', 'credit'],
  ])('%s → %s', (text, reason) => {
    expect(matchChromeRule(text)).toBe(reason);
  });

  it.each([
    'Augmentation exponentielle des contenus pédocriminels',
    'Réglementation commune',
    'Partager les richesses, une idée qui progresse',
    'Par ailleurs, la police a saisi plusieurs ordinateurs lors des perquisitions menées mardi.',
    'Related to this, the agency said it would publish new figures next week.',
    'Publié en 1998, le rapport avait déjà alerté sur la situation.',
    'D’après l’organisation Internet Watch Foundation (IWF), basée au Royaume-Uni, de nombreuses images sont réalistes.',
    'Les abonnés au service ont reçu un courriel mardi.',
    'Menu du jour : la cantine change de fournisseur',
  ])('body text or real heading is not chrome: %s', (text) => {
    expect(matchChromeRule(text)).toBeNull();
  });

  it('matches regardless of no-break spaces and apostrophe style', () => {
    expect(normaliseForRules('Déjà\u00A0abonné\u202F?')).toBe('Déjà abonné ?');
    expect(matchChromeRule('S\u2019abonner')).toBe('subscription');
    expect(matchChromeRule("S'abonner")).toBe('subscription');
  });
});

describe('chrome in context', () => {
  it('marks a promo name between the last body paragraph and its calls to action, but not real headings', () => {
    const r = reasonsOf([
      p(BODY),
      h('Réglementation commune'),
      p(BODY2),
      p('Le Monde Mémorable'),
      p('Testez votre culture générale avec la rédaction du « Monde »'),
      p('Testez votre culture générale avec la rédaction du « Monde »'),
      p('Découvrir'),
      p(BODY + ' Fin.'),
    ]);
    expect(r['Le Monde Mémorable']).toBe('short-cta');
    expect(r['Réglementation commune']).toBeNull();
    expect(r[BODY2]).toBeNull();
    expect(r[BODY + ' Fin.']).toBeNull();
  });

  it('marks a short line repeated verbatim as a duplicate, but not a repeated sentence', () => {
    const r = detectChrome([
      p('Le Quiz du week-end'),
      p(BODY),
      p('Cela ne suffira pas.'),
      p(BODY2),
      p('Le Quiz du week-end'),
      p('Cela ne suffira pas.'),
    ]);
    expect(r).toEqual(['duplicate', null, null, null, 'duplicate', null]);
  });

  it('leaves repeated one- or two-word lines such as table cells alone', () => {
    expect(detectChrome([p(BODY), p('Lyon'), p('Oui'), p('Marseille'), p('Oui'), p('Non merci'), p('Non merci'), p(BODY2)])).toEqual([null, null, null, null, null, null, null, null]);
  });

  it('never marks the title as a duplicate of a later breadcrumb', () => {
    const r = detectChrome([{ kind: 'title', text: 'La crise de l’eau' }, p(BODY), p('La crise de l’eau'), p(BODY2)]);
    expect(r).toEqual([null, null, 'duplicate', null]);
  });

  it('marks a lone call to action between chrome blocks and the pitch of a promo box', () => {
    const r = reasonsOf([
      p(BODY),
      p('Newsletter'),
      p('Chaque matin, l’essentiel de l’actualité dans votre boîte'),
      p('Inscrivez-vous gratuitement'),
      p('Partager'),
      p('Voir'),
      p('Réutiliser ce contenu'),
    ]);
    expect(r['Chaque matin, l’essentiel de l’actualité dans votre boîte']).toBe('promo');
    expect(r['Voir']).toBe('short-cta');
    expect(r[BODY]).toBeNull();
  });

  it('does not take a heading followed by a single teaser for chrome', () => {
    const r = reasonsOf([p(BODY), h('Une enquête au long cours'), p('Lire aussi : Le premier volet de notre enquête'), p(BODY2)]);
    expect(r['Une enquête au long cours']).toBeNull();
  });

  it('marks separator lines without words as other', () => {
    expect(detectChrome([p(BODY), p('* * *'), p(BODY2)])).toEqual([null, 'other', null]);
  });

  it('recognises another French site’s chrome (Le Figaro-like page copy)', () => {
    const r = reasonsOf([
      p('Passer la publicité'),
      p('Par Anne Lefèvre'),
      p('Publié le 12/03/2025 à 17:45, mis à jour le 12/03/2025 à 19:02'),
      p(BODY),
      p('Cet article est réservé aux abonnés. Il vous reste 80% à découvrir.'),
      p('Vous avez envie de lire la suite ?'),
      p('Déjà abonné ? Connectez-vous'),
      p('Sur le même sujet'),
      p(BODY2),
      p('Tous droits réservés'),
    ]);
    expect(r).toEqual({
      'Passer la publicité': 'promo',
      'Par Anne Lefèvre': 'credit',
      'Publié le 12/03/2025 à 17:45, mis à jour le 12/03/2025 à 19:02': 'credit',
      [BODY]: null,
      'Cet article est réservé aux abonnés. Il vous reste 80% à découvrir.': 'subscription',
      'Vous avez envie de lire la suite ?': 'subscription',
      'Déjà abonné ? Connectez-vous': 'subscription',
      'Sur le même sujet': 'related',
      [BODY2]: null,
      'Tous droits réservés': 'reuse',
    });
  });
});
