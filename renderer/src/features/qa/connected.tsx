/** The QA components on the stores: the slots of the active row, the QA panel, the approval dialog. */
import { useCommands } from '../../lib/commandsContext.tsx';
import { useCore } from '../../lib/core/context.tsx';
import { useStore, useStores } from '../../lib/state/store.ts';
import { LiveFindings } from './LiveFindings.tsx';
import { OverrideDialog } from './OverrideDialog.tsx';
import { QaPanel } from './QaPanel.tsx';
import type { Qa } from './qa.ts';
import { TargetMarks } from './TargetMarks.tsx';

/** The row slots QA fills (lib/segmentDecor.tsx), bound to one QA instance; create once. */
export function qaSlots(qa: Qa) {
  return {
    EditorMarks: function QaEditorMarks({ segmentId, text }: { segmentId: string; text: string }) {
      return <TargetMarks store={qa.live} segmentId={segmentId} text={text} />;
    },
    BelowEditor: function QaLiveFindings({ segmentId }: { segmentId: string }) {
      const fixShortcut = useCommands().shortcutLabel('qa.fix');
      return <LiveFindings store={qa.live} segmentId={segmentId} onFix={qa.fixFinding} fixShortcut={fixShortcut} />;
    },
  };
}

export function QaPanelContainer({ qa }: { qa: Qa }) {
  const core = useCore();
  const open = useStore(qa.ui, (s) => s.panelOpen);
  const items = useStores(qa.panelItems, qa.ui, core.project, core.qa);
  const rules = useStore(core.qa, (s) => s.rules);
  const canEditRules = useStore(core.session, (s) => s.settings?.user?.role === 'editor');
  if (!open) return null;
  return <QaPanel items={items} rules={rules} canEditRules={canEditRules} onJump={qa.jump} onToggleRule={(rule, enabled) => void qa.toggleRule(rule, enabled)} onClose={qa.closePanel} />;
}

export function OverrideDialogContainer({ qa }: { qa: Qa }) {
  const override = useStore(qa.ui, (s) => s.override);
  if (!override) return null;
  return <OverrideDialog number={override.number} errors={override.errors} onSubmit={qa.submitOverride} onCancel={qa.cancelOverride} />;
}
