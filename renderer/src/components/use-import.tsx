import { useRef, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { useToasts } from '../state/toasts';
import { useRequest } from '../state/use-request';

/** Importing a watch list from a JSON file: the hidden file input to render, and how to open its file chooser. */
export interface ImportControl {
  readonly input: ReactElement;
  readonly open: () => void;
}

/** The window's Import: sends the chosen JSON file to the monitor and says in a toast what was imported. */
export function useImport(): ImportControl {
  const { t } = useTranslation();
  const request = useRequest();
  const { push } = useToasts();
  const ref = useRef<HTMLInputElement>(null);

  const importFile = async (file: File) => {
    const result = await request('importMessages', { json: await file.text() });
    if (result === null) return;
    push({
      severity: result.problems.length > 0 ? 'warning' : 'success',
      text: (say) => ({
        title: say('toolbar.imported', { imported: result.imported, skipped: result.skipped }),
        ...(result.problems.length > 0 ? { body: result.problems.slice(0, 3).join(' ') } : {}),
      }),
    });
  };

  const input = (
    <input
      ref={ref}
      type="file"
      accept=".json,application/json"
      className="visually-hidden"
      tabIndex={-1}
      aria-label={t('toolbar.importFile')}
      onChange={(event) => {
        const file = event.target.files?.[0];
        event.target.value = '';
        if (file !== undefined) void importFile(file);
      }}
    />
  );
  return { input, open: () => ref.current?.click() };
}
