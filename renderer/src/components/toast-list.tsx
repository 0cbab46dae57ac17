import type { TFunction } from 'i18next';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useToasts, type Toast } from '../state/toasts';

const TOAST_LIFETIME_MS = 8000;

/** The in-window notifications, newest last, each dismissable and gone after a few seconds. */
export function ToastList() {
  const { t } = useTranslation();
  const { toasts, dismiss } = useToasts();
  return (
    <div className="toasts" role="region" aria-label={t('notify.region')} aria-live="polite">
      {toasts.map((toast) => (
        <ToastItem key={toast.id} toast={toast} dismiss={dismiss} t={t} />
      ))}
    </div>
  );
}

function ToastItem({
  toast,
  dismiss,
  t,
}: {
  readonly toast: Toast;
  readonly dismiss: (id: number) => void;
  readonly t: TFunction;
}) {
  const { title, body } = toast.text(t);
  const onDismiss = () => {
    dismiss(toast.id);
  };
  useEffect(() => {
    const timer = setTimeout(
      () => {
        dismiss(toast.id);
      },
      toast.severity === 'error' ? TOAST_LIFETIME_MS * 2 : TOAST_LIFETIME_MS,
    );
    return () => {
      clearTimeout(timer);
    };
  }, [dismiss, toast.id, toast.severity]);
  return (
    <div className={`toast toast--${toast.severity}`} role={toast.severity === 'error' ? 'alert' : undefined}>
      <div>
        <strong>{title}</strong>
        {body !== undefined ? <p>{body}</p> : null}
      </div>
      <button type="button" className="icon-button" aria-label={t('notify.dismiss')} onClick={onDismiss}>
        <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true">
          <path d="M4 4l8 8M12 4l-8 8" />
        </svg>
      </button>
    </div>
  );
}
