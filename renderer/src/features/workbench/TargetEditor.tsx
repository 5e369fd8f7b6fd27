import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RevisionOrigin } from '../../../../shared/model.ts';
import type { EditorCallbacks } from './types.ts';

const AUTO_SIZED = typeof CSS !== 'undefined' && typeof CSS.supports === 'function' && CSS.supports('field-sizing', 'content');

/**
 * The one active segment editor. Its buffer is local state, so typing re-renders this textarea only;
 * the shell reads and writes it through the registered handle.
 */
export function TargetEditor({ segmentId, number, initialText, callbacks, readOnly = false }: { segmentId: string; number: number; initialText: string; callbacks: EditorCallbacks; readOnly?: boolean }) {
  const { t } = useTranslation();
  const [text, setTextState] = useState(initialText);
  const textRef = useRef(initialText);
  const origin = useRef<RevisionOrigin>('typed');
  const ref = useRef<HTMLTextAreaElement>(null);
  const readOnlyRef = useRef(readOnly);
  readOnlyRef.current = readOnly;

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

  // Grow with the text so the row shows the whole translation, like the source beside it. Chromium does it in CSS
  // (field-sizing: content, no forced layout per keystroke); elsewhere measure.
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el || AUTO_SIZED) return;
    el.style.height = 'auto';
    if (el.scrollHeight > 0) el.style.height = `${el.scrollHeight + 2}px`;
  }, [text]);

  return (
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
    />
  );
}
