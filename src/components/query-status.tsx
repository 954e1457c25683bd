import { isApiError } from '../api/errors.ts';

/** A loading state that screen readers announce. */
export function Loading({ label = 'Loading…' }: { label?: string }) {
  return (
    <p role="status" className="py-6 text-slate-600">
      {label}
    </p>
  );
}

/** An error a person can act on: what failed, the server's words, and a retry. */
export function ErrorMessage({ error, title, onRetry }: { error: unknown; title: string; onRetry?: () => void }) {
  const desc = isApiError(error) ? error.errorDesc : error instanceof Error ? error.message : String(error);
  const requestId = isApiError(error) ? error.requestId : null;
  return (
    <div role="alert" className="rounded border border-red-200 bg-red-50 p-4 text-red-900">
      <p className="font-semibold">{title}</p>
      <p className="mt-1 text-sm">{desc}</p>
      {requestId && <p className="mt-1 text-xs text-red-800">Request id: {requestId}</p>}
      {onRetry && (
        <button
          type="button"
          onClick={onRetry}
          className="mt-3 rounded border border-red-300 bg-white px-3 py-1 text-sm font-medium hover:bg-red-100"
        >
          Try again
        </button>
      )}
    </div>
  );
}
