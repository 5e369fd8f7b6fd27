/**
 * Draft alignment from files, for the CLI and (later) the draft-import use case: the French article through the
 * importers and the French segmenter, the English draft through the importers and the English segmenter, page
 * chrome left out on both sides, then shared/alignment. No Electron here.
 */
import { RelaisError } from '../../../shared/errors.ts';
import type { ImportedDocument } from '../../../shared/model.ts';
import { alignDraft, draftUnits, sourceUnits, type AlignOptions, type AlignUnit, type DraftAlignment } from '../../../shared/alignment/index.ts';
import { importFile } from '../import/index.ts';

export interface FileAlignment {
  source: AlignUnit[];
  draft: AlignUnit[];
  alignment: DraftAlignment;
  sourceDocument: ImportedDocument;
  /** null when the draft file has no text at all (the alignment then carries the draft.empty warning). */
  draftDocument: ImportedDocument | null;
}

/**
 * Reads an English draft. A draft file with no text (or nothing but page chrome) is not an error here: it is an
 * empty draft, which the aligner reports with a warning. Every other problem (missing, binary, bad encoding…) throws
 * the importer's RelaisError naming the file.
 */
export async function importDraft(file: string): Promise<ImportedDocument | null> {
  try {
    return await importFile(file);
  } catch (e) {
    if (e instanceof RelaisError && e.code === 'file.empty') return null;
    throw e;
  }
}

/** Aligns the English draft in `draftFile` with the French article in `sourceFile`. */
export async function alignFiles(sourceFile: string, draftFile: string, options: AlignOptions = {}): Promise<FileAlignment> {
  const sourceDocument = await importFile(sourceFile);
  const draftDocument = await importDraft(draftFile);
  const source = sourceUnits(sourceDocument);
  const draft = draftDocument ? draftUnits(draftDocument) : [];
  return { source, draft, alignment: alignDraft(source, draft, options), sourceDocument, draftDocument };
}
