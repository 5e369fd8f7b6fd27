import { useTranslation } from 'react-i18next';
import { useAvailability, useCommands } from '../lib/commandsContext.tsx';

/**
 * A button for a registered command: label from the registry, shortcut in the tooltip, disabled with the reason
 * (tooltip) when the command is unavailable. It stays focusable (aria-disabled), and pressing it then tells why.
 */
export function CommandButton({ id, testId, arg, className, compact }: { id: string; testId: string; arg?: unknown; className?: string; compact?: boolean }) {
  const { t } = useTranslation();
  const commands = useCommands();
  const availability = useAvailability(id);
  const cmd = commands.get(id);
  if (!cmd) return null;
  const label = t(cmd.labelKey);
  const shortcut = commands.shortcutLabel(id);
  const hint = availability === true
    ? (shortcut ? t('commands.shortcutHint', { label, shortcut }) : label)
    : t('commands.disabledHint', { label, reason: t(availability) });
  return (
    <button
      type="button"
      className={`cmd-button ${className ?? ''}`}
      data-testid={testId}
      data-command={id}
      title={hint}
      aria-disabled={availability === true ? undefined : 'true'}
      data-reason={availability === true ? undefined : t(availability)}
      onClick={() => commands.run(id, arg)}
    >
      <span className="cmd-label">{label}</span>
      {!compact && shortcut ? <kbd className="cmd-kbd" aria-hidden="true">{shortcut}</kbd> : null}
    </button>
  );
}
