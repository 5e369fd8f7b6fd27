/**
 * Markdown article parsing with marked's lexer. Pure.
 *
 * - The first heading of the document, when it is level 1 (`# x` or `x\n===`), is the title; other headings keep
 *   their level. Without one, a YAML front matter `title:` becomes the title.
 * - Paragraphs, each list item, each paragraph of a blockquote, each table cell and each code block are
 *   paragraphs (a code block's lines are joined with spaces: blocks are one-line strings). Raw HTML blocks are read
 *   with the HTML parser.
 * - Inline markup is stripped to its text (links keep their text, images are dropped), entities are decoded,
 *   soft and hard line breaks become a space; U+00A0 / U+202F are kept exactly.
 */
import { lexer, type Token, type Tokens } from 'marked';
import { parseDocument } from 'htmlparser2';
import { isText, type AnyNode } from 'domhandler';
import { parseHtmlFragment } from './html.ts';
import { normaliseNewlines } from './text.ts';
import type { RawBlock } from './types.ts';

function textOf(node: AnyNode): string {
  if (isText(node)) return node.data;
  return 'children' in node ? node.children.map(textOf).join('') : '';
}

/** Decodes HTML entities (&nbsp; → U+00A0, &amp; → &…) with htmlparser2's full entity table. */
function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  return textOf(parseDocument(`<p>${s.replace(/</gu, '&lt;')}</p>`));
}

function inline(tokens: readonly Token[] | undefined): string {
  if (!tokens) return '';
  let out = '';
  for (const t of tokens) {
    switch (t.type) {
      case 'text':
        out += 'tokens' in t && t.tokens ? inline(t.tokens) : decodeEntities(t.text);
        break;
      case 'escape':
        out += t.text;
        break;
      case 'codespan':
        out += decodeEntities(t.text);
        break;
      case 'br':
        out += ' ';
        break;
      case 'image':
      case 'html':
      case 'checkbox':
        break;
      default:
        if ('tokens' in t && Array.isArray(t.tokens)) out += inline(t.tokens as Token[]);
        else if ('text' in t && typeof t.text === 'string') out += decodeEntities(t.text);
    }
  }
  return out;
}

function clean(s: string): string {
  return s.replace(/[ \t\n\r\f]+/gu, ' ').replace(/^ | $/gu, '');
}

function push(out: RawBlock[], text: string, kind: 'paragraph' | 'heading' = 'paragraph', level?: number): void {
  const t = clean(text);
  if (t === '' || /^[\u00A0\u202F ]*$/u.test(t)) return;
  out.push(kind === 'heading' ? { kind, level: level ?? 2, text: t } : { kind, text: t });
}

function blocks(tokens: readonly Token[], out: RawBlock[]): void {
  for (const t of tokens) {
    switch (t.type) {
      case 'heading':
        push(out, inline(t.tokens), 'heading', t.depth);
        break;
      case 'paragraph':
        push(out, inline(t.tokens));
        break;
      case 'text':
        // Text directly in a tight list item.
        push(out, 'tokens' in t && t.tokens ? inline(t.tokens) : decodeEntities(t.text));
        break;
      case 'list':
        for (const item of (t as Tokens.List).items) blocks(item.tokens, out);
        break;
      case 'blockquote':
        blocks(t.tokens ?? [], out);
        break;
      case 'code':
        push(out, t.text);
        break;
      case 'table': {
        const table = t as Tokens.Table;
        for (const cell of table.header) push(out, inline(cell.tokens));
        for (const row of table.rows) for (const cell of row) push(out, inline(cell.tokens));
        break;
      }
      case 'html':
        for (const b of parseHtmlFragment(t.text)) out.push(b);
        break;
      default:
        // space, hr, def: no text.
        break;
    }
  }
}

/** Splits off a YAML front matter block; returns its `title:` (if any) and the rest. */
function frontMatter(md: string): { title: string | null; body: string } {
  const m = /^---[ \t]*\n([\s\S]*?)\n(?:---|\.\.\.)[ \t]*(?:\n|$)/u.exec(md);
  if (!m) return { title: null, body: md };
  const t = /^title:[ \t]*(.*)$/mu.exec(m[1] ?? '');
  let title = t?.[1]?.trim() ?? '';
  if (/^(["']).*\1$/u.test(title)) title = title.slice(1, -1);
  return { title: title === '' ? null : title, body: md.slice(m[0].length) };
}

export function parseMarkdown(input: string): RawBlock[] {
  const { title, body } = frontMatter(normaliseNewlines(input));
  const out: RawBlock[] = [];
  blocks(lexer(body), out);
  const firstHeading = out.findIndex((b) => b.kind === 'heading');
  const h = out[firstHeading];
  if (h && h.level === 1) out[firstHeading] = { kind: 'title', level: 1, text: h.text };
  else if (title !== null) out.unshift({ kind: 'title', level: 1, text: clean(title) });
  return out;
}
