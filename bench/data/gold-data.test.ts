/**
 * Format and count checks for the evaluation data in bench/data (see bench/data/README.md).
 * These tests check the data files themselves, never the accuracy of our code on them.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const DATA_DIR = path.dirname(fileURLToPath(import.meta.url));

function loadJson(name: string): unknown {
  return JSON.parse(readFileSync(path.join(DATA_DIR, name), 'utf8'));
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Every kind of whitespace a sentence must not start or end with (ordinary and no-break spaces). */
const EDGE_SPACE = /^[\s\u00a0\u202f]|[\s\u00a0\u202f]$/u;

/** French newspaper typography: typographic apostrophe, no-break space before : ; ? ! » and after «. */
function frenchTypographyProblems(text: string): string[] {
  const problems: string[] = [];
  if (text.includes("'")) problems.push('ASCII apostrophe');
  if (/ [:;?!»]/u.test(text)) problems.push('ordinary space before : ; ? ! or »');
  if (/« /u.test(text)) problems.push('ordinary space after «');
  return problems;
}

// ---------------------------------------------------------------------------------------------------------------
// Sentence segmentation gold sets

interface SegParagraph {
  id: string;
  topic: string;
  sentences: string[];
  separator?: string;
  split?: 'dev' | 'test';
}

function checkSegmentationFile(name: string, opts: { withSplit: boolean }): SegParagraph[] {
  const data = loadJson(name);
  expect(isRecord(data), `${name}: top level is an object`).toBe(true);
  const top = data as Record<string, unknown>;
  expect(Object.keys(top).sort()).toEqual(['description', 'paragraphs']);
  expect(typeof top.description).toBe('string');
  expect(Array.isArray(top.paragraphs)).toBe(true);
  const allowed = new Set(['id', 'topic', 'sentences', 'separator', ...(opts.withSplit ? ['split'] : [])]);
  const ids = new Set<string>();
  for (const raw of top.paragraphs as unknown[]) {
    expect(isRecord(raw), `${name}: paragraph is an object`).toBe(true);
    const p = raw as Record<string, unknown>;
    const where = `${name} ${String(p.id)}`;
    for (const k of Object.keys(p)) expect(allowed.has(k), `${where}: unexpected key ${k}`).toBe(true);
    expect(typeof p.id === 'string' && p.id.length > 0, `${where}: id`).toBe(true);
    expect(ids.has(p.id as string), `${where}: duplicate id`).toBe(false);
    ids.add(p.id as string);
    expect(typeof p.topic === 'string' && p.topic.length > 0, `${where}: topic`).toBe(true);
    if (p.separator !== undefined) {
      expect(typeof p.separator === 'string' && /^\s+$/u.test(p.separator), `${where}: separator is whitespace`).toBe(true);
    }
    if (opts.withSplit) expect(['dev', 'test'], `${where}: split`).toContain(p.split);
    expect(Array.isArray(p.sentences) && p.sentences.length > 0, `${where}: sentences`).toBe(true);
    for (const s of p.sentences as unknown[]) {
      expect(typeof s === 'string' && s.length > 0, `${where}: sentence is a non-empty string`).toBe(true);
      expect(EDGE_SPACE.test(s as string), `${where}: no space around ${JSON.stringify(s)}`).toBe(false);
      expect(/[\n\r]/u.test(s as string), `${where}: no line break inside ${JSON.stringify(s)}`).toBe(false);
    }
  }
  return top.paragraphs as SegParagraph[];
}

const boundaries = (ps: SegParagraph[]): number => ps.reduce((n, p) => n + p.sentences.length - 1, 0);
const readSegmentation = (name: string): SegParagraph[] => (loadJson(name) as { paragraphs: SegParagraph[] }).paragraphs;

describe('fr-news-segmentation-heldout.json', () => {
  const heldout = readSegmentation('fr-news-segmentation-heldout.json');
  const tuning = readSegmentation('fr-news-segmentation.json');

  it('has the format of fr-news-segmentation.json', () => {
    checkSegmentationFile('fr-news-segmentation-heldout.json', { withSplit: false });
    checkSegmentationFile('fr-news-segmentation.json', { withSplit: false });
  });

  it('has at least 120 paragraphs and 180 sentence boundaries', () => {
    expect(heldout.length).toBeGreaterThanOrEqual(120);
    expect(boundaries(heldout)).toBeGreaterThanOrEqual(180);
  });

  it('shares no paragraph id and no sentence with the tuning set', () => {
    const tuningIds = new Set(tuning.map((p) => p.id));
    const tuningSentences = new Set(tuning.flatMap((p) => p.sentences));
    expect(heldout.filter((p) => tuningIds.has(p.id)).map((p) => p.id)).toEqual([]);
    expect(heldout.flatMap((p) => p.sentences).filter((s) => tuningSentences.has(s))).toEqual([]);
  });

  it('follows French newspaper typography', () => {
    const problems = heldout.flatMap((p) =>
      p.sentences.flatMap((s) => frenchTypographyProblems(s).map((why) => `${p.id}: ${why}: ${s}`)),
    );
    expect(problems).toEqual([]);
  });
});

describe('en-news-segmentation.json', () => {
  const paragraphs = readSegmentation('en-news-segmentation.json');
  const dev = paragraphs.filter((p) => p.split === 'dev');
  const test = paragraphs.filter((p) => p.split === 'test');

  it('has the segmentation format with a dev/test split on every paragraph', () => {
    checkSegmentationFile('en-news-segmentation.json', { withSplit: true });
    expect(dev.length + test.length).toBe(paragraphs.length);
  });

  it('has at least 250 sentence boundaries, about a third of them held out', () => {
    expect(boundaries(paragraphs)).toBeGreaterThanOrEqual(250);
    const share = boundaries(test) / boundaries(paragraphs);
    expect(share).toBeGreaterThan(0.25);
    expect(share).toBeLessThan(0.4);
    const paragraphShare = test.length / paragraphs.length;
    expect(paragraphShare).toBeGreaterThan(0.25);
    expect(paragraphShare).toBeLessThan(0.4);
  });

  it('has hard cases in both parts (a topic in dev is also in test)', () => {
    const devTopics = new Set(dev.map((p) => p.topic));
    const testTopics = new Set(test.map((p) => p.topic));
    expect([...devTopics].filter((t) => !testTopics.has(t))).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Sentence alignment gold sets

interface AlignedSentence {
  paragraph: number;
  text: string;
}
interface AlignmentLink {
  source: number[];
  target: number[];
}
interface AlignmentDocument {
  id: string;
  split: 'dev' | 'test';
  source: AlignedSentence[];
  draft: AlignedSentence[];
  links: AlignmentLink[];
}
interface AlignmentFile {
  description: string;
  looseTranslations: string[];
  documents: AlignmentDocument[];
}

const range = (n: number): number[] => Array.from({ length: n }, (_, i) => i);
const linkKind = (l: AlignmentLink): string => `${l.source.length}-${l.target.length}`;

function checkSentences(where: string, sentences: unknown): void {
  expect(Array.isArray(sentences) && sentences.length > 0, `${where}: non-empty array`).toBe(true);
  let previous = 0;
  (sentences as unknown[]).forEach((raw, i) => {
    expect(isRecord(raw), `${where}[${i}] is an object`).toBe(true);
    const s = raw as Record<string, unknown>;
    expect(Object.keys(s).sort(), `${where}[${i}] keys`).toEqual(['paragraph', 'text']);
    expect(Number.isInteger(s.paragraph), `${where}[${i}].paragraph is an integer`).toBe(true);
    const p = s.paragraph as number;
    // Paragraphs are numbered from 0 in document order, without gaps.
    expect(i === 0 ? p === 0 : p === previous || p === previous + 1, `${where}[${i}].paragraph ${p} follows ${previous}`).toBe(true);
    previous = p;
    expect(typeof s.text === 'string' && s.text.length > 0, `${where}[${i}].text`).toBe(true);
    expect(EDGE_SPACE.test(s.text as string) || /[\n\r]/u.test(s.text as string), `${where}[${i}]: stray space or line break`).toBe(false);
  });
}

/** Checks one document: shapes, and that the links partition both sides into consecutive, ordered runs. */
function checkAlignmentDocument(raw: unknown): void {
  expect(isRecord(raw)).toBe(true);
  const d = raw as Record<string, unknown>;
  const where = `document ${String(d.id)}`;
  expect(Object.keys(d).sort(), `${where} keys`).toEqual(['draft', 'id', 'links', 'source', 'split']);
  expect(typeof d.id === 'string' && d.id.length > 0, `${where}: id`).toBe(true);
  expect(['dev', 'test'], `${where}: split`).toContain(d.split);
  checkSentences(`${where} source`, d.source);
  checkSentences(`${where} draft`, d.draft);
  const source = d.source as AlignedSentence[];
  const draft = d.draft as AlignedSentence[];
  expect(Array.isArray(d.links) && d.links.length > 0, `${where}: links`).toBe(true);
  const links = d.links as unknown[];
  const seenSource: number[] = [];
  const seenTarget: number[] = [];
  links.forEach((rawLink, k) => {
    const at = `${where} link ${k}`;
    expect(isRecord(rawLink), `${at} is an object`).toBe(true);
    const l = rawLink as Record<string, unknown>;
    expect(Object.keys(l).sort(), `${at} keys`).toEqual(['source', 'target']);
    for (const side of ['source', 'target'] as const) {
      const ids = l[side];
      expect(Array.isArray(ids) && ids.every((x) => Number.isInteger(x)), `${at}.${side} is a list of integers`).toBe(true);
      const list = ids as number[];
      list.forEach((x, i) => {
        if (i > 0) expect(x, `${at}.${side} is consecutive`).toBe(list[i - 1]! + 1);
      });
      const sentences = side === 'source' ? source : draft;
      expect(new Set(list.map((x) => sentences[x]?.paragraph)).size <= 1, `${at}.${side} stays inside one paragraph`).toBe(true);
    }
    const link = l as unknown as AlignmentLink;
    expect(link.source.length + link.target.length > 0, `${at} is not empty`).toBe(true);
    seenSource.push(...link.source);
    seenTarget.push(...link.target);
  });
  // Concatenated in link order, the indices are exactly 0..n-1: every sentence in exactly one link, links monotonic.
  expect(seenSource, `${where}: source sentences covered once, in order`).toEqual(range(source.length));
  expect(seenTarget, `${where}: draft sentences covered once, in order`).toEqual(range(draft.length));
}

function checkAlignmentFile(name: string): AlignmentFile {
  const data = loadJson(name);
  expect(isRecord(data)).toBe(true);
  const top = data as Record<string, unknown>;
  expect(Object.keys(top).sort()).toEqual(['description', 'documents', 'looseTranslations']);
  expect(typeof top.description === 'string' && top.description.length > 0).toBe(true);
  expect(Array.isArray(top.looseTranslations) && top.looseTranslations.every((x) => typeof x === 'string')).toBe(true);
  expect(Array.isArray(top.documents) && top.documents.length > 0).toBe(true);
  for (const doc of top.documents as unknown[]) checkAlignmentDocument(doc);
  const file = data as AlignmentFile;
  const ids = file.documents.map((d) => d.id);
  expect(new Set(ids).size, `${name}: document ids are unique`).toBe(ids.length);
  for (const id of file.looseTranslations) expect(ids, `${name}: loose translation ${id} exists`).toContain(id);
  return file;
}

function frenchSourceProblems(file: AlignmentFile): string[] {
  return file.documents.flatMap((d) =>
    d.source.flatMap((s, i) => frenchTypographyProblems(s.text).map((why) => `${d.id} source ${i}: ${why}`)),
  );
}

describe('alignment-gold.json', () => {
  it('has the documented format; links cover every sentence once, consecutively and in order', () => {
    checkAlignmentFile('alignment-gold.json');
  });

  const file = loadJson('alignment-gold.json') as AlignmentFile;
  const links = file.documents.flatMap((d) => d.links);
  const kinds = new Map<string, number>();
  for (const l of links) kinds.set(linkKind(l), (kinds.get(linkKind(l)) ?? 0) + 1);

  it('has at least 300 links, mostly one-to-one, with every other kind represented', () => {
    expect(links.length).toBeGreaterThanOrEqual(300);
    expect(kinds.get('1-1')! / links.length).toBeGreaterThan(0.6);
    expect(kinds.get('1-2') ?? 0).toBeGreaterThanOrEqual(10);
    expect(kinds.get('2-1') ?? 0).toBeGreaterThanOrEqual(10);
    expect(kinds.get('1-0') ?? 0).toBeGreaterThanOrEqual(5);
    expect(kinds.get('0-1') ?? 0).toBeGreaterThanOrEqual(5);
    expect([...kinds.keys()].every((k) => ['1-1', '1-2', '2-1', '1-0', '0-1'].includes(k))).toBe(true);
  });

  it('holds out about a third of the documents and links, loose translations included', () => {
    const test = file.documents.filter((d) => d.split === 'test');
    const docShare = test.length / file.documents.length;
    const linkShare = test.reduce((n, d) => n + d.links.length, 0) / links.length;
    for (const share of [docShare, linkShare]) {
      expect(share).toBeGreaterThan(0.25);
      expect(share).toBeLessThan(0.42);
    }
    const loose = file.documents.filter((d) => file.looseTranslations.includes(d.id));
    expect(loose.length).toBeGreaterThanOrEqual(3);
    expect(new Set(loose.map((d) => d.split))).toEqual(new Set(['dev', 'test']));
  });

  it('prints French sources with French typography', () => {
    expect(frenchSourceProblems(file)).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Spell-checking texts

interface PlantedError {
  paragraph: number;
  wrong: string;
  right: string;
  offset: number;
  kind?: string;
}
interface SpellingFile {
  description: string;
  variant: string;
  paragraphs: { id: string; text: string; planted: string }[];
  errors: PlantedError[];
  variantErrors: PlantedError[];
}

const ERROR_KINDS = ['transposition', 'omission', 'doubling', 'insertion', 'substitution'];
const WORD = /^[\p{L}][\p{L}'’-]*$/u;
const countWords = (text: string): number => text.split(/\s+/u).filter(Boolean).length;

function checkSpellingFile(name: string, variant: string): SpellingFile {
  const data = loadJson(name);
  expect(isRecord(data)).toBe(true);
  const top = data as Record<string, unknown>;
  expect(Object.keys(top).sort()).toEqual(['description', 'errors', 'paragraphs', 'variant', 'variantErrors']);
  expect(top.variant).toBe(variant);
  const file = data as SpellingFile;
  expect(file.paragraphs.length).toBeGreaterThan(0);
  expect(new Set(file.paragraphs.map((p) => p.id)).size).toBe(file.paragraphs.length);
  for (const p of file.paragraphs) {
    expect(Object.keys(p).sort()).toEqual(['id', 'planted', 'text']);
    expect(typeof p.text === 'string' && p.text.length > 0 && !EDGE_SPACE.test(p.text)).toBe(true);
    expect(typeof p.planted === 'string' && p.planted.length > 0).toBe(true);
  }
  const all = [...file.errors.map((e) => ({ e, bucket: 'errors' })), ...file.variantErrors.map((e) => ({ e, bucket: 'variantErrors' }))];
  for (const { e, bucket } of all) {
    const where = `${name} ${bucket} ${JSON.stringify(e)}`;
    expect(Object.keys(e).sort(), where).toEqual(bucket === 'errors' ? ['kind', 'offset', 'paragraph', 'right', 'wrong'] : ['offset', 'paragraph', 'right', 'wrong']);
    if (bucket === 'errors') expect(ERROR_KINDS, where).toContain(e.kind);
    expect(Number.isInteger(e.paragraph) && e.paragraph >= 0 && e.paragraph < file.paragraphs.length, where).toBe(true);
    expect(WORD.test(e.wrong) && WORD.test(e.right) && e.wrong !== e.right, `${where}: two different words`).toBe(true);
    const planted = file.paragraphs[e.paragraph]!.planted;
    expect(planted.slice(e.offset, e.offset + e.wrong.length), `${where}: wrong word at offset`).toBe(e.wrong);
    const before = planted[e.offset - 1] ?? ' ';
    const after = planted[e.offset + e.wrong.length] ?? ' ';
    expect(/[\p{L}\d-]/u.test(before) || /[\p{L}\d-]/u.test(after), `${where}: a whole word`).toBe(false);
  }
  // Putting every right word back turns each planted paragraph into its clean text, exactly.
  file.paragraphs.forEach((p, i) => {
    const here = all.map(({ e }) => e).filter((e) => e.paragraph === i).sort((a, b) => b.offset - a.offset);
    let restored = p.planted;
    for (const e of here) restored = restored.slice(0, e.offset) + e.right + restored.slice(e.offset + e.wrong.length);
    expect(restored, `${name} paragraph ${i}`).toBe(p.text);
  });
  return file;
}

/** The clean text has the tokens a news spell checker must not flag. */
function checkSpellingContent(file: SpellingFile): void {
  const text = file.paragraphs.map((p) => p.text).join('\n');
  expect(text).toMatch(/https?:\/\/|www\./u);
  expect(text).toMatch(/[\w.]+@[\w-]+(\.[\w-]+)+/u);
  expect(text).toMatch(/\$\d/u);
  expect(text).toMatch(/"[^"]+"/u);
  expect(text).toMatch(/\p{L}-\p{L}/u);
  expect(text).toMatch(/\b[A-Z]{2,}\b/u);
}

describe('spelling-en.json (en-GB)', () => {
  it('has the documented format; planted words sit at their offsets and restore the clean text', () => {
    checkSpellingFile('spelling-en.json', 'en-GB');
  });

  it('has at least 2,000 words, 40 planted typos and a separate list of American spellings', () => {
    const file = loadJson('spelling-en.json') as SpellingFile;
    expect(file.paragraphs.reduce((n, p) => n + countWords(p.text), 0)).toBeGreaterThanOrEqual(2000);
    expect(file.errors.length).toBeGreaterThanOrEqual(40);
    expect(file.variantErrors.length).toBeGreaterThanOrEqual(10);
    checkSpellingContent(file);
    expect(file.paragraphs.map((p) => p.text).join('\n')).toMatch(/€\d/u);
  });
});

describe('spelling-en-us.json (en-US)', () => {
  it('has the documented format; planted words sit at their offsets and restore the clean text', () => {
    checkSpellingFile('spelling-en-us.json', 'en-US');
  });

  it('has at least 600 words, planted typos and a separate list of British spellings', () => {
    const file = loadJson('spelling-en-us.json') as SpellingFile;
    expect(file.paragraphs.reduce((n, p) => n + countWords(p.text), 0)).toBeGreaterThanOrEqual(600);
    expect(file.errors.length).toBeGreaterThanOrEqual(15);
    expect(file.variantErrors.length).toBeGreaterThanOrEqual(5);
    checkSpellingContent(file);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Reference article: English translation and its alignment

const REPO = path.resolve(DATA_DIR, '..', '..');
const readRepoFile = (rel: string): string => readFileSync(path.join(REPO, rel), 'utf8');

/** Paragraph texts of one side of an aligned document: its sentences joined by one space, paragraph by paragraph. */
function paragraphTexts(sentences: AlignedSentence[]): string[] {
  const out: string[] = [];
  for (const s of sentences) {
    if (out.length === s.paragraph + 1) out[s.paragraph] += ` ${s.text}`;
    else out.push(s.text);
  }
  return out;
}

/** English terms the desk glossary marks as deprecated. */
function deprecatedEnglishTerms(tbx: string): string[] {
  const terms: string[] = [];
  for (const lang of tbx.matchAll(/<langSec xml:lang="en">([\s\S]*?)<\/langSec>/gu)) {
    for (const m of lang[1]!.matchAll(/<term>([^<]+)<\/term>\s*<termNote type="administrativeStatus">deprecatedTerm-admn-sts<\/termNote>/gu)) {
      terms.push(m[1]!);
    }
  }
  return terms;
}

describe('resources/samples/cumberland-en.txt and cumberland-alignment.json', () => {
  const english = readRepoFile('resources/samples/cumberland-en.txt');
  const englishParagraphs = english.split('\n').filter((l) => l.trim() !== '');

  it('has the alignment format, one held-out document', () => {
    const file = checkAlignmentFile('cumberland-alignment.json');
    expect(file.documents).toHaveLength(1);
    expect(file.documents[0]!.split).toBe('test');
    expect(frenchSourceProblems(file)).toEqual([]);
  });

  it('aligns the article body of cumberland-fr.txt, paragraph by paragraph and in order', () => {
    const doc = (loadJson('cumberland-alignment.json') as AlignmentFile).documents[0]!;
    const frenchLines = readRepoFile('resources/samples/cumberland-fr.txt').split('\n').filter((l) => l.trim() !== '');
    let from = 0;
    for (const paragraph of paragraphTexts(doc.source)) {
      const at = frenchLines.indexOf(paragraph, from);
      expect(at, `French paragraph found in order: ${paragraph.slice(0, 60)}`).toBeGreaterThanOrEqual(from);
      from = at + 1;
    }
    expect(paragraphTexts(doc.draft)).toEqual(englishParagraphs);
  });

  it('is one paragraph per line, blank lines between, like the French file', () => {
    expect(english.endsWith('\n')).toBe(true);
    expect(english.split('\n\n').map((p) => p.trim())).toEqual(englishParagraphs);
  });

  it('uses the desk glossary: no deprecated English term, and the approved ones', () => {
    const deprecated = deprecatedEnglishTerms(readRepoFile('resources/glossary/desk-fr-en.tbx'));
    expect(deprecated).toContain('child pornography');
    const lower = english.toLowerCase();
    expect(deprecated.filter((t) => lower.includes(t.toLowerCase()))).toEqual([]);
    for (const approved of [
      'child sexual abuse material', 'child sexual exploitation', 'sexual violence against children',
      'law enforcement', 'The Hague', 'main suspect', 'Danish national', 'online platform', 'internet users',
      'executive director', 'member states', 'European Union', 'Internet Watch Foundation', 'offenders',
      'investigators', 'artificial intelligence', 'cybercrime', 'statement', 'sweep', 'password',
    ]) {
      expect(english, approved).toContain(approved);
    }
  });
});
