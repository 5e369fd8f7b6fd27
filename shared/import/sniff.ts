/** Format from a file name, and from the content when the name says nothing. Pure. */
import type { ImportFormat } from '../model.ts';

const EXTENSIONS: Record<string, ImportFormat> = {
  txt: 'txt',
  text: 'txt',
  html: 'html',
  htm: 'html',
  md: 'md',
  markdown: 'md',
  docx: 'docx',
};

/** Lower-case extension without the dot ('' when there is none). */
export function extensionOf(fileName: string): string {
  const base = fileName.split(/[\\/]/u).pop() ?? '';
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot + 1).toLowerCase() : '';
}

/** The format a file name's extension stands for, or null for an unknown or missing extension. */
export function formatFromFileName(fileName: string): ImportFormat | null {
  return EXTENSIONS[extensionOf(fileName)] ?? null;
}

/** The text format of decoded content: HTML when it looks like a page, Markdown when it has Markdown structure, else plain text. */
export function sniffTextFormat(text: string): Exclude<ImportFormat, 'docx'> {
  const head = text.slice(0, 4096).replace(/^\uFEFF/u, '');
  if (/^\s*(?:<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]|<meta\s|<article[\s>])/iu.test(head)) return 'html';
  const tags = text.slice(0, 65536).match(/<\/(?:p|div|h[1-6]|li|article|section|span|a|em|strong)>/giu);
  if (tags && tags.length >= 3) return 'html';
  const md = text.slice(0, 65536);
  const atx = md.match(/^#{1,6}[ \t]+\S/gmu)?.length ?? 0;
  const setext = md.match(/^\S[^\n]*\n(?:=+|-{3,})[ \t]*$/gmu)?.length ?? 0;
  const links = md.match(/\[[^\]\n]+\]\([^)\s]+\)/gu)?.length ?? 0;
  const emphasis = md.match(/(?:\*\*|__)\S[^\n]*?\S(?:\*\*|__)/gu)?.length ?? 0;
  if (atx + setext >= 1 || links + emphasis >= 2) return 'md';
  return 'txt';
}
