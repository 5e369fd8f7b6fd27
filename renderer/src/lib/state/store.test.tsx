// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, render } from '@testing-library/react';
import { createStore, memoLast, useStores, watch } from './store.ts';

afterEach(cleanup);

describe('store helpers', () => {
  it('watch calls back only when the watched value changes, across stores', () => {
    const a = createStore<{ n: number; other: number }>(() => ({ n: 1, other: 0 }));
    const b = createStore<{ m: number }>(() => ({ m: 10 }));
    const seen: [number, number][] = [];
    const stop = watch(() => a.getState().n + b.getState().m, [a, b], (next, prev) => seen.push([next, prev]));
    a.setState({ other: 5 });
    b.setState({ m: 20 });
    a.setState({ n: 2 });
    stop();
    a.setState({ n: 3 });
    expect(seen).toEqual([[21, 11], [22, 21]]);
  });

  it('memoLast recomputes only for new inputs', () => {
    let runs = 0;
    const f = memoLast((xs: readonly number[], k: number) => {
      runs += 1;
      return xs.map((x) => x * k);
    });
    const xs = [1, 2];
    const r = f(xs, 2);
    expect(f(xs, 2)).toBe(r);
    expect(f([1, 2], 2)).not.toBe(r);
    expect(runs).toBe(2);
  });

  it('useStores re-renders a component only when its derived value changes', () => {
    const a = createStore<{ n: number; other: number }>(() => ({ n: 1, other: 0 }));
    const b = createStore<{ m: number }>(() => ({ m: 1 }));
    let renders = 0;
    function View() {
      renders += 1;
      const even = useStores(() => (a.getState().n + b.getState().m) % 2 === 0, a, b);
      return <span>{even ? 'even' : 'odd'}</span>;
    }
    const { container } = render(<View />);
    expect(container.textContent).toBe('even');
    act(() => a.setState({ other: 1 }));
    act(() => b.setState({ m: 3 }));
    expect(renders).toBe(1);
    act(() => a.setState({ n: 2 }));
    expect(container.textContent).toBe('odd');
    expect(renders).toBe(2);
  });
});
