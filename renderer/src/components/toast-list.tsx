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
        <ToastItem key={toast.id} toast={toast} dismiss={dismiss} label={t('notify.dismiss')} />
      ))}
    </div>
  );
}

function ToastItem({
  toast,
  dismiss,
  label,
}: {
  readonly toast: Toast;
  readonly dismiss: (id: number) => void;
  readonly label: string;
}) {
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
        <strong>{toast.title}</strong>
        {toast.body !== undefined ? <p>{toast.body}</p> : null}
      </div>
      <button type="button" className="icon-button" aria-label={label} onClick={onDismiss}>
        <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true">
          <path d="M4 4l8 8M12 4l-8 8" />
        </svg>
      </button>
    </div>
  );
}
