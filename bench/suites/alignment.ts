/**
 * Draft alignment accuracy on bench/data/alignment-gold.json: the share of gold links found exactly (same source
 * sentences, same draft sentences) by the Relais aligner (shared/alignment) and by the classic length-only
 * Gale–Church programme (bench/baselines/gale-church.ts, published parameters), on the same input in the same run.
 * The gold set has a `split` per document: "dev" (the aligner's parameters were chosen on it) and "test" (held out,
 * never used to choose anything); both are reported, separately. Also: the confidence's calibration, and the
 * warnings on deliberately wrong inputs (another article's draft, the French source given as the draft).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createTermIndex, type TermIndex } from '../../shared/glossary/index.ts';
import { alignDraft, type AlignUnit } from '../../shared/alignment/index.ts';
import { loadDeskGlossary } from '../../electron/services/glossary/index.ts';
import { alignFiles } from '../../electron/services/alignment/index.ts';
import { galeChurch, galeChurchTwoLevel, type Bead } from '../baselines/gale-church.ts';
import { peer, round } from '../report.ts';
import { dataFile } from '../segmentation-gold.ts';
import type { Figure, SuiteResult } from '../types.ts';

export const name = 'alignment';

interface GoldLink {
  source: number[];
  target: number[];
}

interface GoldDocument {
  id: string;
  split: 'dev' | 'test';
  source: { paragraph: number; text: string }[];
  draft: { paragraph: number; text: string }[];
  links: GoldLink[];
}

interface Predicted extends GoldLink {
  confidence?: number;
}

interface Aligner {
  id: string;
  label: string;
  run(doc: GoldDocument): Predicted[];
}

const KINDS = ['1-1', '1-2', '2-1', '1-0', '0-1'] as const;

function key(l: GoldLink): string {
  return `${l.source.join(',')}|${l.target.join(',')}`;
}

function kindOf(l: GoldLink): string {
  return `${l.source.length}-${l.target.length}`;
}

function units(side: GoldDocument['source']): AlignUnit[] {
  return side.map((s) => ({ text: s.text, paragraph: s.paragraph }));
}

function fromBeads(beads: Bead[]): Predicted[] {
  return beads.map((b) => ({ source: Array.from({ length: b.a }, (_, k) => b.i + k), target: Array.from({ length: b.b }, (_, k) => b.j + k) }));
}

function aligners(terms: TermIndex): Aligner[] {
  const relais = (t?: TermIndex) => (doc: GoldDocument) =>
    alignDraft(units(doc.source), units(doc.draft), t ? { terms: t } : {}).links.map((l) => ({ source: l.source, target: l.target, confidence: l.confidence }));
  const lengths = (side: GoldDocument['source']) => side.map((s) => s.text.length);
  return [
    { id: 'relais', label: 'Relais (desk glossary)', run: relais(terms) },
    { id: 'relaisNoGlossary', label: 'Relais (no glossary)', run: relais() },
    { id: 'galeChurch', label: 'Gale–Church, sentences', run: (d) => fromBeads(galeChurch(lengths(d.source), lengths(d.draft))) },
    {
      id: 'galeChurchTwoLevel',
      label: 'Gale–Church, ¶ then sentences',
      run: (d) => fromBeads(galeChurchTwoLevel(lengths(d.source), d.source.map((s) => s.paragraph), lengths(d.draft), d.draft.map((s) => s.paragraph))),
    },
  ];
}

interface Score {
  gold: number;
  exact: number;
  share: number;
  predicted: number;
  precision: number;
  byKind: Record<string, { gold: number; exact: number }>;
  documentsPerfect: number;
  msPerDocument: number;
  /** [confidence bin low, links, right] for aligners with a confidence. */
  calibration?: { from: number; to: number; links: number; right: number; meanConfidence: number }[];
  wrongDocuments: { id: string; missed: string[] }[];
}

function score(a: Aligner, docs: readonly GoldDocument[]): Score {
  let gold = 0;
  let exact = 0;
  let predicted = 0;
  let perfect = 0;
  const byKind: Score['byKind'] = Object.fromEntries(KINDS.map((k) => [k, { gold: 0, exact: 0 }]));
  const bins = [0, 0.5, 0.8, 0.95, 0.99, 1.0001].slice(0, -1).map((from, k, all) => ({ from, to: [0.5, 0.8, 0.95, 0.99, 1][k]!, links: 0, right: 0, sum: 0, all }));
  let withConfidence = false;
  const wrongDocuments: Score['wrongDocuments'] = [];
  const t0 = performance.now();
  const outputs = docs.map((d) => a.run(d));
  const ms = performance.now() - t0;
  docs.forEach((d, k) => {
    const out = outputs[k]!;
    const goldKeys = new Set(d.links.map(key));
    const outKeys = new Set(out.map(key));
    let right = 0;
    for (const l of d.links) {
      const kind = byKind[kindOf(l)] ?? (byKind[kindOf(l)] = { gold: 0, exact: 0 });
      kind.gold++;
      if (outKeys.has(key(l))) {
        kind.exact++;
        right++;
      }
    }
    for (const l of out) {
      if (l.confidence === undefined) continue;
      withConfidence = true;
      const bin = bins.find((b) => l.confidence! >= b.from && l.confidence! < (b.to === 1 ? 1.0001 : b.to))!;
      bin.links++;
      bin.sum += l.confidence;
      if (goldKeys.has(key(l))) bin.right++;
    }
    gold += d.links.length;
    exact += right;
    predicted += out.length;
    if (right === d.links.length && out.length === d.links.length) perfect++;
    else wrongDocuments.push({ id: d.id, missed: d.links.filter((l) => !outKeys.has(key(l))).map(key) });
  });
  const s: Score = {
    gold,
    exact,
    share: gold ? exact / gold : 0,
    predicted,
    precision: predicted ? exact / predicted : 0,
    byKind,
    documentsPerfect: perfect,
    msPerDocument: docs.length ? ms / docs.length : 0,
    wrongDocuments,
  };
  if (withConfidence) s.calibration = bins.map((b) => ({ from: b.from, to: b.to, links: b.links, right: b.right, meanConfidence: b.links ? b.sum / b.links : 0 }));
  return s;
}

function pad(s: string, n: number): string {
  return s.length >= n ? s : s + ' '.repeat(n - s.length);
}

function table(list: Aligner[], results: Record<string, Score>): string {
  const head = ['aligner', 'exact/gold', 'share', 'precision', ...KINDS, 'docs OK', 'ms/doc'];
  const widths = [30, 11, 7, 10, 8, 8, 8, 8, 8, 8, 7];
  const line = (cells: string[]) => cells.map((c, i) => pad(c, widths[i]!)).join(' ');
  let t = line(head) + '\n' + line(widths.map((w) => '-'.repeat(w))) + '\n';
  for (const a of list) {
    const r = results[a.id]!;
    t += line([
      a.label,
      `${r.exact}/${r.gold}`,
      r.share.toFixed(3),
      r.precision.toFixed(3),
      ...KINDS.map((k) => `${r.byKind[k]!.exact}/${r.byKind[k]!.gold}`),
      `${r.documentsPerfect}`,
      r.msPerDocument.toFixed(1),
    ]) + '\n';
  }
  return t;
}

/** Warnings on inputs that are wrong on purpose, and their absence on the real pairs. */
function warningChecks(docs: readonly GoldDocument[], terms: TermIndex) {
  const codes = (src: AlignUnit[], dr: AlignUnit[]) => alignDraft(src, dr, { terms }).warnings.map((w) => w.code);
  let falseAlarms = 0;
  const falseAlarmIds: string[] = [];
  let differentDetected = 0;
  let frenchDetected = 0;
  docs.forEach((d, k) => {
    const real = codes(units(d.source), units(d.draft)).filter((c) => c === 'draft.differentArticle' || c === 'draft.wrongLanguage' || c === 'draft.empty');
    if (real.length) {
      falseAlarms++;
      falseAlarmIds.push(`${d.id} (${real.join(', ')})`);
    }
    const other = docs[(k + 1) % docs.length]!;
    if (codes(units(d.source), units(other.draft)).includes('draft.differentArticle')) differentDetected++;
    if (codes(units(d.source), units(d.source)).includes('draft.wrongLanguage')) frenchDetected++;
  });
  return { documents: docs.length, falseAlarms, falseAlarmIds, differentDetected, frenchDetected };
}

/** Ours (the first aligner, Relais with the desk glossary) with every other aligner beside it as a peer. */
function alignerFigures(prefix: string, label: string, list: Aligner[], results: Record<string, Score>, documents: number): Figure[] {
  const ours = results[list[0]!.id]!;
  const fig = (key: string, what: string, get: (x: Score) => number, unit: Figure['unit'], better: Figure['better'], digits: number): Figure => ({
    id: `${prefix}.${key}`,
    label: `${label}: ${what}`,
    value: round(get(ours), digits),
    unit,
    better,
    stat: `${documents} document(s), ${ours.gold} gold links`,
    peers: list.slice(1).map((a) => peer(a.label, get(ours), round(get(results[a.id]!), digits))),
  });
  return [
    fig('exactShare', 'share of gold links found exactly', (x) => x.share, 'fraction', 'higher', 4),
    fig('precision', 'share of links made that are exactly right', (x) => x.precision, 'fraction', 'higher', 4),
    fig('documentsPerfect', 'documents aligned without a mistake', (x) => x.documentsPerfect, 'count', 'higher', 0),
    fig('msPerDocument', 'time per document', (x) => x.msPerDocument, 'ms', 'lower', 2),
  ];
}

export async function run(): Promise<SuiteResult> {
  const file = dataFile('alignment-gold.json');
  const data = JSON.parse(readFileSync(file, 'utf8')) as { documents: GoldDocument[]; looseTranslations?: string[] };
  const terms = createTermIndex([await loadDeskGlossary()]);
  const list = aligners(terms);
  // Warm-up: the first run pays for regex compilation and the JIT.
  for (const a of list) a.run(data.documents[0]!);
  let text = 'Gold set: bench/data/alignment-gold.json (exact = same source and draft sentences as the gold link)\n';
  const figures: Figure[] = [];
  const details: Record<string, unknown> = {};
  for (const split of ['dev', 'test'] as const) {
    const docs = data.documents.filter((d) => d.split === split);
    const results: Record<string, Score> = {};
    for (const a of list) results[a.id] = score(a, docs);
    const label = split === 'dev' ? 'dev (parameters chosen on it)' : 'test (held out, never tuned on)';
    text += `\n-- ${label}: ${docs.length} documents, ${results.relais!.gold} gold links --\n` + table(list, results);
    const cal = results.relais!.calibration!;
    text += `Relais confidence (links predicted, share exactly right): ${cal.map((b) => `[${b.from}, ${b.to}${b.to === 1 ? ']' : ')'} ${b.right}/${b.links}`).join('  ')}\n`;
    const loose = new Set(data.looseTranslations ?? []);
    if (loose.size) {
      const strict = docs.filter((d) => !loose.has(d.id));
      const free = docs.filter((d) => loose.has(d.id));
      const r1 = score(list[0]!, strict);
      const r2 = score(list[0]!, free);
      const g1 = score(list[3]!, strict);
      const g2 = score(list[3]!, free);
      text += `Close translations: Relais ${r1.share.toFixed(3)} vs Gale–Church ¶ ${g1.share.toFixed(3)} (${r1.gold} links); loose rewrites: Relais ${r2.share.toFixed(3)} vs ${g2.share.toFixed(3)} (${r2.gold} links)\n`;
    }
    if (split === 'dev') {
      for (const w of results.relais!.wrongDocuments) text += `  dev ${w.id}: missed ${w.missed.join('  ')}\n`;
    }
    const checks = warningChecks(docs, terms);
    text +=
      `Warnings: false alarms on the real pairs ${checks.falseAlarms}/${checks.documents}${checks.falseAlarmIds.length ? ` (${checks.falseAlarmIds.join('; ')})` : ''}; ` +
      `another article's draft flagged ${checks.differentDetected}/${checks.documents}; the French source as draft flagged ${checks.frenchDetected}/${checks.documents}\n`;
    figures.push(
      ...alignerFigures(split, split === 'dev' ? 'dev part' : 'test part (held out)', list, results, docs.length),
      { id: `${split}.warnings.falseAlarms`, label: `${split} part: real pairs warned about (different article, wrong language, empty)`, value: checks.falseAlarms, unit: 'count', better: 'lower', stat: `of ${checks.documents}` },
      { id: `${split}.warnings.differentArticle`, label: `${split} part: another article's draft flagged`, value: round(checks.differentDetected / checks.documents, 4), unit: 'fraction', better: 'higher', stat: `${checks.differentDetected} of ${checks.documents}` },
      { id: `${split}.warnings.frenchDraft`, label: `${split} part: the French source given as the draft flagged`, value: round(checks.frenchDetected / checks.documents, 4), unit: 'fraction', better: 'higher', stat: `${checks.frenchDetected} of ${checks.documents}` },
    );
    details[split] = {
      documents: docs.length,
      ...Object.fromEntries(Object.entries(results).map(([id, r]) => [id, { ...r, wrongDocuments: r.wrongDocuments.map((w) => w.id) }])),
      warnings: checks,
    };
  }
  text += await cumberland(list, terms, figures, details);
  return { name, title: 'Draft alignment: dev and held-out test documents, the reference article end to end', figures, details, text };
}

/** Text key of a link, to compare links found from the files with the gold's. */
function textKey(source: string[], target: string[]): string {
  return `${source.join(' ')}\u0000${target.join(' ')}`;
}

/**
 * The reference article and its English translation (held out): on the gold's sentences like the other documents,
 * and end to end from the two files (importers, page-chrome detection, French and English segmenters, aligner).
 */
async function cumberland(list: Aligner[], terms: TermIndex, figures: Figure[], details: Record<string, unknown>): Promise<string> {
  const file = dataFile('cumberland-alignment.json');
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
  const fr = path.join(root, 'resources', 'samples', 'cumberland-fr.txt');
  const en = path.join(root, 'resources', 'samples', 'cumberland-en.txt');
  const doc = (JSON.parse(readFileSync(file, 'utf8')) as { documents: GoldDocument[] }).documents[0]!;
  const results: Record<string, Score> = {};
  for (const a of list) results[a.id] = score(a, [doc]);
  let text = `\n-- reference article (cumberland-fr.txt / cumberland-en.txt, held out): ${doc.links.length} gold links --\n` + table(list, results);
  const r = await alignFiles(fr, en, { terms });
  const found = new Set(r.alignment.links.map((l) => textKey(l.source.map((k) => r.source[k]!.text), l.target.map((k) => r.draft[k]!.text))));
  const goldKeys = doc.links.map((l) => textKey(l.source.map((k) => doc.source[k]!.text), l.target.map((k) => doc.draft[k]!.text)));
  const exact = goldKeys.filter((k) => found.has(k)).length;
  const chromeLinks = doc.links.filter((l) => l.source.some((k) => !r.source.some((u) => u.text === doc.source[k]!.text))).length;
  text +=
    `End to end from the two files (import, chrome, segmenters, aligner): ${exact}/${goldKeys.length} gold links exactly` +
    `${chromeLinks ? ` (${chromeLinks} gold link(s) on lines detected as page chrome, which are not aligned)` : ''}; ` +
    `warnings: ${r.alignment.warnings.map((w) => w.code).join(', ') || 'none'}\n`;
  figures.push(
    ...alignerFigures('cumberland', 'reference article (held out)', list, results, 1),
    {
      id: 'cumberland.endToEnd.exactShare',
      label: 'reference article from its two files (import, chrome, segmenters, aligner): gold links found exactly',
      value: round(goldKeys.length ? exact / goldKeys.length : 0, 4),
      unit: 'fraction',
      better: 'higher',
      stat: `${exact} of ${goldKeys.length}`,
    },
  );
  details.cumberland = {
    ...Object.fromEntries(Object.entries(results).map(([id, s]) => [id, { ...s, wrongDocuments: s.wrongDocuments.map((w) => w.id) }])),
    endToEnd: { exact, gold: goldKeys.length, chromeLinks, warnings: r.alignment.warnings.map((w) => w.code) },
  };
  return text;
}
