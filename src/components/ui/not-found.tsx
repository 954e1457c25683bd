/** The page for an address with nothing at it, or a task or playbook that does not exist (router and feature pages share it). */
import { Link } from '../router/router.tsx';
import { buttonClass } from './button.tsx';

export function NotFoundPage({ title = 'Page not found', detail }: { title?: string; detail?: string }) {
  return (
    <section aria-labelledby="not-found-title" className="mx-auto max-w-xl py-12 text-center">
      <h1 id="not-found-title" className="text-2xl font-semibold">
        {title}
      </h1>
      <p className="mt-2 text-slate-600">{detail ?? 'There is nothing at this address.'}</p>
      <Link to="/board" className={buttonClass({ variant: 'primary', size: 'lg', className: 'mt-6' })}>
        Back to the board
      </Link>
    </section>
  );
}
