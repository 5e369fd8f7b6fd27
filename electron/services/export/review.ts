/**
 * Bilingual review document for an editor working on paper or in a word processor (html, docx).
 *
 * Layout: a header (article name, source file, languages, export time, segment counts by status, open/resolved
 * comments, a legend), then one table row per segment in document order — number and kind, French source,
 * English target, status, changes — and, under a segment that has comments, a row listing them (author, role,
 * time, text, resolved or open).
 *
 * Changes are the edits made to the translator's last confirmed text (`baseText`) to reach the current target,
 * as a word diff (shared/review/diff.ts). They are never shown by colour alone:
 *  - HTML: insertions in <ins> (underlined) and wrapped in [+ … +], deletions in <del> (struck) and wrapped in
 *    [− … −]; a change of white space only is drawn with visible marks (· space, ° no-break space…).
 *  - DOCX: real Word revisions (w:ins / w:del runs with author and date: Word underlines and strikes them and can
 *    accept or reject them); comments are real Word comments anchored on the target text, and are also printed
 *    under the segment so they survive printing without markup. Resolved comments carry "(resolved)" in their text
 *    and are marked done for Word. Everything is written by the `docx` package, the generated XML is never patched.
 *
 * Segments of blocks out of translation (page chrome) are left out; the header says how many.
 */
import {
  AlignmentType,
  CommentRangeEnd,
  CommentRangeStart,
  CommentReference,
  CommentsExtended,
  commentIdToParaId,
  DeletedTextRun,
  Document,
  FileChild,
  HeadingLevel,
  InsertedTextRun,
  PackagePart,
  Packer,
  PageOrientation,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type ICommentOptions,
  type IContext,
  type IXmlableObject,
  type ParagraphChild,
} from 'docx';
import { RelaisError } from '../../../shared/errors.ts';
import { SEGMENT_STATUSES, type Block, type ProjectInfo, type Role, type Segment, type SegmentStatus } from '../../../shared/model.ts';
import { isWhitespaceOnlyChange, visibleWhitespace, wordDiff, type DiffPart } from '../../../shared/review/diff.ts';
import { escapeHtml, formatTime, groupByBlock, STATUS_LABELS } from './common.ts';

export interface ReviewComment {
  author: string;
  role: Role;
  createdAt: string;
  text: string;
  resolved: boolean;
}

export type ReviewSegment = Segment & {
  /** The translator's last confirmed text; when it differs from `target`, the difference is shown as changes. */
  baseText?: string;
  comments?: ReviewComment[];
};

export interface ReviewExportInput {
  info: ProjectInfo;
  segments: ReviewSegment[];
  blocks: Block[];
}

export type ReviewFormat = 'html' | 'docx';

export interface ReviewExportOptions {
  /** Export time shown in the header (default: now). */
  now?: Date;
}

interface Row {
  seg: ReviewSegment;
  number: number;
  kindLabel: string;
  changes: DiffPart[] | null;
  comments: ReviewComment[];
}

interface Model {
  title: string;
  rows: Row[];
  counts: Record<SegmentStatus, number>;
  total: number;
  excluded: number;
  openComments: number;
  resolvedComments: number;
  changed: number;
}

const KIND_LABELS = { title: 'Title', heading: 'Heading', paragraph: 'Paragraph' } as const;

function buildModel(input: ReviewExportInput): Model {
  if (!input || !input.info || !Array.isArray(input.segments) || !Array.isArray(input.blocks)) {
    throw new RelaisError('invalid.arguments', 'The review export needs the project info, its blocks and its segments.');
  }
  const counts = Object.fromEntries(SEGMENT_STATUSES.map((s) => [s, 0])) as Record<SegmentStatus, number>;
  const rows: Row[] = [];
  let excluded = 0;
  let openComments = 0;
  let resolvedComments = 0;
  let changed = 0;
  for (const { block, segments } of groupByBlock(input.blocks, input.segments, input.info.path)) {
    for (const s of segments as ReviewSegment[]) {
      if (!block.translatable || !s.translatable) {
        excluded++;
        continue;
      }
      counts[s.status] = (counts[s.status] ?? 0) + 1;
      const changes = s.baseText !== undefined && s.baseText !== s.target ? wordDiff(s.baseText, s.target) : null;
      if (changes) changed++;
      const comments = [...(s.comments ?? [])].sort((a, b) => a.createdAt.localeCompare(b.createdAt));
      for (const c of comments) {
        if (c.resolved) resolvedComments++;
        else openComments++;
      }
      rows.push({ seg: s, number: rows.length + 1, kindLabel: block.kind === 'heading' && block.level ? `Heading ${block.level}` : KIND_LABELS[block.kind], changes, comments });
    }
  }
  return { title: input.info.name || input.info.sourceName || 'Article', rows, counts, total: rows.length, excluded, openComments, resolvedComments, changed };
}

export async function exportReview(input: ReviewExportInput, format: ReviewFormat, options: ReviewExportOptions = {}): Promise<Uint8Array | string> {
  if (format !== 'html' && format !== 'docx') {
    throw new RelaisError('file.unsupported', `Cannot export a review as "${String(format)}": use html or docx.`);
  }
  const model = buildModel(input);
  const now = options.now ?? new Date();
  return format === 'html' ? reviewHtml(input.info, model, now) : reviewDocx(input.info, model, now);
}

function countsLine(m: Model): string {
  return SEGMENT_STATUSES.map((s) => `${STATUS_LABELS[s]}: ${m.counts[s]}`).join(' · ');
}

function commentLine(c: ReviewComment): string {
  return `${c.author} (${c.role}), ${formatTime(c.createdAt)}${c.resolved ? ' — resolved' : ' — open'}`;
}

// --------------------------------------------------------------------------------------------------------------
// HTML
// --------------------------------------------------------------------------------------------------------------

const CSS = `
body { font: 11pt/1.45 Georgia, "Times New Roman", serif; margin: 1.5em; color: #111; }
h1 { font-size: 1.5em; margin: 0 0 .3em; }
.meta, .legend { margin: .2em 0; }
table.segments { border-collapse: collapse; width: 100%; margin-top: 1em; }
table.segments th, table.segments td { border: 1px solid #888; padding: .35em .5em; vertical-align: top; text-align: left; }
table.segments thead { display: table-header-group; }
tr { page-break-inside: avoid; }
td.num { white-space: nowrap; width: 4em; }
td.num small { display: block; color: #444; }
td.status { white-space: nowrap; }
.status-rejected td.status { font-weight: bold; }
ins { text-decoration: underline; text-decoration-thickness: 2px; background: #e6f4ea; }
del { text-decoration: line-through; background: #fde8e8; }
.mk { font-family: monospace; font-size: .85em; }
.ws { font-family: monospace; }
tr.comments td { border-top: none; background: #fafafa; }
tr.comments ul { margin: 0; padding-left: 1.2em; }
.resolved { color: #555; }
.none { color: #777; }
@media print { body { margin: 0; } }
`.trim();

function diffHtml(parts: DiffPart[]): string {
  const wsOnly = isWhitespaceOnlyChange(parts);
  return parts
    .map((p) => {
      if (p.kind === 'equal') return escapeHtml(p.text);
      const shown = /^\s+$/u.test(p.text) || wsOnly ? `<span class="ws">${escapeHtml(visibleWhitespace(p.text))}</span>` : escapeHtml(p.text);
      return p.kind === 'insert'
        ? `<ins><span class="mk">[+</span>${shown}<span class="mk">+]</span></ins>`
        : `<del><span class="mk">[−</span>${shown}<span class="mk">−]</span></del>`;
    })
    .join('');
}

function reviewHtml(info: ProjectInfo, m: Model, now: Date): string {
  const rows = m.rows
    .map((r) => {
      const s = r.seg;
      const main = [
        `<tr id="seg-${escapeHtml(s.id)}" class="segment status-${s.status}">`,
        `<td class="num">${r.number}<small>${escapeHtml(r.kindLabel)}</small></td>`,
        `<td class="source" lang="${escapeHtml(info.sourceLang || 'fr')}">${escapeHtml(s.source)}</td>`,
        `<td class="target" lang="${escapeHtml(info.targetLang || 'en')}">${s.target ? escapeHtml(s.target) : '<span class="none">(not translated)</span>'}</td>`,
        `<td class="status">${STATUS_LABELS[s.status]}</td>`,
        `<td class="changes">${r.changes ? diffHtml(r.changes) : '<span class="none">—</span>'}</td>`,
        '</tr>',
      ].join('');
      if (!r.comments.length) return main;
      const items = r.comments
        .map((c) => `<li class="${c.resolved ? 'resolved' : 'open'}"><strong>${escapeHtml(commentLine(c))}</strong>: ${escapeHtml(c.text)}</li>`)
        .join('');
      return `${main}\n<tr class="comments"><td></td><td colspan="4"><ul>${items}</ul></td></tr>`;
    })
    .join('\n');
  const title = `Review: ${m.title}`;
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(title)}</title>`,
    `<style>\n${CSS}\n</style>`,
    '</head>',
    '<body>',
    '<header>',
    `<h1>${escapeHtml(title)}</h1>`,
    `<p class="meta">Source: ${escapeHtml(info.sourceName)} (${escapeHtml(info.sourceLang)} → ${escapeHtml(info.targetLang)}) · Exported ${escapeHtml(formatTime(now))}</p>`,
    `<p class="meta counts">Segments: ${m.total} — ${escapeHtml(countsLine(m))}${m.excluded ? ` · ${m.excluded} out of translation, not shown` : ''}</p>`,
    `<p class="meta">Segments with changes: ${m.changed} · Comments: ${m.openComments} open, ${m.resolvedComments} resolved</p>`,
    '<p class="legend">Changes against the translator’s last confirmed text: insertions are underlined and marked <ins><span class="mk">[+</span>like this<span class="mk">+]</span></ins>, deletions are struck through and marked <del><span class="mk">[−</span>like this<span class="mk">−]</span></del>; changed spaces show as · (space), ° (no-break space), ˙ (narrow no-break space).</p>',
    '</header>',
    '<table class="segments">',
    `<thead><tr><th>#</th><th>Source</th><th>Target</th><th>Status</th><th>Changes</th></tr></thead>`,
    '<tbody>',
    rows,
    '</tbody>',
    '</table>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

// --------------------------------------------------------------------------------------------------------------
// DOCX
// --------------------------------------------------------------------------------------------------------------

/** xsd:dateTime without milliseconds, as Word writes it. */
function wordDate(iso: string | null | undefined, fallback: Date): string {
  const d = iso ? new Date(iso) : fallback;
  return (Number.isNaN(d.getTime()) ? fallback : d).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function initials(name: string): string {
  return (
    name
      .split(/\s+/u)
      .filter(Boolean)
      .map((w) => [...w][0]!.toUpperCase())
      .join('')
      .slice(0, 4) || '?'
  );
}

const WIDTHS = [6, 29, 29, 10, 26];

function cell(children: Paragraph[], width: number, extra: { columnSpan?: number } = {}): TableCell {
  return new TableCell({ children, width: { size: width, type: WidthType.PERCENTAGE }, ...extra });
}

async function reviewDocx(info: ProjectInfo, m: Model, now: Date): Promise<Uint8Array> {
  let revisionId = 1;
  let commentId = 0;
  const comments: ICommentOptions[] = [];
  const title = `Review: ${m.title}`;

  const header = new TableRow({
    tableHeader: true,
    children: ['#', 'Source', 'Target', 'Status', 'Changes'].map((h, i) => cell([new Paragraph({ children: [new TextRun({ text: h, bold: true })] })], WIDTHS[i]!)),
  });
  const rows: TableRow[] = [header];
  for (const r of m.rows) {
    const s = r.seg;
    const author = s.updatedBy || 'Relais';
    const date = wordDate(s.updatedAt, now);

    // Target with the segment's comments anchored on it.
    const ids = r.comments.map(() => commentId++);
    r.comments.forEach((c, k) => {
      comments.push({
        id: ids[k]!,
        author: c.author,
        initials: initials(c.author),
        date: new Date(wordDate(c.createdAt, now)),
        children: [new Paragraph({ children: [new TextRun({ text: c.resolved ? `(resolved) ${c.text}` : c.text })] })],
        // A durable id makes docx give each comment's paragraph its w14:paraId, which the done state refers to.
        durableId: commentIdToParaId(ids[k]!),
        resolved: c.resolved,
      });
    });
    const targetChildren: ParagraphChild[] = [
      ...ids.map((id) => new CommentRangeStart(id)),
      s.target ? new TextRun({ text: s.target }) : new TextRun({ text: '(not translated)', italics: true }),
      ...ids.map((id) => new CommentRangeEnd(id)),
      ...ids.map((id) => new TextRun({ children: [new CommentReference(id)] })),
    ];

    // Changes as real revisions.
    const changeChildren: ParagraphChild[] = r.changes
      ? r.changes.map((p) => {
          if (p.kind === 'equal') return new TextRun({ text: p.text });
          return p.kind === 'insert'
            ? new InsertedTextRun({ text: p.text, id: revisionId++, author, date })
            : new DeletedTextRun({ text: p.text, id: revisionId++, author, date });
        })
      : [new TextRun({ text: '—' })];

    rows.push(
      new TableRow({
        cantSplit: true,
        children: [
          cell([new Paragraph({ children: [new TextRun({ text: String(r.number) }), new TextRun({ text: r.kindLabel, size: 16, break: 1 })] })], WIDTHS[0]!),
          cell([new Paragraph({ children: [new TextRun({ text: s.source, language: { value: info.sourceLang || 'fr' } })] })], WIDTHS[1]!),
          cell([new Paragraph({ children: targetChildren })], WIDTHS[2]!),
          cell([new Paragraph({ children: [new TextRun({ text: STATUS_LABELS[s.status], bold: s.status === 'rejected' })] })], WIDTHS[3]!),
          cell([new Paragraph({ children: changeChildren })], WIDTHS[4]!),
        ],
      }),
    );
    if (r.comments.length) {
      rows.push(
        new TableRow({
          children: [
            cell([new Paragraph('')], WIDTHS[0]!),
            cell(
              r.comments.map(
                (c) => new Paragraph({ children: [new TextRun({ text: commentLine(c) + ': ', bold: true, size: 18 }), new TextRun({ text: c.text, size: 18, italics: c.resolved })] }),
              ),
              100 - WIDTHS[0]!,
              { columnSpan: 4 },
            ),
          ],
        }),
      );
    }
  }

  const doc = new Document({
    title,
    creator: 'Relais',
    comments: { children: comments },
    sections: [
      {
        properties: { page: { size: { orientation: PageOrientation.LANDSCAPE } } },
        children: [
          ...(comments.some((c) => c.resolved) ? [new CommentStates(comments)] : []),
          new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(title)] }),
          new Paragraph({ children: [new TextRun(`Source: ${info.sourceName} (${info.sourceLang} → ${info.targetLang}) · Exported ${formatTime(now)}`)] }),
          new Paragraph({
            children: [new TextRun(`Segments: ${m.total} — ${countsLine(m)}${m.excluded ? ` · ${m.excluded} out of translation, not shown` : ''}`)],
          }),
          new Paragraph({ children: [new TextRun(`Segments with changes: ${m.changed} · Comments: ${m.openComments} open, ${m.resolvedComments} resolved`)] }),
          new Paragraph({
            alignment: AlignmentType.LEFT,
            children: [
              new TextRun({
                text: 'The Changes column holds the edits made to the translator’s last confirmed text as Word revisions (insertions underlined, deletions struck through): use Review › Accept or Reject. Comments are in the margin and listed under their segment.',
                italics: true,
              }),
            ],
          }),
          new Table({ rows, width: { size: 100, type: WidthType.PERCENTAGE } }),
        ],
      },
    ],
  });
  const buf = await Packer.toBuffer(doc);
  return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
}

/**
 * Word reads whether a comment is resolved ("done") from the commentsExtended part, keyed by the w14:paraId of the
 * comment's last paragraph. docx writes that part itself only for threaded replies; for our comments it is added
 * through docx's own means: its CommentsExtended element, in a PackagePart (written with its content type and a
 * relationship from the document) that this body element adds when the document is written. It writes no XML of
 * its own in the body.
 */
class CommentStates extends FileChild {
  private readonly part: PackagePart;

  constructor(comments: readonly ICommentOptions[]) {
    super('w:relaisCommentStates');
    this.part = new PackagePart({
      folder: 'relais',
      name: 'commentsExtended',
      extension: 'xml',
      contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.commentsExtended+xml',
      relationshipType: 'http://schemas.microsoft.com/office/2011/relationships/commentsExtended',
      content: new CommentsExtended(comments.map((c) => ({ paraId: commentIdToParaId(c.id), done: c.resolved === true }))),
    });
  }

  override prepForXml(context: IContext): IXmlableObject | undefined {
    this.part.addTo(context);
    return undefined;
  }
}
