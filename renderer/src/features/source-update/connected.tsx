import { useCore } from '../../lib/core/context.tsx';
import { probeRender } from '../../lib/renderProbe.ts';
import { useStore } from '../../lib/state/store.ts';
import { ArchiveView } from './ArchiveView.tsx';
import { SourceChangedNote } from './SourceChangedNote.tsx';
import { DifferentArticleDialog, SourceUpdateResultDialog } from './SourceUpdateResultDialog.tsx';
import type { SourceUpdate } from './sourceUpdate.ts';

/** A row whose French source changed since it was translated shows the old → new source (a row slot). */
export function SourceChangedSlot({ segmentId }: { segmentId: string; active: boolean }) {
  probeRender('SourceChangedSlot', segmentId);
  const core = useCore();
  const seg = useStore(core.project, (s) => s.segments.get(segmentId));
  if (!seg?.sourceChangedFrom) return null;
  return <SourceChangedNote before={seg.sourceChangedFrom} after={seg.source} />;
}

export function ArchiveContainer({ sourceUpdate }: { sourceUpdate: SourceUpdate }) {
  const core = useCore();
  const open = useStore(core.view, (s) => s.sidePanel === 'archive');
  const items = useStore(sourceUpdate.store, (s) => s.archive);
  if (!open) return null;
  return <ArchiveView items={items} onClose={() => core.view.setState({ sidePanel: null })} />;
}

export function SourceUpdateDialogs({ sourceUpdate }: { sourceUpdate: SourceUpdate }) {
  const result = useStore(sourceUpdate.store, (s) => s.result);
  const different = useStore(sourceUpdate.store, (s) => s.differentFile);
  return (
    <>
      {different ? <DifferentArticleDialog file={different.fileName} onConfirm={sourceUpdate.confirmDifferent} onCancel={sourceUpdate.cancelDifferent} /> : null}
      {result ? <SourceUpdateResultDialog result={result} onClose={sourceUpdate.closeResult} onShowArchive={sourceUpdate.showArchive} /> : null}
    </>
  );
}
