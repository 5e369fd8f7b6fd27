/**
 * Review as a desk does it: Ana translates, Eddie edits and approves, both comment; real project files in temp folders.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newId } from '../../../shared/ids.ts';
import type { ImportedDocument, SegmentDraft, UserIdentity } from '../../../shared/model.ts';
import { diffText } from '../../../shared/review/diff.ts';
import { ProjectStore } from './project-store.ts';
import { errorCode } from '../testing/errors.ts';
import { REVIEW_ACTION_COMMENTS, ReviewStore } from './review-store.ts';

const NBSP = '\u00a0';
const doc: ImportedDocument = {
  format: 'txt',
  sourceName: 'article.txt',
  blocks: [
    { kind: 'title', text: 'Europol : opération Cumberland', chrome: null },
    { kind: 'paragraph', text: `Au moins 25${NBSP}individus ont été arrêtés. « C’est une première », dit-elle.`, chrome: null },
    { kind: 'paragraph', text: 'Partager', chrome: 'share' },
    { kind: 'paragraph', text: 'Les Etats membres discutent.', chrome: null },
  ],
};
const drafts: SegmentDraft[] = [
  { blockIndex: 0, source: 'Europol : opération Cumberland' },
  { blockIndex: 1, source: `Au moins 25${NBSP}individus ont été arrêtés.` },
  { blockIndex: 1, source: '« C’est une première », dit-elle.' },
  { blockIndex: 2, source: 'Partager' },
  { blockIndex: 3, source: 'Les Etats membres discutent.' },
];

const ana: UserIdentity = { id: newId(), name: 'Ana', role: 'translator' };
const ed: UserIdentity = { id: newId(), name: 'Eddie', role: 'editor' };
const ben: UserIdentity = { id: newId(), name: 'Ben', role: 'translator' };

let dir: string;
/** Ids of the segments at creation, in document order; sid(n) is the n-th (1-based). */
let created: string[] = [];
const sid = (n: number): string => created[n - 1]!;
let store: ProjectStore;
let review: ReviewStore;
let clock: number;
const now = () => new Date(Date.UTC(2026, 2, 1, 9, 0, clock++));

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'relais-review-'));
  clock = 0;
  store = ProjectStore.create(path.join(dir, 'p.relais'), doc, drafts, { now });
  created = store.segments().map((x) => x.id);
  review = new ReviewStore(store);
});
afterEach(() => {
  store.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const code = errorCode;

function translate(id: string, target: string, user = ana) {
  return store.commitSegment({ segmentId: id, target, status: 'translated', origin: 'typed' }, user);
}

function edit(id: string, target: string) {
  return store.commitSegment({ segmentId: id, target, status: 'translated', origin: 'typed' }, ed);
}

describe('history, diff and restore', () => {
  it('lists who did what and when, diffs two revisions word by word, restores an old one as a new revision', () => {
    translate(sid(2), 'At least 25 people were arrested.');
    edit(sid(2), 'At least 25 individuals were arrested.');
    store.setStatus({ segmentId: sid(2), status: 'approved' }, ed);
    const h = review.history(sid(2));
    expect(h.map((r) => [r.author, r.role, r.status, r.origin, r.text])).toEqual([
      ['Ana', 'translator', 'translated', 'typed', 'At least 25 people were arrested.'],
      ['Eddie', 'editor', 'translated', 'typed', 'At least 25 individuals were arrested.'],
      ['Eddie', 'editor', 'approved', 'review', 'At least 25 individuals were arrested.'],
    ]);
    expect(h[0]!.createdAt < h[1]!.createdAt).toBe(true);
    expect(h.every((r) => r.qaOverride === null)).toBe(true);

    const d = review.diffRevisions(sid(2), h[0]!.id, h[1]!.id);
    expect(d.parts.filter((p) => p.kind !== 'equal')).toEqual([
      { kind: 'delete', text: 'people' },
      { kind: 'insert', text: 'individuals' },
    ]);
    expect(diffText(d.parts, 'before')).toBe(h[0]!.text);
    expect(code(() => review.diffRevisions(sid(3), h[0]!.id, h[1]!.id))).toBe('invalid.arguments');

    // A translator cannot restore over an approved segment; an editor can, as a new revision.
    expect(code(() => review.restoreRevision(sid(2), h[0]!.id, ana))).toBe('segment.locked');
    const restored = review.restoreRevision(sid(2), h[0]!.id, ed);
    expect(restored).toMatchObject({ target: 'At least 25 people were arrested.', status: 'translated' });
    const last = review.history(sid(2)).at(-1)!;
    expect(last).toMatchObject({ origin: 'restore', action: 'restore', author: 'Eddie', comment: `Restored revision ${h[0]!.id}`, prevRevisionId: h[2]!.id });
    expect(review.history(sid(2))).toHaveLength(4);
    expect(code(() => review.history('999'))).toBe('segment.notFound');
  });

  it('a translator restores an earlier draft: a new revision on top, as a draft, nothing removed from the history', () => {
    store.commitSegment({ segmentId: sid(5), target: 'Member states talk.', status: 'draft', origin: 'typed' }, ana);
    translate(sid(5), 'Member states are discussing.');
    const [first, second] = review.history(sid(5));
    const seg = review.restoreRevision(sid(5), first!.id, ana);
    expect(seg).toMatchObject({ target: 'Member states talk.', status: 'draft' });
    expect(review.history(sid(5)).map((r) => [r.text, r.origin, r.prevRevisionId])).toEqual([
      ['Member states talk.', 'typed', null],
      ['Member states are discussing.', 'typed', first!.id],
      ['Member states talk.', 'restore', second!.id],
    ]);
    expect(code(() => review.restoreRevision(sid(5), '12345', ana))).toBe('invalid.arguments');
  });

  it('a segment with a thousand revisions: history and diff stay exact', () => {
    for (let i = 0; i < 1000; i++) store.commitSegment({ segmentId: sid(5), target: `Member states are discussing (${i}).`, status: 'draft', origin: 'typed' }, ana);
    const h = review.history(sid(5));
    expect(h).toHaveLength(1000);
    const d = review.diffRevisions(sid(5), h[10]!.id, h[999]!.id);
    expect(d.parts.filter((p) => p.kind !== 'equal').map((p) => p.text)).toEqual(['10', '999']);
  });
});

describe('tracked changes', () => {
  beforeEach(() => {
    translate(sid(1), 'Europol: Operation Cumberland');
    translate(sid(2), 'At least 25 people were arrested.');
    translate(sid(3), '“It is a first,” she said.');
    edit(sid(2), 'At least 25 individuals were arrested.');
    edit(sid(3), '“This is a first,” she said.');
  });

  it('shows the editor’s edits against the translator’s last confirmed text, per segment and for all', () => {
    expect(review.trackedChanges(sid(1))).toBeNull();
    const t = review.trackedChanges(sid(2))!;
    expect(t).toMatchObject({ base: 'At least 25 people were arrested.', current: 'At least 25 individuals were arrested.', editors: ['Eddie'] });
    expect(diffText(t.parts, 'before')).toBe(t.base);
    expect(diffText(t.parts, 'after')).toBe(t.current);
    expect(review.allTrackedChanges().map((c) => c.segmentId)).toEqual([sid(2), sid(3)]);
    // A translator's own later drafts are not an editor's change.
    translate(sid(5), 'Member states are talking.');
    store.commitSegment({ segmentId: sid(5), target: 'Member states are discussing.', status: 'draft', origin: 'typed' }, ana);
    expect(review.trackedChanges(sid(5))).toBeNull();
  });

  it('accepting makes the current text the new base, visibly in the history; editors only', () => {
    expect(code(() => review.acceptChanges(sid(2), ana))).toBe('permission.denied');
    const [seg] = review.acceptChanges(sid(2), ed);
    expect(seg).toMatchObject({ id: sid(2), target: 'At least 25 individuals were arrested.', status: 'translated' });
    expect(review.trackedChanges(sid(2))).toBeNull();
    expect(review.history(sid(2)).at(-1)).toMatchObject({ origin: 'review', action: 'accept-changes', comment: REVIEW_ACTION_COMMENTS['accept-changes'], author: 'Eddie' });
    expect(code(() => review.acceptChanges(sid(2), ed))).toBe('invalid.operation');
    // A further edit is tracked against the accepted text.
    edit(sid(2), 'At least 25 individuals have been arrested.');
    expect(review.trackedChanges(sid(2))!.base).toBe('At least 25 individuals were arrested.');
  });

  it('rejecting restores the translator’s text as a new revision; "all" handles every segment at once', () => {
    const [seg] = review.rejectChanges(sid(2), ed);
    expect(seg).toMatchObject({ target: 'At least 25 people were arrested.', status: 'translated' });
    expect(review.history(sid(2)).at(-1)).toMatchObject({ origin: 'review', action: 'reject-changes', text: 'At least 25 people were arrested.' });
    expect(review.trackedChanges(sid(2))).toBeNull();

    edit(sid(2), 'At least 25 persons were arrested.');
    const all = review.rejectChanges('all', ed);
    expect(all.map((s) => [s.id, s.target])).toEqual([
      [sid(2), 'At least 25 people were arrested.'],
      [sid(3), '“It is a first,” she said.'],
    ]);
    expect(review.allTrackedChanges()).toEqual([]);
    edit(sid(2), 'At least 25 persons were arrested.');
    edit(sid(3), '“This is a first,” she said.');
    expect(review.acceptChanges('all', ed).map((s) => s.id)).toEqual([sid(2), sid(3)]);
    expect(review.allTrackedChanges()).toEqual([]);
    expect(review.acceptChanges('all', ed)).toEqual([]);
  });
});

describe('approval, rejection with a comment, locks', () => {
  it('reject needs a comment, which also opens a thread; approved segments are locked for translators until unlocked', () => {
    translate(sid(2), 'At least 25 people were arrested.');
    expect(code(() => store.setStatus({ segmentId: sid(2), status: 'rejected' }, ed))).toBe('invalid.arguments');
    expect(code(() => store.setStatus({ segmentId: sid(2), status: 'rejected', comment: '   ' }, ed))).toBe('invalid.arguments');
    expect(store.segment(sid(2)).status).toBe('translated');
    store.setStatus({ segmentId: sid(2), status: 'rejected', comment: 'Say "individuals", as Europol does.' }, ed);
    expect(review.history(sid(2)).at(-1)).toMatchObject({ status: 'rejected', comment: 'Say "individuals", as Europol does.' });
    const thread = review.comments(sid(2));
    expect(thread.comments).toEqual([expect.objectContaining({ author: 'Eddie', role: 'editor', text: 'Say "individuals", as Europol does.', parentId: null, resolvedAt: null })]);
    expect(thread.open).toBe(1);

    translate(sid(2), 'At least 25 individuals were arrested.');
    store.setStatus({ segmentId: sid(2), status: 'approved' }, ed);
    expect(code(() => translate(sid(2), 'Twenty-five individuals were arrested.'))).toBe('segment.locked');
    expect(code(() => store.saveDraft(sid(2), 'Twenty', ana))).toBe('segment.locked');
    expect(code(() => review.unlock(sid(2), ana))).toBe('permission.denied');
    expect(code(() => review.unlock(sid(1), ed))).toBe('invalid.operation');
    expect(review.unlock(sid(2), ed).status).toBe('translated');
    expect(review.history(sid(2)).at(-1)).toMatchObject({ action: 'unlock', status: 'translated', author: 'Eddie' });
    expect(translate(sid(2), 'Twenty-five individuals were arrested.').target).toBe('Twenty-five individuals were arrested.');
  });

  it('two people editing from the same revision: the second is refused, nothing is overwritten', () => {
    const head = review.history(sid(5)).at(-1)?.id ?? null;
    store.commitSegment({ segmentId: sid(5), target: 'Member states are discussing.', status: 'translated', origin: 'typed', expectedRevisionId: head }, ana);
    expect(code(() => store.commitSegment({ segmentId: sid(5), target: 'EU states debate.', status: 'translated', origin: 'typed', expectedRevisionId: head }, ben))).toBe(
      'segment.conflict',
    );
    expect(review.history(sid(5)).map((r) => r.author)).toEqual(['Ana']);
  });
});

describe('comments', () => {
  it('threads: reply, resolve, reopen; open threads counted', () => {
    const c1 = review.addComment(sid(2), '  Is it 25 or 26?  ', ana);
    expect(c1).toMatchObject({ segmentId: sid(2), text: 'Is it 25 or 26?', author: 'Ana', role: 'translator', parentId: null });
    const reply = review.addComment(sid(2), 'Europol says 25.', ed, c1.id);
    expect(reply.parentId).toBe(c1.id);
    review.addComment(sid(5), 'Check "Etats" without accent: house style?', ed);
    expect(review.comments().open).toBe(2);
    expect(review.comments(sid(2)).comments.map((c) => c.text)).toEqual(['Is it 25 or 26?', 'Europol says 25.']);

    // Resolving a reply resolves its thread.
    const resolved = review.resolveComment(reply.id, ana);
    expect(resolved).toMatchObject({ id: c1.id, resolvedBy: 'Ana' });
    expect(resolved.resolvedAt).not.toBeNull();
    expect(review.comments(sid(2)).open).toBe(0);
    expect(review.comments().open).toBe(1);
    expect(review.reopenComment(c1.id, ed)).toMatchObject({ resolvedAt: null, resolvedBy: null });
    expect(review.comments().open).toBe(2);

    expect(code(() => review.addComment(sid(2), '   ', ana))).toBe('invalid.arguments');
    expect(code(() => review.addComment(sid(5), 'wrong thread', ana, c1.id))).toBe('invalid.arguments');
    expect(code(() => review.addComment('999', 'nowhere', ana))).toBe('segment.notFound');
    expect(code(() => review.resolveComment('77', ana))).toBe('invalid.arguments');
  });
});

describe('what changed since I last looked', () => {
  it('lists segments whose latest change is by someone else and newer than my last look', () => {
    translate(sid(1), 'Europol: Operation Cumberland');
    translate(sid(2), 'At least 25 people were arrested.');
    translate(sid(3), '“It is a first,” she said.');
    // Ana has not looked at anything, but her own work is not news to her.
    expect(review.changedSince(ana)).toEqual([]);
    expect(review.changedSince(ed)).toEqual([sid(1), sid(2), sid(3)]);
    review.markSeen(ed, [sid(1), sid(2), sid(3)]);
    expect(review.changedSince(ed)).toEqual([]);

    edit(sid(2), 'At least 25 individuals were arrested.');
    store.setStatus({ segmentId: sid(3), status: 'approved' }, ed);
    expect(review.changedSince(ana)).toEqual([sid(2), sid(3)]);
    review.markSeen(ana, [sid(2)]);
    expect(review.changedSince(ana)).toEqual([sid(3)]);
    translate(sid(1), 'Europol: Operation Cumberland (update)', ben);
    expect(review.changedSince(ana)).toEqual([sid(1), sid(3)]);
    expect(code(() => review.markSeen(ana, ['999']))).toBe('segment.notFound');
  });
});

describe('publication status', () => {
  it('blocks on unapproved segments, open comments and QA errors; ready when all are cleared', () => {
    let st = review.publicationStatus();
    expect(st.total).toBe(4); // "Partager" is out of translation
    expect(st.byStatus.new).toBe(4);
    expect(st.blockers.notApproved).toEqual([sid(1), sid(2), sid(3), sid(5)]);
    expect(st.ready).toBe(false);
    expect(st.blockers.qaErrors).toBeNull();

    for (const [id, t] of [[sid(1), 'Europol: Operation Cumberland'], [sid(2), 'At least 25 people were arrested.'], [sid(3), '“It is a first,” she said.'], [sid(5), 'Member states are discussing.']] as [string, string][]) {
      translate(id, t);
      store.setStatus({ segmentId: id, status: 'approved' }, ed);
    }
    const c = review.addComment(sid(3), 'Keep the curly quotes.', ed);
    const qa = (segs: { id: string; target: string }[]) =>
      segs.filter((s) => /25/.test(s.target)).map((s) => ({ segment: s.id, severity: 'error' as const }));
    st = review.publicationStatus(qa);
    expect(st.blockers.notApproved).toEqual([]);
    expect(st.blockers.openComments).toEqual({ count: 1, segmentIds: [sid(3)] });
    expect(st.blockers.qaErrors).toEqual({ count: 1, segmentIds: [sid(2)] });
    expect(st.ready).toBe(false);
    review.resolveComment(c.id, ed);
    expect(review.publicationStatus(qa).ready).toBe(false);
    expect(review.publicationStatus(() => [])).toMatchObject({ ready: true, byStatus: { approved: 4 } });
  });
});

describe('review export input', () => {
  it('carries the translator’s base text where an editor changed it, and the comments with their thread state', () => {
    translate(sid(2), 'At least 25 people were arrested.');
    edit(sid(2), 'At least 25 individuals were arrested.');
    const c = review.addComment(sid(2), 'Europol says individuals.', ed);
    review.addComment(sid(2), 'OK', ana, c.id);
    review.resolveComment(c.id, ana);
    const input = review.exportInput();
    const s2 = input.segments.find((s) => s.id === sid(2))!;
    expect(s2.baseText).toBe('At least 25 people were arrested.');
    expect(s2.comments!.map((x) => [x.text, x.resolved])).toEqual([
      ['Europol says individuals.', true],
      ['OK', true],
    ]);
    expect(input.segments.find((s) => s.id === sid(1))!.baseText).toBeUndefined();
  });
});
