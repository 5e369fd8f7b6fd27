import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RevisionOrigin } from '../../../../shared/model.ts';
import type { EditorCallbacks } from '../../lib/core/editor.ts';
import { useSegmentDecor } from '../../lib/segmentDecor.tsx';

const AUTO_SIZED = typeof CSS !== 'undefined' && typeof CSS.supports === 'function' && CSS.supports('field-sizing', 'content');

/**
 * The one active segment editor. Its buffer is local state, so typing re-renders this textarea only;
 * the shell reads and writes it through the registered handle.
 *
 * Live marks (QA findings) sit in a mirror over the textarea: a div with the same box, font, wrapping and scroll
 * position, holding the same text in transparent ink with `<mark>`s whose underlines show through. It ignores the
 * pointer, so the caret, selection, IME and paste are the textarea's own. Its content comes from the `EditorMarks`
 * slot, rendered with the text of this very render, so the marks move in the same input event as the text.
 */
export function TargetEditor({ segmentId, number, initialText, callbacks, readOnly = false }: { segmentId: string; number: number; initialText: string; callbacks: EditorCallbacks; readOnly?: boolean }) {
  const { t } = useTranslation();
  const [text, setTextState] = useState(initialText);
  const textRef = useRef(initialText);
  const origin = useRef<RevisionOrigin>('typed');
  const ref = useRef<HTMLTextAreaElement>(null);
  const mirror = useRef<HTMLDivElement>(null);
  const { EditorMarks } = useSegmentDecor();
  const readOnlyRef = useRef(readOnly);
  useLayoutEffect(() => {
    readOnlyRef.current = readOnly;
  }, [readOnly]);

  const update = useCallback((next: string, o?: RevisionOrigin) => {
    if (o) origin.current = o;
    textRef.current = next;
    setTextState(next);
    callbacks.onInput(segmentId, next);
  }, [callbacks, segmentId]);

  useEffect(() => {
    callbacks.register({
      segmentId,
      getText: () => textRef.current,
      getOrigin: () => origin.current,
      // A read-only editor (an approved segment, for a translator) ignores copy-source and term insertion too.
      setText: (next, o) => { if (!readOnlyRef.current) update(next, o); },
      focus: () => ref.current?.focus(),
      caret: () => ref.current?.selectionStart ?? textRef.current.length,
    }, segmentId);
    return () => callbacks.register(null, segmentId);
  }, [callbacks, segmentId, update]);

  /** The mirror scrolls with the textarea (a long text, a caret moved out of view, a narrower column). */
  const syncScroll = () => {
    const el = ref.current;
    const m = mirror.current;
    if (!el || !m) return;
    if (m.scrollTop !== el.scrollTop) m.scrollTop = el.scrollTop;
    if (m.scrollLeft !== el.scrollLeft) m.scrollLeft = el.scrollLeft;
  };

  // Grow with the text so the row shows the whole translation, like the source beside it. Chromium does it in CSS
  // (field-sizing: content, no forced layout per keystroke); elsewhere measure.
  useLayoutEffect(() => {
    const el = ref.current;
    if (el && !AUTO_SIZED) {
      el.style.height = 'auto';
      if (el.scrollHeight > 0) el.style.height = `${el.scrollHeight + 2}px`;
    }
    syncScroll();
  }, [text]);

  const hasMarks = EditorMarks !== undefined;
  useEffect(() => {
    const el = ref.current;
    if (!hasMarks || !el || typeof ResizeObserver === 'undefined') return;
    const ro = new ResizeObserver(() => syncScroll());
    ro.observe(el);
    return () => ro.disconnect();
  }, [hasMarks]);

  const textarea = (
    <textarea
      ref={ref}
      className="target-editor"
      data-testid="target-editor"
      data-segment-id={segmentId}
      aria-label={t('workbench.editorLabel', { number })}
      placeholder={t('workbench.editorPlaceholder')}
      value={text}
      rows={1}
      spellCheck
      lang="en"
      readOnly={readOnly}
      aria-readonly={readOnly || undefined}
      data-readonly={readOnly ? 'true' : undefined}
      onPaste={() => { origin.current = 'pasted'; }}
      onChange={(e) => update(e.target.value)}
      onScroll={hasMarks ? syncScroll : undefined}
    />
  );
  if (!EditorMarks) return textarea;
  return (
    <div className="target-editor-wrap">
      {textarea}
      <div ref={mirror} className="target-marks" data-testid="target-marks" aria-hidden="true">
        <EditorMarks segmentId={segmentId} text={text} />
        {/* A final line break lays out an empty last line in the textarea, not in a div: keep the heights equal. */}
        {text.endsWith('\n') ? '\u200b' : null}
      </div>
    </div>
  );
}
