/**
 * The open project as the renderer holds it (main is the source of truth; this is a copy for display): segments
 * and blocks by id, segment ids in document order, where each segment sits in the grid, and the word counts.
 *
 * Objects are kept while they do not change: loading a new snapshot (after a split, a merge, a source update)
 * reuses every segment and row place equal to the one held, and putting one segment replaces that object only.
 * Rows select their own segment and place, so a confirm re-renders the rows it touched and nothing else.
 */
import { displayKind, type Block, type DisplayKind, type ProjectInfo, type ProjectSnapshot, type ProjectStats, type Segment } from '../../../../shared/model.ts';
import { createStore, type StoreApi } from './store.ts';

/** Where a segment sits in the grid; the same object while its block, kind, block start and number are unchanged. */
export interface RowPlace {
  block: Block;
  kind: DisplayKind;
  /** First segment of its block: paragraphs are spaced apart, labels show once. */
  blockStart: boolean;
  /** 1-based number shown in the gutter. */
  number: number;
}

/** A segment with its place: what commands and panels read about one row. */
export interface RowModel extends RowPlace {
  segment: Segment;
}

export interface ProjectState {
  info: ProjectInfo | null;
  blocks: ReadonlyMap<string, Block>;
  segments: ReadonlyMap<string, Segment>;
  /** Segment ids in document order (those whose block is known). */
  order: readonly string[];
  places: ReadonlyMap<string, RowPlace>;
  stats: ProjectStats | null;
  /** Counts snapshots loaded (open, split, merge, source update…): features that re-read from main follow it. */
  loads: number;
}

export type ProjectStore = StoreApi<ProjectState>;

const EMPTY: Omit<ProjectState, 'loads'> = { info: null, blocks: new Map(), segments: new Map(), order: [], places: new Map(), stats: null };

export function createProjectStore(): ProjectStore {
  return createStore<ProjectState>(() => ({ ...EMPTY, loads: 0 }));
}

function sameFields<T extends object>(a: T, b: T): boolean {
  const ka = Object.keys(a) as (keyof T)[];
  if (ka.length !== Object.keys(b).length) return false;
  return ka.every((k) => Object.is(a[k], b[k]));
}

/** Replaces the project with a snapshot from main (null: no project open). */
export function loadProject(store: ProjectStore, snap: ProjectSnapshot | null): void {
  const prev = store.getState();
  if (!snap) {
    store.setState({ ...EMPTY, loads: prev.loads + 1 });
    return;
  }
  const samePath = prev.info?.path === snap.info.path;
  const blocks = new Map<string, Block>();
  for (const b of snap.blocks) {
    const old = samePath ? prev.blocks.get(b.id) : undefined;
    blocks.set(b.id, old && sameFields(old, b) ? old : b);
  }
  const segments = new Map<string, Segment>();
  for (const s of snap.segments) {
    const old = samePath ? prev.segments.get(s.id) : undefined;
    segments.set(s.id, old && sameFields(old, s) ? old : s);
  }
  const sorted = [...segments.values()].sort((a, b) => a.ord - b.ord);
  const order: string[] = [];
  const places = new Map<string, RowPlace>();
  let prevBlock: string | null = null;
  for (const s of sorted) {
    const block = blocks.get(s.blockId);
    if (!block) continue;
    const place: RowPlace = { block, kind: displayKind(block), blockStart: s.blockId !== prevBlock, number: order.length + 1 };
    const old = samePath ? prev.places.get(s.id) : undefined;
    places.set(s.id, old && sameFields(old, place) ? old : place);
    order.push(s.id);
    prevBlock = s.blockId;
  }
  const sameOrder = prev.order.length === order.length && prev.order.every((id, i) => id === order[i]);
  store.setState({
    info: prev.info && sameFields(prev.info, snap.info) ? prev.info : snap.info,
    blocks,
    segments,
    order: sameOrder ? prev.order : order,
    places,
    stats: samePath ? prev.stats : null,
    loads: prev.loads + 1,
  });
}

/** Puts segments returned by main in place (same ids, same order); other segments keep their objects. */
export function putSegments(store: ProjectStore, segs: readonly Segment[]): void {
  const prev = store.getState();
  if (!prev.info || segs.length === 0) return;
  const segments = new Map(prev.segments);
  let changed = false;
  for (const s of segs) {
    const old = segments.get(s.id);
    if (!old || sameFields(old, s)) continue;
    segments.set(s.id, s);
    changed = true;
  }
  if (changed) store.setState({ segments });
}

export function rowOf(p: ProjectState, id: string | null): RowModel | null {
  if (id === null) return null;
  const segment = p.segments.get(id);
  const place = p.places.get(id);
  return segment && place ? { segment, ...place } : null;
}

/** Rows in document order (for commands and panels; the grid reads ids). */
export function rowsOf(p: ProjectState, ids: readonly string[] = p.order): RowModel[] {
  const out: RowModel[] = [];
  for (const id of ids) {
    const r = rowOf(p, id);
    if (r) out.push(r);
  }
  return out;
}
