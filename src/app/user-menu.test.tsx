import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { memoryStorage } from '../lib/safe-storage.ts';
import { markSignedOut, wasSignedOut, type SessionState } from '../api/team/session.ts';
import { UserMenu } from './user-menu.tsx';

const ana: SessionState = { kind: 'signed-in', user: { name: 'Ana Souza', email: 'ana@acme.example' } };

describe('UserMenu', () => {
  it("shows the signed-in user's name and a Sign out button", async () => {
    render(<UserMenu load={async () => ana} storage={memoryStorage()} />);
    expect(await screen.findByRole('button', { name: 'Sign out' })).toBeEnabled();
    const name = screen.getByText('Ana Souza');
    expect(name).toHaveAttribute('title', 'ana@acme.example');
    // Screen readers hear who it is.
    expect(name).toHaveTextContent('Signed in as Ana Souza');
  });

  it.each<SessionState>([{ kind: 'off' }, { kind: 'signed-out' }, { kind: 'unknown' }])(
    'shows nothing when the session is %o',
    async (session) => {
      const load = vi.fn(async () => session);
      const { container } = render(<UserMenu load={load} storage={memoryStorage()} />);
      await vi.waitFor(() => expect(load).toHaveBeenCalled());
      // Let the answer land.
      await act(async () => {
        await load.mock.results[0]!.value;
      });
      expect(screen.queryByRole('button', { name: 'Sign out' })).toBeNull();
      expect(container).toBeEmptyDOMElement();
    },
  );

  it('signs out, marks the tab signed out and goes where the server says', async () => {
    const user = userEvent.setup();
    const storage = memoryStorage();
    const navigate = vi.fn();
    const signOut = vi.fn(async () => '/');
    render(<UserMenu load={async () => ana} signOut={signOut} navigate={navigate} storage={storage} />);
    await user.click(await screen.findByRole('button', { name: 'Sign out' }));
    expect(signOut).toHaveBeenCalledTimes(1);
    expect(navigate).toHaveBeenCalledWith('/');
    expect(wasSignedOut(storage)).toBe(true);
  });

  it('says so when signing out fails, and stays', async () => {
    const user = userEvent.setup();
    const navigate = vi.fn();
    render(
      <UserMenu
        load={async () => ana}
        signOut={async () => Promise.reject(new Error('HTTP 403'))}
        navigate={navigate}
        storage={memoryStorage()}
      />,
    );
    await user.click(await screen.findByRole('button', { name: 'Sign out' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Signing out failed. Try again.');
    expect(screen.getByRole('button', { name: 'Sign out' })).toBeEnabled();
    expect(navigate).not.toHaveBeenCalled();
  });

  it('clears the signed-out mark once signed in again', async () => {
    const storage = memoryStorage();
    markSignedOut(storage);
    render(<UserMenu load={async () => ana} storage={storage} />);
    await screen.findByRole('button', { name: 'Sign out' });
    expect(wasSignedOut(storage)).toBe(false);
  });
});
