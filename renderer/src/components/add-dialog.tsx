import { useDeferredValue, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContractResponses } from '../../../shared/contract';
import { parseMessageIds } from '../../../shared/message-ids';
import { DEADLINE_CHOICES_MINUTES, deadlineMsOf } from '../logic/deadline-choice';
import { useRequest } from '../state/use-request';
import { AddReport } from './add-report';
import { Dialog } from './dialog';

/** How the add dialog opens. */
export interface AddDialogProps {
  readonly initialText: string;
  readonly onClose: () => void;
  /** A result to show at once (a dropped file was added before the dialog opened). */
  readonly initialResult?: ContractResponses['watchText'] | null;
}

/** The paste box: IDs, an optional label and deadline, a live count of what was found, and the report after adding. */
export function AddDialog({ initialText, onClose, initialResult = null }: AddDialogProps) {
  const { t } = useTranslation();
  const request = useRequest();
  const [text, setText] = useState(initialText);
  const [label, setLabel] = useState('');
  const [deadlineMinutes, setDeadlineMinutes] = useState(0);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<ContractResponses['watchText'] | null>(initialResult);
  const deferredText = useDeferredValue(text);
  const preview = useMemo(() => parseMessageIds(deferredText), [deferredText]);

  const submit = async () => {
    setBusy(true);
    const trimmed = label.trim();
    const outcome = await request('watchText', {
      text,
      label: trimmed === '' ? null : trimmed,
      deadlineMs: deadlineMsOf(deadlineMinutes),
    });
    setBusy(false);
    if (outcome !== null) {
      setResult(outcome);
      setText('');
    }
  };

  return (
    <Dialog title={t('add.dialogTitle')} closeLabel={t('add.close')} onClose={onClose} className="add-dialog">
      <form
        className="form"
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <label className="field">
          <span>{t('add.idsLabel')}</span>
          <textarea
            data-autofocus
            rows={8}
            value={text}
            spellCheck={false}
            aria-describedby="add-ids-help add-preview"
            onChange={(event) => {
              setText(event.target.value);
            }}
            onKeyDown={(event) => {
              if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
                event.preventDefault();
                void submit();
              }
            }}
          />
        </label>
        <p id="add-ids-help" className="hint">
          {t('add.idsHelp')}
        </p>
        <p id="add-preview" className="add-preview" aria-live="polite">
          {t('add.preview', { count: preview.ids.length })}
          {preview.duplicates > 0 ? ` · ${t('add.previewDuplicates', { count: preview.duplicates })}` : ''}
          {preview.rejected.length > 0
            ? ` · ${t('add.previewRejected', { count: preview.rejected.length })}`
            : ''}
        </p>
        <div className="form-row">
          <label className="field">
            <span>{t('add.label')}</span>
            <input
              type="text"
              maxLength={100}
              value={label}
              placeholder={t('add.labelPlaceholder')}
              onChange={(event) => {
                setLabel(event.target.value);
              }}
            />
          </label>
          <label className="field">
            <span>{t('add.deadline')}</span>
            <select
              value={deadlineMinutes}
              onChange={(event) => {
                setDeadlineMinutes(Number(event.target.value));
              }}
            >
              {DEADLINE_CHOICES_MINUTES.map((minutes) => (
                <option key={minutes} value={minutes}>
                  {minutes === 0
                    ? t('add.deadlineNone')
                    : minutes < 60
                      ? t('add.deadlineMinutes', { count: minutes })
                      : t('add.deadlineHours', { count: minutes / 60 })}
                </option>
              ))}
            </select>
          </label>
        </div>
        <div className="form-actions">
          <button type="submit" className="button button--primary" disabled={busy || text.trim() === ''}>
            {busy ? t('add.adding') : t('add.submit')}
          </button>
        </div>
      </form>
      {result !== null ? <AddReport result={result} /> : null}
    </Dialog>
  );
}
