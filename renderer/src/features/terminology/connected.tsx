/** The terminology components on the stores: the source slot of every row, the term panel, the add-term dialog. */
import { useCommands } from '../../lib/commandsContext.tsx';
import { useCore } from '../../lib/core/context.tsx';
import { probeRender } from '../../lib/renderProbe.ts';
import { useStore, useStores } from '../../lib/state/store.ts';
import { AddTermDialog } from './AddTermDialog.tsx';
import { TermPanel } from './TermPanel.tsx';
import type { Terminology } from './terminology.ts';
import { TermText } from './TermText.tsx';

/** The row slots terminology fills (lib/segmentDecor.tsx), bound to one instance; create once. */
export function terminologySlots(terminology: Terminology) {
  return {
    Source: function TermSource({ segmentId, source }: { segmentId: string; source: string }) {
      probeRender('TermSource', segmentId);
      const core = useCore();
      const engine = useStore(core.qa, (s) => s.engine);
      return <TermText text={source} matches={terminology.recognize(engine, source)} />;
    },
  };
}

export function TermPanelContainer({ terminology }: { terminology: Terminology }) {
  const core = useCore();
  const commands = useCommands();
  const number = useStores(() => core.activeRow()?.number ?? null, core.project, core.view);
  const concepts = useStores(terminology.activeConcepts, core.project, core.view, core.qa);
  const options = useStores(terminology.options, core.project, core.view, core.qa);
  return (
    <TermPanel
      number={number}
      concepts={concepts}
      options={options}
      shortcutFor={(n) => commands.shortcutLabel(`term.insert${n}`)}
      onInsert={terminology.insertOption}
      addShortcut={commands.shortcutLabel('term.add')}
    />
  );
}

export function AddTermDialogContainer({ terminology }: { terminology: Terminology }) {
  const addTerm = useStore(terminology.ui, (s) => s.addTerm);
  if (!addTerm) return null;
  return <AddTermDialog initialFr={addTerm.fr} initialEn={addTerm.en} onSubmit={(e) => void terminology.submitAddTerm(e)} onCancel={terminology.closeAddTerm} />;
}
