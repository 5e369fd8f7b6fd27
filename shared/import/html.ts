/**
 * HTML article parsing (a page saved from a browser, or the HTML mammoth makes from a DOCX). Pure: htmlparser2.
 *
 * What is kept: the title (the first <h1> of the article, else the first <h1> of the page, else og:title, else
 * <title> minus a site suffix such as " - Le Monde" or " | Site"), headings h2–h6 with their level (a later <h1>
 * is a level-1 heading), and every run of text in a block element as a paragraph (<p>, each <li>, the paragraphs of
 * a <blockquote>, <figcaption>, table cells, loose text in a <div>).
 * What is dropped: <script> <style> <noscript> <nav> <aside> <form> <button> <svg> <iframe> <template> and other
 * non-text elements, the page's own <header>/<footer> (those not inside <article>/<main>/<section>), hidden
 * elements (`hidden`, aria-hidden="true", display:none / visibility:hidden), landmark roles navigation, banner,
 * contentinfo, complementary, search, and cookie/consent banners (class or id cookie/consent/gdpr/rgpd/cmp).
 * When the page has an <article> (the one with the most paragraph text) or a <main>, only that is read.
 *
 * Text: entities decoded; HTML white space (space, tab, CR, LF, FF) collapsed to one space, but U+00A0 (&nbsp;)
 * and U+202F are kept exactly. Inline markup (<em>, <a>, <span>…) is flattened to its text.
 * Line breaks (decision): ONE <br> inside a paragraph is a soft break and becomes a single space (blocks are
 * one-line strings, like every other format); TWO or more <br> in a row are a paragraph break (pages that lay out
 * paragraphs with <br><br> instead of <p>).
 */
import { parseDocument } from 'htmlparser2';
import { isTag, isText, type AnyNode, type Element } from 'domhandler';
import type { RawBlock } from './types.ts';

const DROPPED_TAGS = new Set([
  'script', 'style', 'noscript', 'nav', 'aside', 'form', 'button', 'svg', 'iframe', 'template', 'select', 'textarea',
  'input', 'option', 'canvas', 'video', 'audio', 'object', 'embed', 'map', 'math', 'dialog', 'head', 'title', 'meta',
  'link', 'frameset', 'frame',
]);
const DROPPED_ROLES = new Set(['navigation', 'banner', 'contentinfo', 'complementary', 'search', 'dialog', 'alertdialog', 'menu', 'menubar', 'toolbar']);
const BANNER_TOKEN = /(?:^|[\s_-])(?:cookies?|consent|gdpr|rgpd|cmp|didomi|onetrust)(?:$|[\s_-])/iu;
const SECTIONING = new Set(['article', 'main', 'section']);
const BLOCK_TAGS = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'caption', 'center', 'dd', 'details', 'div', 'dl', 'dt',
  'fieldset', 'figcaption', 'figure', 'footer', 'header', 'hgroup', 'hr', 'html', 'legend', 'li', 'main', 'ol', 'p',
  'pre', 'section', 'summary', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'ul',
]);
const HEADING = /^h([1-6])$/u;
const HTML_SPACE = /[ \t\n\f\r]+/gu;

function isDropped(el: Element, inSectioning: boolean): boolean {
  const name = el.name;
  if (DROPPED_TAGS.has(name)) return true;
  if ((name === 'header' || name === 'footer') && !inSectioning) return true;
  const a = el.attribs;
  if (a['hidden'] !== undefined) return true;
  if ((a['aria-hidden'] ?? '').trim().toLowerCase() === 'true') return true;
  if (a['type']?.toLowerCase() === 'hidden') return true;
  const style = (a['style'] ?? '').toLowerCase();
  if (/display\s*:\s*none|visibility\s*:\s*hidden/u.test(style)) return true;
  const role = (a['role'] ?? '').trim().toLowerCase();
  if (role !== '' && role.split(/\s+/u).some((r) => DROPPED_ROLES.has(r))) return true;
  if (BANNER_TOKEN.test(a['id'] ?? '') || BANNER_TOKEN.test(a['class'] ?? '')) return true;
  return false;
}

class Collector {
  readonly blocks: RawBlock[] = [];
  private buf = '';
  private brRun = 0;
  /** Inside a heading, nested block elements do not split it. */
  headingDepth = 0;

  text(s: string): void {
    this.buf += s;
    if (/[^ \t\n\f\r]/u.test(s)) this.brRun = 0;
  }
  br(): void {
    this.brRun++;
    if (this.brRun >= 2 && this.headingDepth === 0) this.flush();
    else this.buf += ' ';
  }
  flush(kind: 'paragraph' | 'heading' = 'paragraph', level?: number): void {
    const t = this.buf.replace(HTML_SPACE, ' ').replace(/^ | $/gu, '');
    this.buf = '';
    this.brRun = 0;
    if (t === '' || /^[\u00A0\u202F\u2007 ]*$/u.test(t)) return;
    if (kind === 'heading') this.blocks.push({ kind, level: level ?? 2, text: t });
    else this.blocks.push({ kind, text: t });
  }
}

function walk(node: AnyNode, out: Collector, inSectioning: boolean): void {
  if (isText(node)) {
    out.text(node.data);
    return;
  }
  if (!isTag(node)) {
    // Document / CDATA containers: walk their children; comments and directives carry no text.
    if ('children' in node) for (const c of node.children) walk(c, out, inSectioning);
    return;
  }
  if (isDropped(node, inSectioning)) return;
  const name = node.name;
  const childSectioning = inSectioning || SECTIONING.has(name);
  if (name === 'br') {
    out.br();
    return;
  }
  const h = HEADING.exec(name);
  if (h && out.headingDepth === 0) {
    out.flush();
    out.headingDepth++;
    for (const c of node.children) walk(c, out, childSectioning);
    out.headingDepth--;
    out.flush('heading', Number(h[1]));
    return;
  }
  const block = BLOCK_TAGS.has(name);
  if (block) {
    if (out.headingDepth > 0) out.text(' ');
    else out.flush();
  }
  for (const c of node.children) walk(c, out, childSectioning);
  if (block) {
    if (out.headingDepth > 0) out.text(' ');
    else out.flush();
  }
}

function findAll(node: AnyNode, pred: (el: Element) => boolean, acc: Element[] = [], inSectioning = false): Element[] {
  if (isTag(node)) {
    if (isDropped(node, inSectioning)) return acc;
    if (pred(node)) acc.push(node);
    inSectioning = inSectioning || SECTIONING.has(node.name);
  }
  if ('children' in node) for (const c of node.children) findAll(c, pred, acc, inSectioning);
  return acc;
}

function textLength(node: AnyNode): number {
  if (isText(node)) return node.data.replace(HTML_SPACE, ' ').trim().length;
  if (isTag(node) && DROPPED_TAGS.has(node.name)) return 0;
  if ('children' in node) return node.children.reduce((n, c) => n + textLength(c), 0);
  return 0;
}

function paragraphTextLength(el: Element): number {
  return findAll(el, (e) => e.name === 'p' || e.name === 'li', [], true).reduce((n, p) => n + textLength(p), 0);
}

/** Strips a site suffix: "Titre de l’article - Le Monde" → "Titre de l’article" (suffix of at most 4 words). */
export function stripSiteSuffix(title: string): string {
  const m = /^(.*\S)\s+[|–—·•-]\s+([^|–—·•]+)$/u.exec(title);
  if (m?.[1] && m[2] && m[2].trim().split(/\s+/u).length <= 4) return stripSiteSuffix(m[1]);
  return title;
}

function collapse(s: string): string {
  return s.replace(HTML_SPACE, ' ').replace(/^ | $/gu, '');
}

/** Blocks of an HTML fragment, every element read (used for raw HTML inside Markdown). No title logic. */
export function parseHtmlFragment(html: string): RawBlock[] {
  const doc = parseDocument(html);
  const out = new Collector();
  walk(doc, out, true);
  out.flush();
  return out.blocks;
}

export function parseHtml(html: string): RawBlock[] {
  const doc = parseDocument(html);
  // The article: the <article> with the most paragraph text, else <main>, else the whole page.
  const articles = findAll(doc, (e) => e.name === 'article');
  let root: AnyNode = doc;
  let inSectioning = false;
  if (articles.length > 0) {
    root = articles.reduce((best, a) => (paragraphTextLength(a) > paragraphTextLength(best) ? a : best));
    inSectioning = true;
  } else {
    const main = findAll(doc, (e) => e.name === 'main' || (e.attribs['role'] ?? '').toLowerCase() === 'main')[0];
    if (main) {
      root = main;
      inSectioning = true;
    }
  }
  const out = new Collector();
  if (isTag(root)) for (const c of root.children) walk(c, out, inSectioning);
  else walk(root, out, inSectioning);
  out.flush();
  const blocks = out.blocks;

  // Title: the first <h1> of the article becomes the title block, in place.
  const firstH1 = blocks.findIndex((b) => b.kind === 'heading' && b.level === 1);
  if (firstH1 >= 0) {
    const b = blocks[firstH1];
    if (b) blocks[firstH1] = { kind: 'title', level: 1, text: b.text };
    return blocks;
  }
  // Else an <h1> elsewhere on the page (outside the article), og:title, or <title> minus the site suffix.
  let title = '';
  if (root !== doc) {
    const h1 = findAll(doc, (e) => e.name === 'h1')[0];
    if (h1) {
      const c = new Collector();
      c.headingDepth = 1;
      for (const ch of h1.children) walk(ch, c, true);
      c.flush();
      title = c.blocks.map((b) => b.text).join(' ');
    }
  }
  if (title === '') {
    const og = findAllIncludingHead(doc, (e) => e.name === 'meta' && (e.attribs['property'] ?? e.attribs['name'] ?? '').toLowerCase() === 'og:title')[0];
    title = collapse(og?.attribs['content'] ?? '');
  }
  if (title === '') {
    const t = findAllIncludingHead(doc, (e) => e.name === 'title')[0];
    if (t) title = stripSiteSuffix(collapse(t.children.map((c) => (isText(c) ? c.data : '')).join('')));
  }
  if (title !== '' && !/^[\u00A0\u202F ]*$/u.test(title)) blocks.unshift({ kind: 'title', level: 1, text: title });
  return blocks;
}

function findAllIncludingHead(node: AnyNode, pred: (el: Element) => boolean, acc: Element[] = []): Element[] {
  if (isTag(node) && pred(node)) acc.push(node);
  if ('children' in node) for (const c of node.children) findAllIncludingHead(c, pred, acc);
  return acc;
}
