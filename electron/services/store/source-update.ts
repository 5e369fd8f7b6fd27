/**
 * Republished source: the French article was updated after translation started. `updateSource` segments the new
 * version, aligns it with the live segments (shared/review/align.ts) and applies the result in ONE transaction:
 *
 *  - unchanged segments keep their translation, status and history; a white-space-only difference (space → U+00A0)
 *    is not a change, but the source takes the new exact typography (no revision);
 *  - changed segments keep their target, remember the source their translation (if any) was made for
 *    (`source_changed_from`, kept across several updates until someone confirms the segment), get the new source,
 *    go back to 'draft' (unless 'new') and get a revision with origin 'source-update';
 *  - added segments (and new paragraphs) are inserted where they belong, untranslated;
 *  - removed segments are archived (`archived_in_version`), never deleted, with their translation and history;
 *    a paragraph left with no live segment is archived too;
 *  - the new version's blocks are stored in `source_versions`.
 *
 * A new version that shares too little with the current one (sameArticleScore < DIFFERENT_ARTICLE_THRESHOLD) is
 * refused (invalid.operation, detail 'different-article') unless the caller confirms: nothing is written.
 * Because it is one SQLite transaction, a crash or a killed process leaves the project exactly as before or after.
 */
import { RelaisError } from '../../../shared/errors.ts';
import type { ArchivedSegment, SourceUpdateResult, SourceVersionInfo } from '../../../shared/ipc/channels/review.ts';
import type { ImportedBlock, ImportedDocument, SegmentStatus, UserIdentity } from '../../../shared/model.ts';
import { alignVersions, SAME_ARTICLE_WARNING, type AlignNewSegment, type AlignOldSegment } from '../../../shared/review/align.ts';
import { newId } from '../../../shared/ids.ts';
import { segmentDocument } from '../../../shared/segmentation/index.ts';
import { isBlank, statusAfterSourceChange } from '../../../shared/workflow.ts';
import { ORD_STEP, type ProjectStore } from './project-store.ts';
import { SEGMENT_FROM, type BlockRow, type SegmentRow } from './rows.ts';

/** Below this share of kept words, the new file "does not look like the same article" and needs confirmation. */
export const DIFFERENT_ARTICLE_THRESHOLD = SAME_ARTICLE_WARNING;

export interface UpdateSourceOptions {
  /** Apply the update even when the new file looks like a different article. */
  confirmDifferentArticle?: boolean;
  /**
   * Called inside the transaction, after every change is written and before the commit. For tests (a crash at the
   * worst moment) and progress reporting; throwing from it rolls everything back.
   */
  onBeforeCommit?: () => void;
}


function validateDocument(doc: ImportedDocument): void {
  if (!doc || !Array.isArray(doc.blocks)) throw new RelaisError('invalid.arguments', 'The new version has no blocks');
  if (doc.blocks.every((b) => typeof b?.text !== 'string' || b.text.trim() === '')) {
    throw new RelaisError('file.empty', 'The new version of the article has no text', { file: doc.sourceName });
  }
}

function blockLevel(b: ImportedBlock): number | null {
  return b.kind === 'title' ? 1 : b.kind === 'heading' ? (b.level ?? 2) : null;
}

/**
 * Applies a new version of the source article to the project. See the module comment.
 * Throws invalid.operation (detail 'different-article') when the new version looks like another article and
 * `confirmDifferentArticle` is not set; nothing is changed then.
 */
export function updateSource(store: ProjectStore, newDoc: ImportedDocument, user: UserIdentity, opts: UpdateSourceOptions = {}): SourceUpdateResult {
  store.assertOpen();
  validateDocument(newDoc);
  const db = store.db;
  const now = store.now;
  const drafts = segmentDocument(newDoc);
  const newSegs: AlignNewSegment[] = drafts.map((d) => ({ source: d.source, blockIndex: d.blockIndex, blockKind: newDoc.blocks[d.blockIndex]!.kind }));

  const run = () => {
    const live = store.liveRows();
    const blockIndexOf = new Map<string, number>();
    const oldSegs: AlignOldSegment[] = live.map((r) => {
      if (!blockIndexOf.has(r.block_id)) blockIndexOf.set(r.block_id, blockIndexOf.size);
      return { id: r.id, source: r.source, blockKind: r.block_kind, blockIndex: blockIndexOf.get(r.block_id)! };
    });
    const rowById = new Map(live.map((r) => [r.id, r]));
    const aligned = alignVersions(oldSegs, newSegs);
    if (aligned.sameArticleScore < DIFFERENT_ARTICLE_THRESHOLD && !opts.confirmDifferentArticle) {
      throw new RelaisError('invalid.operation', 'The new file does not look like a version of the same article: nothing was changed', {
        file: newDoc.sourceName,
        detail: 'different-article',
      });
    }

    const stamp = now();
    const ts = stamp.toISOString();
    const version = ((db.prepare('SELECT MAX(version) AS v FROM source_versions').get() as { v: number | null }).v ?? 0) + 1;
    db.prepare('INSERT INTO source_versions(version, imported_at, imported_by, source_name, source_format, content) VALUES (?, ?, ?, ?, ?, ?)').run(
      version,
      ts,
      user.name,
      newDoc.sourceName,
      newDoc.format,
      JSON.stringify(newDoc.blocks.map((b) => ({ kind: b.kind, level: blockLevel(b), text: b.text, chrome: b.chrome }))),
    );

    // 1. Which database block each new block lives in: the block of its first kept (unchanged/changed) segment,
    //    if no earlier new block took it; otherwise a new block.
    const newIndexToOld = new Map<number, SegmentRow>();
    for (const p of aligned.pairs) {
      if (p.newIndex !== null && p.oldId !== null) newIndexToOld.set(p.newIndex, rowById.get(p.oldId)!);
    }
    const claimed = new Map<string, number>(); // db block id → new block index
    const dbBlockOf = new Map<number, string>(); // new block index → db block id
    drafts.forEach((d, i) => {
      if (dbBlockOf.has(d.blockIndex)) return;
      const old = newIndexToOld.get(i);
      if (old && !claimed.has(old.block_id)) {
        claimed.set(old.block_id, d.blockIndex);
        dbBlockOf.set(d.blockIndex, old.block_id);
      }
    });
    const existingBlocks = new Map(
      (db.prepare('SELECT id, ord, kind, level, chrome, translatable FROM blocks').all() as BlockRow[]).map((b) => [b.id, b]),
    );
    // Blocks are renumbered: park every ord out of the way first (ord is UNIQUE), then give the final ones.
    db.prepare('UPDATE blocks SET ord = -1 - ord').run();
    const insBlock = db.prepare('INSERT INTO blocks(id, ord, kind, level, chrome, translatable, source) VALUES (?, ?, ?, ?, ?, ?, ?)');
    const updBlock = db.prepare('UPDATE blocks SET ord = ?, kind = ?, level = ?, source = ? WHERE id = ?');
    let nextOrd = 0;
    const blockIndexes = [...new Set(drafts.map((d) => d.blockIndex))];
    for (const bi of blockIndexes) {
      const b = newDoc.blocks[bi]!;
      const dbId = dbBlockOf.get(bi);
      if (dbId !== undefined) {
        updBlock.run(nextOrd++, b.kind, blockLevel(b), b.text, dbId);
      } else {
        const id = newId(stamp);
        insBlock.run(id, nextOrd++, b.kind, blockLevel(b), b.chrome, b.chrome === null ? 1 : 0, b.text);
        dbBlockOf.set(bi, id);
      }
    }
    // Blocks of earlier versions and blocks no new paragraph took: archived, after the live ones, in their old order.
    const rest = [...existingBlocks.values()].filter((b) => !claimed.has(b.id)).sort((a, b) => a.ord - b.ord);
    const archiveBlock = db.prepare('UPDATE blocks SET ord = ?, archived_in_version = COALESCE(archived_in_version, ?) WHERE id = ?');
    for (const b of rest) archiveBlock.run(nextOrd++, version, b.id);

    // 2. Segments: update, insert, archive; then renumber each live block's segments in the new order.
    const order = new Map<string, string[]>(); // db block id → segment ids in order
    const place = (blockId: string, segId: string) => {
      const list = order.get(blockId);
      if (list) list.push(segId);
      else order.set(blockId, [segId]);
    };
    const setSource = db.prepare('UPDATE segments SET source = ?, block_id = ? WHERE id = ?');
    const setChanged = db.prepare('UPDATE segments SET block_id = ?, source_changed_from = COALESCE(source_changed_from, ?) WHERE id = ?');
    const insSegment = db.prepare("INSERT INTO segments(id, block_id, ord, source, target, status, added_in_version) VALUES (?, ?, ?, ?, '', 'new', ?)");
    const archiveSeg = db.prepare('UPDATE segments SET archived_in_version = ? WHERE id = ?');
    const dropDraft = db.prepare('DELETE FROM drafts WHERE segment_id = ?');
    // Parked ords are negative and distinct, so the (block, ord) index of live segments never sees a clash.
    let parked = 0;
    const parkSeg = db.prepare('UPDATE segments SET ord = ? WHERE id = ?');
    const park = (id: string) => parkSeg.run(-1 - parked++, id);

    const result: SourceUpdateResult = {
      version,
      unchanged: 0,
      changed: 0,
      added: 0,
      removed: 0,
      moved: 0,
      sameArticleScore: aligned.sameArticleScore,
      segments: { changed: [], added: [], removed: [] },
    };
    const touched = new Set<string>();
    for (const p of aligned.pairs) {
      if (p.kind === 'removed') {
        const row = rowById.get(p.oldId!)!;
        archiveSeg.run(version, row.id);
        dropDraft.run(row.id);
        result.removed++;
        result.segments.removed.push({ id: row.id, source: row.source, target: row.target, status: row.status });
        continue;
      }
      const d = drafts[p.newIndex!]!;
      const blockId = dbBlockOf.get(d.blockIndex)!;
      if (p.kind === 'added') {
        // Parked ord, set by the renumbering below.
        const id = newId(stamp);
        insSegment.run(id, blockId, -1 - parked++, d.source, version);
        place(blockId, id);
        touched.add(blockId);
        result.added++;
        result.segments.added.push({ id, source: d.source });
        continue;
      }
      const row = rowById.get(p.oldId!)!;
      park(row.id);
      touched.add(blockId).add(row.block_id);
      place(blockId, row.id);
      if (p.kind === 'unchanged') {
        if (row.source !== d.source || row.block_id !== blockId) setSource.run(d.source, blockId, row.id);
        result.unchanged++;
        if (p.moved) result.moved++;
      } else {
        const status: SegmentStatus = statusAfterSourceChange(row.target);
        store.writer.write(row, { target: row.target, status, origin: 'source-update', source: d.source, comment: `source changed in version ${version}` }, user);
        // Only a translation can have been made for the old source: an untranslated segment just takes the new one.
        setChanged.run(blockId, isBlank(row.target) ? null : row.source, row.id);
        result.changed++;
        result.segments.changed.push({ id: row.id, before: row.source, after: d.source, target: row.target });
      }
    }
    // Segments of touched blocks that are not live (archived, now or before) are parked too, then everything
    // gets its final ord: live ones in the new order, archived ones after them.
    const setOrd = db.prepare('UPDATE segments SET ord = ? WHERE id = ?');
    const others = db.prepare(
      'SELECT id FROM segments WHERE block_id = ? AND merged_into IS NULL AND archived_in_version IS NOT NULL ORDER BY ord, id',
    );
    for (const blockId of touched) {
      const archived = (others.all(blockId) as { id: string }[]).map((r) => r.id);
      for (const id of archived) park(id);
      const ids = [...(order.get(blockId) ?? []), ...archived];
      ids.forEach((id, i) => setOrd.run((i + 1) * ORD_STEP, id));
    }
    const meta = db.prepare('INSERT INTO project(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value');
    meta.run('source_name', newDoc.sourceName);
    meta.run('source_format', newDoc.format);
    opts.onBeforeCommit?.();
    return result;
  };
  return store.write(run);
}

/** Segments removed by source updates, with their translation, in the order they had in the article. */
export function archivedSegments(store: ProjectStore): ArchivedSegment[] {
  store.assertOpen();
  const rows = store.db
    .prepare(
      `SELECT s.id, s.source, s.target, s.status, s.archived_in_version, s.added_in_version, s.updated_at, s.updated_by,
              COALESCE(s.archived_in_version, b.archived_in_version) AS archived
       FROM ${SEGMENT_FROM}
       WHERE s.merged_into IS NULL AND (s.archived_in_version IS NOT NULL OR b.archived_in_version IS NOT NULL)
       ORDER BY archived, s.id`,
    )
    .all() as {
    id: string;
    source: string;
    target: string;
    status: SegmentStatus;
    added_in_version: number | null;
    updated_at: string | null;
    updated_by: string | null;
    archived: number;
  }[];
  return rows.map((r) => ({
    id: r.id,
    source: r.source,
    target: r.target,
    status: r.status,
    archivedInVersion: r.archived,
    addedInVersion: r.added_in_version,
    updatedAt: r.updated_at,
    updatedBy: r.updated_by,
  }));
}

/** Every version of the source article, oldest first (version 1 = the original import). */
export function sourceVersions(store: ProjectStore): SourceVersionInfo[] {
  store.assertOpen();
  const rows = store.db
    .prepare('SELECT version, imported_at, imported_by, source_name, source_format, json_array_length(content) AS blocks FROM source_versions ORDER BY version')
    .all() as { version: number; imported_at: string; imported_by: string | null; source_name: string; source_format: string; blocks: number }[];
  return rows.map((r) => ({
    version: r.version,
    importedAt: r.imported_at,
    importedBy: r.imported_by,
    sourceName: r.source_name,
    sourceFormat: r.source_format,
    blocks: r.blocks,
  }));
}
