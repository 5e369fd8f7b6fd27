/**
 * Page-chrome rules as data: each rule is a pattern over a block's NORMALISED text (see `normaliseForRules`:
 * no-break spaces → space, ’ → ', runs of spaces collapsed, trimmed) with the reason it stands for.
 * Patterns are case-insensitive and anchored by the rule itself (word ends are written (?![\p{L}\p{N}]), since
 * \b only knows ASCII letters and fails after "é"), so a rule never matches inside body prose.
 *
 * To extend: add a row to one of the tables. `whole` rules must match the whole line; `prefix` rules match a line
 * that STARTS with the label (a teaser such as "Lire aussi : …"), limited to `maxWords` words so that a long
 * body sentence that happens to start the same way is left alone.
 */
import type { ChromeReason } from '../model.ts';

export interface ChromeRule {
  reason: ChromeReason;
  /** Tested against the normalised text. */
  pattern: RegExp;
  /** The line may have at most this many words (defaults: 8 for whole-line rules, 40 for prefix rules). */
  maxWords?: number;
}

/** Social networks and share actions, which pages list as buttons ("Facebook", "Copier le lien", "Share on X"…). */
const NETWORK = String.raw`(?:facebook|twitter|x|linkedin|whatsapp|messenger|pinterest|reddit|telegram|bluesky|threads|mastodon|flipboard|instagram|tiktok|youtube|e-?mail|email|mail|sms)`;
const SHARE_ACTION = String.raw`(?:partager|partagez|partage|share|tweet(?:er)?|copier le lien|copy link|copy the link|lien copié|link copied|envoyer par (?:e-?)?mail|envoyer|send by email|email this|imprimer|print|offrir(?: cet article)?|gift(?: this)? article|enregistrer|save|sauvegarder|ajouter à mes (?:favoris|articles)|${NETWORK})`;

/** Whole-line rules: the block is nothing but the label (optionally with a count or a separator). */
export const WHOLE_LINE_RULES: readonly ChromeRule[] = [
  // Share buttons, alone or as a row ("Facebook Twitter LinkedIn", "Partager sur Facebook").
  { reason: 'share', pattern: new RegExp(String.raw`^(?:${SHARE_ACTION}(?: (?:sur|on|via|par|by|this|cet article|l'article|article|story|page))?(?: ${NETWORK})?[\s,|·•/]*)+$`, 'iu'), maxWords: 12 },
  { reason: 'share', pattern: /^(?:\d+ )?(?:commentaires?|comments?|réagir|réactions?|voir les commentaires|view comments|join the conversation)(?: \(\d+\))?$/iu },

  // Navigation and app chrome.
  { reason: 'mobile', pattern: /^(?:exit mobile version|mobile version|version mobile|quitter la version mobile|version (?:classique|desktop)|desktop version|view (?:desktop|full) site)$/iu },
  { reason: 'navigation', pattern: /^(?:retour en haut(?: de (?:la )?page)?|haut de page|back to top|to top|menu|accueil|home(?: ?page)?|rechercher|recherche|search|skip to (?:main )?content|aller au contenu(?: principal)?|passer au contenu|fermer|close|précédent|suivant|previous|next|sections|rubriques|se connecter|connexion|log ?in|sign in|mon compte|my account|breadcrumb|fil d'ariane|toggle navigation|open menu|ouvrir le menu|en direct|live|[‹«<]?\s*retour|[‹«<]\s*back)$/iu },

  // Reuse and rights.
  { reason: 'reuse', pattern: /^(?:réutiliser ce contenu|reuse this content|reproduction (?:interdite|réservée)|tous droits réservés\.?|all rights reserved\.?|droits de reproduction et de diffusion réservés\.?|republish(?: this article)?|licensing|syndication)$/iu },
  { reason: 'reuse', pattern: /^(?:©|\(c\)\s|copyright(?![\p{L}\p{N}]))/iu, maxWords: 25 },
  { reason: 'reuse', pattern: /(?<![\p{L}\p{N}])(?:tous droits réservés|all rights reserved)\.?$/iu, maxWords: 25 },

  // Subscription prompts.
  { reason: 'subscription', pattern: /^(?:abonnez-vous|s'abonner|je m'abonne|m'abonner|déjà abonné ?\??|vous êtes abonné ?\??|subscribe(?: now| today)?|already a subscriber\??|already subscribed\??|sign up|become a member|devenir membre|réservé aux abonnés|article réservé (?:à nos|aux) abonnés|subscribers only|premium|exclusive|offre d'abonnement|essai gratuit|free trial|start (?:your )?free trial)[\s!.]*$/iu },

  // Promos, quizzes, games, apps, ads.
  { reason: 'promo', pattern: /^(?:découvrir|découvrez|jouer|je joue|play|play now|take the quiz|quiz|newsletters?|inscrivez-vous|s'inscrire|je m'inscris|en savoir plus|learn more|find out more|télécharger l'application|download (?:the|our) app|publicité|advertisement|advertising|sponsored|sponsorisé|contenu sponsorisé|sponsored content|partenaire|in partnership with|passer la publicité|skip advertisement|skip past newsletter promotion|after newsletter promotion|essayer gratuitement|try (?:it )?(?:for )?free|get the app|listen|écouter(?: cet article)?|listen to this article)[\s!.]*$/iu },

  // Teaser labels on their own line.
  { reason: 'related', pattern: /^(?:lire aussi|à lire aussi|a lire aussi|lire plus tard|voir aussi|read more|read next|related(?: articles| stories| content| coverage)?|see also|more on this story|more from [\p{L} ]{1,30}|sur le même sujet|dans la même rubrique|les plus lus|most read|most viewed|most popular|recommended(?: for you)?|you may also like|à découvrir|à lire|lire la suite|continue reading|tags?|mots-clés|sujets?|topics?)\s*:?$/iu },

  // Credit lines: "Le Monde avec AFP", "(AFP)", "AFP", "Reuters".
  { reason: 'credit', pattern: /^(?:[\p{L}'’ .-]{1,40} )?(?:avec|with|and|et) (?:l')?(?:afp|reuters|ap|associated press|bloomberg|dpa|ansa|efe|belga|ats|reuters et afp|afp et reuters)$/iu },
  { reason: 'credit', pattern: /^\(?(?:afp|reuters|ap|associated press|dpa|ansa|efe|belga|ats)\)?\.?$/iu },
  { reason: 'credit', pattern: /^(?:photo|crédit photo|crédits? photos?|credits?|photograph|illustration|image)\s*:\s*\S/iu, maxWords: 14 },
  { reason: 'credit', pattern: /^(?:temps de lecture\s*:?\s*)?\d+ ?(?:min|minutes?)(?: de lecture| read| reading)?\.?$/iu },
];

/** Prefix rules: the block starts with a label and goes on (a teaser, a date line…). */
export const PREFIX_RULES: readonly ChromeRule[] = [
  // "Lire aussi : Article réservé à nos abonnés Les viols…", "Read more: …", "Related: …".
  // French teaser labels are unambiguous at the start of a line: anything may follow.
  { reason: 'related', pattern: /^(?:lire aussi|à lire aussi|a lire aussi|lire plus tard|voir aussi|sur le même sujet)(?![\p{L}\p{N}])/iu, maxWords: 40 },
  // English ones ("Related to this, …" can be prose) need a separator after the label.
  { reason: 'related', pattern: /^(?:read more|read also|read next|see also|also read|related(?: articles?| stories| content| coverage)?|more on this story|à lire)\s*(?::|\||—|–|›|»|>|«|")/iu, maxWords: 40 },
  // Subscription teasers.
  { reason: 'subscription', pattern: /^(?:article réservé (?:à nos|aux) abonnés|réservé (?:à nos|aux) abonnés|abonnez-vous|s'abonner|déjà abonné\s*\?|vous avez envie de lire la suite|il vous reste \d+ ?%|cet article (?:vous est offert|est réservé)|subscribe (?:to|now|for|and)|already a subscriber|this article is (?:for|reserved for) subscribers|subscribers only|to continue reading|pour lire la suite|la suite est réservée|support (?:our|independent) journalism|soutenez (?:le|notre) journalisme)(?![\p{L}\p{N}])/iu, maxWords: 40 },
  // Promos and quizzes: "Testez votre culture générale…", "Inscrivez-vous à la newsletter…".
  { reason: 'promo', pattern: /^(?:testez (?:votre|vos) (?:culture|connaissances)|test your knowledge|take (?:our|the) quiz|inscrivez-vous (?:à|aux|gratuitement)|recevez (?:notre|nos|chaque)|sign up (?:to|for)|get (?:our|the) (?:\p{L}+ )?newsletter|newsletter(?![\p{L}\p{N}])|abonnez-vous à (?:la|notre|nos) newsletters?|téléchargez (?:l'application|notre application)|download (?:the|our) app|jouez|play (?:our|the|today)|découvrez (?:nos|notre|toutes)|participez)/iu, maxWords: 30 },
  { reason: 'credit', pattern: /^(?:reporting by|additional reporting by|editing by|writing by|compiled by|propos recueillis par)(?![\p{L}\p{N}])/iu, maxWords: 30 },
];

/** Name-like word (capitalised, possibly hyphenated/abbreviated) for byline detection. */
const NAME_WORD = /^(?:\p{Lu}[\p{L}'’.-]*|(?:de|du|des|la|le|van|von|der|da|di|et|and|avec|with|à|in|en|d'\p{Lu}[\p{L}'’.-]*|[,&]))$/u;

/** A byline: "Par Jean Dupont", "By Jane Doe and John Smith", "Par Jean Dupont (Bruxelles, correspondant)". */
export function isByline(norm: string): boolean {
  const m = norm.match(/^(?:par|by)\s+(.+)$/iu);
  if (!m?.[1]) return false;
  const rest = m[1].replace(/\s*\([^)]*\)\s*$/u, '').replace(/,/gu, ' , ').trim();
  const words = rest.split(/\s+/u).filter((w) => w !== '');
  if (words.length === 0 || words.length > 10) return false;
  if (!/^\p{Lu}/u.test(words[0] ?? '')) return false;
  return words.every((w) => NAME_WORD.test(w));
}

const DATE_LABEL = /^(?:publié|publiée|modifié|modifiée|mis à jour|mise à jour|actualisé|actualisée|published|updated|last updated|posted|first published)(?![\p{L}\p{N}])/iu;
const MONTHS = 'janvier|février|fevrier|mars|avril|mai|juin|juillet|août|aout|septembre|octobre|novembre|décembre|decembre|janv|févr|avr|juil|sept|oct|nov|déc|january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|dec';
const DAYS = 'lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|wed|thu|fri|sat|sun';
const DATE_WORD = new RegExp(
  String.raw`^(?:\d[\d/.:hH-]*(?:h\d*|am|pm)?|${MONTHS}|${DAYS}|le|la|à|a|et|on|at|by|in|mis|mise|jour|modifié|modifiée|actualisé|updated|last|publié|published|aujourd'hui|hier|today|yesterday|il|y|ago|minutes?|hours?|heures?|min|gmt|utc|cet|cest|bst|est|edt|pst|heure|de|paris|[,|·•:-])$`,
  'iu',
);

/** A date line: "Publié le 28 février 2025 à 10h12, modifié le …", "Updated 6 June 2025 10.03 BST". */
export function isDateLine(norm: string): boolean {
  if (!DATE_LABEL.test(norm) || !/\d/u.test(norm)) return false;
  const words = norm.replace(/([,|·•])/gu, ' $1 ').split(/\s+/u).filter((w) => w !== '');
  return words.length <= 30 && words.every((w) => DATE_WORD.test(w.replace(/\.$/u, '')) || DATE_LABEL.test(w));
}
