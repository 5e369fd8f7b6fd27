import { DomUtils, parseDocument } from 'htmlparser2';
import type { Element } from 'domhandler';
import JSZip from 'jszip';
import { marked } from 'marked';
import { describe, expect, it } from 'vitest';
import { RelaisError } from '../../../shared/errors.ts';
import { exportArticle } from './article.ts';
import { makeSnapshot, NBSP } from './test-fixture.ts';

const { textContent, getElementsByTagName, findOne } = DomUtils;
const snapshot = makeSnapshot();
const TITLE = 'Operation Cumberland: 25 arrests';
const P1 = `It is one of the first international operations of its kind. At least 25 people were arrested, Europol said on Friday${NBSP}28 February.`;
const P2 = `“These images are so easily created,” said Catherine De Bolle. L’enquête, toujours en cours, pourrait conduire à d’autres arrestations.`;
const H3 = 'Common *rules* <script>alert(1)</script>';
const P3 = '# 1. Member states_are discussing [common] rules & more. Europol a précisé.';
/** The article's blocks, in order, as every rendering (Markdown, HTML) must read: [tag, text]. */
const EXPECTED_BLOCKS = [
  ['h1', TITLE],
  ['p', P1],
  ['h2', 'An exponential rise in content'],
  ['p', P2],
  ['h3', H3],
  ['p', P3],
];

describe('exportArticle', () => {
  it('txt: title first, blocks separated by blank lines, chrome omitted, typography kept', async () => {
    const { data } = await exportArticle(snapshot, 'txt');
    expect(data).toBe([TITLE, P1, 'An exponential rise in content', P2, H3, P3].join('\n\n') + '\n');
    expect(data).not.toContain('Partager');
    expect(data).not.toContain('AFP');
  });

  it('falls back to the source for untranslated segments and says so, segment by segment', async () => {
    const { warnings } = await exportArticle(snapshot, 'txt');
    expect(warnings.map((w) => [w.segmentId, w.code])).toEqual([
      ['s6', 'untranslated'],
      ['s7', 'draft'],
      ['s8', 'rejected'],
      ['s9', 'untranslated'],
    ]);
    for (const w of warnings) expect(w.message).toMatch(/Segment \d+/);
  });

  it('a fully translated and approved article exports without warnings', async () => {
    const snap = makeSnapshot([{ kind: 'title', segs: [['Titre', 'Title', 'approved']] }, { kind: 'paragraph', segs: [['Une phrase.', 'A sentence.', 'approved']] }]);
    const r = await exportArticle(snap, 'md');
    expect(r.warnings).toEqual([]);
    expect(r.data).toBe('# Title\n\nA sentence.\n');
  });

  it('md: heading levels, and Markdown specials stay literal text', async () => {
    const { data } = await exportArticle(snapshot, 'md');
    const md = data as string;
    expect(md.startsWith(`# ${TITLE}\n\n`)).toBe(true);
    expect(md).toContain('\n## An exponential rise in content\n');
    expect(md).toContain('\n### Common \\*rules\\* \\<script\\>alert(1)\\</script\\>\n');
    // Rendered by a Markdown engine, every block reads exactly as the English text.
    const tokens = marked.lexer(md);
    expect(tokens.filter((t) => t.type === 'heading').map((t) => [(t as { depth: number }).depth])).toEqual([[1], [2], [3]]);
    const html = parseDocument(await marked.parse(md));
    const blocks = html.children.filter((n): n is Element => n.type === 'tag');
    expect(blocks.map((b) => [b.name, textContent(b)])).toEqual(EXPECTED_BLOCKS);
  });

  it('html: a complete HTML5 document in English, text escaped, typography kept', async () => {
    const { data } = await exportArticle(snapshot, 'html');
    const html = data as string;
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="en">')).toBe(true);
    const doc = parseDocument(html);
    expect(findOne((e) => e.name === 'meta' && e.attribs.charset === 'utf-8', doc.children)).not.toBeNull();
    expect(textContent(getElementsByTagName('title', doc)[0]!)).toBe(TITLE);
    expect(getElementsByTagName('script', doc)).toHaveLength(0);
    const body = getElementsByTagName('article', doc)[0]!;
    const blocks = body.children.filter((n): n is Element => n.type === 'tag');
    expect(blocks.map((b) => [b.name, textContent(b)])).toEqual(EXPECTED_BLOCKS);
    expect(html).toContain('&lt;script&gt;');
    expect(html).toContain(`Friday${NBSP}28`);
  });

  it('docx: Title and Heading styles, paragraphs, chrome omitted, no-break spaces kept', async () => {
    const { data } = await exportArticle(snapshot, 'docx');
    expect(data).toBeInstanceOf(Uint8Array);
    const zip = await JSZip.loadAsync(data as Uint8Array);
    const xml = await zip.file('word/document.xml')!.async('string');
    const paras = [...xml.matchAll(/<w:p>(?:<w:pPr>(.*?)<\/w:pPr>)?(.*?)<\/w:p>/g)].map((m) => {
      const style = /<w:pStyle w:val="([^"]+)"/.exec(m[1] ?? '')?.[1] ?? 'Normal';
      const text = [...m[2]!.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((t) => t[1]).join('');
      return [style, text];
    });
    const unescape = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');
    expect(paras.map(([s, t]) => [s, unescape(t!)])).toEqual([
      ['Title', TITLE],
      ['Normal', P1],
      ['Heading2', 'An exponential rise in content'],
      ['Normal', P2],
      ['Heading3', H3],
      ['Normal', P3],
    ]);
    expect(xml).not.toContain('Partager');
    const core = await zip.file('docProps/core.xml')!.async('string');
    expect(core).toContain(`<dc:title>${TITLE}</dc:title>`);
  });

  it('follows document order, not the order of the arrays', async () => {
    const shuffled = { ...snapshot, blocks: [...snapshot.blocks].reverse(), segments: [...snapshot.segments].reverse() };
    expect((await exportArticle(shuffled, 'txt')).data).toBe((await exportArticle(snapshot, 'txt')).data);
  });

  it('refuses an unknown format and a segment without its block, with RelaisError', async () => {
    await expect(exportArticle(snapshot, 'pdf' as 'txt')).rejects.toMatchObject({ code: 'file.unsupported' });
    const broken = { ...snapshot, segments: [...snapshot.segments, { ...snapshot.segments[0]!, id: 'x', blockId: 'nope' }] };
    const err = await exportArticle(broken, 'html').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RelaisError);
    expect((err as RelaisError).code).toBe('project.corrupt');
  });
});
