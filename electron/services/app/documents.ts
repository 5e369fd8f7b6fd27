/**
 * Use cases on files that are not projects: how an article would be segmented (without creating a project), QA
 * of an XLIFF file exchanged with another tool, with the same engine and glossaries as a project's QA, and the
 * alignment of an English draft with a French article.
 */
import { open } from 'node:fs/promises';
import { displayKind, type DisplayKind } from '../../../shared/model.ts';
import type { Glossary } from '../../../shared/glossary/model.ts';
import { createProjectQaEngine } from '../../../shared/qa/project.ts';
import type { Finding } from '../../../shared/qa/model.ts';
import { segmentDocument } from '../../../shared/segmentation/index.ts';
import { createTermIndex } from '../../../shared/glossary/index.ts';
import { alignFiles, type FileAlignment } from '../alignment/index.ts';
import { importGlossaryFile, loadDeskGlossary } from '../glossary/index.ts';
import { unreadable } from '../glossary/xml.ts';
import { importFile } from '../import/index.ts';
import type { EnglishVariant } from '../../../shared/spelling/variants.ts';
import type { RuleSettings } from '../../../shared/style/rules.ts';
import { dictionaries } from '../spelling/dictionaries.ts';
import { readWordListFile } from '../spelling/word-lists.ts';
import type { DeskGlossary } from '../terminology/desk-glossary.ts';
import { readXliff, type XliffVersion } from '../xliff/read.ts';
import { isProjectPath } from './project-files.ts';

const SQLITE_MAGIC = 'SQLite format 3\u0000';

/** True when the file is named like a project or starts like an SQLite database (a Relais project by content). */
export async function isProjectFile(file: string): Promise<boolean> {
  if (isProjectPath(file)) return true;
  let fh;
  try {
    fh = await open(file, 'r');
    const buf = Buffer.alloc(16);
    const { bytesRead } = await fh.read(buf, 0, 16, 0);
    return bytesRead === 16 && buf.toString('latin1') === SQLITE_MAGIC;
  } catch (e) {
    throw unreadable(file, e);
  } finally {
    await fh?.close();
  }
}

export interface SegmentListing {
  /** Number of the segment in the article (1, 2, … in document order), as the workbench numbers its rows. */
  id: string;
  /** Index of the block (0-based, document order). */
  block: number;
  kind: DisplayKind;
  translatable: boolean;
  source: string;
}

/** Imports and segments an article: its segments in document order, without creating a project. */
export async function previewSegments(file: string): Promise<SegmentListing[]> {
  const doc = await importFile(file);
  return segmentDocument(doc).map((d, i) => {
    const b = doc.blocks[d.blockIndex]!;
    const translatable = b.chrome === null;
    return { id: String(i + 1), block: d.blockIndex, kind: displayKind({ kind: b.kind, chrome: b.chrome, translatable }), translatable, source: d.source };
  });
}

/** Reads glossary files given by a person (TBX, CSV, TSV), as project-scope glossaries. */
export async function readGlossaries(files: readonly string[]): Promise<Glossary[]> {
  const out: Glossary[] = [];
  for (const f of files) out.push(await importGlossaryFile(f, { scope: 'project' }));
  return out;
}

/** The words of plain word lists given by a person (one word per line), e.g. exported desk dictionaries. */
export async function readWordLists(files: readonly string[]): Promise<string[]> {
  const out: string[] = [];
  for (const f of files) out.push(...(await readWordListFile(f)));
  return out;
}

export interface XliffQa {
  version: XliffVersion;
  srcLang: string;
  trgLang: string;
  segments: { id: string; source: string; target: string }[];
  glossaries: Glossary[];
  findings: Finding[];
  /** The English variant checked against, and whether the spell check ran. */
  variant: EnglishVariant;
  spelling: boolean;
}

export interface XliffQaOptions {
  glossaries: Glossary[];
  desk: DeskGlossary | null;
  disabledRules: string[];
  /** The variant to check against (default: the file's target language when it names one, else en-GB). */
  variant?: EnglishVariant;
  withoutSpelling?: boolean;
  /** Words to accept. */
  acceptedWords?: string[];
  /** Rule settings (severity, options) over the defaults. */
  rules?: RuleSettings;
  /** Give each unknown word its best correction. */
  spellingSuggestions?: boolean;
}

/**
 * QA of an XLIFF file's units with `glossaries` (project scope, in order) and the desk glossary (last, unless
 * null), without `disabledRules`, spell-checked in the variant of the file's target language (en-US, en-GB).
 */
export async function checkXliff(file: string, opts: XliffQaOptions): Promise<XliffQa> {
  const doc = await readXliff(file);
  const glossaries = [...opts.glossaries, ...(opts.desk ? [await opts.desk.load()] : [])];
  const trg = (doc.trgLang || '').replace('_', '-').toLowerCase();
  const variant: EnglishVariant = opts.variant ?? (trg === 'en-us' ? 'en-US' : 'en-GB');
  const spelling = opts.withoutSpelling ? null : await dictionaries.checker(variant, { words: opts.acceptedWords ?? [] });
  const engine = createProjectQaEngine({
    glossaries,
    disabledRules: opts.disabledRules,
    ...(opts.rules ? { rules: opts.rules } : {}),
    spelling,
    variant,
    ...(opts.spellingSuggestions ? { spellingSuggestions: true } : {}),
  });
  const findings = engine.checkDocument(doc.units);
  return { version: doc.version, srcLang: doc.srcLang, trgLang: doc.trgLang, segments: doc.units, glossaries, findings, variant, spelling: spelling !== null };
}

/**
 * Aligns the English draft in `draftFile` with the French article in `sourceFile` (nothing is written), anchored on
 * the terms of the desk glossary shipped with Relais.
 */
export async function alignDraftFiles(sourceFile: string, draftFile: string): Promise<FileAlignment> {
  const terms = createTermIndex([await loadDeskGlossary()]);
  return alignFiles(sourceFile, draftFile, { terms });
}
