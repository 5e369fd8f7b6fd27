import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EN_NEWS_RULES, compileRules, segmentDocument, segmentText } from './index.ts';

const en = (text: string) => segmentText(text, EN_NEWS_RULES);

const cases: [string, string, string[]][] = [
  ['titles', 'Mr. Smith met Mrs. Jones, Ms. Lee and Dr. Brown. Prof. Green was late.', ['Mr. Smith met Mrs. Jones, Ms. Lee and Dr. Brown.', 'Prof. Green was late.']],
  ['political and military titles', 'Sen. Warren, Rep. Ocasio-Cortez, Gov. Newsom and Gen. Milley spoke. Lt. Col. Vindman did not.', ['Sen. Warren, Rep. Ocasio-Cortez, Gov. Newsom and Gen. Milley spoke.', 'Lt. Col. Vindman did not.']],
  ['St. as Saint', 'The team flew to St. Louis. Fans celebrated St. Patrick’s Day.', ['The team flew to St. Louis.', 'Fans celebrated St. Patrick’s Day.']],
  ['St. as a street ends a sentence', 'The parade went down Main St. The crowd followed.', ['The parade went down Main St.', 'The crowd followed.']],
  ['No. before a number', 'He lives at No. 10 Downing Street. No. He does not.', ['He lives at No. 10 Downing Street.', 'No.', 'He does not.']],
  ['U.S. ends a sentence', 'He moved to the U.S. His wife stayed in the U.K. for a year.', ['He moved to the U.S.', 'His wife stayed in the U.K. for a year.']],
  ['U.S. as an adjective', 'U.S. President Joe Biden spoke. The U.K. Foreign Secretary and the U.N. Security Council listened.', ['U.S. President Joe Biden spoke.', 'The U.K. Foreign Secretary and the U.N. Security Council listened.']],
  ['U.S. before lowercase', 'The U.S. economy grew. Washington, D.C. officials agreed.', ['The U.S. economy grew.', 'Washington, D.C. officials agreed.']],
  ['a.m. and p.m.', 'The meeting starts at 10 a.m. Tuesday and ends at 3 p.m. The mayor will attend.', ['The meeting starts at 10 a.m. Tuesday and ends at 3 p.m.', 'The mayor will attend.']],
  ['p.m. before a time zone', 'Polls close at 8 p.m. EST in most states. Results follow.', ['Polls close at 8 p.m. EST in most states.', 'Results follow.']],
  ['a.m. before lowercase', 'At 6 a.m. police arrived. Nobody was home.', ['At 6 a.m. police arrived.', 'Nobody was home.']],
  ['month abbreviations', 'Prices rose in Jan. 2024 and again on Feb. 3 and Sept. 11. Analysts were surprised.', ['Prices rose in Jan. 2024 and again on Feb. 3 and Sept. 11.', 'Analysts were surprised.']],
  ['initials', 'J.R.R. Tolkien and George W. Bush never met. T. S. Eliot did not either.', ['J.R.R. Tolkien and George W. Bush never met.', 'T. S. Eliot did not either.']],
  ['decimals and money', 'Inflation was 3.5% and the deficit $1.2 billion. $500 million came from bonds.', ['Inflation was 3.5% and the deficit $1.2 billion.', '$500 million came from bonds.']],
  ['period inside the quotes', 'He called it "a disgrace." Then he left.', ['He called it "a disgrace."', 'Then he left.']],
  ['curly quotes, period inside', 'She said: “We will win.” The crowd cheered.', ['She said: “We will win.”', 'The crowd cheered.']],
  ['multi-sentence quote with attribution', '"We will not back down. Never," he said. The crowd cheered.', ['"We will not back down. Never," he said.', 'The crowd cheered.']],
  ['curly multi-sentence quote with attribution', '“No. Not now,” she said. Then she left.', ['“No. Not now,” she said.', 'Then she left.']],
  ['question quoted before a named attribution', '“Is it over?” Smith asked. Nobody answered.', ['“Is it over?” Smith asked.', 'Nobody answered.']],
  ['question quoted before a pronoun', '"Is it over?" she asked. Nobody answered.', ['"Is it over?" she asked.', 'Nobody answered.']],
  ['question quoted, then a new sentence', '"Is it over?" Nobody answered.', ['"Is it over?"', 'Nobody answered.']],
  ['company suffixes', 'Apple Inc. said profits rose. Shares of Acme Corp. fell 5%. They bought it from Smith & Co. The deal closed.', ['Apple Inc. said profits rose.', 'Shares of Acme Corp. fell 5%.', 'They bought it from Smith & Co.', 'The deal closed.']],
  ['Jr. ends a sentence', 'The statue honours Martin Luther King Jr. It stands in Washington.', ['The statue honours Martin Luther King Jr.', 'It stands in Washington.']],
  ['e.g. and i.e.', 'Some cities, e.g. Paris, refused, i.e. They said no. Fine.', ['Some cities, e.g. Paris, refused, i.e. They said no.', 'Fine.']],
  ['states in a dateline', 'The company, based in Portland, Ore., declined to comment. It did not say why.', ['The company, based in Portland, Ore., declined to comment.', 'It did not say why.']],
  ['parenthesised sentence', 'The vote was 52-48. (Three senators were absent.) It passed.', ['The vote was 52-48.', '(Three senators were absent.)', 'It passed.']],
  ['question and exclamation', 'Is it over? Not yet! Stay tuned.', ['Is it over?', 'Not yet!', 'Stay tuned.']],
  ['ellipsis', 'He paused... then went on. He stopped… Then he left.', ['He paused... then went on.', 'He stopped…', 'Then he left.']],
  ['versus and case names', 'In Roe v. Wade the court ruled. The Yankees vs. Red Sox game was cancelled.', ['In Roe v. Wade the court ruled.', 'The Yankees vs. Red Sox game was cancelled.']],
  ['colon and semicolon do not end a sentence', 'The verdict: Guilty; The sentence: Life.', ['The verdict: Guilty; The sentence: Life.']],
  ['URLs and e-mail', 'See europol.europa.eu or write to press@example.com. Thanks.', ['See europol.europa.eu or write to press@example.com.', 'Thanks.']],
  ['no-break space does not separate', 'End.\u00a0Start.', ['End.\u00a0Start.']],
  ['lowercase after a period does not start a sentence', 'He was born in 1950. then nothing.', ['He was born in 1950. then nothing.']],
  ['sentence starting with a digit', 'He finished last. 42 riders had dropped out.', ['He finished last.', '42 riders had dropped out.']],
  ['bullet lines', 'Three points:\n- one;\n- two;\n• three.', ['Three points:', '- one;', '- two;', '• three.']],
  ['dashes', 'He said no — again. — Really?', ['He said no — again.', '— Really?']],
  ['Ph.D. ends a sentence before a capital', 'She finally received her Ph.D. Then she left. He has a Ph.D. in law.', ['She finally received her Ph.D.', 'Then she left.', 'He has a Ph.D. in law.']],
  ['a.k.a., circa, paragraph numbers', 'Zenthra, a.k.a. ZT-4, dates from c. 1350 (see para. 42). Done.', ['Zenthra, a.k.a. ZT-4, dates from c. 1350 (see para. 42).', 'Done.']],
  ['units before a number', 'He is 5 ft. 10 in. tall and weighs 180 lb. Police are looking for him.', ['He is 5 ft. 10 in. tall and weighs 180 lb.', 'Police are looking for him.']],
  ['Martin Luther King Jr. Day', 'The Martin Luther King Jr. Day parade drew crowds. It rained.', ['The Martin Luther King Jr. Day parade drew crowds.', 'It rained.']],
  ['headline and standfirst on two lines', 'Talks end without a deal\nThe ministers will meet again in June.', ['Talks end without a deal', 'The ministers will meet again in June.']],
];

describe('English news rules: targeted cases', () => {
  it.each(cases)('%s', (_name, text, expected) => {
    expect(en(text)).toEqual(expected);
  });
});

interface GoldParagraph {
  id: string;
  sentences: string[];
  separator?: string;
  split: 'dev' | 'test';
}

const gold = JSON.parse(readFileSync(path.join(path.dirname(fileURLToPath(import.meta.url)), '../../bench/data/en-news-segmentation.json'), 'utf8')) as {
  paragraphs: GoldParagraph[];
};

// Only the dev part: the test part is measured by `npm run bench`, never turned into expectations.
describe('the dev part of the English news gold set', () => {
  it.each(gold.paragraphs.filter((p) => p.split === 'dev').map((p) => [p.id, p] as const))('segments %s like the gold', (_id, p) => {
    expect(en(p.sentences.join(p.separator ?? ' '))).toEqual(p.sentences);
  });
});

describe('English news rules: properties', () => {
  it('compiles (every pattern valid with the u flag)', () => {
    expect(compileRules(EN_NEWS_RULES).rules.length).toBeGreaterThan(EN_NEWS_RULES.rules.length);
  });

  it('keeps every sentence an exact substring, in order, covering the text', () => {
    for (const [, text] of cases) {
      const parts = en(text);
      let at = 0;
      for (const p of parts) {
        const i = text.indexOf(p, at);
        expect(i).toBeGreaterThanOrEqual(at);
        expect(text.slice(at, i).trim()).toBe('');
        at = i + p.length;
      }
      expect(text.slice(at).trim()).toBe('');
    }
  });

  it('segments a document: title one segment, paragraphs into sentences', () => {
    const segs = segmentDocument(
      {
        format: 'txt',
        sourceName: 'draft.txt',
        blocks: [
          { kind: 'title', text: 'Europol: 25 arrests. AI-generated images', chrome: null },
          { kind: 'paragraph', text: 'Mr. Smith spoke. He left at 3 p.m. Friday.', chrome: null },
        ],
      },
      EN_NEWS_RULES,
    );
    expect(segs).toEqual([
      { blockIndex: 0, source: 'Europol: 25 arrests. AI-generated images' },
      { blockIndex: 1, source: 'Mr. Smith spoke.' },
      { blockIndex: 1, source: 'He left at 3 p.m. Friday.' },
    ]);
  });
});
