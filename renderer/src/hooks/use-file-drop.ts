import { useEffect, useState } from 'react';

/** True for the files whose ids can be added: .txt and .csv (by name or type). */
export function isIdFile(file: { readonly name: string; readonly type: string }): boolean {
  return /\.(txt|csv)$/i.test(file.name) || file.type === 'text/plain' || file.type === 'text/csv';
}

/**
 * Accepts .txt / .csv files dropped anywhere in the window: calls `onText` with each file's text and name, and
 * `onRejected` for other files. Returns true while a drag is over the window (to show the drop hint).
 */
export function useFileDrop(
  onText: (text: string, name: string) => void,
  onRejected: (name: string) => void,
): boolean {
  const [dragging, setDragging] = useState(false);
  useEffect(() => {
    let depth = 0;
    const hasFiles = (event: DragEvent) => event.dataTransfer?.types.includes('Files') ?? false;
    const onEnter = (event: DragEvent) => {
      if (!hasFiles(event)) return;
      depth += 1;
      setDragging(true);
    };
    const onLeave = () => {
      depth = Math.max(0, depth - 1);
      if (depth === 0) setDragging(false);
    };
    const onOver = (event: DragEvent) => {
      if (hasFiles(event)) event.preventDefault();
    };
    const onDrop = (event: DragEvent) => {
      if (!hasFiles(event)) return;
      event.preventDefault();
      depth = 0;
      setDragging(false);
      for (const file of event.dataTransfer?.files ?? []) {
        if (isIdFile(file))
          void file.text().then((text) => {
            onText(text, file.name);
          });
        else onRejected(file.name);
      }
    };
    window.addEventListener('dragenter', onEnter);
    window.addEventListener('dragleave', onLeave);
    window.addEventListener('dragover', onOver);
    window.addEventListener('drop', onDrop);
    return () => {
      window.removeEventListener('dragenter', onEnter);
      window.removeEventListener('dragleave', onLeave);
      window.removeEventListener('dragover', onOver);
      window.removeEventListener('drop', onDrop);
    };
  }, [onText, onRejected]);
  return dragging;
}
