import type { TFunction } from 'i18next';
import { createContext, useCallback, useContext, useMemo, useRef, useState, type ReactNode } from 'react';

/**
 * A toast's words, made from the catalog each time it is drawn (not kept as text), so that a toast on screen follows
 * a change of language.
 */
export type ToastText = (t: TFunction) => { readonly title: string; readonly body?: string };

/** One in-window notification. */
export interface Toast {
  readonly id: number;
  readonly text: ToastText;
  readonly severity: 'info' | 'success' | 'warning' | 'error';
  /** Toasts with the same key replace each other (a running summary stays one toast). */
  readonly key?: string;
}

interface ToastApi {
  readonly toasts: readonly Toast[];
  readonly push: (toast: Omit<Toast, 'id'>) => void;
  readonly dismiss: (id: number) => void;
}

const ToastContext = createContext<ToastApi | null>(null);

/** Keeps the in-window notifications (at most 5; the oldest goes first). */
export function ToastProvider({ children }: { readonly children: ReactNode }) {
  const [toasts, setToasts] = useState<readonly Toast[]>([]);
  const nextId = useRef(1);
  const push = useCallback((toast: Omit<Toast, 'id'>) => {
    const id = nextId.current;
    nextId.current += 1;
    setToasts((current) => {
      const others = toast.key === undefined ? current : current.filter((item) => item.key !== toast.key);
      return [...others.slice(-3), { ...toast, id }];
    });
  }, []);
  const dismiss = useCallback((id: number) => {
    setToasts((current) => current.filter((toast) => toast.id !== id));
  }, []);
  const api = useMemo(() => ({ toasts, push, dismiss }), [toasts, push, dismiss]);
  return <ToastContext.Provider value={api}>{children}</ToastContext.Provider>;
}

/** The in-window notifications and the functions that add and dismiss them. */
export function useToasts(): ToastApi {
  const api = useContext(ToastContext);
  if (api === null) throw new Error('useToasts needs a ToastProvider above it.');
  return api;
}
