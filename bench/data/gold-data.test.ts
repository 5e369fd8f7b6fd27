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
