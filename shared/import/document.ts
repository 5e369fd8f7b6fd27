/**
 * Turns a format parser's blocks into an ImportedDocument: page chrome detected (every format goes through here),
 * and a document with nothing to translate refused. Pure.
 */
import { RelaisError } from '../errors.ts';
import type { ImportFormat, ImportedDocument } from '../model.ts';

const HAS_WORD = /[\p{L}\p{N}]/u;
import { detectChrome } from '../chrome/detect.ts';
import type { RawBlock } from './types.ts';
import { parsePlainText } from './text.ts';
import { parseHtml } from './html.ts';
import { parseMarkdown } from './markdown.ts';

/**
 * @param sourceName file name shown to users (no directories).
 * @param fileForErrors the file named in errors (the path as given, or the file name); defaults to sourceName.
 * @throws RelaisError `file.empty` when no block has a word to translate outside page chrome.
 */
export function buildImportedDocument(format: ImportFormat, sourceName: string, raw: readonly RawBlock[], fileForErrors: string = sourceName): ImportedDocument {
  const blocks = raw.filter((b) => b.text !== '');
  const chrome = detectChrome(blocks);
  const doc: ImportedDocument = {
    format,
    sourceName,
    blocks: blocks.map((b, i) => {
      const out: ImportedDocument['blocks'][number] = { kind: b.kind, text: b.text, chrome: chrome[i] ?? null };
      if (b.kind === 'title') out.level = 1;
      else if (b.kind === 'heading') out.level = b.level ?? 2;
      return out;
    }),
  };
  if (!doc.blocks.some((b) => HAS_WORD.test(b.text))) {
    throw new RelaisError('file.empty', `“${sourceName}” contains no text to translate.`, { file: fileForErrors });
  }
  if (!doc.blocks.some((b) => b.chrome === null && HAS_WORD.test(b.text))) {
    throw new RelaisError('file.empty', `“${sourceName}” contains no article text to translate, only page elements (share buttons, links, credits).`, {
      file: fileForErrors,
      detail: `${doc.blocks.length} block(s), all recognised as page chrome`,
    });
  }
  return doc;
}

/** Parses decoded text of a text-based format (txt, md, html) into an ImportedDocument. */
export function parseTextDocument(format: Exclude<ImportFormat, 'docx'>, text: string, sourceName: string, fileForErrors: string = sourceName): ImportedDocument {
  const raw = format === 'html' ? parseHtml(text) : format === 'md' ? parseMarkdown(text) : parsePlainText(text);
  return buildImportedDocument(format, sourceName, raw, fileForErrors);
}
