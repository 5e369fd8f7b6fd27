/**
 * Glossary files in and out: `importGlossaryFile` (TBX v3, TBX v2, CSV, TSV — chosen by content),
 * `writeGlossaryFile` (TBX v3 / CSV / TSV by extension, written atomically), and the desk glossary shipped in
 * resources/glossary/.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Glossary, GlossaryScope } from '../../../shared/glossary/model.ts';
import { RelaisError } from '../../../shared/errors.ts';
import { displayName, parseXml, readTextFile } from './xml.ts';
import { TBX_STRUCTURAL, exportTbx, isTbxRoot, parseTbx } from './tbx.ts';
import { exportCsv, parseCsvGlossary } from './csv.ts';
import { writeFileAtomic } from '../fs/atomic.ts';

export { exportTbx } from './tbx.ts';
export { exportCsv } from './csv.ts';

export interface ImportGlossaryOptions {
  /** Scope given to the glossary; 'project' unless said otherwise. */
  scope?: GlossaryScope;
  /** Name of the glossary; defaults to the TBX title, else the file name without extension. */
  name?: string;
}

/**
 * Reads a glossary file. XML content (after an optional BOM) is read as TBX (v3 `<tbx>` or v2 `<martif>`),
 * anything else as CSV/TSV. Throws RelaisError with the file (and line where it makes sense); a file that fails
 * imports nothing.
 */
export async function importGlossaryFile(file: string, opts: ImportGlossaryOptions = {}): Promise<Glossary> {
  const text = await readTextFile(file);
  const scope = opts.scope ?? 'project';
  const o: { scope: GlossaryScope; name?: string } = { scope };
  if (opts.name !== undefined) o.name = opts.name;
  if (/^\s*</.test(text)) {
    const root = parseXml(text, file, { structural: TBX_STRUCTURAL });
    if (!isTbxRoot(root)) {
      throw new RelaisError('file.unsupported', `<${root.qname}> is not a TBX glossary (expected <tbx> or <martif>)`, {
        file,
        line: root.line,
      });
    }
    return parseTbx(root, file, o);
  }
  if (/\.(tbx|xml)$/i.test(file)) {
    throw new RelaisError('file.corrupt', 'Not XML, so not a TBX glossary', { file, line: 1 });
  }
  return parseCsvGlossary(text, file, o);
}

/**
 * Writes a glossary as TBX v3 (`.tbx`, `.xml`), CSV (`.csv`) or TSV (`.tsv`), atomically. CSV/TSV get a UTF-8
 * BOM so that spreadsheet software reads the accents right.
 */
export async function writeGlossaryFile(file: string, glossary: Glossary): Promise<void> {
  const ext = path.extname(file).toLowerCase();
  let content: string;
  if (ext === '.tbx' || ext === '.xml') content = exportTbx(glossary);
  else if (ext === '.csv') content = '\uFEFF' + exportCsv(glossary);
  else if (ext === '.tsv') content = '\uFEFF' + exportCsv(glossary, { delimiter: '\t' });
  else throw new RelaisError('file.unsupported', `Cannot write a glossary as "${ext || displayName(file)}": use .tbx, .csv or .tsv`, { file });
  await writeFileAtomic(file, content, {
    mapError: (e) => new RelaisError('permission.denied', `Cannot write ${displayName(file)}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`, { file }),
  });
}

/** The desk glossary shipped with Relais (resources/glossary/desk-fr-en.tbx), relative to this module. */
export function deskGlossaryPath(resourcesDir?: string): string {
  const dir = resourcesDir ?? path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../resources');
  return path.join(dir, 'glossary', 'desk-fr-en.tbx');
}

/** Loads the desk glossary (scope 'desk'). */
export async function loadDeskGlossary(resourcesDir?: string): Promise<Glossary> {
  return importGlossaryFile(deskGlossaryPath(resourcesDir), { scope: 'desk' });
}
