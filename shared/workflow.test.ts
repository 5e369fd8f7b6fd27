/**
 * The segment workflow, exhaustively: every role × current status × requested status × empty or filled target,
 * against a table written out by hand (not derived from the code under test).
 */
import { describe, expect, it } from 'vitest';
import { thrown } from './testing/errors.ts';
import { SEGMENT_STATUSES, type Role, type SegmentStatus } from './model.ts';
import {
  assertTransition,
  assertUnlocked,
  decideTransition,
  isLocked,
  restoredStatus,
  statusAfterRejectedChanges,
  statusAfterSourceChange,
  type TransitionRefusal,
} from './workflow.ts';

/**
 * Expected outcome, per role, per current status (rows) and requested status (columns, in SEGMENT_STATUSES order:
 * new draft translated approved rejected), as "filled/blank": a status = accepted and stored as that status;
 * E = editor only, L = locked, B = an empty target cannot be confirmed, N = a filled target cannot be new.
 * A comment is given (rejections need one: checked separately below).
 */
const TABLE: Record<Role, Record<SegmentStatus, string>> = {
  translator: {
    new: /*        */ 'N/new  draft/new  translated/B  E/E  E/E',
    draft: /*      */ 'N/new  draft/new  translated/B  E/E  E/E',
    translated: /* */ 'N/new  draft/new  translated/B  E/E  E/E',
    approved: /*   */ 'L/L    L/L        L/L           E/E  E/E',
    rejected: /*   */ 'N/new  draft/new  translated/B  E/E  E/E',
  },
  editor: {
    new: /*        */ 'N/new  draft/new  translated/B  approved/B  rejected/rejected',
    draft: /*      */ 'N/new  draft/new  translated/B  approved/B  rejected/rejected',
    translated: /* */ 'N/new  draft/new  translated/B  approved/B  rejected/rejected',
    approved: /*   */ 'N/new  draft/new  translated/B  approved/B  rejected/rejected',
    rejected: /*   */ 'N/new  draft/new  translated/B  approved/B  rejected/rejected',
  },
};

const CODES: Record<string, TransitionRefusal> = { E: 'editor-only', L: 'locked', B: 'blank-confirmed', N: 'filled-new' };

function expected(role: Role, from: SegmentStatus, to: SegmentStatus, blank: boolean): string {
  const cell = TABLE[role][from].split(/\s+/)[SEGMENT_STATUSES.indexOf(to)]!;
  return cell.split('/')[blank ? 1 : 0]!;
}

function outcome(role: Role, from: SegmentStatus, to: SegmentStatus, blank: boolean, comment: string | null = 'Why'): string {
  const v = decideTransition({ role, from, to, target: blank ? '  ' : 'Europol says', comment });
  if (v.ok) return v.status;
  return Object.entries(CODES).find(([, r]) => r === v.refusal)?.[0] ?? v.refusal;
}

describe('the segment workflow', () => {
  const cases: [Role, SegmentStatus, SegmentStatus, boolean][] = [];
  for (const role of ['translator', 'editor'] as const)
    for (const from of SEGMENT_STATUSES) for (const to of SEGMENT_STATUSES) for (const blank of [false, true]) cases.push([role, from, to, blank]);

  it('covers 2 roles × 5 × 5 statuses × empty or filled target = 100 cases', () => {
    expect(cases).toHaveLength(100);
  });

  it.each(cases)('%s: %s → %s (empty target: %s)', (role, from, to, blank) => {
    expect(outcome(role, from, to, blank)).toBe(expected(role, from, to, blank));
  });

  it('rejecting needs a comment, except a segment that is already rejected', () => {
    for (const from of SEGMENT_STATUSES) {
      for (const comment of [null, '', '   ']) {
        expect(outcome('editor', from, 'rejected', false, comment)).toBe(from === 'rejected' ? 'rejected' : 'reject-needs-comment');
      }
    }
  });

  it('a segment out of translation takes no change at all', () => {
    for (const role of ['translator', 'editor'] as const)
      for (const from of SEGMENT_STATUSES)
        for (const to of SEGMENT_STATUSES) {
          expect(decideTransition({ role, from, to, target: 'x', comment: 'c', translatable: false })).toEqual({ ok: false, refusal: 'out-of-translation' });
        }
  });

  it('reports a refusal as a RelaisError with a stable code and the segment', () => {
    const seg = 'seg-1';
    expect(thrown(() => assertTransition({ role: 'translator', from: 'translated', to: 'approved', target: 'x' }, seg))).toMatchObject({ code: 'permission.denied', detail: 'segment seg-1' });
    expect(thrown(() => assertTransition({ role: 'translator', from: 'approved', to: 'draft', target: 'x' }, seg)).code).toBe('segment.locked');
    expect(thrown(() => assertTransition({ role: 'editor', from: 'new', to: 'approved', target: '' }, seg))).toMatchObject({ code: 'invalid.operation', message: 'An untranslated segment cannot be approved' });
    expect(thrown(() => assertTransition({ role: 'editor', from: 'draft', to: 'new', target: 'x' }, seg)).code).toBe('invalid.operation');
    expect(thrown(() => assertTransition({ role: 'editor', from: 'draft', to: 'rejected', target: 'x' }, seg)).code).toBe('invalid.arguments');
    expect(thrown(() => assertTransition({ role: 'editor', from: 'draft', to: 'draft', target: 'x', translatable: false }, seg)).code).toBe('invalid.operation');
    expect(thrown(() => assertUnlocked('approved', 'translator', seg)).code).toBe('segment.locked');
    expect(() => assertUnlocked('approved', 'editor', seg)).not.toThrow();
    expect(assertTransition({ role: 'translator', from: 'new', to: 'draft', target: '' }, seg)).toBe('new');
  });

  it('only an approved segment is locked, and only for translators', () => {
    for (const from of SEGMENT_STATUSES) {
      expect(isLocked(from, 'translator')).toBe(from === 'approved');
      expect(isLocked(from, 'editor')).toBe(false);
    }
  });

  it('says what a changed source, a restore and rejected changes do to the status', () => {
    expect(statusAfterSourceChange('')).toBe('new');
    expect(statusAfterSourceChange(' \u00a0')).toBe('new');
    expect(statusAfterSourceChange('A law')).toBe('draft');
    expect(restoredStatus({ text: '', status: 'approved' })).toBe('new');
    expect(restoredStatus({ text: 'x', status: 'approved' })).toBe('translated');
    expect(restoredStatus({ text: 'x', status: 'translated' })).toBe('translated');
    expect(restoredStatus({ text: 'x', status: 'draft' })).toBe('draft');
    expect(restoredStatus({ text: 'x', status: 'rejected' })).toBe('draft');
    expect(statusAfterRejectedChanges('')).toBe('new');
    expect(statusAfterRejectedChanges('base')).toBe('translated');
  });
});
