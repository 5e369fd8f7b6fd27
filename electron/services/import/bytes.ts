/**
 * Byte-level checks for imported files: size limits, binary content, UTF-8 decoding with the position of the
 * first invalid byte. Node-free (Uint8Array + TextDecoder) so it is easy to test, but lives on the service side.
 */
import { RelaisError } from '../../../shared/errors.ts';
import { sizeOverLimit } from '../../../shared/size.ts';

/** Largest text, HTML or Markdown file imported (bytes). */
export const MAX_TEXT_BYTES = 20 * 1024 * 1024;
/** Largest DOCX imported (bytes; a DOCX is compressed and may carry images). */
export const MAX_DOCX_BYTES = 50 * 1024 * 1024;

export interface FileRef {
  /** File name shown in messages (no directories). */
  name: string;
  /** What `RelaisError.file` carries: the path as given, or the dropped file's name. */
  file: string;
}

function startsWith(bytes: Uint8Array, sig: readonly number[], at = 0): boolean {
  if (bytes.length < at + sig.length) return false;
  return sig.every((b, i) => bytes[at + i] === b);
}
const ascii = (s: string): number[] => [...s].map((c) => c.charCodeAt(0));

/**
 * File signatures. A signature with non-text bytes (or one no article would start with, like "%PDF-") settles it;
 * a "weak" one is plain ASCII that a text could start with ("MZ", "RIFF"…) and only names a file already found
 * binary by its NUL/control bytes.
 */
const SIGNATURES: ReadonlyArray<{ sig: number[]; at?: number; what: string; weak?: true }> = [
  { sig: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], what: 'a PNG image' },
  { sig: [0xff, 0xd8, 0xff], what: 'a JPEG image' },
  { sig: ascii('GIF87a'), what: 'a GIF image' },
  { sig: ascii('GIF89a'), what: 'a GIF image' },
  { sig: ascii('%PDF-'), what: 'a PDF document' },
  { sig: [0x50, 0x4b, 0x03, 0x04], what: 'a ZIP archive (a .docx saved under another name?)' },
  { sig: [0x50, 0x4b, 0x05, 0x06], what: 'an empty ZIP archive' },
  { sig: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], what: 'an old Microsoft Office file (.doc)' },
  { sig: [0x1f, 0x8b], what: 'a gzip archive' },
  { sig: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c], what: 'a 7-Zip archive' },
  { sig: [...ascii('Rar!'), 0x1a, 0x07], what: 'a RAR archive' },
  { sig: [0x7f, 0x45, 0x4c, 0x46], what: 'an executable (ELF)' },
  { sig: [...ascii('SQLite format 3'), 0x00], what: 'an SQLite database' },
  { sig: [0x00, 0x61, 0x73, 0x6d], what: 'a WebAssembly module' },
  { sig: ascii('RIFF'), what: 'a RIFF media file', weak: true },
  { sig: ascii('ftyp'), at: 4, what: 'an MP4/QuickTime media file', weak: true },
  { sig: ascii('ID3'), what: 'an MP3 audio file', weak: true },
  { sig: ascii('MZ'), what: 'a Windows executable', weak: true },
];

/** What a binary file looks like (or null when its bytes look like text). Checks signatures, NUL and control bytes. */
export function describeBinary(bytes: Uint8Array): string | null {
  for (const s of SIGNATURES) if (!s.weak && startsWith(bytes, s.sig, s.at ?? 0)) return `it looks like ${s.what}`;
  let evidence: string | null = null;
  const nul = bytes.indexOf(0);
  if (nul >= 0) evidence = `it contains a NUL byte at byte offset ${nul}`;
  else {
    // Control characters other than tab, LF, VT, FF, CR and ESC are rare in text: more than 1 % of the start means binary.
    const n = Math.min(bytes.length, 65536);
    let control = 0;
    for (let i = 0; i < n; i++) {
      const b = bytes[i] ?? 0;
      if ((b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0b && b !== 0x0c && b !== 0x0d && b !== 0x1b) || b === 0x7f) control++;
    }
    if (n > 0 && control > Math.max(2, n / 100)) evidence = `it contains ${control} control bytes in its first ${n} bytes`;
  }
  if (evidence === null) return null;
  for (const s of SIGNATURES) if (s.weak && startsWith(bytes, s.sig, s.at ?? 0)) return `it looks like ${s.what}`;
  return evidence;
}

/** Offset of the first byte that is not part of a valid UTF-8 sequence, or -1. */
export function findInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  const n = bytes.length;
  while (i < n) {
    const b = bytes[i] ?? 0;
    if (b < 0x80) {
      i++;
      continue;
    }
    let len: number;
    let min: number;
    if (b >= 0xc2 && b <= 0xdf) [len, min] = [2, 0x80];
    else if (b >= 0xe0 && b <= 0xef) [len, min] = [3, 0x800];
    else if (b >= 0xf0 && b <= 0xf4) [len, min] = [4, 0x10000];
    else return i;
    if (i + len > n) return i;
    let cp = b & (len === 2 ? 0x1f : len === 3 ? 0x0f : 0x07);
    for (let k = 1; k < len; k++) {
      const c = bytes[i + k] ?? 0;
      if ((c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += len;
  }
  return -1;
}

/** 1-based line of a byte offset (LF, CRLF and lone CR all end a line). */
export function lineAt(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < bytes.length; i++) {
    const b = bytes[i];
    if (b === 0x0a) line++;
    else if (b === 0x0d && bytes[i + 1] !== 0x0a) line++;
  }
  return line;
}

/** Refuses an empty file (0 bytes). */
export function assertNotEmpty(bytes: Uint8Array, ref: FileRef): void {
  if (bytes.length === 0) throw new RelaisError('file.empty', `“${ref.name}” is empty.`, { file: ref.file });
}

export function assertSize(size: number, limit: number, ref: FileRef): void {
  if (size > limit) {
    const [s, l] = sizeOverLimit(size, limit);
    throw new RelaisError('file.tooLarge', `“${ref.name}” is too large to import (${s}; the limit is ${l}).`, {
      file: ref.file,
      detail: `${size} bytes, limit ${limit} bytes`,
    });
  }
}

/** windows-1252 code points for bytes 0x80–0x9F (WHATWG; Node's TextDecoder maps them to C1 controls instead). */
const CP1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];
const WINDOWS_1252_LABELS = new Set(['windows-1252', 'cp1252', 'x-cp1252', 'iso-8859-1', 'iso8859-1', 'iso_8859-1', 'latin1', 'l1', 'us-ascii', 'ascii', 'ansi_x3.4-1968']);

/** Decodes bytes in a declared legacy charset (windows-1252 and its aliases by table, others through TextDecoder). */
export function decodeLegacy(bytes: Uint8Array, label: string): string {
  if (WINDOWS_1252_LABELS.has(label)) {
    let out = '';
    for (let i = 0; i < bytes.length; i += 8192) {
      const chunk = bytes.subarray(i, i + 8192);
      out += String.fromCharCode(...Array.from(chunk, (b) => (b >= 0x80 && b <= 0x9f ? (CP1252_HIGH[b - 0x80] ?? b) : b)));
    }
    return out;
  }
  return new TextDecoder(label, { fatal: true }).decode(bytes);
}

/** The charset an HTML page declares in its first 4 KB (<meta charset> or http-equiv Content-Type), lower-case, or null. */
export function declaredHtmlCharset(bytes: Uint8Array): string | null {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
  const m = /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/iu.exec(head);
  return m?.[1] ? m[1].toLowerCase() : null;
}

/**
 * Decodes the bytes of a text file (txt, md, html) as UTF-8: refuses binary content, UTF-16 and invalid UTF-8
 * (with the byte offset and line of the first bad byte), drops a BOM and refuses whitespace-only text.
 */
export function decodeText(bytes: Uint8Array, ref: FileRef, opts: { htmlCharset?: boolean } = {}): string {
  assertNotEmpty(bytes, ref);
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) {
    throw new RelaisError('file.encoding', `“${ref.name}” is encoded in UTF-16; Relais reads UTF-8 text. Save it as UTF-8 and import it again.`, {
      file: ref.file,
      detail: 'UTF-16 byte order mark at byte offset 0',
      line: 1,
    });
  }
  const binary = describeBinary(bytes);
  if (binary !== null) {
    throw new RelaisError('file.binary', `“${ref.name}” is not a text file: ${binary}.`, { file: ref.file, detail: binary });
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // An HTML page that declares another charset (windows-1252, iso-8859-1…) is read in that charset.
    const declared = opts.htmlCharset ? declaredHtmlCharset(bytes) : null;
    if (declared !== null && !/^utf-?8$/u.test(declared)) {
      try {
        const other = decodeLegacy(bytes, declared);
        if (!/^\s*$/u.test(other)) return other.replace(/^\uFEFF/u, '');
      } catch {
        // Unknown label or bytes invalid in that charset too: report the UTF-8 problem below.
      }
    }
    const offset = Math.max(0, findInvalidUtf8(bytes));
    const line = lineAt(bytes, offset);
    const byte = (bytes[offset] ?? 0).toString(16).toUpperCase().padStart(2, '0');
    throw new RelaisError('file.encoding', `“${ref.name}” is not valid UTF-8 text (line ${line}). It may be in Latin-1 or Windows-1252: save it as UTF-8 and import it again.`, {
      file: ref.file,
      line,
      detail: `invalid byte 0x${byte} at byte offset ${offset}, line ${line}`,
    });
  }
  text = text.replace(/^\uFEFF/u, '');
  if (/^\s*$/u.test(text)) {
    throw new RelaisError('file.empty', `“${ref.name}” contains only white space.`, { file: ref.file });
  }
  return text;
}
