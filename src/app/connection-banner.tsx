import { useQueryClient } from '@tanstack/react-query';
import { checkApiNow, useApiHealth } from './api-health.ts';

/**
 * A banner while the browser is offline or the API cannot be reached. It goes by itself when the
 * connection is back (see watchApiHealth); "Retry now" checks at once.
 */
export function ConnectionBanner() {
  const { offline, unreachable } = useApiHealth();
  const queryClient = useQueryClient();
  if (!offline && !unreachable) return null;
  const message = offline
    ? 'You are offline. Nothing you typed is lost; the board will update when the connection is back.'
    : unreachable?.kind === 'timeout'
      ? 'The server is taking too long to answer. It is checked again every few seconds.'
      : 'Cannot reach the server. Check your connection; it is checked again every few seconds.';
  return (
    <div role="alert" className="border-b border-amber-300 bg-amber-50">
      <div className="mx-auto flex max-w-[1600px] items-center gap-4 px-4 py-2 text-sm text-amber-900">
        <span>{message}</span>
        <button
          type="button"
          className="rounded border border-amber-400 bg-white px-3 py-1 font-medium hover:bg-amber-100"
          onClick={() => {
            checkApiNow();
            void queryClient.refetchQueries({ predicate: (q) => q.state.status === 'error', type: 'active' });
          }}
        >
          Retry now
        </button>
      </div>
    </div>
  );
}
