/**
 * Safe reading of the XML and text files Relais imports (TBX glossaries, XLIFF), shared by the glossary and
 * XLIFF services.
 *
 * - The size is checked with `stat` BEFORE anything is read (a 100 MB file is refused at once).
 * - Text must be UTF-8 (with or without BOM); invalid UTF-8 is refused with the byte offset. UTF-16 with a BOM is
 *   accepted too (some CAT tools export it).
 * - Any DOCTYPE is refused: no DTD, hence no entity expansion (billion laughs) and no external entities.
 * - Namespaces are resolved (saxes with `xmlns: true`); malformed XML is reported with its line.
 */
import { stat, readFile } from 'node:fs/promises';
import path from 'node:path';
import { SaxesParser } from 'saxes';
import { RelaisError } from '../../../shared/errors.ts';
import { sizeOverLimit } from '../../../shared/size.ts';
import { findInvalidUtf8, lineAt } from '../import/bytes.ts';

/** Largest glossary / XLIFF file accepted. */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;

export const NS = {
  xml: 'http://www.w3.org/XML/1998/namespace',
  tbx3: 'urn:iso:std:iso:30042:ed-2',
  xliff2: 'urn:oasis:names:tc:xliff:document:2.0',
  xliff12: 'urn:oasis:names:tc:xliff:document:1.2',
} as const;

export interface XmlAttribute {
  /** Local name (without prefix). */
  local: string;
  /** Namespace URI ('' when none). */
  uri: string;
  value: string;
}

export interface XmlElement {
  type: 'element';
  /** Local name, e.g. `conceptEntry`. */
  name: string;
  /** Qualified name as written, e.g. `xliff:unit`. */
  qname: string;
  /** Namespace URI ('' when none). */
  ns: string;
  attributes: readonly XmlAttribute[];
  children: XmlNode[];
  /** 1-based line of the start tag. */
  line: number;
}

export interface XmlText {
  type: 'text';
  text: string;
  line: number;
}

export type XmlNode = XmlElement | XmlText;

/** Short name for messages: the file name without its folders. */
export function displayName(file: string): string {
  return path.basename(file);
}

/**
 * Reads a text file after checking its size, decodes it strictly (UTF-8 with or without BOM, or UTF-16 with BOM)
 * and returns the text without BOM. Throws RelaisError `file.notFound`, `file.tooLarge`, `file.empty`,
 * `file.binary` or `file.encoding`.
 */
export async function readTextFile(file: string, opts: { maxBytes?: number } = {}): Promise<string> {
  const maxBytes = opts.maxBytes ?? MAX_IMPORT_BYTES;
  let size: number;
  try {
    const st = await stat(file);
    if (!st.isFile()) throw new RelaisError('file.notFound', 'Not a file (a folder or a device)', { file });
    size = st.size;
  } catch (e) {
    if (e instanceof RelaisError) throw e;
    throw unreadable(file, e);
  }
  if (size > maxBytes) throw tooLarge(file, size, maxBytes);
  let buf: Buffer;
  try {
    buf = await readFile(file);
  } catch (e) {
    throw unreadable(file, e);
  }
  if (buf.length > maxBytes) throw tooLarge(file, buf.length, maxBytes);
  return decodeText(buf, file);
}

function tooLarge(file: string, size: number, maxBytes: number): RelaisError {
  const [s, limit] = sizeOverLimit(size, maxBytes);
  return new RelaisError('file.tooLarge', `File too large (${s}); the limit is ${limit}`, { file });
}

/** The error for a file that cannot be opened (missing, a folder, no permission). */
export function unreadable(file: string, e: unknown): RelaisError {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'EACCES' || code === 'EPERM') return new RelaisError('permission.denied', 'Permission denied: cannot read the file', { file });
  const msg = code === 'ENOENT' ? 'File not found' : code === 'EISDIR' ? 'Not a file (a folder)' : `Cannot read the file (${code ?? String(e)})`;
  return new RelaisError('file.notFound', msg, { file });
}

/** Strict decoding: see readTextFile. */
export function decodeText(buf: Buffer, file: string): string {
  if (buf.length === 0) throw new RelaisError('file.empty', 'The file is empty', { file });
  if (buf.length >= 2 && ((buf[0] === 0xff && buf[1] === 0xfe) || (buf[0] === 0xfe && buf[1] === 0xff))) {
    const enc = buf[0] === 0xff ? 'utf-16le' : 'utf-16be';
    try {
      return new TextDecoder(enc, { fatal: true, ignoreBOM: false }).decode(buf);
    } catch {
      throw new RelaisError('file.encoding', `Not valid ${enc.toUpperCase()}`, { file });
    }
  }
  const start = buf.length >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf ? 3 : 0;
  const body = buf.subarray(start);
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body);
    if (text.includes('\u0000')) throw new RelaisError('file.binary', 'A binary file, not text', { file });
    return text;
  } catch (e) {
    if (e instanceof RelaisError) throw e;
    const offset = start + Math.max(0, findInvalidUtf8(body));
    const line = lineAt(body, offset - start);
    throw new RelaisError('file.encoding', 'Not valid UTF-8; save the file as UTF-8 and try again', {
      file,
      line,
      detail: `invalid byte at offset ${offset}`,
    });
  }
}

/**
 * Parses XML text into an element tree. Refuses DOCTYPEs (`file.unsupported`), reports malformed XML as
 * `file.corrupt` with the line, refuses a declared encoding other than UTF-8/UTF-16/US-ASCII (`file.encoding`).
 */
const NO_ATTRIBUTES: readonly XmlAttribute[] = Object.freeze([]);

export interface ParseXmlOptions {
  /**
   * Local names of purely structural elements (no mixed content): white-space-only text directly inside them is
   * not kept, which keeps the tree of a large file small.
   */
  structural?: ReadonlySet<string>;
}

export function parseXml(text: string, file: string, opts: ParseXmlOptions = {}): XmlElement {
  const structural = opts.structural;
  const parser = new SaxesParser({ xmlns: true, position: true });
  let root: XmlElement | null = null;
  const stack: XmlElement[] = [];
  let tagLine = 1;
  let failure: RelaisError | null = null;

  const fail = (err: RelaisError): never => {
    failure = err;
    throw err;
  };

  parser.on('error', (err) => {
    const line = parser.line;
    const msg = err.message.replace(/^(?:[^:\n]*:)?\d+:\d+: /, '');
    fail(new RelaisError('file.corrupt', `Not well-formed XML: ${msg}`, { file, line, detail: msg }));
  });
  parser.on('doctype', () => {
    const at = text.search(/<!DOCTYPE/i);
    const line = at >= 0 ? text.slice(0, at).split('\n').length : parser.line;
    fail(
      new RelaisError('file.unsupported', 'DTDs are not accepted (the file has a DOCTYPE)', {
        file,
        line,
        detail: 'for safety Relais reads no DTD: no entity expansion, no external entities',
      }),
    );
  });
  parser.on('xmldecl', (decl) => {
    const enc = decl.encoding?.toLowerCase();
    if (enc && !['utf-8', 'utf8', 'us-ascii', 'ascii', 'utf-16', 'utf-16le', 'utf-16be'].includes(enc)) {
      fail(
        new RelaisError('file.encoding', `The file declares the encoding "${decl.encoding}"; only UTF-8 is accepted`, {
          file,
          line: parser.line,
        }),
      );
    }
  });
  parser.on('opentagstart', () => {
    tagLine = parser.line;
  });
  parser.on('opentag', (tag) => {
    let attributes: readonly XmlAttribute[] = NO_ATTRIBUTES;
    for (const key in tag.attributes) {
      const a = tag.attributes[key]!;
      if (a.prefix === 'xmlns' || (a.prefix === '' && a.local === 'xmlns')) continue;
      if (attributes === NO_ATTRIBUTES) attributes = [];
      (attributes as XmlAttribute[]).push({ local: a.local, uri: a.uri, value: a.value });
    }
    const el: XmlElement = { type: 'element', name: tag.local, qname: tag.name, ns: tag.uri, attributes, children: [], line: tagLine };
    const parent = stack[stack.length - 1];
    if (parent) parent.children.push(el);
    else root = el;
    stack.push(el);
  });
  parser.on('closetag', () => {
    stack.pop();
  });
  const addText = (t: string) => {
    const parent = stack[stack.length - 1];
    if (!parent) return;
    if (structural !== undefined && structural.has(parent.name) && /^[ \t\r\n]*$/.test(t)) return;
    const last = parent.children[parent.children.length - 1];
    if (last && last.type === 'text') last.text += t;
    else parent.children.push({ type: 'text', text: t, line: parser.line });
  };
  parser.on('text', addText);
  parser.on('cdata', addText);

  try {
    parser.write(text).close();
  } catch (e) {
    if (failure) throw failure;
    if (e instanceof RelaisError) throw e;
    const msg = e instanceof Error ? e.message.replace(/^(?:[^:\n]*:)?\d+:\d+: /, '') : String(e);
    throw new RelaisError('file.corrupt', `Not well-formed XML: ${msg}`, { file, line: parser.line, detail: msg });
  }
  if (failure) throw failure;
  if (!root) throw new RelaisError('file.corrupt', 'No XML root element', { file });
  return root;
}

/** Reads and parses an XML file (size, encoding and DTD checks included). */
export async function readXmlFile(file: string, opts: { maxBytes?: number } & ParseXmlOptions = {}): Promise<XmlElement> {
  const text = await readTextFile(file, opts);
  return parseXml(text, file, opts);
}

// ---- tree helpers ----

/** Attribute value by local name (any namespace unless `uri` is given). */
export function attr(el: XmlElement, local: string, uri?: string): string | undefined {
  for (const a of el.attributes) if (a.local === local && (uri === undefined || a.uri === uri)) return a.value;
  return undefined;
}

/** `xml:lang` of the element. */
export function xmlLang(el: XmlElement): string | undefined {
  return attr(el, 'lang', NS.xml);
}

export function childElements(el: XmlElement, name?: string): XmlElement[] {
  const out: XmlElement[] = [];
  for (const c of el.children) if (c.type === 'element' && (name === undefined || c.name === name)) out.push(c);
  return out;
}

/** All text inside the element, markup removed. */
export function textContent(el: XmlElement): string {
  let s = '';
  for (const c of el.children) s += c.type === 'text' ? c.text : textContent(c);
  return s;
}

/** Collapses XML whitespace (space, tab, CR, LF — NOT no-break spaces) and trims. */
export function collapseXmlSpace(s: string): string {
  return s.replace(/[ \t\r\n]+/g, ' ').replace(/^ | $/g, '');
}

/** Trims XML whitespace only (keeps U+00A0 / U+202F). */
export function trimXmlSpace(s: string): string {
  return s.replace(/^[ \t\r\n]+|[ \t\r\n]+$/g, '');
}

export function escapeXmlText(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function escapeXmlAttr(s: string): string {
  return escapeXmlText(s).replace(/"/g, '&quot;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;').replace(/\t/g, '&#9;');
}
