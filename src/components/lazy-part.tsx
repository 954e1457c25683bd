import { lazy, useContext, useEffect, type ComponentType } from 'react';
import { loadWithRetry } from './lazy-load.ts';
import { ToastContext } from './toast/toasts.tsx';

/**
 * A part of a page whose code loads on demand (the header's account, the live status, the
 * shortcuts, the selection bar, the quick look, the Subscribe dialog): a failed load waits for the
 * network and tries again (loadWithRetry). If it never comes the part is left out, never an error
 * that takes the page away; a part the user asked for (`failure` given) says so in a toast with
 * Reload (after a deploy, the old code's files are gone: only a reload brings the new ones).
 */
export function lazyPart<P extends object>(load: () => Promise<ComponentType<P>>, failure?: string) {
  return lazy<ComponentType<P>>(() =>
    loadWithRetry(load).then(
      (component) => ({ default: component }),
      () => ({ default: failure ? () => <LoadFailed message={failure} /> : () => null }),
    ),
  );
}

/** Says, once each time it is shown, that a part could not be loaded. */
function LoadFailed({ message }: { message: string }) {
  const toast = useContext(ToastContext);
  useEffect(() => {
    toast?.show({ message, tone: 'error', actions: [{ label: 'Reload', onAction: () => window.location.reload() }] });
  }, [toast, message]);
  return null;
}
