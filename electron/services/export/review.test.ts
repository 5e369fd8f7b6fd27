import type { Element } from 'domhandler';
import { DomUtils, parseDocument } from 'htmlparser2';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { exportReview, type ReviewExportInput, type ReviewSegment } from './review.ts';
import { info, makeSnapshot, NBSP } from './test-fixture.ts';

const { textContent, getElementsByTagName, getAttributeValue } = DomUtils;
const NOW = new Date('2026-03-02T08:30:00Z');

/** The fixture article as the editor left it: edits on two segments, comments on two. */
function reviewInput(): ReviewExportInput {
  const snap = makeSnapshot();
  const segments: ReviewSegment[] = snap.segments.map((s) => ({ ...s }));
  // s2: the editor changed two words; s1: a space became a no-break space; s4: no change. (s3 and s10 are chrome.)
  segments[2] = { ...segments[2]!, baseText: `At least 25 individuals were arrested, Europol announced on Friday${NBSP}28 February.`, updatedBy: 'Eve Editor', updatedAt: '2026-03-01T11:00:00.000Z' };
  segments[1] = { ...segments[1]!, target: `It is one of the first international operations of its${NBSP}kind.`, baseText: 'It is one of the first international operations of its kind.' };
  segments[4] = { ...segments[4]!, baseText: segments[4]!.target };
  segments[0] = {
    ...segments[0]!,
    comments: [
      { author: 'Eve Editor', role: 'editor', createdAt: '2026-03-01T11:05:00.000Z', text: 'Headline too long for the web <b>?</b>', resolved: false },
      { author: 'Tom Translator', role: 'translator', createdAt: '2026-03-01T10:50:00.000Z', text: 'Kept the operation name.', resolved: true },
    ],
  };
  segments[6] = { ...segments[6]!, comments: [{ author: 'Eve Editor', role: 'editor', createdAt: '2026-03-01T11:10:00.000Z', text: 'Please translate.', resolved: false }] };
  return { info, blocks: snap.blocks, segments };
}

describe('exportReview (html)', () => {
  it('has a header with the article, the date and the counts by status', async () => {
    const html = (await exportReview(reviewInput(), 'html', { now: NOW })) as string;
    const doc = parseDocument(html);
    expect(getAttributeValue(getElementsByTagName('html', doc)[0]!, 'lang')).toBe('en');
    expect(textContent(getElementsByTagName('h1', doc)[0]!)).toBe('Review: Cumberland');
    const header = textContent(getElementsByTagName('header', doc)[0]!);
    expect(header).toContain('cumberland-fr.txt');
    expect(header).toContain('2026-03-02 08:30 UTC');
    expect(header).toContain('Segments: 9 — New: 1 · Draft: 2 · Translated: 2 · Approved: 3 · Rejected: 1 · 2 out of translation, not shown');
    expect(header).toContain('Segments with changes: 2 · Comments: 2 open, 1 resolved');
  });

  it('has one row per translatable segment: source, target, status, changes', async () => {
    const html = (await exportReview(reviewInput(), 'html', { now: NOW })) as string;
    const doc = parseDocument(html);
    const rows = getElementsByTagName('tr', doc).filter((r) => (getAttributeValue(r, 'class') ?? '').includes('segment'));
    expect(rows).toHaveLength(9);
    const cells = (r: Element) => r.children.filter((c): c is Element => c.type === 'tag').map((c) => textContent(c));
    expect(cells(rows[0]!)).toEqual(['1Title', 'Opération Cumberland : 25 arrestations', 'Operation Cumberland: 25 arrests', 'Approved', '—']);
    expect(cells(rows[5]!)[2]).toBe('(not translated)');
    expect(getAttributeValue(rows[5]!, 'id')).toBe('seg-s6');
    expect(cells(rows[4]!)[3]).toBe('Approved');
    expect(html).not.toContain('Partager');
  });

  it('shows changes with <ins>/<del> and text marks, not colour alone', async () => {
    const html = (await exportReview(reviewInput(), 'html', { now: NOW })) as string;
    const doc = parseDocument(html);
    const row = getElementsByTagName('tr', doc).find((r) => getAttributeValue(r, 'id') === 'seg-s2')!;
    const changes = getElementsByTagName('td', row).find((c) => getAttributeValue(c, 'class') === 'changes')!;
    expect(getElementsByTagName('del', changes).map((e) => textContent(e))).toEqual(['[−individuals−]', '[−announced−]']);
    expect(getElementsByTagName('ins', changes).map((e) => textContent(e))).toEqual(['[+people+]', '[+said+]']);
    expect(textContent(changes)).toBe(`At least 25 [−individuals−][+people+] were arrested, Europol [−announced−][+said+] on Friday${NBSP}28 February.`);
  });

  it('makes a changed space visible', async () => {
    const html = (await exportReview(reviewInput(), 'html', { now: NOW })) as string;
    const row = getElementsByTagName('tr', parseDocument(html)).find((r) => getAttributeValue(r, 'id') === 'seg-s1')!;
    const changes = getElementsByTagName('td', row).find((c) => getAttributeValue(c, 'class') === 'changes')!;
    expect(textContent(changes)).toBe('It is one of the first international operations of its[−·−][+°+]kind.');
  });

  it('lists comments under their segment, oldest first, with author, time and state; text escaped', async () => {
    const html = (await exportReview(reviewInput(), 'html', { now: NOW })) as string;
    const doc = parseDocument(html);
    const trs = getElementsByTagName('tr', doc);
    const i = trs.findIndex((r) => getAttributeValue(r, 'id') === 'seg-s0');
    const next = trs[i + 1]!;
    expect(getAttributeValue(next, 'class')).toBe('comments');
    expect(getElementsByTagName('li', next).map((li) => textContent(li))).toEqual([
      'Tom Translator (translator), 2026-03-01 10:50 UTC — resolved: Kept the operation name.',
      'Eve Editor (editor), 2026-03-01 11:05 UTC — open: Headline too long for the web <b>?</b>',
    ]);
    expect(getElementsByTagName('b', doc)).toHaveLength(0);
  });
});

describe('exportReview (docx)', () => {
  async function open() {
    const bytes = (await exportReview(reviewInput(), 'docx', { now: NOW })) as Uint8Array;
    expect(bytes).toBeInstanceOf(Uint8Array);
    return JSZip.loadAsync(bytes);
  }

  it('holds the changes as real Word revisions with author and date', async () => {
    const zip = await open();
    const xml = await zip.file('word/document.xml')!.async('string');
    const ins = [...xml.matchAll(/<w:ins w:id="(\d+)" w:author="([^"]*)" w:date="([^"]*)">.*?<w:t[^>]*>([^<]*)<\/w:t>.*?<\/w:ins>/g)].map((m) => [m[2], m[3], m[4]]);
    const del = [...xml.matchAll(/<w:del w:id="(\d+)" w:author="([^"]*)" w:date="([^"]*)">.*?<w:delText[^>]*>([^<]*)<\/w:delText>.*?<\/w:del>/g)].map((m) => [m[2], m[3], m[4]]);
    expect(ins).toEqual([
      ['Tom Translator', '2026-03-01T10:15:00Z', NBSP],
      ['Eve Editor', '2026-03-01T11:00:00Z', 'people'],
      ['Eve Editor', '2026-03-01T11:00:00Z', 'said'],
    ]);
    expect(del).toEqual([
      ['Tom Translator', '2026-03-01T10:15:00Z', ' '],
      ['Eve Editor', '2026-03-01T11:00:00Z', 'individuals'],
      ['Eve Editor', '2026-03-01T11:00:00Z', 'announced'],
    ]);
    const ids = [...xml.matchAll(/<w:(?:ins|del) w:id="(\d+)"/g)].map((m) => m[1]);
    expect(new Set(ids).size).toBe(ids.length);
    expect(xml).toContain('Segments: 9 — New: 1 · Draft: 2');
    expect(xml).toContain('Opération Cumberland : 25 arrestations');
    expect(xml).toContain('Common *rules* &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(xml).not.toContain('Partager');
  });

  it('holds comments as real Word comments anchored on the target, resolved ones marked done', async () => {
    const zip = await open();
    const xml = await zip.file('word/document.xml')!.async('string');
    expect([...xml.matchAll(/<w:commentRangeStart w:id="(\d+)"\/>/g)].map((m) => m[1])).toEqual(['0', '1', '2']);
    expect([...xml.matchAll(/<w:commentReference w:id="(\d+)"\/>/g)].map((m) => m[1])).toEqual(['0', '1', '2']);
    const comments = await zip.file('word/comments.xml')!.async('string');
    const list = [...comments.matchAll(/<w:comment w:id="(\d+)"[^>]*w:author="([^"]*)"[^>]*>.*?<w:p w14:paraId="([0-9A-F]{8})"[^>]*>.*?<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => [m[1], m[2], m[3], m[4]]);
    expect(list.map((c) => [c[0], c[1], c[3]])).toEqual([
      ['0', 'Tom Translator', '(resolved) Kept the operation name.'],
      ['1', 'Eve Editor', 'Headline too long for the web &lt;b&gt;?&lt;/b&gt;'],
      ['2', 'Eve Editor', 'Please translate.'],
    ]);
    const ext = await zip.file('word/commentsExtended.xml')!.async('string');
    const done = [...ext.matchAll(/w15:paraId="([0-9A-F]{8})" w15:done="(\d)"/g)].map((m) => [m[1], m[2]]);
    expect(done).toEqual(list.map((c, k) => [c[2], k === 0 ? '1' : '0']));
    expect(await zip.file('word/_rels/document.xml.rels')!.async('string')).toContain('Target="commentsExtended.xml"');
    expect(await zip.file('[Content_Types].xml')!.async('string')).toContain('PartName="/word/commentsExtended.xml"');
    // The comments are printed under their segment too.
    expect(xml).toContain('Tom Translator (translator), 2026-03-01 10:50 UTC — resolved: ');
  });

  it('writes no commentsExtended part when nothing is resolved, and works without any comment', async () => {
    const input = reviewInput();
    input.segments = input.segments.map((s) => ({ ...s, comments: (s.comments ?? []).map((c) => ({ ...c, resolved: false })) }));
    const zip = await JSZip.loadAsync((await exportReview(input, 'docx', { now: NOW })) as Uint8Array);
    expect(zip.file('word/commentsExtended.xml')).toBeNull();
    input.segments = input.segments.map((s) => ({ ...s, comments: [] }));
    const zip2 = await JSZip.loadAsync((await exportReview(input, 'docx', { now: NOW })) as Uint8Array);
    expect(await zip2.file('word/document.xml')!.async('string')).not.toContain('commentReference');
  });

  it('refuses an unknown format', async () => {
    await expect(exportReview(reviewInput(), 'pdf' as 'html')).rejects.toMatchObject({ code: 'file.unsupported' });
  });
});
