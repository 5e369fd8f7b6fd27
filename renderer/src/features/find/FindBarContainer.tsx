import { useDeferredValue, useEffect } from 'react';
import { useCore } from '../../lib/core/context.tsx';
import { useStore, useStores } from '../../lib/state/store.ts';
import { FindBar } from './FindBar.tsx';
import type { Find } from './find.ts';

/** The find bar on the stores: the query typed, the hit count, the status filter. */
export function FindBarContainer({ find }: { find: Find }) {
  const core = useCore();
  const query = useStore(core.view, (s) => s.findQuery);
  const index = useStore(core.view, (s) => s.findIndex);
  const filter = useStore(core.view, (s) => s.statusFilter);
  const count = useStores(() => core.select.findHits(core.project.getState(), core.view.getState()).length, core.project, core.view);
  // The grid follows the find box at its own pace (a long article re-highlights without slowing typing).
  const gridQuery = useDeferredValue(query);
  useEffect(() => {
    core.view.setState({ gridQuery });
  }, [core, gridQuery]);
  return (
    <FindBar
      query={query}
      onQueryChange={find.setQuery}
      index={index}
      count={count}
      onNext={() => find.goToMatch(1)}
      onPrevious={() => find.goToMatch(-1)}
      onDone={find.done}
      filter={filter}
      onFilterChange={find.setFilter}
      inputRef={find.inputRef}
      filterRef={find.filterRef}
    />
  );
}
