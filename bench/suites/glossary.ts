/**
 * Glossary recognition + QA speed on a synthetic 10,000-entry glossary and a 10,000-segment document.
 *
 * The glossary is built from a French/English word list (1–4-word terms: noun, noun + adjective, noun + "de" + noun,
 * noun + adjective + "de" + noun; ~5 % of entries carry a deprecated English term). The document mixes filler words
 * with glossary terms in inflected forms (plural / feminine), numbers, and targets that use the English terms most of
 * the time, sometimes a deprecated one, sometimes none. Everything is seeded: the figures are reproducible.
 *
 * Measured: index build, full document check (all rules), re-check of one segment as it is typed (p50/p95/p99), and
 * the straightforward approach (one regular expression per term form, run over each segment) on a subset,
 * extrapolated to the whole document.
 */
import { createTermIndex, frenchWordForms, englishWordForms, type Glossary, type ConceptEntry } from '../../shared/glossary/index.ts';
import { createQaEngine } from '../../shared/qa/index.ts';
import { cpus, loadavg } from 'node:os';
import { prng as rng } from '../random.ts';
import type { SuiteResult } from '../types.ts';

export const name = 'glossary';

// [French noun, English noun]
const NOUNS: [string, string][] = `victime victim|policier officer|magistrat magistrate|enquêteur investigator|juge judge|avocat lawyer|témoin witness|suspect suspect|agresseur abuser|mineur minor|enfant child|parent parent|famille family|plainte complaint|enquête investigation|tribunal court|procès trial|peine sentence|prison prison|amende fine|délit offence|crime crime|infraction infringement|arrestation arrest|perquisition search|garde custody|détention detention|audience hearing|verdict verdict|appel appeal|jugement judgment|loi law|décret decree|règlement regulation|directive directive|traité treaty|accord agreement|sanction sanction|contrôle inspection|frontière border|douane customs|migrant migrant|réfugié refugee|asile asylum|visa visa|passeport passport|identité identity|donnée data|fichier file|réseau network|plateforme platform|serveur server|logiciel software|algorithme algorithm|image image|vidéo video|contenu content|message message|compte account|utilisateur user|abonné subscriber|journaliste journalist|rédaction newsroom|article article|source source|information information|rumeur rumour|campagne campaign|élection election|électeur voter|candidat candidate|député MP|sénateur senator|ministre minister|gouvernement government|parlement parliament|commission commission|agence agency|autorité authority|institution institution|organisation organisation|association association|syndicat union|entreprise company|salarié employee|employeur employer|contrat contract|salaire wage|impôt tax|budget budget|dette debt|banque bank|marché market|prix price|produit product|service service|hôpital hospital|médecin doctor|patient patient|vaccin vaccine|maladie disease|épidémie epidemic|école school|élève pupil|professeur teacher|université university|étudiant student|chercheur researcher|étude study|rapport report|chiffre figure|statistique statistic|hausse rise|baisse fall|crise crisis|guerre war|soldat soldier|armée army|attentat attack|terroriste terrorist|otage hostage|incendie fire|inondation flood|séisme earthquake|tempête storm|climat climate|pollution pollution|énergie energy|centrale plant|transport transport|train train|avion aircraft|aéroport airport|port port|voiture car|route road|accident accident|sécurité security|violence violence|harcèlement harassment|discrimination discrimination|manifestation demonstration|grève strike|émeute riot|cyberattaque cyberattack|fraude fraud|escroquerie scam|corruption corruption|blanchiment laundering|trafic trafficking|drogue drug|arme weapon`
  .split('|')
  .map((p) => p.split(' ') as [string, string]);

// [French adjective (masculine singular), English adjective]
const ADJS: [string, string][] = `sexuel sexual|numérique digital|national national|européen European|international international|public public|privé private|pénal criminal|civil civil|judiciaire judicial|policier police|fiscal tax|financier financial|bancaire banking|social social|économique economic|politique political|militaire military|sanitaire health|médical medical|scolaire school|universitaire academic|local local|régional regional|municipal municipal|départemental departmental|fédéral federal|administratif administrative|illégal illegal|légal legal|illicite illicit|criminel criminal|violent violent|grave serious|mineur minor|majeur major|premier first|dernier last|nouveau new|ancien former|principal main|général general|spécial special|temporaire temporary|permanent permanent|partiel partial|total total|officiel official|secret secret|libre free|actif active|passif passive|direct direct|indirect indirect|interne internal|externe external|technique technical|juridique legal|informatique computer|électronique electronic|artificiel artificial|automatique automatic|massif massive|collectif collective|individuel individual|personnel personal|familial family|conjugal domestic|parental parental|mondial global|humanitaire humanitarian|environnemental environmental|climatique climate|énergétique energy|nucléaire nuclear|industriel industrial|commercial commercial|agricole agricultural|maritime maritime|aérien air|routier road|ferroviaire rail`
  .split('|')
  .map((p) => p.split(' ') as [string, string]);

const BAD_EN = ['stuff', 'thing', 'matter', 'affair', 'business', 'scandal', 'porn', 'ring', 'gang', 'mob'];
const FR_FILLER = 'le la les des du de et a été selon qui que dans pour par sur avec une un il elle ont sont est cette ces leur lors après avant depuis pendant toujours encore aussi très plus moins déjà selon mercredi vendredi annoncé déclaré précisé ajouté souligné expliqué'.split(' ');
const EN_FILLER = 'the a of and was has been according who that in for by on with it they are is this these their during after before since still also very more less already Wednesday Friday announced said added stressed explained'.split(' ');

interface Built {
  glossary: Glossary;
  /** For the document generator: French words per entry and the English approved / deprecated texts. */
  entries: { fr: string[]; en: string; deprecated?: string }[];
}

export function buildGlossary(n: number, rand: () => number): Built {
  const seen = new Set<string>();
  const entries: Built['entries'] = [];
  const out: ConceptEntry[] = [];
  const pick = <T>(a: T[]) => a[Math.floor(rand() * a.length)]!;
  const add = (fr: string[], en: string) => {
    const key = fr.join(' ');
    if (seen.has(key)) return;
    seen.add(key);
    const e: Built['entries'][number] = { fr, en };
    const terms: ConceptEntry['terms'] = [
      { text: key, lang: 'fr', status: 'preferred', caseSensitive: false },
      { text: en, lang: 'en', status: 'preferred', caseSensitive: false },
    ];
    if (rand() < 0.05) {
      e.deprecated = `${en.split(' ')[0]} ${pick(BAD_EN)}`;
      terms.push({ text: e.deprecated, lang: 'en', status: 'deprecated', caseSensitive: false });
    }
    entries.push(e);
    out.push({ id: `c${out.length + 1}`, terms });
  };
  for (const [f, e] of NOUNS) add([f], e);
  while (out.length < n) {
    const r = rand();
    const [n1, e1] = pick(NOUNS);
    const [a, ea] = pick(ADJS);
    const [n2, e2] = pick(NOUNS);
    if (r < 0.55) add([n1, a], `${ea} ${e1}`);
    else if (r < 0.8) add([n1, 'de', n2], `${e2} ${e1}`);
    else add([n1, a, 'de', n2], `${ea} ${e2} ${e1}`);
  }
  return { glossary: { name: 'synthetic', scope: 'desk', entries: out }, entries };
}

export function buildDocument(built: Built, n: number, rand: () => number) {
  const pick = <T>(a: T[]) => a[Math.floor(rand() * a.length)]!;
  const segs: { id: string; source: string; target: string }[] = [];
  for (let i = 0; i < n; i++) {
    const src: string[] = [];
    const tgt: string[] = [];
    const termCount = 1 + Math.floor(rand() * 3);
    for (let k = 0; k < termCount; k++) {
      for (let f = 0; f < 3 + Math.floor(rand() * 5); f++) {
        src.push(pick(FR_FILLER));
        tgt.push(pick(EN_FILLER));
      }
      const e = pick(built.entries);
      // Inflect: pick one generated form per word (plural / feminine…).
      src.push(e.fr.map((w) => pick(frenchWordForms(w, { inMultiWord: e.fr.length > 1 }))).join(' '));
      const r = rand();
      if (r < 0.8) {
        const words = e.en.split(' ');
        const last = words.pop()!;
        tgt.push([...words, pick(englishWordForms(last))].join(' '));
      } else if (r < 0.85 && e.deprecated) tgt.push(e.deprecated);
      else tgt.push(pick(EN_FILLER));
    }
    if (rand() < 0.3) {
      const num = 1 + Math.floor(rand() * 5000);
      src.push(String(num).replace(/\B(?=(\d{3})+$)/, '\u202F'));
      tgt.push(rand() < 0.95 ? num.toLocaleString('en-GB') : String(num + 1));
    }
    segs.push({ id: `s${i + 1}`, source: src.join(' ') + '.', target: tgt.join(' ') + '.' });
  }
  return segs;
}

/** Wall time and CPU time (user + system of this process, ms) of fn. CPU time is what the machine's load does not inflate. */
function timed<T>(fn: () => T): { wall: number; cpu: number; value: T } {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const value = fn();
  const wall = performance.now() - t0;
  const c = process.cpuUsage(c0);
  return { wall, cpu: (c.user + c.system) / 1000, value };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The straightforward approach: one regular expression per term form (every combination of word forms), tested
 * on each segment. Compiling one per form for all 10,000 entries (~200,000 expressions) exhausts the heap, so it is
 * run for a sample of `entries` entries and the caller extrapolates linearly in entries and segments.
 */
export function naiveCheck(segs: { source: string; target: string }[], entries: Built['entries']) {
  const wordRe = (forms: string[]) =>
    new RegExp(`(?<![\\p{L}\\p{N}])(?:${forms.map(escapeRe).join('|')})(?![\\p{L}\\p{N}])`, 'iu');
  const frRes: { re: RegExp; en: RegExp }[] = [];
  const depRes: RegExp[] = [];
  for (const e of entries) {
    // Every combination of word forms, one expression each (capped at 64 per term).
    let combos: string[] = [''];
    for (const w of e.fr) {
      const forms = frenchWordForms(w, { inMultiWord: e.fr.length > 1 });
      const next: string[] = [];
      for (const c of combos) for (const f of forms) if (next.length < 64) next.push(c ? `${c}[\\s\\u00A0\\u202F-]+${escapeRe(f)}` : escapeRe(f));
      combos = next;
    }
    const enWords = e.en.split(' ');
    const last = enWords.pop()!;
    const en = wordRe(englishWordForms(last).map((f) => [...enWords, f].join(' ')));
    for (const c of combos) frRes.push({ re: new RegExp(`(?<![\\p{L}\\p{N}])${c}(?![\\p{L}\\p{N}])`, 'iu'), en });
    if (e.deprecated) depRes.push(wordRe([e.deprecated]));
  }
  let missing = 0;
  let forbidden = 0;
  // Irregexp compiles lazily on first use: run once on the first segment so compilation is not counted as scanning.
  const tc = performance.now();
  const first = segs[0]!;
  for (const { re, en } of frRes) {
    re.test(first.source);
    en.test(first.target);
  }
  for (const re of depRes) re.test(first.target);
  const compileMs = performance.now() - tc;
  const t0 = performance.now();
  for (const s of segs) {
    for (const { re, en } of frRes) if (re.test(s.source) && !en.test(s.target)) missing++;
    for (const re of depRes) if (re.test(s.target)) forbidden++;
  }
  return { ms: performance.now() - t0, compileMs, regexes: frRes.length + depRes.length, missing, forbidden };
}

export async function run(): Promise<SuiteResult> {
  const rand = rng(20250228);
  const built = buildGlossary(10_000, rand);
  const segs = buildDocument(built, 10_000, rand);
  const words = segs.reduce((n, s) => n + s.source.split(' ').length, 0);

  // Index build (median of 3).
  const builds = [0, 1, 2].map(() => timed(() => createTermIndex([built.glossary])));
  const buildWall = median(builds.map((b) => b.wall));
  const buildCpu = median(builds.map((b) => b.cpu));

  const engine = createQaEngine({ glossaries: [built.glossary] });
  // Cold: the first full check (JIT warm-up, word caches empty). Then warm: median of 3.
  const cold = timed(() => engine.checkDocument(segs));
  let findings = cold.value;
  const fulls = [0, 1, 2].map(() => timed(() => engine.checkDocument(segs)));
  findings = fulls[0]!.value;
  const byRule: Record<string, number> = {};
  for (const f of findings) byRule[f.rule] = (byRule[f.rule] ?? 0) + 1;

  // Typing: re-check one segment whose target grows character by character.
  const samples: number[] = [];
  const cpuSamples: number[] = [];
  const r2 = rng(7);
  for (let i = 0; i < 2000; i++) {
    const s = segs[Math.floor(r2() * segs.length)]!;
    const cut = 1 + Math.floor(r2() * s.target.length);
    const seg = { id: s.id, source: s.source, target: s.target.slice(0, cut) };
    const m = timed(() => engine.checkSegment(seg));
    samples.push(m.wall);
    cpuSamples.push(m.cpu);
  }
  samples.sort((a, b) => a - b);
  cpuSamples.sort((a, b) => a - b);

  // Straightforward approach on a subset of segments and a sample of entries, extrapolated.
  const subset = segs.slice(0, 20);
  const sampleEntries = built.entries.filter((_e, i) => i % 40 === 0);
  const naive = naiveCheck(subset, sampleEntries);
  const naiveFullMs = naive.ms * (segs.length / subset.length) * (built.entries.length / sampleEntries.length);
  // Same subset with the index (glossary rules only) for a like-for-like ratio.
  const gOnly = createQaEngine({
    glossaries: [built.glossary],
    disabledRules: engine.rules.map((r) => r.id).filter((id) => !id.startsWith('glossary.')),
  });
  const tg = performance.now();
  for (let k = 0; k < 50; k++) for (const s of subset) gOnly.checkSegment(s);
  const indexSubsetMs = (performance.now() - tg) / 50;
  gOnly.checkDocument(segs);
  const gFull = timed(() => gOnly.checkDocument(segs));
  const indexGlossaryFullMs = gFull.wall;

  const idx = createTermIndex([built.glossary]);
  const figures = {
    glossaryEntries: built.glossary.entries.length,
    deprecatedEntries: built.entries.filter((e) => e.deprecated).length,
    indexedTerms: idx.size,
    segments: segs.length,
    sourceWords: words,
    indexBuildMs: round(buildWall),
    indexBuildCpuMs: round(buildCpu),
    fullCheckMs: round(median(fulls.map((f) => f.wall))),
    fullCheckCpuMs: round(median(fulls.map((f) => f.cpu))),
    fullCheckColdMs: round(cold.wall),
    fullCheckColdCpuMs: round(cold.cpu),
    fullCheckGlossaryRulesOnlyMs: round(indexGlossaryFullMs),
    fullCheckGlossaryRulesOnlyCpuMs: round(gFull.cpu),
    findings: findings.length,
    findingsByRule: byRule,
    typingRecheckMs: { p50: round(samples[1000]!, 3), p95: round(percentile(samples, 95), 3), p99: round(percentile(samples, 99), 3), max: round(samples[samples.length - 1]!, 3), samples: samples.length },
    typingRecheckCpuMs: { p50: round(cpuSamples[1000]!, 3), p95: round(percentile(cpuSamples, 95), 3), p99: round(percentile(cpuSamples, 99), 3), max: round(cpuSamples[cpuSamples.length - 1]!, 3) },
    loadAverage: loadavg().map((x) => round(x, 2)),
    naive: {
      regexes: naive.regexes,
      sampleEntries: sampleEntries.length,
      subsetSegments: subset.length,
      subsetMs: round(naive.ms),
      compileMs: round(naive.compileMs),
      extrapolatedFullMs: Math.round(naiveFullMs),
      indexSameSubsetMs: round(indexSubsetMs, 3),
      ratioGlossaryOnly: Math.round(naiveFullMs / indexGlossaryFullMs),
    },
  };
  const text = [
    `glossary: ${figures.glossaryEntries} entries (${figures.deprecatedEntries} with a deprecated EN term), ${idx.size.fr} FR + ${idx.size.en} EN terms indexed`,
    `document: ${segs.length} segments, ${words} source words`,
    '',
    `                                    wall ms   CPU ms`,
    `index build (median of 3)           ${pad(figures.indexBuildMs)} ${pad(figures.indexBuildCpuMs)}`,
    `full check, all rules (warm, med 3) ${pad(figures.fullCheckMs)} ${pad(figures.fullCheckCpuMs)}   target < 1000 ms → ${findings.length} findings`,
    `full check, all rules (first, cold) ${pad(figures.fullCheckColdMs)} ${pad(figures.fullCheckColdCpuMs)}`,
    `full check, glossary rules only     ${pad(figures.fullCheckGlossaryRulesOnlyMs)} ${pad(figures.fullCheckGlossaryRulesOnlyCpuMs)}`,
    `re-check one segment while typing (${samples.length} samples; target p95 < 2 ms):`,
    `  wall p50 ${figures.typingRecheckMs.p50} ms, p95 ${figures.typingRecheckMs.p95} ms, p99 ${figures.typingRecheckMs.p99} ms, max ${figures.typingRecheckMs.max} ms`,
    `  CPU  p50 ${figures.typingRecheckCpuMs.p50} ms, p95 ${figures.typingRecheckCpuMs.p95} ms, p99 ${figures.typingRecheckCpuMs.p99} ms, max ${figures.typingRecheckCpuMs.max} ms`,
    `straightforward scan: ${naive.regexes} regexes (one per term form) for a sample of ${sampleEntries.length} entries: ${figures.naive.subsetMs} ms for ${subset.length} segments (+ ${figures.naive.compileMs} ms compiling them)`,
    `  → extrapolated to ${built.entries.length} entries × ${segs.length} segments: ${Math.round(naiveFullMs / 1000)} s (not run in full: ~${naive.regexes * Math.round(built.entries.length / sampleEntries.length)} compiled expressions exhaust the heap); index on the same ${subset.length} segments: ${figures.naive.indexSameSubsetMs} ms`,
    `  → ratio vs the index (glossary rules only, whole document): ×${figures.naive.ratioGlossaryOnly}`,
    `machine: ${cpus().length} CPUs, load average ${figures.loadAverage.join(' / ')} during the run (other jobs share the machine)`,
    `findings by rule: ${Object.entries(byRule).map(([k, v]) => `${k} ${v}`).join(', ')}`,
  ].join('\n');
  return { name, figures, text };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

function pad(v: number): string {
  return String(v).padStart(8);
}

function round(v: number, d = 1): number {
  const m = 10 ** d;
  return Math.round(v * m) / m;
}
