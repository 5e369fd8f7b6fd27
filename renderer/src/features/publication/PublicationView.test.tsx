// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { I18nextProvider } from 'react-i18next';
import type { PublicationStatus } from '../../../../shared/ipc/channels/review.ts';
import { createI18n } from '../../lib/i18n.ts';
import { PublicationView } from './PublicationView.tsx';

afterEach(cleanup);

const BLOCKED: PublicationStatus = {
  byStatus: { new: 1, draft: 0, translated: 2, approved: 5, rejected: 1 },
  total: 9,
  ready: false,
  blockers: { notApproved: ['s2', 's5', 's6', 's9'], openComments: { count: 1, segmentIds: ['s5'] }, qaErrors: { count: 0, segmentIds: [] } },
};

describe('PublicationView', () => {
  it('counts segments by status and lists what blocks publication; a blocker jumps to its segment', async () => {
    const onJump = vi.fn();
    render(<I18nextProvider i18n={createI18n('en')}><PublicationView status={BLOCKED} numberOf={(id) => Number(id.slice(1))} onJump={onJump} onClose={() => undefined} /></I18nextProvider>);
    const view = screen.getByTestId('publication-view');
    expect(view.dataset.ready).toBe('false');
    expect(screen.getByTestId('publication-verdict').textContent).toContain('Not ready');
    expect(view.querySelector('tr[data-status="approved"]')?.textContent).toBe('★Approved5');
    expect(view.textContent).toContain('4 segments not approved');
    expect(view.textContent).toContain('1 open comment');
    expect(view.textContent).toContain('0 segments with QA errors');
    const notApproved = within(screen.getByTestId('blockers-not-approved')).getAllByTestId('blocker-jump');
    expect(notApproved.map((b) => b.textContent)).toEqual(['Segment 2', 'Segment 5', 'Segment 6', 'Segment 9']);
    await userEvent.setup().click(within(screen.getByTestId('blockers-comments')).getByTestId('blocker-jump'));
    expect(onJump).toHaveBeenCalledWith('s5');
  });

  it('says when nothing blocks publication (in French too) and when QA did not run', () => {
    const ready: PublicationStatus = { ...BLOCKED, byStatus: { new: 0, draft: 0, translated: 0, approved: 9, rejected: 0 }, ready: true,
      blockers: { notApproved: [], openComments: { count: 0, segmentIds: [] }, qaErrors: null } };
    render(<I18nextProvider i18n={createI18n('fr')}><PublicationView status={ready} numberOf={() => 1} onJump={() => undefined} onClose={() => undefined} /></I18nextProvider>);
    expect(screen.getByTestId('publication-verdict').textContent).toContain('Rien ne bloque la publication');
    expect(screen.getByTestId('publication-view').textContent).toContain('Le contrôle qualité n’a pas été lancé.');
    expect(screen.queryAllByTestId('blocker-jump')).toHaveLength(0);
  });
});
