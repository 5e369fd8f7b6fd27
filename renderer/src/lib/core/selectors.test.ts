/** The grid's derived state: filters keep the active row, find hits follow the shown rows, results stay the same object. */
import { afterEach, describe, expect, it } from 'vitest';
import { createTestBackend, disposeTestBackends } from '../../test/backend.ts';
import { createProjectStore, loadProject, putSegments } from '../state/project.ts';
import { createViewStore } from '../state/view.ts';
import { createSelectors } from './selectors.ts';

afterEach(disposeTestBackends);

async function opened() {
  const tb = createTestBackend({ user: { name: 'Tess', role: 'translator' } });
  const project = createProjectStore();
  loadProject(project, await tb.api.openSample());
  const view = createViewStore();
  const select = createSelectors();
  const visible = () => select.visibleIds(project.getState(), view.getState());
  return { tb, project, view, select, visible };
}

describe('the grid selectors', () => {
  it('show every row without a filter, as the same array while the order holds', async () => {
    const { tb, project, view, visible } = await opened();
    const all = visible();
    expect(all).toBe(project.getState().order);
    const id = all[0]!;
    view.setState({ activeId: all[2]! });
    putSegments(project, [await tb.api.commitSegment({ segmentId: id, target: 'Operation Cumberland', status: 'translated', origin: 'typed' })]);
    expect(visible()).toBe(all);
  });

  it('filter by status and by a feature’s set of ids, always keeping the active row', async () => {
    const { tb, project, view, visible } = await opened();
    const ids = project.getState().order;
    putSegments(project, [await tb.api.commitSegment({ segmentId: ids[0]!, target: 'Operation Cumberland', status: 'translated', origin: 'typed' })]);
    view.setState({ statusFilter: 'translated', activeId: ids[3]! });
    expect(visible()).toEqual([ids[0], ids[3]]);
    expect(visible()).toBe(visible());
    view.setState({ statusFilter: 'all', rowFilter: new Set([ids[5]!]) });
    expect(visible()).toEqual([ids[3], ids[5]]);
  });

  it('find hits in the shown rows, the grid’s own query apart', async () => {
    const { project, view, select } = await opened();
    const ids = project.getState().order;
    view.setState({ findQuery: 'europol', gridQuery: '' });
    const hits = select.findHits(project.getState(), view.getState());
    const source = project.getState().segments.get(ids[3]!)!.source;
    expect(hits).toEqual([{ segmentId: ids[3], field: 'source', start: source.indexOf('Europol') }]);
    expect(select.findHits(project.getState(), view.getState())).toBe(hits);
    expect(select.gridMatched(project.getState(), view.getState()).size).toBe(0);
    view.setState({ gridQuery: 'au' });
    const withAu = ids.filter((id) => project.getState().segments.get(id)!.source.toLowerCase().includes('au'));
    expect(withAu.length).toBeGreaterThan(1);
    expect([...select.gridMatched(project.getState(), view.getState())]).toEqual(withAu);
    view.setState({ statusFilter: 'translated' });
    expect(select.findHits(project.getState(), view.getState())).toEqual([]);
  });
});
