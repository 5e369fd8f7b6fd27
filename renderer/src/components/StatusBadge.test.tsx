// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { SEGMENT_STATUSES } from '../../../shared/model.ts';
import { createI18n } from '../lib/i18n.ts';
import { STATUS_ICONS, StatusBadge } from './StatusBadge.tsx';
import { Highlighted } from './Highlighted.tsx';

afterEach(cleanup);

describe('StatusBadge', () => {
  it('shows every status with an icon and a word, not colour alone', () => {
    const i18n = createI18n('en');
    render(<I18nextProvider i18n={i18n}>{SEGMENT_STATUSES.map((s) => <StatusBadge key={s} status={s} />)}</I18nextProvider>);
    const badges = screen.getAllByTestId('status-badge');
    expect(badges.map((b) => b.textContent)).toEqual(['○New', '✎Draft', '✓Translated', '★Approved', '✗Rejected']);
    expect(new Set(Object.values(STATUS_ICONS)).size).toBe(5);
    for (const b of badges) expect(b.querySelector('.status-icon')?.getAttribute('aria-hidden')).toBe('true');
  });

  it('speaks French when the interface is French', () => {
    const i18n = createI18n('fr');
    render(<I18nextProvider i18n={i18n}><StatusBadge status="approved" /></I18nextProvider>);
    expect(screen.getByTestId('status-badge').textContent).toBe('★Validé');
  });
});

describe('Highlighted', () => {
  it('marks every match and flags the current one', () => {
    const { container } = render(<p><Highlighted text="Europol et europol" query="EUROPOL" current={11} /></p>);
    const marks = [...container.querySelectorAll('mark')];
    expect(marks.map((m) => m.textContent)).toEqual(['Europol', 'europol']);
    expect(marks.map((m) => m.dataset.current ?? '')).toEqual(['', 'true']);
    expect(container.textContent).toBe('Europol et europol');
  });
});
