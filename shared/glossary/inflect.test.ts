import { describe, expect, it } from 'vitest';
import { englishWordForms, frenchWordForms } from './inflect.ts';

// [lemma, forms that must be generated, forms that must NOT be generated, options]
const FRENCH: [string, string[], string[], { partOfSpeech?: string; inMultiWord?: boolean }?][] = [
  ['victime', ['victime', 'victimes'], ['victim']],
  ['policier', ['policier', 'policière', 'policiers', 'policières'], ['police', 'policie']],
  ['magistrat', ['magistrat', 'magistrate', 'magistrats', 'magistrates'], []],
  ['pédopornographique', ['pédopornographique', 'pédopornographiques'], []],
  ['pédocriminel', ['pédocriminel', 'pédocriminelle', 'pédocriminels', 'pédocriminelles'], []],
  ['acteur', ['actrice', 'actrices', 'acteurs'], []],
  ['enquêteur', ['enquêtrice', 'enquêteurs', 'enquêtrices', 'enquêteuse'], []],
  ['menteur', ['menteuse', 'menteurs'], []],
  ['européen', ['européenne', 'européens', 'européennes'], []],
  ['espion', ['espionne', 'espions'], []],
  ['muet', ['muette', 'muets'], []],
  ['actif', ['active', 'actifs', 'actives'], []],
  ['jaloux', ['jalouse', 'jaloux'], ['jalouxs']],
  ['nouveau', ['nouvelle', 'nouveaux', 'nouvelles'], []],
  ['national', ['nationale', 'nationaux', 'nationales'], []],
  ['danois', ['danoise', 'danois', 'danoises'], ['danoiss']],
  ['sexuel', ['sexuelle', 'sexuels', 'sexuelles'], []],
  ['violence', ['violence', 'violences'], []],
  ['journal', ['journaux'], []],
  ['bateau', ['bateaux'], []],
  ['feu', ['feux'], []],
  ['pneu', ['pneus'], []],
  ['genou', ['genoux'], ['genous']],
  ['trou', ['trous'], ['troux']],
  ['prix', ['prix'], ['prise', 'prixs']],
  ['nez', ['nez'], []],
  ['œil', ['yeux'], []],
  // False friends: different words are never generated.
  ['juge', ['juges'], ['jugement']],
  ['port', ['ports'], ['porte', 'portes']],
  ['mer', ['mers'], ['mère']],
  ['abus', ['abus'], ['abuse']],
  ['parti', ['partis'], ['partie']],
  // Acronyms and function words do not inflect.
  ['IA', ['IA'], ['IAs', 'ia']],
  ['de', ['de'], ['des']],
  // Adjectives by part of speech.
  ['fort', ['fort', 'forts'], ['forte']],
  ['fort', ['forte', 'fortes'], [], { partOfSpeech: 'adjective' }],
  // Plural words inside multi-word terms also give their singular.
  ['contenus', ['contenu', 'contenus'], [], { inMultiWord: true }],
  ['pédopornographiques', ['pédopornographique'], [], { inMultiWord: true }],
  ['contenus', ['contenus'], ['contenu'], { inMultiWord: false }],
];

describe('French word forms (rule tables)', () => {
  it.each(FRENCH.map(([l, yes, no, o]) => [`${l}${o ? ' ' + JSON.stringify(o) : ''}`, l, yes, no, o] as const))('%s', (_n, lemma, yes, no, opts) => {
    const forms = frenchWordForms(lemma, opts ?? {});
    for (const f of yes) expect(forms, f).toContain(f);
    for (const f of no) expect(forms, f).not.toContain(f);
  });
});

const ENGLISH: [string, string[], string[]][] = [
  ['officer', ['officer', 'officers'], []],
  ['authority', ['authorities'], ['authoritys']],
  ['child', ['children'], ['childs']],
  ['man', ['men'], []],
  ['woman', ['women'], []],
  ['policewoman', ['policewomen'], []],
  ['person', ['people', 'persons'], []],
  ['human', ['humans'], []],
  ['box', ['boxes'], []],
  ['church', ['churches'], []],
  ['day', ['days'], ['daies']],
  ['analysis', ['analyses'], []],
  ['police', ['police'], ['polices', 'policy']],
  ['abuse', ['abuse', 'abuses'], ['abuser', 'abused']],
  ['offence', ['offences'], ['offender']],
  ['AI', ['AI', 'AIs'], ['ai']],
  ['of', ['of'], ['ofs']],
];

describe('English word forms (rule tables)', () => {
  it.each(ENGLISH.map(([w, yes, no]) => [w, yes, no] as const))('%s', (word, yes, no) => {
    const forms = englishWordForms(word);
    for (const f of yes) expect(forms, f).toContain(f);
    for (const f of no) expect(forms, f).not.toContain(f);
  });
});
