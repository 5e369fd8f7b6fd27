import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CommentView } from '../../../../shared/ipc/channels/review.ts';

export interface CommentsPanelProps {
  segmentNumber: number | null;
  /** Comments of the active segment (any order); null while loading. */
  comments: readonly CommentView[] | null;
  /** False when there is no user identity yet (commenting needs a name). */
  canComment: boolean;
  onAdd(text: string, parentId: string | null): void;
  onResolve(commentId: string): void;
  onReopen(commentId: string): void;
  onClose(): void;
}

function CommentBox({ parentId, onAdd, autoFocus }: { parentId: string | null; onAdd(text: string, parentId: string | null): void; autoFocus?: boolean }) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const ok = text.trim() !== '';
  const submit = () => {
    if (!ok) return;
    onAdd(text.trim(), parentId);
    setText('');
  };
  return (
    <form className="comment-box" onSubmit={(e) => { e.preventDefault(); submit(); }}>
      <textarea
        data-testid="comment-input"
        data-reply-to={parentId ?? undefined}
        rows={2}
        value={text}
        autoFocus={autoFocus}
        aria-label={parentId ? t('comments.replyLabel') : t('comments.newLabel')}
        placeholder={parentId ? t('comments.replyPlaceholder') : t('comments.placeholder')}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          e.stopPropagation();
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            submit();
          }
        }}
      />
      <button type="submit" className="cmd-button" data-testid="comment-submit" disabled={!ok}>{parentId ? t('comments.reply') : t('comments.add')}</button>
    </form>
  );
}

/** Threaded comments of the active segment: author and time, replies, resolve / reopen a thread. */
export function CommentsPanel({ segmentNumber, comments, canComment, onAdd, onResolve, onReopen, onClose }: CommentsPanelProps) {
  const { t, i18n } = useTranslation();
  const fmt = useMemo(() => new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' }), [i18n.language]);
  const [replyTo, setReplyTo] = useState<string | null>(null);
  const list = comments ?? [];
  // Ids are opaque but time-ordered: as strings they sort in the order the comments were made.
  const sorted = [...list].sort((a, b) => a.createdAt.localeCompare(b.createdAt) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const threads = sorted.filter((c) => c.parentId === null);
  const replies = (id: string) => sorted.filter((c) => c.parentId === id);

  const item = (c: CommentView, isThread: boolean) => (
    <div className={`comment-item${c.resolvedAt ? ' resolved' : ''}`} data-testid="comment-item" data-comment-id={c.id} data-resolved={c.resolvedAt ? 'true' : 'false'}>
      <div className="comment-meta">
        <span className="comment-author">{t('history.who', { name: c.author, role: t(`roles.${c.role}`) })}</span>
        <time dateTime={c.createdAt}>{fmt.format(new Date(c.createdAt))}</time>
        {isThread && c.resolvedAt ? <span className="comment-resolved">{t('comments.resolvedBy', { name: c.resolvedBy ?? '' })}</span> : null}
      </div>
      <div className="comment-text">{c.text}</div>
    </div>
  );

  return (
    <section className="review-panel comments-panel" data-testid="comments-panel" aria-label={t('comments.title')}>
      <header className="review-panel-header">
        <h2>{segmentNumber === null ? t('comments.title') : t('comments.titleFor', { number: segmentNumber })}</h2>
        <button type="button" className="icon-button" data-testid="comments-close" onClick={onClose} title={t('comments.close')} aria-label={t('comments.close')}>×</button>
      </header>
      {comments === null ? <p className="muted">{t('comments.loading')}</p> : null}
      {comments !== null && threads.length === 0 ? <p className="muted">{t('comments.empty')}</p> : null}
      <ul className="comment-threads">
        {threads.map((c) => (
          <li key={c.id} className="comment-thread" data-testid="comment-thread" data-resolved={c.resolvedAt ? 'true' : 'false'}>
            {item(c, true)}
            {replies(c.id).length ? (
              <ul className="comment-replies">
                {replies(c.id).map((r) => <li key={r.id}>{item(r, false)}</li>)}
              </ul>
            ) : null}
            {canComment ? (
              <div className="comment-actions">
                <button type="button" className="link-button" data-testid="comment-reply" onClick={() => setReplyTo(replyTo === c.id ? null : c.id)}>{t('comments.reply')}</button>
                {c.resolvedAt ? (
                  <button type="button" className="link-button" data-testid="comment-reopen" onClick={() => onReopen(c.id)}>{t('comments.reopen')}</button>
                ) : (
                  <button type="button" className="link-button" data-testid="comment-resolve" onClick={() => onResolve(c.id)}>{t('comments.resolve')}</button>
                )}
              </div>
            ) : null}
            {replyTo === c.id && canComment ? <CommentBox parentId={c.id} autoFocus onAdd={(text, p) => { onAdd(text, p); setReplyTo(null); }} /> : null}
          </li>
        ))}
      </ul>
      {canComment && segmentNumber !== null ? <CommentBox parentId={null} onAdd={onAdd} /> : null}
    </section>
  );
}

/** Open comment threads of the project; a button that shows them. */
export function OpenCommentsCount({ count, onShow }: { count: number; onShow(): void }) {
  const { t } = useTranslation();
  return (
    <button type="button" className={`open-comments${count > 0 ? ' has-open' : ''}`} data-testid="open-comments-count" data-count={count} onClick={onShow} title={t('comments.countHint')}>
      <span aria-hidden="true">✉ </span>{t('comments.openCount', { count })}
    </button>
  );
}
