/**
 * Import of SRX 2.0 (Segmentation Rules eXchange, LISA/GALA) rule files into SegmentationRules.
 *
 * Supported: <languagerules>/<languagerule languagerulename>/<rule break="yes|no"> with <beforebreak>/<afterbreak>,
 * and <maprules>/<languagemap languagepattern languagerulename>; the header's `cascade` attribute decides whether all
 * matching language maps contribute rules (cascade="yes", in map order) or only the first one. Patterns are ICU
 * regular expressions in SRX; they are compiled as JavaScript `u` regular expressions after removing the escapes JS
 * refuses in that mode (`\-`, `\'`, `\"`…). ICU-only syntax (possessive quantifiers, `\Q…\E`) is rejected with a
 * clear error. DOCTYPE declarations are refused (no DTD processing).
 */
import { SaxesParser } from 'saxes';
import { RelaisError } from '../errors.ts';
import type { SegmentationRule, SegmentationRules } from './types.ts';

const SYNTAX = new Set(['^', '$', '\\', '.', '*', '+', '?', '(', ')', '[', ']', '{', '}', '|', '/']);

/** Rewrites an ICU pattern so that JavaScript accepts it with the `u` flag (identity escapes of punctuation removed). */
export function icuToJsPattern(pattern: string): string {
  let out = '';
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i]!;
    if (ch === '\\') {
      const next = pattern[i + 1];
      if (next === undefined) return out + ch;
      i++;
      if (/[A-Za-z0-9]/.test(next) || SYNTAX.has(next) || (next === '-' && inClass)) out += '\\' + next;
      else out += next;
      continue;
    }
    if (ch === '[' && !inClass) inClass = true;
    else if (ch === ']' && inClass) inClass = false;
    out += ch;
  }
  return out;
}

interface RawRule {
  break: boolean;
  before: string;
  after: string;
  line: number;
}

export interface ParseSrxOptions {
  /** File name, for error messages. */
  file?: string;
}

/**
 * Parses an SRX 2.0 document and returns the rules that apply to `language` (a BCP 47 code such as `fr` or
 * `fr-FR`, matched case-insensitively against each languagemap's languagepattern). Throws RelaisError
 * ('file.corrupt') for malformed XML, a DOCTYPE, a document that is not SRX, an invalid pattern, or when no
 * language map matches.
 */
export function parseSrx(xml: string, language: string, opts: ParseSrxOptions = {}): SegmentationRules {
  const file = opts.file;
  const fail = (message: string, line?: number, detail?: string): never => {
    const o: { file?: string; line?: number; detail?: string } = {};
    if (file !== undefined) o.file = file;
    if (line !== undefined) o.line = line;
    if (detail !== undefined) o.detail = detail;
    throw new RelaisError('file.corrupt', message, o);
  };
  if (typeof xml !== 'string' || !xml.trim()) fail('The SRX file is empty');
  if (typeof language !== 'string' || !language.trim()) throw new RelaisError('invalid.arguments', 'parseSrx needs a language code');

  const parser = new SaxesParser({ position: true });
  const languageRules = new Map<string, RawRule[]>();
  const maps: { pattern: string; rule: string; line: number }[] = [];
  let cascade = false;
  let rootSeen = false;
  let current: RawRule[] | null = null;
  let rule: RawRule | null = null;
  let field: 'before' | 'after' | null = null;

  parser.on('error', (e) => fail('The SRX file is not well-formed XML', parser.line, e.message));
  parser.on('doctype', () => fail('DOCTYPE declarations are not allowed in SRX files', parser.line));
  parser.on('opentag', (tag) => {
    const name = tag.name.replace(/^.*:/, '');
    const attr = (n: string): string | undefined => {
      const v = tag.attributes[n];
      return typeof v === 'string' ? v : undefined;
    };
    if (!rootSeen) {
      rootSeen = true;
      if (name !== 'srx') fail(`Not an SRX file: the root element is <${tag.name}>`, parser.line);
      return;
    }
    switch (name) {
      case 'header':
        cascade = (attr('cascade') ?? 'yes').toLowerCase() === 'yes';
        break;
      case 'languagerule': {
        const n = attr('languagerulename');
        if (!n) fail('<languagerule> without languagerulename', parser.line);
        current = [];
        languageRules.set(n!, current);
        break;
      }
      case 'rule':
        if (!current) fail('<rule> outside a <languagerule>', parser.line);
        rule = { break: (attr('break') ?? 'yes').toLowerCase() !== 'no', before: '', after: '', line: parser.line };
        current!.push(rule);
        break;
      case 'beforebreak':
        field = 'before';
        break;
      case 'afterbreak':
        field = 'after';
        break;
      case 'languagemap': {
        const pattern = attr('languagepattern');
        const r = attr('languagerulename');
        if (pattern === undefined || !r) fail('<languagemap> needs languagepattern and languagerulename', parser.line);
        maps.push({ pattern: pattern!, rule: r!, line: parser.line });
        break;
      }
      default:
        break;
    }
  });
  const onText = (t: string) => {
    if (rule && field) rule[field] += t;
  };
  parser.on('text', onText);
  parser.on('cdata', onText);
  parser.on('closetag', (tag) => {
    const name = tag.name.replace(/^.*:/, '');
    if (name === 'beforebreak' || name === 'afterbreak') field = null;
    else if (name === 'rule') rule = null;
    else if (name === 'languagerule') current = null;
  });
  parser.write(xml).close();
  if (!rootSeen) fail('Not an SRX file: no root element');

  const selected: RawRule[] = [];
  let matched = false;
  for (const m of maps) {
    let re: RegExp;
    try {
      re = new RegExp(`^(?:${icuToJsPattern(m.pattern)})$`, 'iu');
    } catch (e) {
      return fail(`Invalid languagepattern "${m.pattern}"`, m.line, e instanceof Error ? e.message : String(e));
    }
    if (!re.test(language) && !re.test(language.replace(/-/g, '_'))) continue;
    const rs = languageRules.get(m.rule);
    if (!rs) fail(`<languagemap> refers to an unknown languagerule "${m.rule}"`, m.line);
    selected.push(...rs!);
    matched = true;
    if (!cascade) break;
  }
  if (!matched) fail(`The SRX file has no rules for language "${language}"`);

  const rules: SegmentationRule[] = selected.map((r) => {
    const before = icuToJsPattern(r.before.trim());
    const after = icuToJsPattern(r.after.trim());
    for (const [which, p] of [['beforebreak', before], ['afterbreak', after]] as const) {
      try {
        new RegExp(p, 'u');
      } catch (e) {
        fail(`Invalid ${which} pattern in the SRX rule`, r.line, `${p}: ${e instanceof Error ? e.message : String(e)}`);
      }
    }
    return { break: r.break, before, after };
  });
  return { name: file ?? 'srx', language, abbreviations: { always: [], beforeNumber: [], weak: [] }, rules };
}
