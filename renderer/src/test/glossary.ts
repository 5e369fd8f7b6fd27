/**
 * A small desk glossary for the terminology and QA component tests: the entries of fixtures/desk-glossary.tbx, which
 * the test backend gives main (lib/state/qaEngine.test.ts checks the two agree).
 */
import type { Glossary } from '../../../shared/glossary/model.ts';

export const TEST_GLOSSARY: Glossary = {
  name: 'desk',
  scope: 'desk',
  entries: [
    {
      id: 'csam',
      note: 'Luxembourg Guidelines (2016).',
      terms: [
        { text: 'contenus pédopornographiques', lang: 'fr', status: 'preferred', caseSensitive: false },
        { text: 'pédopornographie', lang: 'fr', status: 'deprecated', caseSensitive: false },
        { text: 'child sexual abuse material', lang: 'en', status: 'preferred', caseSensitive: false },
        { text: 'CSAM', lang: 'en', status: 'admitted', caseSensitive: true },
        { text: 'child pornography', lang: 'en', status: 'deprecated', caseSensitive: false },
      ],
    },
    {
      id: 'europol',
      terms: [
        { text: 'Europol', lang: 'fr', status: 'preferred', caseSensitive: true },
        { text: 'Europol', lang: 'en', status: 'preferred', caseSensitive: true },
      ],
    },
  ],
};
