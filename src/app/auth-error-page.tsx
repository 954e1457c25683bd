import { useQueryClient } from '@tanstack/react-query';
import type { ApiError } from '../api/errors.ts';
import { resetApiHealth } from './api-health.ts';
import { Button } from '../components/ui/button.tsx';

/** Shown instead of any page once the API answers 401: the proxy's access key is missing or wrong. */
export function AuthErrorPage({ error }: { error: ApiError }) {
  const queryClient = useQueryClient();
  return (
    <section aria-labelledby="auth-error-title" className="mx-auto max-w-2xl rounded-lg border border-red-200 bg-white p-6">
      <h1 id="auth-error-title" className="text-xl font-semibold text-red-800">
        The access key is missing or was rejected
      </h1>
      <p className="mt-3 text-slate-700">
        Gainsight answered <strong>401 Unauthorized</strong>
        {error.errorCode ? <> ({error.errorCode})</> : null}. The dashboard's server adds the access key to every API call, so the key is
        never typed into the browser; it has no valid key now.
      </p>
      <h2 className="mt-4 font-semibold">How to fix it</h2>
      <ol className="mt-2 list-decimal space-y-1 pl-6 text-slate-700">
        <li>In Gainsight, open Administration → Connectors 2.0 → Gainsight API and copy the REST API access key.</li>
        <li>
          Put it in <code className="rounded bg-slate-100 px-1">.env.local</code> at the project's root as{' '}
          <code className="rounded bg-slate-100 px-1">GAINSIGHT_ACCESS_KEY=…</code>, next to{' '}
          <code className="rounded bg-slate-100 px-1">GAINSIGHT_DOMAIN</code> or{' '}
          <code className="rounded bg-slate-100 px-1">GAINSIGHT_BASE_URL</code>.
        </li>
        <li>Restart the dashboard's server, then try again.</li>
      </ol>
      {error.requestId && <p className="mt-3 text-sm text-slate-600">Request id: {error.requestId}</p>}
      <Button
        variant="primary"
        size="lg"
        className="mt-5"
        onClick={() => {
          resetApiHealth();
          void queryClient.resetQueries();
        }}
      >
        Try again
      </Button>
    </section>
  );
}
