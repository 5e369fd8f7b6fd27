import type { Element } from 'domhandler';
import { DomUtils, parseDocument } from 'htmlparser2';
import JSZip from 'jszip';
import mammoth from 'mammoth';
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
    const ext = await commentsExtended(zip);
    expect(ext).not.toBeNull();
    const done = [...ext!.matchAll(/w15:paraId="([0-9A-F]{8})" w15:done="(\d)"/g)].map((m) => [m[1], m[2]]);
    expect(done).toEqual(list.map((c, k) => [c[2], k === 0 ? '1' : '0']));
    // The comments are printed under their segment too.
    expect(xml).toContain('Tom Translator (translator), 2026-03-01 10:50 UTC — resolved: ');
  });

  it('writes no commentsExtended part when nothing is resolved, and works without any comment', async () => {
    const input = reviewInput();
    input.segments = input.segments.map((s) => ({ ...s, comments: (s.comments ?? []).map((c) => ({ ...c, resolved: false })) }));
    const zip = await JSZip.loadAsync((await exportReview(input, 'docx', { now: NOW })) as Uint8Array);
    expect(await commentsExtended(zip)).toBeNull();
    expect(await zip.file('word/comments.xml')!.async('string')).toContain('Please translate.');
    input.segments = input.segments.map((s) => ({ ...s, comments: [] }));
    const zip2 = await JSZip.loadAsync((await exportReview(input, 'docx', { now: NOW })) as Uint8Array);
    expect(await zip2.file('word/document.xml')!.async('string')).not.toContain('commentReference');
    expect(await commentsExtended(zip2)).toBeNull();
  });

  it('opened as a package, it holds the revisions and comments a word processor shows', async () => {
    const input = reviewInput();
    const bytes = (await exportReview(input, 'docx', { now: NOW })) as Uint8Array;
    const pkg = await openPackage(bytes);

    // Every part the document relates to exists, with a content type.
    for (const r of pkg.documentRels) {
      expect(pkg.zip.file(`word/${r.target}`), r.target).not.toBeNull();
      expect(pkg.contentType(`/word/${r.target}`), r.target).toBeDefined();
    }

    // Revisions: accepting all gives the current target, rejecting all gives the translator's text, per segment.
    const changed = input.segments.filter((s) => s.baseText !== undefined && s.baseText !== s.target && s.translatable);
    expect(changed.length).toBe(2);
    const changeCells = pkg.rows.map((r) => r.cells[4]!).filter((c) => getElementsByTagName('w:ins', c).length + getElementsByTagName('w:del', c).length > 0);
    expect(changeCells.map((c) => revisedText(c, 'accept'))).toEqual(changed.map((s) => s.target));
    expect(changeCells.map((c) => revisedText(c, 'reject'))).toEqual(changed.map((s) => s.baseText));
    for (const el of [...getElementsByTagName('w:ins', pkg.document), ...getElementsByTagName('w:del', pkg.document)]) {
      expect(getAttributeValue(el, 'w:author')).toMatch(/^(Tom Translator|Eve Editor)$/);
      expect(getAttributeValue(el, 'w:date')).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    }

    // Comments: each anchored (start, end, reference) in the target cell of its segment's row, with its author and
    // text in the comments part, and its state in the commentsExtended part through its paragraph id.
    const expected = input.segments.flatMap((s) => [...(s.comments ?? [])].sort((a, b) => a.createdAt.localeCompare(b.createdAt)).map((c) => ({ seg: s, c })));
    expect(pkg.comments).toHaveLength(expected.length);
    pkg.comments.forEach((cm, i) => {
      const { seg, c } = expected[i]!;
      expect(cm.author).toBe(c.author);
      expect(cm.text).toBe(c.resolved ? `(resolved) ${c.text}` : c.text);
      expect(pkg.done.get(cm.paraId)).toBe(c.resolved);
      const target = pkg.rows.find((r) => r.anchored.has(cm.id))!;
      expect(target, `comment ${cm.id} anchored`).toBeDefined();
      expect(textContent(target.cells[1]!)).toBe(seg.source);
    });

    // An independent reader (mammoth) opens it, keeps insertions and drops deletions.
    const read = await mammoth.extractRawText({ buffer: Buffer.from(bytes) });
    expect(read.value).toContain(changed[1]!.target);
    expect(read.value).not.toContain('individuals were arrested');
  });

  it('refuses an unknown format', async () => {
    await expect(exportReview(reviewInput(), 'pdf' as 'html')).rejects.toMatchObject({ code: 'file.unsupported' });
  });
});

/** The commentsExtended part, found as Word finds it: through the document's relationship of that type. */
async function commentsExtended(zip: JSZip): Promise<string | null> {
  const rels = parseDocument(await zip.file('word/_rels/document.xml.rels')!.async('string'), { xmlMode: true });
  const rel = getElementsByTagName('Relationship', rels).find((r) => getAttributeValue(r, 'Type') === 'http://schemas.microsoft.com/office/2011/relationships/commentsExtended');
  if (!rel) return null;
  const types = await zip.file('[Content_Types].xml')!.async('string');
  expect(types).toContain(`PartName="/word/${getAttributeValue(rel, 'Target')}"`);
  return zip.file(`word/${getAttributeValue(rel, 'Target')}`)!.async('string');
}

/** The text of a cell with every revision accepted (insertions kept, deletions dropped) or rejected. */
function revisedText(cell: Element, mode: 'accept' | 'reject'): string {
  let out = '';
  const walk = (el: Element, inIns: boolean, inDel: boolean) => {
    for (const child of el.children) {
      if (child.type !== 'tag') continue;
      const ins = inIns || child.name === 'w:ins';
      const del = inDel || child.name === 'w:del';
      if ((child.name === 'w:t' && !(mode === 'accept' ? del : ins)) || (child.name === 'w:delText' && mode === 'reject')) out += textContent(child);
      else walk(child, ins, del);
    }
  };
  walk(cell, false, false);
  return out;
}

async function openPackage(bytes: Uint8Array) {
  const zip = await JSZip.loadAsync(bytes);
  const xml = async (name: string) => parseDocument(await zip.file(name)!.async('string'), { xmlMode: true });
  const document = await xml('word/document.xml');
  const documentRels = getElementsByTagName('Relationship', await xml('word/_rels/document.xml.rels')).map((r) => ({ type: getAttributeValue(r, 'Type')!, target: getAttributeValue(r, 'Target')! }));
  const types = getElementsByTagName('Override', await xml('[Content_Types].xml'));
  const contentType = (part: string) => types.find((t) => getAttributeValue(t, 'PartName') === part) && getAttributeValue(types.find((t) => getAttributeValue(t, 'PartName') === part)!, 'ContentType');
  // The segments' rows: five cells (the header row has no revision and no comment; comment rows span four columns).
  const rows = getElementsByTagName('w:tr', document).flatMap((tr) => {
    const cells = tr.children.filter((c): c is Element => c.type === 'tag' && c.name === 'w:tc');
    if (cells.length !== 5) return [];
    const starts = new Set(getElementsByTagName('w:commentRangeStart', tr).map((e) => getAttributeValue(e, 'w:id')!));
    const ends = new Set(getElementsByTagName('w:commentRangeEnd', tr).map((e) => getAttributeValue(e, 'w:id')!));
    const refs = new Set(getElementsByTagName('w:commentReference', tr).map((e) => getAttributeValue(e, 'w:id')!));
    const anchored = new Set([...starts].filter((id) => ends.has(id) && refs.has(id) && getElementsByTagName('w:commentRangeStart', cells[2]!).some((e) => getAttributeValue(e, 'w:id') === id)));
    return [{ cells, anchored }];
  });
  const comments = getElementsByTagName('w:comment', await xml('word/comments.xml')).map((c) => {
    const paras = getElementsByTagName('w:p', c);
    return { id: getAttributeValue(c, 'w:id')!, author: getAttributeValue(c, 'w:author')!, text: textContent(c), paraId: getAttributeValue(paras[paras.length - 1]!, 'w14:paraId')! };
  });
  const ext = await commentsExtended(zip);
  const done = new Map(ext ? getElementsByTagName('w15:commentEx', parseDocument(ext, { xmlMode: true })).map((e) => [getAttributeValue(e, 'w15:paraId')!, getAttributeValue(e, 'w15:done') === '1'] as const) : []);
  return { zip, document, documentRels, contentType, rows, comments, done };
}
