/**
 * An in-memory implementation of the Relais API for component tests (and quick manual previews): it follows the
 * contract (envelopes, RelaisError codes, editor-only approval) with plain arrays instead of SQLite.
 * The e2e suite runs the real services; this is only the renderer's test double.
 */
import { RelaisError } from '../../../shared/errors.ts';
import type { EventName, Events, RelaisBridge } from '../../../shared/ipc/bridge.ts';
import { CHANNEL_NAMES } from '../../../shared/ipc/channel-names.ts';
import type { Channel, RelaisApi } from '../../../shared/ipc/contract.ts';
import { createDispatcher } from '../../../shared/ipc/dispatch.ts';
import {
  countWords, SEGMENT_STATUSES, type AppSettings, type Block, type BlockKind, type ChromeReason, type ProjectSnapshot,
  type ProjectStats, type Revision, type Segment, type SegmentStatus,
} from '../../../shared/model.ts';

export interface FakeBlock {
  kind: BlockKind;
  level?: number;
  chrome?: ChromeReason;
  segments: string[];
}

export interface FakeCall {
  channel: Channel;
  args: unknown[];
}

export class FakeRelais {
  settings: AppSettings = { user: null, language: 'en', recent: [] };
  project: ProjectSnapshot | null = null;
  revisions: Revision[] = [];
  calls: FakeCall[] = [];
  /** Channels that fail with this error next time they are called. */
  failNext = new Map<Channel, RelaisError>();
  private listeners = new Map<EventName, Set<(p: unknown) => void>>();
  private seq = 0;

  constructor(private readonly sample: FakeBlock[]) {}

  private id(prefix: string) {
    this.seq += 1;
    return `${prefix}${this.seq}`;
  }

  build(name: string, blocks: FakeBlock[]): ProjectSnapshot {
    const bs: Block[] = [];
    const ss: Segment[] = [];
    blocks.forEach((b, i) => {
      const block: Block = { id: this.id('b'), ord: i, kind: b.kind, level: b.kind === 'heading' ? b.level ?? 2 : b.kind === 'title' ? 1 : null, chrome: b.chrome ?? null, translatable: !b.chrome };
      bs.push(block);
      for (const s of b.segments) {
        ss.push({ id: this.id('s'), blockId: block.id, ord: ss.length, source: s, target: '', status: 'new', translatable: block.translatable, updatedAt: null, updatedBy: null, revisionId: null });
      }
    });
    return {
      info: { id: this.id('p'), path: `/projects/${name}.relais`, name, sourceName: `${name}.txt`, sourceFormat: 'txt', createdAt: '2026-01-01T00:00:00.000Z', sourceLang: 'fr', targetLang: 'en' },
      blocks: bs,
      segments: ss,
      drafts: {},
    };
  }

  emit<E extends EventName>(event: E, payload: Events[E]) {
    for (const l of this.listeners.get(event) ?? []) l(payload);
  }

  private need(): ProjectSnapshot {
    if (!this.project) throw new RelaisError('project.notOpen', 'No project is open');
    return this.project;
  }

  private seg(id: string): Segment {
    const s = this.need().segments.find((x) => x.id === id);
    if (!s) throw new RelaisError('segment.notFound', `No segment ${id}`, { detail: id });
    return s;
  }

  private touch(s: Segment, target: string, status: SegmentStatus, origin: Revision['origin']) {
    const user = this.settings.user;
    if (!user) throw new RelaisError('permission.denied', 'No user');
    s.target = target;
    s.status = status;
    s.updatedAt = new Date().toISOString();
    s.updatedBy = user.name;
    const rev = { id: this.id('r'), segmentId: s.id, author: user.name, authorId: user.id, role: user.role, createdAt: s.updatedAt, text: target, status, origin };
    this.revisions.push(rev);
    s.revisionId = rev.id;
  }

  private open(p: ProjectSnapshot): ProjectSnapshot {
    this.project = p;
    this.settings.recent = [{ path: p.info.path, name: p.info.name, openedAt: new Date().toISOString() }, ...this.settings.recent.filter((r) => r.path !== p.info.path)];
    return this.snapshot();
  }

  snapshot(): ProjectSnapshot {
    return structuredClone(this.need());
  }

  readonly handlers = {
    getAppState: () => ({ settings: structuredClone(this.settings), project: this.project ? this.snapshot() : null }),
    setUser: (u: { name: string; role: 'translator' | 'editor' }) => {
      this.settings.user = { id: `user-${u.name}`, name: u.name, role: u.role };
      return structuredClone(this.settings);
    },
    setLanguage: (l: 'en' | 'fr') => {
      this.settings.language = l;
      return structuredClone(this.settings);
    },
    listRecent: () => structuredClone(this.settings.recent),
    openSample: () => this.open(this.project?.info.name === 'sample' ? this.project : this.build('sample', this.sample)),
    openProject: (path: string) => {
      throw new RelaisError('file.notFound', 'No such project', { file: path });
    },
    importFile: (path: string) => {
      throw new RelaisError('file.notFound', 'No such file', { file: path });
    },
    importDroppedFile: (name: string, base64: string) => {
      const text = new TextDecoder().decode(Uint8Array.from(atob(base64), (c) => c.charCodeAt(0)));
      if (text.trim() === '') throw new RelaisError('file.empty', 'Empty file', { file: name });
      const paras = text.split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean);
      return this.open(this.build(name.replace(/\.[^.]+$/, ''), paras.map((p) => ({ kind: 'paragraph', segments: [p] }))));
    },
    showOpenDialog: () => null,
    closeProject: () => {
      this.project = null;
      return null;
    },
    saveDraft: (id: string, text: string) => {
      this.seg(id);
      this.need().drafts[id] = text;
      return null;
    },
    commitSegment: (a: { segmentId: string; target: string; status: SegmentStatus; origin: Revision['origin'] }) => {
      const s = this.seg(a.segmentId);
      if ((a.status === 'approved' || a.status === 'rejected') && this.settings.user?.role !== 'editor') throw new RelaisError('permission.denied', 'Editors only');
      this.touch(s, a.target, a.status, a.origin);
      delete this.need().drafts[s.id];
      return structuredClone(s);
    },
    setStatus: (a: { segmentId: string; status: SegmentStatus }) => {
      const s = this.seg(a.segmentId);
      if ((a.status === 'approved' || a.status === 'rejected') && this.settings.user?.role !== 'editor') throw new RelaisError('permission.denied', 'Editors only');
      this.touch(s, s.target, a.status, 'review');
      return structuredClone(s);
    },
    splitSegment: (id: string, offset: number) => {
      const p = this.need();
      const s = this.seg(id);
      if (offset >= s.source.length) throw new RelaisError('invalid.operation', 'Split point out of range', { detail: String(offset) });
      const second: Segment = { ...s, id: this.id('s'), source: s.source.slice(offset).trimStart(), target: '', status: 'new' };
      s.source = s.source.slice(0, offset).trimEnd();
      p.segments.splice(p.segments.indexOf(s) + 1, 0, second);
      p.segments.forEach((x, i) => { x.ord = i; });
      return this.snapshot();
    },
    mergeSegments: (a: string, b: string) => {
      const p = this.need();
      const s1 = this.seg(a);
      const s2 = this.seg(b);
      if (s1.blockId !== s2.blockId) throw new RelaisError('invalid.operation', 'Different blocks');
      s1.source = `${s1.source} ${s2.source}`;
      s1.target = [s1.target, s2.target].filter(Boolean).join(' ');
      p.segments.splice(p.segments.indexOf(s2), 1);
      p.segments.forEach((x, i) => { x.ord = i; });
      return this.snapshot();
    },
    setBlockTranslatable: (blockId: string, translatable: boolean) => {
      const p = this.need();
      const b = p.blocks.find((x) => x.id === blockId);
      if (!b) throw new RelaisError('invalid.arguments', 'No block');
      b.translatable = translatable;
      for (const s of p.segments) if (s.blockId === blockId) s.translatable = translatable;
      return this.snapshot();
    },
    getRevisions: (id: string) => this.revisions.filter((r) => r.segmentId === id),
    pickFile: () => null,
    // Read-only channels of later features (terminology, QA, review): empty answers, so the workbench runs.
    getTerms: () => [],
    getSegmentsTerms: () => ({ segments: {}, concepts: {} }),
    getGlossaries: () => [],
    checkSegment: () => [],
    checkDocument: () => [],
    listQaRules: () => [],
    listComments: () => ({ comments: [], open: 0 }),
    markSeen: () => null,
    changedSinceLastLook: () => [],
    getHistory: () => [],
    getTrackedChanges: () => [],
    listArchived: () => [],
    listSourceVersions: () => [],
    getPublicationStatus: () => {
      const p = this.need();
      const segs = p.segments.filter((s) => s.translatable);
      const byStatus = Object.fromEntries(SEGMENT_STATUSES.map((st) => [st, segs.filter((s) => s.status === st).length])) as Record<SegmentStatus, number>;
      const notApproved = segs.filter((s) => s.status !== 'approved').map((s) => s.id);
      return { byStatus, total: segs.length, ready: notApproved.length === 0, blockers: { notApproved, openComments: { count: 0, segmentIds: [] }, qaErrors: null } };
    },
    getStats: (): ProjectStats => {
      const p = this.need();
      const segs = p.segments.filter((s) => s.translatable);
      const zero = () => Object.fromEntries(SEGMENT_STATUSES.map((s) => [s, 0])) as Record<SegmentStatus, number>;
      const byStatus = zero();
      const words = zero();
      let total = 0;
      for (const s of segs) {
        byStatus[s.status] += 1;
        const w = countWords(s.source);
        words[s.status] += w;
        total += w;
      }
      return {
        segments: { total: segs.length, byStatus },
        words: { total, byStatus: words },
        progress: total === 0 ? 0 : (words.translated + words.approved) / total,
        chromeBlocks: p.blocks.filter((b) => b.chrome !== null && !b.translatable).length,
      };
    },
  };

  private readonly dispatch = createDispatcher(this.handlers as never);

  /** The bridge as the preload would expose it: envelopes, never throws. Channels the fake lacks answer invalid.operation. */
  bridge(): RelaisBridge {
    const b: Record<string, unknown> = {};
    for (const c of CHANNEL_NAMES) {
      b[c] = async (...args: unknown[]) => {
        this.calls.push({ channel: c, args });
        if (!Object.hasOwn(this.handlers, c)) {
          return { ok: false, error: { code: 'invalid.operation', message: `${c} is not available in the test double` } };
        }
        const failure = this.failNext.get(c);
        if (failure) {
          this.failNext.delete(c);
          return { ok: false, error: failure.toPayload() };
        }
        return this.dispatch(c, args);
      };
    }
    b.on = (event: EventName, listener: (p: unknown) => void) => {
      const set = this.listeners.get(event) ?? new Set();
      set.add(listener);
      this.listeners.set(event, set);
      return () => set.delete(listener);
    };
    return b as RelaisBridge;
  }

  callsOf(channel: Channel): unknown[][] {
    return this.calls.filter((c) => c.channel === channel).map((c) => c.args);
  }
}

export type { RelaisApi };

/** A small article shaped like the Cumberland sample: title, paragraphs, a heading, page chrome. */
export const SAMPLE_BLOCKS: FakeBlock[] = [
  { kind: 'title', segments: ['Opération « Cumberland » : au moins 25 arrestations'] },
  { kind: 'paragraph', chrome: 'share', segments: ['Partager'] },
  { kind: 'paragraph', segments: ['Il s’agit de l’une des premières opérations de ce type.', 'Au moins 25 individus ont été arrêtés, a annoncé Europol vendredi 28 février.'] },
  { kind: 'heading', level: 2, segments: ['Augmentation exponentielle des contenus'] },
  { kind: 'paragraph', segments: ['Le coup de filet fait suite à l’arrestation en novembre du principal suspect.'] },
  { kind: 'paragraph', chrome: 'related', segments: ['Lire aussi : L’IA au service de la police'] },
];
