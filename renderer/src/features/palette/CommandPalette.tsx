import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Modal } from '../../components/Modal.tsx';
import { useAllAvailability, useCommands } from '../../lib/commandsContext.tsx';
import { foldForSearch } from '../../lib/find.ts';

/** Every command, searchable by its (translated) label, with its shortcut; unavailable ones say why. */
export function CommandPalette({ onClose }: { onClose(): void }) {
  const { t } = useTranslation();
  const commands = useCommands();
  useAllAvailability();
  const [q, setQ] = useState('');
  const [sel, setSel] = useState(0);
  const items = commands.list()
    .filter((c) => c.id !== 'palette.open')
    .map((c) => ({ c, label: t(c.labelKey), availability: commands.availability(c.id) }))
    .filter((x) => foldForSearch(x.label).includes(foldForSearch(q.trim())));
  const run = (id: string) => {
    onClose();
    commands.run(id);
  };
  return (
    <Modal title={t('palette.title')} testId="command-palette" onClose={onClose} className="palette">
      <input
        data-autofocus
        className="palette-input"
        aria-label={t('palette.placeholder')}
        placeholder={t('palette.placeholder')}
        value={q}
        onChange={(e) => { setQ(e.target.value); setSel(0); }}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') { e.preventDefault(); setSel((s) => Math.min(items.length - 1, s + 1)); }
          else if (e.key === 'ArrowUp') { e.preventDefault(); setSel((s) => Math.max(0, s - 1)); }
          else if (e.key === 'Enter') { e.preventDefault(); const it = items[sel]; if (it) run(it.c.id); }
        }}
      />
      <ul className="palette-list" role="listbox" aria-label={t('palette.title')}>
        {items.length === 0 ? <li className="muted">{t('palette.none')}</li> : null}
        {items.map((x, i) => (
          <li key={x.c.id} role="option" aria-selected={i === sel} aria-disabled={x.availability === true ? undefined : 'true'} className={i === sel ? 'selected' : ''} onMouseEnter={() => setSel(i)} onClick={() => run(x.c.id)}>
            <span className="palette-label">{x.label}</span>
            {x.availability === true ? null : <span className="palette-reason muted">{t(x.availability)}</span>}
            {commands.shortcutLabel(x.c.id) ? <kbd>{commands.shortcutLabel(x.c.id)}</kbd> : null}
          </li>
        ))}
      </ul>
    </Modal>
  );
}
