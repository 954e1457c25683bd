import { useEffect } from 'react';
import { clearSignedOut, signInHref, wasSignedOut } from '../api/team/session.ts';
import { buttonClass } from '../components/ui/button.tsx';

export interface SignInRequiredProps {
  /** Goes to the sign-in page (default: the browser's own navigation). */
  navigate?: (href: string) => void;
  /** Where "this tab signed out" is kept (default: sessionStorage). */
  storage?: Storage;
}

const assign = (href: string) => window.location.assign(href);

/**
 * Shown instead of the page once the API asks for a session: the browser goes to sign in and
 * comes back to this page. Right after the user signed out in this tab it asks first ("You are
 * signed out"), so that the provider's own session does not sign them straight back in.
 */
export function SignInRequired({ navigate = assign, storage }: SignInRequiredProps) {
  const href = signInHref(window.location);
  const signedOut = wasSignedOut(storage);
  useEffect(() => {
    if (!signedOut) navigate(href);
  }, [signedOut, href, navigate]);

  if (!signedOut) {
    return (
      <p role="status" className="py-12 text-center text-slate-700">
        Signing in…
      </p>
    );
  }
  return (
    <section aria-labelledby="signed-out-title" className="mx-auto max-w-xl py-12">
      <h1 id="signed-out-title" className="text-2xl font-semibold">
        You are signed out
      </h1>
      <p className="mt-2 text-slate-700">Sign in to use Cockpit Board again.</p>
      <a href={href} onClick={() => clearSignedOut(storage)} className={buttonClass({ variant: 'primary', size: 'lg', className: 'mt-6' })}>
        Sign in
      </a>
    </section>
  );
}
