/**
 * Article import (txt, html, md, docx) for the main process and the CLI. No Electron here.
 *
 * The format comes from the extension (.txt .text .html .htm .md .markdown .docx) and, for any other name, from the
 * content. Every failure is a RelaisError naming the file: file.notFound, file.empty, file.binary, file.encoding,
 * file.tooLarge (checked on the file's size BEFORE reading it), file.corrupt (DOCX), file.unsupported.
 * Text is UTF-8 (a BOM is dropped); the one exception is an HTML page that declares another charset in a <meta>
 * (windows-1252, iso-8859-1…), which is read in that charset as a browser would.
 * Parsing itself is pure and lives in shared/import (text, Markdown, HTML) and ./docx.ts (mammoth → HTML).
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { RelaisError } from '../../../shared/errors.ts';
import type { ImportFormat, ImportedDocument } from '../../../shared/model.ts';
import { buildImportedDocument, parseTextDocument } from '../../../shared/import/document.ts';
import { formatFromFileName, sniffTextFormat } from '../../../shared/import/sniff.ts';
import { MAX_DOCX_BYTES, MAX_TEXT_BYTES, assertNotEmpty, assertSize, decodeText, describeBinary, type FileRef } from './bytes.ts';
import { looksLikeDocx, parseDocx } from './docx.ts';

export { MAX_DOCX_BYTES, MAX_TEXT_BYTES } from './bytes.ts';

/** The extensions imported without looking at the content. */
export const IMPORT_EXTENSIONS: readonly string[] = ['txt', 'text', 'html', 'htm', 'md', 'markdown', 'docx'];

function limitFor(format: ImportFormat | null): number {
  // Unknown extension: it may turn out to be a DOCX; text content is checked against the text limit once sniffed.
  return format === 'txt' || format === 'html' || format === 'md' ? MAX_TEXT_BYTES : MAX_DOCX_BYTES;
}

async function importDocx(bytes: Uint8Array, ref: FileRef): Promise<ImportedDocument> {
  const raw = await parseDocx(bytes, ref);
  return buildImportedDocument('docx', ref.name, raw, ref.file);
}

async function importChecked(bytes: Uint8Array, format: ImportFormat | null, ref: FileRef): Promise<ImportedDocument> {
  assertNotEmpty(bytes, ref);
  if (format === 'docx') return importDocx(bytes, ref);
  if (format !== null) return parseTextDocument(format, decodeText(bytes, ref, { htmlCharset: format === 'html' }), ref.name, ref.file);

  // Unknown extension: sniff the content.
  if (looksLikeDocx(bytes)) return importDocx(bytes, ref);
  const binary = describeBinary(bytes);
  if (binary !== null) {
    throw new RelaisError('file.unsupported', `“${ref.name}” is not a format Relais can import (${binary}). Import a .txt, .html, .md or .docx file.`, {
      file: ref.file,
      detail: binary,
    });
  }
  assertSize(bytes.length, MAX_TEXT_BYTES, ref);
  const text = decodeText(bytes, ref, { htmlCharset: true });
  return parseTextDocument(sniffTextFormat(text), text, ref.name, ref.file);
}

/**
 * Imports an article file.
 * @throws RelaisError (file.notFound, file.empty, file.binary, file.encoding, file.tooLarge, file.corrupt, file.unsupported)
 */
export async function importFile(filePath: string): Promise<ImportedDocument> {
  const ref: FileRef = { name: path.basename(filePath), file: filePath };
  const format = formatFromFileName(filePath);
  let size: number;
  try {
    const st = await stat(filePath);
    if (st.isDirectory()) {
      throw new RelaisError('file.unsupported', `“${ref.name}” is a folder, not a file.`, { file: filePath });
    }
    size = st.size;
  } catch (e) {
    if (e instanceof RelaisError) throw e;
    throw notReadable(e, ref);
  }
  assertSize(size, limitFor(format), ref);
  if (size === 0) assertNotEmpty(new Uint8Array(0), ref);
  let bytes: Uint8Array;
  try {
    bytes = await readFile(filePath);
  } catch (e) {
    throw notReadable(e, ref);
  }
  // The file may have grown between stat and read.
  assertSize(bytes.length, limitFor(format), ref);
  return importChecked(bytes, format, ref);
}

/**
 * Imports an article from its bytes (a file dropped on the window). Same checks as importFile.
 * @param fileName the dropped file's name; its extension picks the format.
 */
export async function importBytes(fileName: string, bytes: Uint8Array): Promise<ImportedDocument> {
  // A dropped file's name may come from another system: take the last part after / or \\.
  const ref: FileRef = { name: fileName.split(/[\\/]/u).pop() || fileName, file: fileName };
  const format = formatFromFileName(fileName);
  assertSize(bytes.length, limitFor(format), ref);
  return importChecked(bytes, format, ref);
}

function notReadable(e: unknown, ref: FileRef): RelaisError {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT' || code === 'ENOTDIR') {
    return new RelaisError('file.notFound', `“${ref.name}” was not found.`, { file: ref.file, detail: ref.file });
  }
  if (code === 'EACCES' || code === 'EPERM') {
    return new RelaisError('file.notFound', `“${ref.name}” cannot be opened: permission denied.`, { file: ref.file, detail: code });
  }
  if (code === 'EISDIR') return new RelaisError('file.unsupported', `“${ref.name}” is a folder, not a file.`, { file: ref.file });
  const why = e instanceof Error ? e.message : String(e);
  return new RelaisError('file.notFound', `“${ref.name}” cannot be read.`, { file: ref.file, detail: why });
}
