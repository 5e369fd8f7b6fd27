/**
 * Project files: creating a project from an article (import → segmentation → ProjectStore.create) and the naming
 * rules (next to the article, same basename + .relais, " (2)" etc. when taken). Internal to the application layer.
 */
import fs from 'node:fs';
import path from 'node:path';
import { RelaisError } from '../../../shared/errors.ts';
import type { ImportedDocument } from '../../../shared/model.ts';
import { segmentDocument } from '../../../shared/segmentation/index.ts';
import { importBytes, importFile } from '../import/index.ts';
import { PROJECT_EXTENSION, ProjectStore, type CreateProjectOptions } from '../store/project-store.ts';

export { PROJECT_EXTENSION };

/** True for a path that names a Relais project (by extension). */
export function isProjectPath(p: string): boolean {
  return path.extname(p).toLowerCase() === PROJECT_EXTENSION;
}

/** A project path in `dir` for `baseName` that does not exist yet: `name.relais`, then `name (2).relais`, … */
export function uniqueProjectPath(dir: string, baseName: string): string {
  const base = sanitizeBaseName(baseName);
  for (let n = 1; n < 10_000; n++) {
    const candidate = path.join(dir, `${n === 1 ? base : `${base} (${n})`}${PROJECT_EXTENSION}`);
    if (!fs.existsSync(candidate)) return candidate;
  }
  throw new RelaisError('invalid.operation', 'Too many projects with this name', { file: path.join(dir, base) });
}

/** File-name-safe basename (no folders, no characters Windows or macOS refuse), never empty. */
export function sanitizeBaseName(name: string): string {
  const cleaned = path
    .basename(name.replace(/\\/g, '/'))
    .replace(/[<>:"/\\|?*]/g, '_')
    .replace(/\p{Cc}/gu, '_')
    .replace(/^[.\s]+|[.\s]+$/g, '')
    .slice(0, 120);
  return cleaned.length > 0 ? cleaned : 'article';
}

function stem(fileName: string): string {
  const b = path.basename(fileName);
  const ext = path.extname(b);
  return ext.length > 0 && ext.length < b.length ? b.slice(0, -ext.length) : b;
}

function isWritableDir(dir: string): boolean {
  try {
    fs.accessSync(dir, fs.constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

export interface CreateFromArticleOptions extends Omit<CreateProjectOptions, 'overwrite'> {
  /** Where to create the project; default: next to the article (or in fallbackDir if that folder is not writable). */
  projectPath?: string;
  /** Folder used when the article's folder is not writable. */
  fallbackDir?: string;
  overwrite?: boolean;
}

/** Builds the project from an already imported document. */
export function createProjectFromDocument(
  doc: ImportedDocument,
  projectPath: string,
  opts: Omit<CreateFromArticleOptions, 'projectPath' | 'fallbackDir'> = {},
): ProjectStore {
  const drafts = segmentDocument(doc);
  return ProjectStore.create(projectPath, doc, drafts, opts);
}

/** Imports an article file (txt, md, html, docx) and creates its project; returns the project, open. */
export async function createProjectFromFile(articlePath: string, opts: CreateFromArticleOptions = {}): Promise<ProjectStore> {
  const source = path.resolve(articlePath);
  const doc = await importFile(source);
  const { projectPath, fallbackDir, ...rest } = opts;
  let target: string;
  if (projectPath !== undefined) {
    target = path.resolve(projectPath);
  } else {
    let dir = path.dirname(source);
    if (!isWritableDir(dir) && fallbackDir !== undefined) {
      fs.mkdirSync(fallbackDir, { recursive: true });
      dir = fallbackDir;
    }
    target = uniqueProjectPath(dir, stem(source));
  }
  return createProjectFromDocument(doc, target, rest);
}

/** Imports bytes (a dropped file) and creates its project in `dir` under a free name derived from `name`. */
export async function createProjectFromBytes(
  name: string,
  bytes: Uint8Array,
  dir: string,
  opts: Omit<CreateFromArticleOptions, 'projectPath' | 'fallbackDir'> = {},
): Promise<ProjectStore> {
  const doc = await importBytes(name, bytes);
  fs.mkdirSync(dir, { recursive: true });
  return createProjectFromDocument(doc, uniqueProjectPath(dir, stem(sanitizeBaseName(name))), opts);
}
