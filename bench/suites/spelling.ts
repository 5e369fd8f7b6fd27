/**
 * Spelling of the English target: accuracy on the evaluation texts and cost per segment.
 *
 * Accuracy, per file (each present file is measured; a missing one is reported as missing):
 * - bench/data/spelling-en.json (en-GB) and spelling-en-us.json (en-US): clean paragraphs (every flag is a false
 *   alarm) and the same paragraphs with planted typos and other-variant spellings (detection). These texts have no
 *   French source, so their names (Hartley, Natarajan…) cannot be known: false alarms are reported in total and
 *   split into capitalised words (names a source, the glossary or the desk dictionary would supply) and the rest.
 * - resources/samples/cumberland-en.txt: the English translation of the sample article, each sentence checked
 *   against its French sentence(s) (bench/data/cumberland-alignment.json) with the names of the whole French
 *   article and the desk glossary — as in the app.
 * spelling-en.json and cumberland-en.txt were looked at while the checker was written (training figures);
 * spelling-en-us.json was not (held out).
 * The peer is the checker a competent engineer would write first: nspell.correct on every word of the text
 * (letters and apostrophes), nothing skipped.
 *
 * Cost: building each dictionary (read + nspell, cold in a fresh process… or as cold as this run allows), checking
 * one segment as it is typed (p50/p95/p99 over the sentences of a 10,000-segment document), the whole document,
 * the first suggestion for each planted typo, and the live path over the contract (checkSpelling through the
 * handler table and dispatcher, no transport).
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { importGlossaryFile } from '../../electron/services/glossary/index.ts';
import { buildHunspell, DictionaryCache, readDictionary } from '../../electron/services/spelling/dictionaries.ts';
import { startApp, testContext } from '../../electron/services/testing/context.ts';
import type { Glossary } from '../../shared/glossary/model.ts';
import { createQaEngine, type QaEngine } from '../../shared/qa/index.ts';
import type { Hunspell, SpellChecker } from '../../shared/spelling/checker.ts';
import type { EnglishVariant } from '../../shared/spelling/variants.ts';
import { median, peer, percentile, round, timed } from '../report.ts';
import type { Figure, SuiteResult } from '../types.ts';

export const name = 'spelling';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const DATA = (f: string) => path.join(ROOT, 'bench', 'data', f);
const SPELLING_RULES = new Set(['spelling.unknown', 'style.variant']);

interface SpellingFile {
  variant: EnglishVariant;
  paragraphs: { id: string; text: string; planted: string }[];
  errors: { paragraph: number; wrong: string; right: string; offset: number; kind: string }[];
  variantErrors: { paragraph: number; wrong: string; right: string; offset: number }[];
}

interface Flag {
  segment: number;
  start: number;
  end: number;
  word: string;
  rule: string;
}

const fmt = (x: number) => (x < 1 ? x.toFixed(3) : x < 100 ? x.toFixed(2) : x.toFixed(0));
const pct = (a: number, b: number) => (b === 0 ? '—' : `${((100 * a) / b).toFixed(1)} %`);
const countWords = (s: string) => (s.match(/[\p{L}\p{N}]+(?:['’\-.,][\p{L}\p{N}]+)*/gu) ?? []).length;
const isCapitalised = (w: string) => /^\p{Lu}/u.test(w);

function flagsOf(engine: QaEngine, segs: { source: string; target: string }[], ctx?: ReturnType<QaEngine['context']>): Flag[] {
  const out: Flag[] = [];
  segs.forEach((s, i) => {
    for (const f of engine.checkSegment({ id: String(i), source: s.source, target: s.target }, ctx)) {
      if (!SPELLING_RULES.has(f.rule) || !f.range) continue;
      out.push({ segment: i, start: f.range.start, end: f.range.end, word: f.term ?? '', rule: f.rule });
    }
  });
  return out;
}

/** The peer: every run of letters (with internal apostrophes) checked by nspell, nothing skipped. */
function peerFlags(h: Hunspell, texts: string[]): Flag[] {
  const out: Flag[] = [];
  texts.forEach((t, i) => {
    for (const m of t.matchAll(/\p{L}+(?:['’]\p{L}+)*/gu)) {
      if (!h.correct(m[0].replace(/’/g, "'"))) out.push({ segment: i, start: m.index, end: m.index + m[0].length, word: m[0], rule: 'peer' });
    }
  });
  return out;
}

interface FileFigures {
  file: string;
  split: 'training' | 'held-out';
  variant: EnglishVariant;
  words: number;
  falseAlarms: number;
  falseAlarmsCapitalised: number;
  falseAlarmsOther: number;
  falseAlarmWords: string[];
  typosPlanted?: number;
  typosFound?: number;
  variantsPlanted?: number;
  variantsFound?: number;
  variantsAsVariant?: number;
  extraFlagsOnPlanted?: number;
  firstSuggestionRight?: number;
  peer: { falseAlarms: number; typosFound?: number; variantsFound?: number };
}

function measureSpellingFile(file: string, split: FileFigures['split'], checker: SpellChecker, peer: Hunspell, glossaries: Glossary[]): FileFigures {
  const d = JSON.parse(readFileSync(DATA(file), 'utf8')) as SpellingFile;
  const engine = createQaEngine({ glossaries, spelling: checker, variant: d.variant });
  // No French source: a neutral one, so the engine runs (a blank source means nothing to check).
  const clean = d.paragraphs.map((p) => ({ source: '—', target: p.text }));
  const planted = d.paragraphs.map((p) => ({ source: '—', target: p.planted }));
  const fa = flagsOf(engine, clean);
  const onPlanted = flagsOf(engine, planted);
  const at = (list: Flag[], p: number, off: number) => list.find((f) => f.segment === p && f.start === off);
  const typosFound = d.errors.filter((e) => at(onPlanted, e.paragraph, e.offset)).length;
  const variantsFound = d.variantErrors.filter((e) => at(onPlanted, e.paragraph, e.offset)).length;
  const variantsAsVariant = d.variantErrors.filter((e) => at(onPlanted, e.paragraph, e.offset)?.rule === 'style.variant').length;
  const plantedKeys = new Set([...d.errors, ...d.variantErrors].map((e) => `${e.paragraph}:${e.offset}`));
  const extra = onPlanted.filter((f) => !plantedKeys.has(`${f.segment}:${f.start}`)).length;
  let right = 0;
  for (const e of d.errors) if (checker.suggest(e.wrong, 1)[0] === e.right) right++;
  for (const e of d.variantErrors) if (checker.suggest(e.wrong, 1)[0] === e.right) right++;
  const peerClean = peerFlags(peer, d.paragraphs.map((p) => p.text));
  const peerPlanted = peerFlags(peer, d.paragraphs.map((p) => p.planted));
  return {
    file,
    split,
    variant: d.variant,
    words: d.paragraphs.reduce((n, p) => n + countWords(p.text), 0),
    falseAlarms: fa.length,
    falseAlarmsCapitalised: fa.filter((f) => isCapitalised(f.word)).length,
    falseAlarmsOther: fa.filter((f) => !isCapitalised(f.word)).length,
    falseAlarmWords: fa.map((f) => f.word),
    typosPlanted: d.errors.length,
    typosFound,
    variantsPlanted: d.variantErrors.length,
    variantsFound,
    variantsAsVariant,
    extraFlagsOnPlanted: extra,
    firstSuggestionRight: right,
    peer: {
      falseAlarms: peerClean.length,
      typosFound: d.errors.filter((e) => at(peerPlanted, e.paragraph, e.offset)).length,
      variantsFound: d.variantErrors.filter((e) => at(peerPlanted, e.paragraph, e.offset)).length,
    },
  };
}

interface AlignmentDoc {
  source: { paragraph: number; text: string }[];
  draft: { paragraph: number; text: string }[];
  links: { source: number[]; target: number[] }[];
}

function cumberlandSegments(): { source: string; target: string }[] | null {
  const en = path.join(ROOT, 'resources', 'samples', 'cumberland-en.txt');
  const align = DATA('cumberland-alignment.json');
  if (!existsSync(en) || !existsSync(align)) return null;
  const doc = (JSON.parse(readFileSync(align, 'utf8')) as { documents: AlignmentDoc[] }).documents[0]!;
  return doc.links.map((l) => ({ source: l.source.map((k) => doc.source[k]!.text).join(' '), target: l.target.map((k) => doc.draft[k]!.text).join(' ') }));
}

function measureCumberland(checker: SpellChecker, peer: Hunspell, glossaries: Glossary[]): FileFigures | null {
  const segs = cumberlandSegments();
  if (!segs) return null;
  const engine = createQaEngine({ glossaries, spelling: checker, variant: 'en-GB' });
  const french = readFileSync(path.join(ROOT, 'resources', 'samples', 'cumberland-fr.txt'), 'utf8').split(/\n+/).filter((l) => l.trim() !== '');
  const fa = flagsOf(engine, segs, engine.context(french.map((source) => ({ source }))));
  return {
    file: 'resources/samples/cumberland-en.txt',
    split: 'training',
    variant: 'en-GB',
    words: segs.reduce((n, s) => n + countWords(s.target), 0),
    falseAlarms: fa.length,
    falseAlarmsCapitalised: fa.filter((f) => isCapitalised(f.word)).length,
    falseAlarmsOther: fa.filter((f) => !isCapitalised(f.word)).length,
    falseAlarmWords: fa.map((f) => f.word),
    peer: { falseAlarms: peerFlags(peer, segs.map((s) => s.target)).length },
  };
}

/** Sentences of the English texts, cycled into a 10,000-segment document with their planted versions mixed in. */
function bigDocument(n: number): { source: string; target: string }[] {
  const texts: string[] = [];
  for (const f of ['spelling-en.json', 'spelling-en-us.json']) {
    if (!existsSync(DATA(f))) continue;
    const d = JSON.parse(readFileSync(DATA(f), 'utf8')) as SpellingFile;
    for (const p of d.paragraphs) for (const t of [p.text, p.planted]) texts.push(...t.split(/(?<=[.!?]["”]?)\s+(?=["“]?\p{Lu})/u));
  }
  const c = cumberlandSegments();
  if (c) texts.push(...c.map((s) => s.target));
  if (texts.length === 0) texts.push('The investigation, led by Europol, continues.');
  return Array.from({ length: n }, (_, i) => ({ source: 'Source française du segment.', target: texts[i % texts.length]! }));
}

function stats(samples: number[]) {
  const s = [...samples].sort((a, b) => a - b);
  return { p50: percentile(s, 50), p95: percentile(s, 95), p99: percentile(s, 99), max: s[s.length - 1] ?? 0 };
}

/** Short ids of the measured files in the figures. */
const FILE_IDS: Record<string, string> = { 'spelling-en.json': 'enGB', 'spelling-en-us.json': 'enUS', 'resources/samples/cumberland-en.txt': 'cumberland' };

/** Accuracy figures of one file: ours with the peer (nspell on every word) beside it. */
function accuracyFigures(f: FileFigures): Figure[] {
  const id = FILE_IDS[f.file] ?? f.file;
  const label = `${f.file} (${f.variant}, ${f.split})`;
  const out: Figure[] = [
    {
      id: `${id}.falseAlarms`,
      label: `${label}: false alarms on the correct text`,
      value: f.falseAlarms,
      unit: 'count',
      better: 'lower',
      stat: `${f.words} words; ${f.falseAlarmsCapitalised} capitalised (names with no source)`,
      peers: [peer('nspell on every word', f.falseAlarms, f.peer.falseAlarms)],
    },
  ];
  if (f.typosPlanted) {
    const share = (found: number, of: number) => round(found / of, 4);
    out.push(
      {
        id: `${id}.typosFound`,
        label: `${label}: planted typos found`,
        value: share(f.typosFound!, f.typosPlanted),
        unit: 'fraction',
        better: 'higher',
        stat: `${f.typosFound} of ${f.typosPlanted}`,
        peers: [peer('nspell on every word', share(f.typosFound!, f.typosPlanted), share(f.peer.typosFound!, f.typosPlanted))],
      },
      {
        id: `${id}.variantsFound`,
        label: `${label}: planted other-variant spellings found`,
        value: share(f.variantsFound!, f.variantsPlanted!),
        unit: 'fraction',
        better: 'higher',
        stat: `${f.variantsFound} of ${f.variantsPlanted}, ${f.variantsAsVariant} as style.variant with the fix`,
        peers: [peer('nspell on every word', share(f.variantsFound!, f.variantsPlanted!), share(f.peer.variantsFound!, f.variantsPlanted!))],
      },
      {
        id: `${id}.firstSuggestionRight`,
        label: `${label}: first suggestion right`,
        value: share(f.firstSuggestionRight!, f.typosPlanted + f.variantsPlanted!),
        unit: 'fraction',
        better: 'higher',
        stat: `${f.firstSuggestionRight} of ${f.typosPlanted + f.variantsPlanted!}`,
      },
    );
  }
  return out;
}

export async function run(): Promise<SuiteResult> {
  const lines: string[] = [];
  const figures: Figure[] = [];
  const details: Record<string, unknown> = {};

  // ——— dictionary load ———
  const load: Record<string, unknown> = {};
  lines.push('Dictionary load (read the npm package files, build nspell + newsroom supplement):');
  for (const v of ['en-GB', 'en-US'] as EnglishVariant[]) {
    const r0 = performance.now();
    const files = await readDictionary(v);
    const readMs = performance.now() - r0;
    const heap0 = process.memoryUsage().heapUsed;
    const builds = [0, 1, 2].map(() => timed(() => buildHunspell(files, v)));
    const heapMb = (process.memoryUsage().heapUsed - heap0) / 3 / 1e6;
    load[v] = { readMs, buildMs: builds.map((b) => b.wallMs), buildCpuMs: builds.map((b) => b.cpuMs), heapMbApprox: heapMb, affBytes: files.aff.length, dicBytes: files.dic.length };
    figures.push({
      id: `dictionary.${v === 'en-GB' ? 'enGB' : 'enUS'}.buildMs`,
      label: `${v} dictionary: build (nspell + newsroom supplement)`,
      value: round(median(builds.map((b) => b.wallMs))),
      unit: 'ms',
      better: 'lower',
      stat: 'median of 3, first coldest',
      note: `read ${fmt(readMs)} ms; CPU ${builds.map((b) => fmt(b.cpuMs)).join(' / ')} ms`,
    });
    lines.push(`  ${v}: read ${fmt(readMs)} ms; build ${builds.map((b) => `${fmt(b.wallMs)}`).join(' / ')} ms (first = coldest; CPU ${builds.map((b) => fmt(b.cpuMs)).join(' / ')} ms); ~${heapMb.toFixed(0)} MB heap; .dic ${(files.dic.length / 1e3).toFixed(0)} kB`);
  }
  details.dictionaryLoad = load;

  const cache = new DictionaryCache();
  const gbChecker = await cache.checker('en-GB');
  const usChecker = await cache.checker('en-US');
  const peerGb = await cache.load('en-GB');
  const peerUs = await cache.load('en-US');
  const desk = await importGlossaryFile(path.join(ROOT, 'resources', 'glossary', 'desk-fr-en.tbx'), { scope: 'desk' });

  // ——— accuracy ———
  const files: FileFigures[] = [];
  const missing: string[] = [];
  for (const [f, split] of [['spelling-en.json', 'training'], ['spelling-en-us.json', 'held-out']] as const) {
    if (!existsSync(DATA(f))) {
      missing.push(`bench/data/${f}`);
      continue;
    }
    const variant = (JSON.parse(readFileSync(DATA(f), 'utf8')) as SpellingFile).variant;
    files.push(measureSpellingFile(f, split, variant === 'en-US' ? usChecker : gbChecker, variant === 'en-US' ? peerUs : peerGb, [desk]));
  }
  const cumberland = measureCumberland(gbChecker, peerGb, [desk]);
  if (cumberland) files.push(cumberland);
  else missing.push('resources/samples/cumberland-en.txt (+ bench/data/cumberland-alignment.json)');
  details.files = files;
  for (const f of files) figures.push(...accuracyFigures(f));
  const notes = missing.map((m) => `${m}: not present, not measured`);

  lines.push('', 'Accuracy (spelling.unknown + style.variant findings; peer = nspell on every word):');
  for (const f of files) {
    lines.push(`  ${f.file} [${f.variant}, ${f.split}], ${f.words} words`);
    lines.push(
      `    false alarms on the correct text: ${f.falseAlarms} (${((1000 * f.falseAlarms) / f.words).toFixed(1)} per 1,000 words) — ${f.falseAlarmsCapitalised} capitalised (names with no source), ${f.falseAlarmsOther} other; peer ${f.peer.falseAlarms}`,
    );
    if (f.falseAlarms) lines.push(`      ${f.falseAlarmWords.join(', ')}`);
    if (f.typosPlanted !== undefined) {
      lines.push(`    typos found: ${f.typosFound} / ${f.typosPlanted} (${pct(f.typosFound!, f.typosPlanted)}); peer ${f.peer.typosFound} / ${f.typosPlanted}`);
      lines.push(
        `    other-variant spellings found: ${f.variantsFound} / ${f.variantsPlanted} (${f.variantsAsVariant} as style.variant with the fix); peer ${f.peer.variantsFound} / ${f.variantsPlanted}`,
      );
      lines.push(`    other flags on the planted text: ${f.extraFlagsOnPlanted}; first suggestion right: ${f.firstSuggestionRight} / ${f.typosPlanted! + f.variantsPlanted!}`);
    }
  }
  for (const m of missing) lines.push(`  ${m}: not present, not measured`);

  // ——— cost ———
  const N = 10_000;
  const doc = bigDocument(N);
  const withSpelling = createQaEngine({ glossaries: [desk], spelling: gbChecker });
  const without = createQaEngine({ glossaries: [desk] });
  const ctx = withSpelling.context(doc);
  for (let i = 0; i < 2_000; i++) gbChecker.check(doc[i % doc.length]!.target); // warm-up
  const spellOnly = doc.map((s) => timed(() => gbChecker.check(s.target, { source: s.source, names: ctx.names!, isTermWord: withSpelling.termIndex.isEnglishTermWord })).wallMs);
  const segWith = doc.slice(0, 2_000).map((s, i) => timed(() => withSpelling.checkSegment({ id: String(i), ...s }, ctx)).wallMs);
  const segWithout = doc.slice(0, 2_000).map((s, i) => timed(() => without.checkSegment({ id: String(i), ...s })).wallMs);
  const docWith = timed(() => withSpelling.checkDocument(doc.map((s, i) => ({ id: String(i), ...s }))));
  const docWithout = timed(() => without.checkDocument(doc.map((s, i) => ({ id: String(i), ...s }))));
  const ctxTime = timed(() => withSpelling.context(doc));
  const typos = files.flatMap((f) => (f.typosPlanted ? (JSON.parse(readFileSync(DATA(f.file), 'utf8')) as SpellingFile).errors.map((e) => e.wrong) : []));
  const suggest = (typos.length ? typos : ['goverment']).map((w) => timed(() => gbChecker.suggest(w, 1)).wallMs);
  const names = ['Natarajan', 'Qwfpgj', 'Hartley', 'Southwark'].map((w) => timed(() => gbChecker.suggest(w, 1)).wallMs);

  // Live path: checkSpelling through the handler table and the dispatcher (what each keystroke costs in the worker).
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'relais-bench-spelling-'));
  const live: number[] = [];
  try {
    const app = startApp(testContext(tmp, { deskGlossaryPath: path.join(ROOT, 'resources', 'glossary', 'desk-fr-en.tbx') }));
    const { api } = app;
    await api.setUser({ name: 'Bench', role: 'editor' });
    const snap = await api.openSample();
    const seg = snap.segments.find((s) => s.translatable)!;
    const typed = 'At least 25 people have been arested for distributing AI-generated child sexual abuse material online, Europol announced on Friday 28 February.';
    await api.checkSpelling(seg.id, typed); // builds the engine and the dictionaries
    for (let i = 0; i < 50; i++) await api.checkSpelling(seg.id, typed.slice(0, 20 + (i % 100)));
    for (let i = 0; i < 1_000; i++) {
      const t0 = performance.now();
      await api.checkSpelling(seg.id, typed.slice(0, 20 + (i % (typed.length - 20))));
      live.push(performance.now() - t0);
    }
    app.dispose();
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }

  const cost = {
    segments: N,
    wordsPerSegmentAvg: doc.reduce((n, s) => n + countWords(s.target), 0) / N,
    spellCheckPerSegmentMs: stats(spellOnly),
    qaSegmentWithSpellingMs: stats(segWith),
    qaSegmentWithoutSpellingMs: stats(segWithout),
    documentWithSpellingMs: { wall: docWith.wallMs, cpu: docWith.cpuMs },
    documentWithoutSpellingMs: { wall: docWithout.wallMs, cpu: docWithout.cpuMs },
    articleNamesMs: ctxTime.wallMs,
    suggestionMs: stats(suggest),
    suggestionForNamesMs: names,
    liveCheckOverContractMs: stats(live),
  };
  details.cost = cost;
  const p95 = (samples: number[]) => round(percentile(samples, 95), 3);
  figures.push(
    { id: 'segment.spellCheck.p95', label: 'spelling check of one segment', value: p95(spellOnly), unit: 'ms', better: 'lower', stat: `p95 of ${N.toLocaleString('en')}` },
    {
      id: 'segment.qaWithSpelling.p95',
      label: 'whole QA of one segment, spelling on',
      value: p95(segWith),
      unit: 'ms',
      better: 'lower',
      stat: 'p95 of 2,000',
      peers: [peer('QA without spelling', p95(segWith), p95(segWithout))],
    },
    {
      id: 'document.qaWithSpelling.ms',
      label: `whole-article QA, ${N.toLocaleString('en')} segments, spelling on`,
      value: round(docWith.wallMs),
      unit: 'ms',
      better: 'lower',
      stat: 'single run',
      peers: [peer('QA without spelling', docWith.wallMs, round(docWithout.wallMs))],
      note: `CPU ${fmt(docWith.cpuMs)} ms with, ${fmt(docWithout.cpuMs)} ms without`,
    },
    { id: 'live.checkSpelling.p95', label: 'checkSpelling through the handler table and dispatcher (per keystroke)', value: p95(live), unit: 'ms', better: 'lower', stat: 'p95 of 1,000' },
    { id: 'suggestion.p95', label: 'first suggestion of a planted typo', value: p95(suggest), unit: 'ms', better: 'lower', stat: `p95 of ${suggest.length}` },
  );
  const st = (x: { p50: number; p95: number; p99: number; max: number }) => `p50 ${fmt(x.p50)} / p95 ${fmt(x.p95)} / p99 ${fmt(x.p99)} / max ${fmt(x.max)} ms`;
  lines.push(
    '',
    `Cost on a ${N.toLocaleString('en')}-segment document (${cost.wordsPerSegmentAvg.toFixed(1)} words per segment; en-GB; desk glossary):`,
    `  spelling check of one segment:        ${st(cost.spellCheckPerSegmentMs)}`,
    `  whole QA of one segment, spelling on:  ${st(cost.qaSegmentWithSpellingMs)}`,
    `  whole QA of one segment, spelling off: ${st(cost.qaSegmentWithoutSpellingMs)}`,
    `  live check over the contract (checkSpelling via dispatcher, per key): ${st(cost.liveCheckOverContractMs)}`,
    `  whole document: ${fmt(docWith.wallMs)} ms with spelling (CPU ${fmt(docWith.cpuMs)}), ${fmt(docWithout.wallMs)} ms without; article names ${fmt(ctxTime.wallMs)} ms`,
    `  first suggestion of a planted typo: ${st(cost.suggestionMs)}; of names ${names.map(fmt).join(' / ')} ms`,
  );
  return { name, title: 'Spelling of the English target: accuracy (training and held-out texts) and cost', figures, details, notes, text: lines.join('\n') + '\n' };
}
