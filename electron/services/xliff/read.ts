/**
 * Reading XLIFF 2.0/2.1/2.2 and XLIFF 1.2 files for QA (`relais qa file.xlf`). Uses the safe XML reader of the
 * glossary service: size limit, strict UTF-8, no DTD, line numbers in errors.
 *
 * Text flattening (documented in docs/glossary-formats.md):
 * - XLIFF 2.x: a unit's text is its `<segment>`s and `<ignorable>`s concatenated in document order (source with
 *   source, target with target). `<pc>` and `<mrk>` keep their content; `<ph/>`, `<sc/>`, `<ec/>`, `<sm/>`,
 *   `<em/>` become nothing; `<cp hex="…"/>` becomes its character.
 * - XLIFF 1.2: `<source>` / `<target>` of each `<trans-unit>` (`<seg-source>` is ignored). `<g>` and `<mrk>` keep
 *   their content; `<x/>`, `<bx/>`, `<ex/>` become nothing, and so do `<ph>`, `<bpt>`, `<ept>`, `<it>` whose
 *   content is native code, not text.
 * - Units marked `translate="no"` are skipped. A unit without target gets target ''.
 * - Unit ids are used as they are; when a document has several `<file>`s, ids are prefixed `fileId/`.
 */
import { RelaisError } from '../../../shared/errors.ts';
import type { XmlElement } from '../glossary/xml.ts';
import { NS, attr, childElements, readXmlFile } from '../glossary/xml.ts';

export type XliffVersion = '1.2' | '2.0' | '2.1' | '2.2';

export interface XliffUnit {
  id: string;
  source: string;
  target: string;
}

export interface XliffDocument {
  version: XliffVersion;
  srcLang: string;
  trgLang: string;
  units: XliffUnit[];
}

/** Reads an XLIFF file. Throws RelaisError (`file.unsupported`, `file.corrupt`, …) with the file and line. */
/** XLIFF elements without mixed content (white space inside them is layout). */
const XLIFF_STRUCTURAL: ReadonlySet<string> = new Set([
  'xliff', 'file', 'group', 'unit', 'segment', 'ignorable', 'notes', 'originalData', 'body', 'header', 'trans-unit',
  'alt-trans', 'skeleton',
]);

export async function readXliff(file: string): Promise<XliffDocument> {
  const root = await readXmlFile(file, { structural: XLIFF_STRUCTURAL });
  return parseXliff(root, file);
}

export function parseXliff(root: XmlElement, file: string): XliffDocument {
  const unsupported = (msg: string, line: number): never => {
    throw new RelaisError('file.unsupported', msg, { file, line });
  };
  if (root.name !== 'xliff') unsupported(`Root element <${root.qname}> is not <xliff>`, root.line);
  const version = attr(root, 'version', '')?.trim() ?? '';
  if (root.ns === NS.xliff2) {
    if (version !== '2.0' && version !== '2.1' && version !== '2.2') {
      unsupported(`XLIFF version "${version || '(none)'}" is not supported (2.0, 2.1, 2.2 or 1.2)`, root.line);
    }
    return parse2(root, file, version as XliffVersion);
  }
  if (root.ns === NS.xliff12) {
    if (version !== '1.2') unsupported(`XLIFF 1.2 namespace with version "${version || '(none)'}"`, root.line);
    return parse12(root, file);
  }
  return unsupported(`The <xliff> element has namespace "${root.ns || '(none)'}"; expected "${NS.xliff2}" (XLIFF 2.x) or "${NS.xliff12}" (XLIFF 1.2)`,
    root.line,
  );
}

function checkUniqueIds(units: (XliffUnit & { line: number })[], file: string): XliffUnit[] {
  const seen = new Map<string, number>();
  for (const u of units) {
    const prev = seen.get(u.id);
    if (prev !== undefined) {
      throw new RelaisError('file.corrupt', `Unit id "${u.id}" is used twice (lines ${prev} and ${u.line})`, {
        file,
        line: u.line,
      });
    }
    seen.set(u.id, u.line);
  }
  return units.map(({ id, source, target }) => ({ id, source, target }));
}

// ---- XLIFF 2.x ----

function text2(el: XmlElement): string {
  let s = '';
  for (const c of el.children) {
    if (c.type === 'text') s += c.text;
    else if (c.ns !== NS.xliff2) continue; // extension elements are not text
    else if (c.name === 'pc' || c.name === 'mrk') s += text2(c);
    else if (c.name === 'cp') {
      const hex = attr(c, 'hex', '') ?? '';
      const cp = Number.parseInt(hex, 16);
      if (/^[0-9a-fA-F]{1,6}$/.test(hex) && cp <= 0x10ffff) s += String.fromCodePoint(cp);
    }
    // ph, sc, ec, sm, em: nothing
  }
  return s;
}

function parse2(root: XmlElement, file: string, version: XliffVersion): XliffDocument {
  const srcLang = attr(root, 'srcLang', '')?.trim() ?? '';
  const trgLang = attr(root, 'trgLang', '')?.trim() ?? '';
  if (!srcLang) throw new RelaisError('file.corrupt', `<xliff> has no srcLang`, { file, line: root.line });
  const files = childElements(root, 'file').filter((f) => f.ns === NS.xliff2);
  const prefix = files.length > 1;
  const units: (XliffUnit & { line: number })[] = [];
  const walk = (el: XmlElement, fileId: string) => {
    for (const c of childElements(el)) {
      if (c.ns !== NS.xliff2) continue;
      if (c.name === 'group') {
        if (attr(c, 'translate', '') !== 'no') walk(c, fileId);
      } else if (c.name === 'unit') {
        const id = attr(c, 'id', '');
        if (!id) throw new RelaisError('file.corrupt', `<unit> without id`, { file, line: c.line });
        if (attr(c, 'translate', '') === 'no') continue;
        let source = '';
        let target = '';
        for (const part of childElements(c)) {
          if (part.ns !== NS.xliff2 || (part.name !== 'segment' && part.name !== 'ignorable')) continue;
          const s = childElements(part, 'source')[0];
          const t = childElements(part, 'target')[0];
          if (!s) throw new RelaisError('file.corrupt', `<${part.name}> without <source>`, { file, line: part.line });
          const st = text2(s);
          source += st;
          // an ignorable without target (whitespace between segments) counts as itself in the target
          target += t ? text2(t) : part.name === 'ignorable' ? st : '';
        }
        units.push({ id: prefix ? `${fileId}/${id}` : id, source, target, line: c.line });
      }
    }
  };
  for (const f of files) walk(f, attr(f, 'id', '') ?? '');
  return { version, srcLang, trgLang, units: checkUniqueIds(units, file) };
}

// ---- XLIFF 1.2 ----

function text12(el: XmlElement): string {
  let s = '';
  for (const c of el.children) {
    if (c.type === 'text') s += c.text;
    else if (c.ns !== NS.xliff12) continue;
    else if (c.name === 'g' || c.name === 'mrk') s += text12(c);
    // x, bx, ex: empty; ph, bpt, ept, it: native code, dropped
  }
  return s;
}

function parse12(root: XmlElement, file: string): XliffDocument {
  const files = childElements(root, 'file').filter((f) => f.ns === NS.xliff12);
  if (files.length === 0) throw new RelaisError('file.corrupt', `No <file> element`, { file, line: root.line });
  const first = files[0]!;
  const srcLang = attr(first, 'source-language', '')?.trim() ?? '';
  const trgLang = attr(first, 'target-language', '')?.trim() ?? '';
  if (!srcLang) throw new RelaisError('file.corrupt', `<file> has no source-language`, { file, line: first.line });
  const prefix = files.length > 1;
  const units: (XliffUnit & { line: number })[] = [];
  const walk = (el: XmlElement, fileId: string) => {
    for (const c of childElements(el)) {
      if (c.ns !== NS.xliff12) continue;
      if (c.name === 'group' || c.name === 'body') {
        if (attr(c, 'translate', '') !== 'no') walk(c, fileId);
      } else if (c.name === 'trans-unit') {
        const id = attr(c, 'id', '');
        if (!id) throw new RelaisError('file.corrupt', `<trans-unit> without id`, { file, line: c.line });
        if (attr(c, 'translate', '') === 'no') continue;
        const s = childElements(c, 'source')[0];
        const t = childElements(c, 'target')[0];
        if (!s) throw new RelaisError('file.corrupt', `<trans-unit> without <source>`, { file, line: c.line });
        units.push({ id: prefix ? `${fileId}/${id}` : id, source: text12(s), target: t ? text12(t) : '', line: c.line });
      }
    }
  };
  for (const f of files) walk(f, attr(f, 'original', '') ?? '');
  return { version: '1.2', srcLang, trgLang, units: checkUniqueIds(units, file) };
}
