/**
 * DOCX import: mammoth turns the document into HTML (Word heading styles → h1–h6, Title → h1, lists → li),
 * then the shared HTML parser makes blocks. Anything mammoth or jszip cannot read is `file.corrupt`.
 */
import mammoth from 'mammoth';
import { RelaisError } from '../../../shared/errors.ts';
import { parseHtml } from '../../../shared/import/html.ts';
import type { RawBlock } from '../../../shared/import/types.ts';
import type { FileRef } from './bytes.ts';

/** Word styles beyond mammoth's defaults (which already map "Heading 1"…"Heading 6"). */
const STYLE_MAP = [
  "p[style-name='Title'] => h1:fresh",
  "p[style-name='Titre'] => h1:fresh",
  "p[style-name='Subtitle'] => p:fresh",
  "p[style-name='Sous-titre'] => p:fresh",
];

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(bytes: Uint8Array, sig: readonly number[]): boolean {
  return bytes.length >= sig.length && sig.every((b, i) => bytes[i] === b);
}

/** Largest uncompressed main document part read (a "ZIP bomb" is refused before it is inflated). */
export const MAX_DOCX_DOCUMENT_XML_BYTES = 256 * 1024 * 1024;

/**
 * Uncompressed size of a ZIP entry, read from the central directory (null when the directory cannot be read or the
 * entry is absent; Infinity for ZIP64 sizes).
 */
export function zipEntrySize(bytes: Uint8Array, entryName: string): number | null {
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65535); i--) {
    if (dv.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const count = dv.getUint16(eocd + 10, true);
  let off = dv.getUint32(eocd + 16, true);
  const decoder = new TextDecoder('utf-8');
  for (let k = 0; k < count; k++) {
    if (off + 46 > bytes.length || dv.getUint32(off, true) !== 0x02014b50) return null;
    const size = dv.getUint32(off + 24, true);
    const nameLen = dv.getUint16(off + 28, true);
    const extraLen = dv.getUint16(off + 30, true);
    const commentLen = dv.getUint16(off + 32, true);
    if (off + 46 + nameLen > bytes.length) return null;
    const name = decoder.decode(bytes.subarray(off + 46, off + 46 + nameLen));
    if (name === entryName) return size === 0xffffffff ? Infinity : size;
    off += 46 + nameLen + extraLen + commentLen;
  }
  return null;
}

/** True when the bytes are a ZIP archive that names a Word main document part. */
export function looksLikeDocx(bytes: Uint8Array): boolean {
  if (!startsWith(bytes, ZIP)) return false;
  // ZIP entry names are stored uncompressed in the local and central headers.
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes('word/document.xml', 0, 'latin1');
}

export async function parseDocx(bytes: Uint8Array, ref: FileRef): Promise<RawBlock[]> {
  if (startsWith(bytes, OLE)) {
    throw new RelaisError('file.corrupt', `“${ref.name}” is an old Word .doc file, not a .docx. Open it in Word and save it as .docx.`, {
      file: ref.file,
      detail: 'OLE compound document signature',
    });
  }
  if (!startsWith(bytes, ZIP)) {
    throw new RelaisError('file.corrupt', `“${ref.name}” is not a valid Word document (it is not a ZIP archive).`, {
      file: ref.file,
      detail: 'missing ZIP signature PK\\x03\\x04 at byte offset 0',
    });
  }
  const docSize = zipEntrySize(bytes, 'word/document.xml');
  if (docSize !== null && docSize > MAX_DOCX_DOCUMENT_XML_BYTES) {
    throw new RelaisError('file.tooLarge', `“${ref.name}” is too large to import: its text part would take more than ${MAX_DOCX_DOCUMENT_XML_BYTES / (1024 * 1024)} MB once uncompressed.`, {
      file: ref.file,
      detail: `word/document.xml: ${docSize} bytes uncompressed`,
    });
  }
  let html: string;
  try {
    const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    // Images carry no text to translate: leave them out rather than inline them as base64.
    const noImages = mammoth.images.imgElement(() => Promise.resolve({ src: '' }));
    const result = await mammoth.convertToHtml({ buffer }, { styleMap: STYLE_MAP, externalFileAccess: false, convertImage: noImages });
    html = result.value;
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    throw new RelaisError('file.corrupt', `“${ref.name}” is damaged or is not a Word document, and cannot be read.`, { file: ref.file, detail: why });
  }
  return parseHtml(html);
}
