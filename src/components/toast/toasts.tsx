import { createContext, useContext, useSyncExternalStore } from 'react';
import { Link } from 'react-router';
import type { ToastStore } from './toast-store.ts';

export const ToastContext = createContext<ToastStore | null>(null);

/** `const toast = useToast(); toast.show({ message, tone, actions, link })`. */
export function useToast(): ToastStore {
  const store = useContext(ToastContext);
  if (!store) throw new Error('useToast must be used inside ToastContext');
  return store;
}

const TONE = {
  info: 'border-slate-300 bg-white text-slate-900',
  success: 'border-green-300 bg-green-50 text-green-900',
  error: 'border-red-300 bg-red-50 text-red-900',
};

/** The toast region: a polite live region (errors are assertive) in the corner of every page. */
export function Toasts() {
  const store = useToast();
  const toasts = useSyncExternalStore(store.subscribe, store.get, store.get);
  return (
    // The region is always in the page and is itself a polite live region, so a toast added to it
    // is announced (an element inserted together with its own role=status often is not).
    // Error toasts are role=alert, which screen readers announce when inserted.
    <section aria-label="Notifications" aria-live="polite" aria-relevant="additions text" className="pointer-events-none fixed right-4 bottom-4 z-50 flex w-96 max-w-[calc(100vw-2rem)] flex-col gap-2">
      {toasts.map((t) => (
        <div
          key={t.id}
          role={t.tone === 'error' ? 'alert' : 'status'}
          className={`pointer-events-auto rounded-lg border p-3 text-sm shadow-lg ${TONE[t.tone ?? 'info']}`}
        >
          <p className="break-words">{t.message}</p>
          <div className="mt-2 flex flex-wrap items-center gap-2">
            {t.link && (
              <Link to={t.link.to} className="font-medium text-blue-800 underline" onClick={() => store.dismiss(t.id)}>
                {t.link.label}
              </Link>
            )}
            {t.actions?.map((a) => (
              <button
                key={a.label}
                type="button"
                className="rounded border border-current px-2 py-0.5 font-medium"
                onClick={() => {
                  store.dismiss(t.id);
                  a.onAction();
                }}
              >
                {a.label}
              </button>
            ))}
            <button type="button" className="ml-auto rounded px-2 py-0.5 text-xs underline" onClick={() => store.dismiss(t.id)}>
              Dismiss
            </button>
          </div>
        </div>
      ))}
    </section>
  );
}
