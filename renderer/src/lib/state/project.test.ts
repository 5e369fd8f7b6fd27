/**
 * The project store keeps objects that did not change, so rows selecting them do not re-render: after a commit only
 * that segment is new; after a split (a new snapshot) every other segment and every untouched row place is the
 * same object. Snapshots come from the real services.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createTestBackend, disposeTestBackends } from '../../test/backend.ts';
import { createProjectStore, loadProject, putSegments, rowOf, rowsOf } from './project.ts';

afterEach(disposeTestBackends);

async function opened() {
  const tb = createTestBackend({ user: { name: 'Tess', role: 'translator' } });
  const snap = await tb.api.openSample();
  const store = createProjectStore();
  loadProject(store, snap);
  return { tb, store, snap };
}

describe('the project store', () => {
  it('holds segments in document order with their place in the grid', async () => {
    const { store, snap } = await opened();
    const p = store.getState();
    expect(p.info).toEqual(snap.info);
    expect(p.order).toHaveLength(7);
    expect(rowsOf(p).map((r) => [r.number, r.kind, r.blockStart])).toEqual([
      [1, 'title', true], [2, 'chrome', true], [3, 'paragraph', true], [4, 'paragraph', false], [5, 'heading', true], [6, 'paragraph', true], [7, 'chrome', true],
    ]);
    expect(rowOf(p, p.order[3]!)?.segment.source).toContain('Europol');
    expect(rowOf(p, 'no such id')).toBeNull();
  });

  it('puts a committed segment in place and keeps every other object', async () => {
    const { tb, store } = await opened();
    const before = store.getState();
    const id = before.order[2]!;
    const seg = await tb.api.commitSegment({ segmentId: id, target: 'It is one of the first.', status: 'translated', origin: 'typed' });
    putSegments(store, [seg]);
    const after = store.getState();
    expect(after.segments.get(id)).toBe(seg);
    for (const other of before.order.filter((x) => x !== id)) expect(after.segments.get(other)).toBe(before.segments.get(other));
    expect(after.places).toBe(before.places);
    expect(after.order).toBe(before.order);
    // The same segment again changes nothing (no new map, no re-render).
    putSegments(store, [{ ...seg }]);
    expect(store.getState()).toBe(after);
  });

  it('after a split, keeps the segments and row places the split did not touch', async () => {
    const { tb, store } = await opened();
    const before = store.getState();
    const id = before.order[2]!;
    loadProject(store, await tb.api.splitSegment(id, 10));
    const after = store.getState();
    expect(after.order).toHaveLength(8);
    expect(after.order[2]).toBe(id);
    // Before the split point: same objects. After it: numbers moved, so new places (and new `ord`s).
    for (const other of before.order.slice(0, 2)) {
      expect(after.segments.get(other)).toBe(before.segments.get(other));
      expect(after.places.get(other)).toBe(before.places.get(other));
    }
    expect(after.places.get(before.order[4]!)!.number).toBe(6);
    expect(after.segments.get(id)!.source).toBe('Il s’agit');
    expect(after.loads).toBe(before.loads + 1);
  });

  it('forgets everything when the project closes, and a different project keeps nothing', async () => {
    const { tb, store, snap } = await opened();
    loadProject(store, null);
    expect(store.getState()).toMatchObject({ info: null, order: [], stats: null });
    const other = await tb.api.importDroppedFile('other.txt', btoa('Un paragraphe.\n\nUn autre.'));
    loadProject(store, snap);
    const first = store.getState().segments.get(snap.segments[0]!.id);
    loadProject(store, other);
    const again = structuredClone(snap);
    loadProject(store, again);
    expect(store.getState().segments.get(snap.segments[0]!.id)).not.toBe(first);
    expect(store.getState().segments.get(snap.segments[0]!.id)).toBe(again.segments[0]);
    // The same project reloaded keeps its objects.
    loadProject(store, structuredClone(snap));
    expect(store.getState().segments.get(snap.segments[0]!.id)).toBe(again.segments[0]);
  });
});
