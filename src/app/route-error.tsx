import { Link } from '../components/router/router.tsx';
import { Button, buttonClass } from '../components/ui/button.tsx';

/** A page that failed to render (or whose code could not be loaded) shows this instead of a white page, with a way back. */
export function RouteError({ error }: { error: unknown }) {
  const message = error instanceof Error ? error.message : String(error);
  return (
    <section role="alert" aria-labelledby="route-error-title" className="mx-auto max-w-xl py-12">
      <h1 id="route-error-title" className="text-2xl font-semibold">
        This page ran into a problem
      </h1>
      <p className="mt-2 text-slate-700">Nothing you saved is lost. The error was:</p>
      <pre className="mt-2 overflow-auto rounded bg-slate-100 p-3 text-sm whitespace-pre-wrap">{message}</pre>
      <div className="mt-6 flex gap-3">
        <Button variant="primary" size="lg" onClick={() => window.location.reload()}>
          Reload the page
        </Button>
        <Link to="/board" className={buttonClass({ variant: 'secondary', size: 'lg' })}>
          Back to the board
        </Link>
      </div>
    </section>
  );
}
