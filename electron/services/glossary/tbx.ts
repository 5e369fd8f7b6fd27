/**
 * TBX glossaries: reading TBX v3 (ISO 30042:2019, `<tbx>` root, TBX-Basic, DCA or DCT style) and TBX v2
 * (ISO 30042:2008 / TBX-Basic 2008, `<martif>` root), writing TBX v3 TBX-Basic (DCA style).
 * The field mapping is documented in docs/glossary-formats.md.
 */
import type { Glossary, GlossaryScope, Term, TermStatus } from '../../../shared/glossary/model.ts';
import { RelaisError } from '../../../shared/errors.ts';
import type { XmlElement } from './xml.ts';
import {
  NS,
  attr,
  childElements,
  collapseXmlSpace,
  displayName,
  escapeXmlAttr,
  escapeXmlText,
  textContent,
  trimXmlSpace,
  xmlLang,
} from './xml.ts';
import type { DraftConcept, DraftTerm } from './build.ts';
import { buildGlossary, defaultCaseSensitive, joinParts, parseStatus, parseYesNo, tbxStatusValue } from './build.ts';

/** TBX elements without mixed content (white space inside them is layout). */
export const TBX_STRUCTURAL: ReadonlySet<string> = new Set([
  'tbx', 'martif', 'tbxHeader', 'martifHeader', 'fileDesc', 'titleStmt', 'sourceDesc', 'encodingDesc', 'revisionDesc',
  'text', 'body', 'back', 'conceptEntry', 'termEntry', 'langSec', 'langSet', 'termSec', 'tig', 'ntig', 'termGrp',
  'descripGrp', 'adminGrp', 'termNoteGrp', 'transacGrp', 'noteGrp',
]);

const TBX2_NAMESPACES = ['', 'urn:iso:std:iso:30042:ed-1'];

/** True when the root element looks like TBX (v2 or v3), whatever its namespace. */
export function isTbxRoot(root: XmlElement): boolean {
  return root.name === 'tbx' || root.name === 'martif';
}

/** Reads a parsed TBX document. Throws RelaisError (`file.unsupported`, `file.corrupt`) with the file and line. */
export function parseTbx(root: XmlElement, file: string, opts: { scope: GlossaryScope; name?: string }): Glossary {
  let version: 2 | 3;
  if (root.name === 'tbx') {
    if (root.ns !== NS.tbx3) {
      throw new RelaisError(
        'file.unsupported',
        `The <tbx> element has namespace "${root.ns || '(none)'}"; TBX v3 requires "${NS.tbx3}"`,
        { file, line: root.line },
      );
    }
    version = 3;
  } else if (root.name === 'martif') {
    if (!TBX2_NAMESPACES.includes(root.ns)) {
      throw new RelaisError('file.unsupported', `Unexpected namespace "${root.ns}" on <martif>`, {
        file,
        line: root.line,
      });
    }
    version = 2;
  } else {
    throw new RelaisError('file.unsupported', `Root element <${root.qname}> is not TBX (<tbx> or <martif>)`, { file, line: root.line });
  }
  const header = childElements(root, version === 3 ? 'tbxHeader' : 'martifHeader')[0];
  const title = header ? findPath(header, ['fileDesc', 'titleStmt', 'title']) : undefined;
  const titleText = title ? collapseXmlSpace(textContent(title)) : '';
  const body = findPath(root, ['text', 'body']);
  if (!body) throw new RelaisError('file.corrupt', `No <text><body> element, so no entries`, { file, line: root.line });
  const conceptName = version === 3 ? 'conceptEntry' : 'termEntry';
  const drafts: DraftConcept[] = [];
  for (const el of childElements(body)) {
    if (el.name !== conceptName) {
      if (el.name === 'conceptEntry' || el.name === 'termEntry') {
        throw new RelaisError('file.corrupt', `<${el.name}> in a TBX v${version} file (expected <${conceptName}>)`, {
          file,
          line: el.line,
        });
      }
      continue;
    }
    drafts.push(readConcept(el, file, version));
  }
  const name = opts.name ?? (titleText || displayName(file).replace(/\.[^.]+$/, ''));
  return buildGlossary(file, name, opts.scope, drafts);
}

function findPath(el: XmlElement, names: string[]): XmlElement | undefined {
  let cur: XmlElement | undefined = el;
  for (const n of names) {
    cur = cur ? childElements(cur, n)[0] : undefined;
  }
  return cur;
}

interface Aux {
  notes: string[];
  sources: string[];
  subjects: string[];
}

/** Gathers definitions/notes, sources and subject fields below `el`, not descending into `stop` elements. */
function gatherAux(el: XmlElement, stop: ReadonlySet<string>, aux: Aux): void {
  for (const c of childElements(el)) {
    if (stop.has(c.name)) continue;
    const type = attr(c, 'type');
    if (c.name === 'note') aux.notes.push(trimXmlSpace(textContent(c)));
    else if (c.name === 'descrip' && type === 'definition') aux.notes.push(trimXmlSpace(textContent(c)));
    else if (c.name === 'descrip' && type === 'subjectField') aux.subjects.push(collapseXmlSpace(textContent(c)));
    else if (c.name === 'admin' && type === 'source') aux.sources.push(trimXmlSpace(textContent(c)));
    else if (c.name === 'descripGrp' || c.name === 'adminGrp' || c.name === 'noteGrp') gatherAux(c, stop, aux);
    // DCT style (TBX v3): <basic:definition>, <basic:subjectField>, <basic:source>
    else if (c.ns !== NS.tbx3 && c.ns !== '' && c.name === 'definition') aux.notes.push(trimXmlSpace(textContent(c)));
    else if (c.ns !== NS.tbx3 && c.ns !== '' && c.name === 'subjectField') aux.subjects.push(collapseXmlSpace(textContent(c)));
    else if (c.ns !== NS.tbx3 && c.ns !== '' && c.name === 'source') aux.sources.push(trimXmlSpace(textContent(c)));
  }
}

const LANG_LEVEL = new Set(['langSec', 'langSet']);
const TERM_LEVEL = new Set(['termSec', 'tig', 'ntig']);

function readConcept(el: XmlElement, file: string, version: 2 | 3): DraftConcept {
  const id = attr(el, 'id')?.trim() || `c${el.line}`;
  const aux: Aux = { notes: [], sources: [], subjects: [] };
  gatherAux(el, LANG_LEVEL, aux);
  const terms: DraftTerm[] = [];
  const langName = version === 3 ? 'langSec' : 'langSet';
  for (const ls of childElements(el)) {
    if (!LANG_LEVEL.has(ls.name)) continue;
    if (ls.name !== langName) {
      throw new RelaisError('file.corrupt', `<${ls.name}> in a TBX v${version} file (expected <${langName}>)`, {
        file,
        line: ls.line,
      });
    }
    const lang = xmlLang(ls)?.trim();
    if (!lang) throw new RelaisError('file.corrupt', `<${ls.name}> without xml:lang`, { file, line: ls.line });
    gatherAux(ls, TERM_LEVEL, aux);
    for (const ts of childElements(ls)) {
      if (!TERM_LEVEL.has(ts.name)) continue;
      terms.push(readTerm(ts, lang, file));
    }
  }
  const d: DraftConcept = { id, line: el.line, terms };
  const note = joinParts(aux.notes);
  const source = joinParts(aux.sources);
  const subject = joinParts(aux.subjects);
  if (note !== undefined) d.note = note;
  if (source !== undefined) d.source = source;
  if (subject !== undefined) d.subject = subject;
  return d;
}

/** One termSec (v3), tig or ntig/termGrp (v2). */
function readTerm(ts: XmlElement, lang: string, file: string): DraftTerm {
  const nodes = flattenTermContainer(ts);
  const termEl = nodes.find((n) => n.name === 'term');
  if (!termEl) throw new RelaisError('file.corrupt', `<${ts.name}> without <term>`, { file, line: ts.line });
  const text = collapseXmlSpace(textContent(termEl));
  let status: TermStatus | undefined;
  let caseSensitive: boolean | undefined;
  let partOfSpeech: string | undefined;
  const notes: string[] = [];
  for (const n of nodes) {
    const type = n.name === 'termNote' ? attr(n, 'type') : n.ns !== NS.tbx3 && n.ns !== '' ? n.name : undefined;
    const value = collapseXmlSpace(textContent(n));
    if (n.name === 'note') {
      notes.push(trimXmlSpace(textContent(n)));
      continue;
    }
    if (type === 'administrativeStatus' || type === 'normativeAuthorization') {
      const s = parseStatus(value);
      if (!s) {
        throw new RelaisError('file.corrupt', `Unknown ${type} "${value}" for the term "${text}"`, {
          file,
          line: n.line,
          detail: 'expected preferredTerm-admn-sts, admittedTerm-admn-sts, deprecatedTerm-admn-sts or supersededTerm-admn-sts',
        });
      }
      // administrativeStatus wins over normativeAuthorization when both are given
      if (status === undefined || type === 'administrativeStatus') status = s;
    } else if (type === 'x-caseSensitive') {
      const b = parseYesNo(value);
      if (b === undefined) {
        throw new RelaisError('file.corrupt', `X-caseSensitive must be "yes" or "no", not "${value}"`, { file, line: n.line });
      }
      caseSensitive = b;
    } else if (type === 'partOfSpeech') {
      partOfSpeech = value;
    }
  }
  const term: Term = {
    text,
    lang,
    status: status ?? 'preferred',
    caseSensitive: caseSensitive ?? defaultCaseSensitive(text),
  };
  const note = joinParts(notes);
  if (note !== undefined) term.note = note;
  if (partOfSpeech) term.partOfSpeech = partOfSpeech;
  return { term, line: termEl.line };
}

/** The elements of a term container, with termGrp / termNoteGrp wrappers opened. */
function flattenTermContainer(el: XmlElement): XmlElement[] {
  const out: XmlElement[] = [];
  for (const c of childElements(el)) {
    if (c.name === 'termGrp' || c.name === 'termNoteGrp') out.push(...flattenTermContainer(c));
    else out.push(c);
  }
  return out;
}

// ---- export ----

/**
 * TBX v3, TBX-Basic dialect, DCA style: one conceptEntry per concept, a langSec per language (in the order the terms
 * come), a termSec per term with its status, part of speech, note, and `x-caseSensitive` when it differs from the
 * default (see defaultCaseSensitive).
 */
export function exportTbx(glossary: Glossary, opts: { description?: string } = {}): string {
  const out: string[] = [];
  out.push('<?xml version="1.0" encoding="UTF-8"?>');
  out.push(
    '<?xml-model href="https://raw.githubusercontent.com/LTAC-Global/TBX-Basic_dialect/master/DCA/TBXcoreStructV03_TBX-Basic_integrated.rng" type="application/xml" schematypens="http://relaxng.org/ns/structure/1.0"?>',
  );
  out.push(`<tbx style="dca" type="TBX-Basic" xml:lang="fr" xmlns="${NS.tbx3}">`);
  out.push('  <tbxHeader>');
  out.push('    <fileDesc>');
  out.push(`      <titleStmt><title>${escapeXmlText(glossary.name)}</title></titleStmt>`);
  out.push(`      <sourceDesc><p>${escapeXmlText(opts.description ?? 'Exported by Relais')}</p></sourceDesc>`);
  out.push('    </fileDesc>');
  out.push('  </tbxHeader>');
  out.push('  <text>');
  out.push('    <body>');
  for (const c of glossary.entries) {
    out.push(`      <conceptEntry id="${escapeXmlAttr(c.id)}">`);
    if (c.subject !== undefined) out.push(`        <descrip type="subjectField">${escapeXmlText(c.subject)}</descrip>`);
    if (c.note !== undefined) out.push(`        <note>${escapeXmlText(c.note)}</note>`);
    if (c.source !== undefined) out.push(`        <admin type="source">${escapeXmlText(c.source)}</admin>`);
    const langs: string[] = [];
    for (const t of c.terms) if (!langs.includes(t.lang)) langs.push(t.lang);
    for (const lang of langs) {
      out.push(`        <langSec xml:lang="${escapeXmlAttr(lang)}">`);
      for (const t of c.terms) {
        if (t.lang !== lang) continue;
        out.push('          <termSec>');
        out.push(`            <term>${escapeXmlText(t.text)}</term>`);
        if (t.partOfSpeech !== undefined) out.push(`            <termNote type="partOfSpeech">${escapeXmlText(t.partOfSpeech)}</termNote>`);
        out.push(`            <termNote type="administrativeStatus">${tbxStatusValue(t.status)}</termNote>`);
        if (t.caseSensitive !== defaultCaseSensitive(t.text)) {
          out.push(`            <termNote type="x-caseSensitive">${t.caseSensitive ? 'yes' : 'no'}</termNote>`);
        }
        if (t.note !== undefined) out.push(`            <note>${escapeXmlText(t.note)}</note>`);
        out.push('          </termSec>');
      }
      out.push('        </langSec>');
    }
    out.push('      </conceptEntry>');
  }
  out.push('    </body>');
  out.push('  </text>');
  out.push('</tbx>');
  return out.join('\n') + '\n';
}
