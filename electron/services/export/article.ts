/**
 * Export of the final English article (txt, md, html, docx).
 *
 * Decisions
 *  - Structure is kept: the title, headings with their level (the title is level 1; headings are clamped to 2–6),
 *    paragraphs. A block's text is its segments' texts joined with one ordinary space, in document order.
 *  - Blocks out of translation (page chrome such as "Partager", "Lire aussi…", or any block the user excluded) are
 *    OMITTED: they are not part of the English article.
 *  - A segment not translated (status `new`, or an empty target) falls back to the French source, with an
 *    `untranslated` warning; a `draft` or `rejected` segment keeps its target, with a `draft`/`rejected` warning.
 *    Unconfirmed autosaved drafts (snapshot.drafts) are not exported: only committed targets are.
 *  - Typography is kept byte for byte (U+00A0, U+202F, ’, “ ”…); only line breaks inside a segment become spaces.
 *  - The title block, wherever it sits, comes first.
 */
import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import { RelaisError } from '../../../shared/errors.ts';
import type { ProjectSnapshot } from '../../../shared/model.ts';
import { englishText, escapeHtml, escapeMarkdown, groupByBlock, headingLevel, oneLine, type ArticleBlock, type ExportWarning } from './common.ts';

export type ArticleFormat = 'txt' | 'md' | 'html' | 'docx';
export const ARTICLE_FORMATS: readonly ArticleFormat[] = ['txt', 'md', 'html', 'docx'];

export interface ArticleExport {
  data: string | Uint8Array;
  warnings: ExportWarning[];
}

/** The English article's blocks (translatable blocks only, title first) and the warnings about their segments. */
export function buildArticle(snapshot: ProjectSnapshot): { blocks: ArticleBlock[]; warnings: ExportWarning[] } {
  if (!snapshot || !Array.isArray(snapshot.blocks) || !Array.isArray(snapshot.segments)) {
    throw new RelaisError('invalid.arguments', 'Export needs an open project.');
  }
  const warnings: ExportWarning[] = [];
  const blocks: ArticleBlock[] = [];
  for (const { block, segments } of groupByBlock(snapshot.blocks, snapshot.segments, snapshot.info?.path)) {
    if (!block.translatable) continue;
    const texts: string[] = [];
    for (const s of segments) {
      const { text, warning } = englishText(s);
      if (warning) warnings.push(warning);
      const t = oneLine(text).trim();
      if (t) texts.push(t);
    }
    const text = texts.join(' ');
    if (!text) continue;
    blocks.push({ block, kind: block.kind, level: headingLevel(block), text, segments });
  }
  const titleFirst = [...blocks.filter((b) => b.kind === 'title'), ...blocks.filter((b) => b.kind !== 'title')];
  return { blocks: titleFirst, warnings };
}

/** The document title: the title block, else the project name. */
function documentTitle(snapshot: ProjectSnapshot, blocks: ArticleBlock[]): string {
  return blocks.find((b) => b.kind === 'title')?.text ?? snapshot.info?.name ?? 'Article';
}

export async function exportArticle(snapshot: ProjectSnapshot, format: ArticleFormat): Promise<ArticleExport> {
  if (!ARTICLE_FORMATS.includes(format)) {
    throw new RelaisError('file.unsupported', `Cannot export an article as "${String(format)}": use txt, md, html or docx.`);
  }
  const { blocks, warnings } = buildArticle(snapshot);
  switch (format) {
    case 'txt':
      return { data: toText(blocks), warnings };
    case 'md':
      return { data: toMarkdown(blocks), warnings };
    case 'html':
      return { data: toHtml(documentTitle(snapshot, blocks), snapshot.info?.targetLang, blocks), warnings };
    case 'docx':
      return { data: await toDocx(documentTitle(snapshot, blocks), snapshot, blocks), warnings };
  }
}

function toText(blocks: ArticleBlock[]): string {
  return blocks.map((b) => b.text).join('\n\n') + (blocks.length ? '\n' : '');
}

function toMarkdown(blocks: ArticleBlock[]): string {
  const out = blocks.map((b) => (b.level > 0 ? `${'#'.repeat(b.level)} ${escapeMarkdown(b.text)}` : escapeMarkdown(b.text)));
  return out.join('\n\n') + (out.length ? '\n' : '');
}

/** Language tag for the document: the project's target language when it is a plausible BCP 47 tag, else "en". */
function langTag(lang: string | undefined): string {
  return lang && /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(lang) ? lang : 'en';
}

function toHtml(title: string, lang: string | undefined, blocks: ArticleBlock[]): string {
  const body = blocks
    .map((b) => {
      const tag = b.level > 0 ? `h${b.level}` : 'p';
      return `<${tag}>${escapeHtml(b.text)}</${tag}>`;
    })
    .join('\n');
  return [
    '<!DOCTYPE html>',
    `<html lang="${escapeHtml(langTag(lang))}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(title)}</title>`,
    '<meta name="generator" content="Relais">',
    '</head>',
    '<body>',
    '<article>',
    body,
    '</article>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

const HEADINGS = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3, HeadingLevel.HEADING_4, HeadingLevel.HEADING_5, HeadingLevel.HEADING_6];

async function toDocx(title: string, snapshot: ProjectSnapshot, blocks: ArticleBlock[]): Promise<Uint8Array> {
  const lang = langTag(snapshot.info?.targetLang);
  const children = blocks.map((b) => {
    const run = new TextRun({ text: b.text, language: { value: lang } });
    if (b.kind === 'title') return new Paragraph({ heading: HeadingLevel.TITLE, children: [run] });
    if (b.kind === 'heading') return new Paragraph({ heading: HEADINGS[b.level - 1] ?? HeadingLevel.HEADING_2, children: [run] });
    return new Paragraph({ alignment: AlignmentType.LEFT, children: [run] });
  });
  const doc = new Document({
    title,
    creator: 'Relais',
    description: snapshot.info?.sourceName ? `Translated from ${snapshot.info.sourceName}` : '',
    sections: [{ children }],
  });
  const buf = await Packer.toBuffer(doc);
  return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
}
