import { useEffect, useState } from 'react';
import { clearSignedOut, markSignedOut, requestSignOut, type SessionState } from '../api/team/session.ts';
import { Button } from '../components/ui/button.tsx';

export interface UserMenuProps {
  /** Asks who is signed in (the header's account: the page's `GET /auth/session`, header-account.tsx). */
  load: (signal: AbortSignal) => Promise<SessionState>;
  /** Signs out and says where to go (default: POST /auth/logout). */
  signOut?: () => Promise<string>;
  navigate?: (href: string) => void;
  storage?: Storage;
}

const assign = (href: string) => window.location.assign(href);
const defaultSignOut = () => requestSignOut();

/**
 * The signed-in user's name and "Sign out", in the header. Nothing while the answer is out, when
 * sign-in is off, or when nobody is signed in. The question is one small request after the first
 * render, so it never holds up the page.
 */
export function UserMenu({ load, signOut = defaultSignOut, navigate = assign, storage }: UserMenuProps) {
  const [session, setSession] = useState<SessionState>({ kind: 'unknown' });
  const [signingOut, setSigningOut] = useState<'idle' | 'pending' | 'failed'>('idle');

  useEffect(() => {
    const controller = new AbortController();
    load(controller.signal).then(
      (next) => {
        if (controller.signal.aborted) return;
        setSession(next);
        if (next.kind === 'signed-in') clearSignedOut(storage);
      },
      () => {},
    );
    return () => controller.abort();
  }, [load, storage]);

  if (session.kind !== 'signed-in') return null;
  const { name, email } = session.user;

  const onSignOut = async () => {
    setSigningOut('pending');
    let next: string;
    try {
      next = await signOut();
    } catch {
      setSigningOut('failed');
      return;
    }
    markSignedOut(storage);
    navigate(next);
  };

  return (
    <div className="flex items-center gap-2">
      <span className="max-w-48 truncate text-sm text-slate-700" title={email ?? undefined}>
        <span className="sr-only">Signed in as </span>
        {name}
      </span>
      <Button variant="secondary" size="toolbar" onClick={() => void onSignOut()} disabled={signingOut === 'pending'}>
        Sign out
      </Button>
      {signingOut === 'failed' && (
        <span role="alert" className="text-sm text-red-700">
          Signing out failed. Try again.
        </span>
      )}
    </div>
  );
}
