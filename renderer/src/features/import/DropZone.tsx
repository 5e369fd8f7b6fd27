import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RelaisError } from '../../../../shared/errors.ts';
import { bytesToBase64, MAX_DROP_BYTES } from '../../lib/base64.ts';

function hasFiles(e: DragEvent): boolean {
  return [...(e.dataTransfer?.types ?? [])].includes('Files');
}

/**
 * Files dropped anywhere on the window are imported: refused here above 20 MB (before reading a byte),
 * otherwise read and sent to main as base64. Shows an overlay while a file is dragged over the window.
 */
export function DropZone({ onImport, onError }: { onImport(name: string, base64: string): Promise<void>; onError(e: RelaisError): void }) {
  const { t } = useTranslation();
  const [dragging, setDragging] = useState(false);
  const [importing, setImporting] = useState<string | null>(null);
  const depth = useRef(0);
  const latest = useRef({ onImport, onError, t });
  useLayoutEffect(() => {
    latest.current = { onImport, onError, t };
  });

  useEffect(() => {
    const enter = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      depth.current += 1;
      setDragging(true);
    };
    const over = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
    };
    const leave = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      depth.current = Math.max(0, depth.current - 1);
      if (depth.current === 0) setDragging(false);
    };
    const drop = (e: DragEvent) => {
      e.preventDefault();
      depth.current = 0;
      setDragging(false);
      const file = e.dataTransfer?.files?.[0];
      const { onImport: importFile, onError: fail, t: tr } = latest.current;
      if (!file) {
        fail(new RelaisError('invalid.operation', 'Only files can be dropped', { detail: tr('errors.dropNotFile') }));
        return;
      }
      if (file.size > MAX_DROP_BYTES) {
        const size = new Intl.NumberFormat(document.documentElement.lang || undefined, { maximumFractionDigits: 1 }).format(file.size / (1024 * 1024));
        fail(new RelaisError('file.tooLarge', `Dropped file is ${file.size} bytes`, { file: file.name, detail: tr('errors.dropTooLarge', { size }) }));
        return;
      }
      setImporting(file.name);
      void file.arrayBuffer()
        .then((buf) => importFile(file.name, bytesToBase64(new Uint8Array(buf))))
        .catch((err: unknown) => {
          fail(err instanceof RelaisError ? err : new RelaisError('file.corrupt', String(err), { file: file.name, detail: tr('errors.dropRead') }));
        })
        .finally(() => setImporting(null));
    };
    window.addEventListener('dragenter', enter);
    window.addEventListener('dragover', over);
    window.addEventListener('dragleave', leave);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragenter', enter);
      window.removeEventListener('dragover', over);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('drop', drop);
    };
  }, []);

  if (!dragging && importing === null) return null;
  return (
    <div className="drop-overlay" data-testid="drop-overlay" aria-live="polite">
      <div className="drop-message">{importing !== null ? t('import.importing', { name: importing }) : t('import.dropHere')}</div>
    </div>
  );
}
