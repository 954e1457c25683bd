import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { memoryStorage } from '../lib/safe-storage.ts';
import { markSignedOut, wasSignedOut } from '../api/team/session.ts';
import { SignInRequired } from './sign-in-required.tsx';

afterEach(() => window.history.replaceState(null, '', '/'));

describe('SignInRequired', () => {
  it('goes to sign in at once, asking to come back to this page', () => {
    window.history.replaceState(null, '', '/board?view=mine');
    const navigate = vi.fn();
    render(<SignInRequired navigate={navigate} storage={memoryStorage()} />);
    expect(screen.getByRole('status')).toHaveTextContent('Signing in…');
    expect(navigate).toHaveBeenCalledWith('/auth/login?returnTo=%2Fboard%3Fview%3Dmine');
  });

  it('after signing out in this tab, asks first with a Sign in link', async () => {
    window.history.replaceState(null, '', '/board');
    const storage = memoryStorage();
    markSignedOut(storage);
    const navigate = vi.fn();
    render(<SignInRequired navigate={navigate} storage={storage} />);
    expect(screen.getByRole('heading', { level: 1, name: 'You are signed out' })).toBeVisible();
    const link = screen.getByRole('link', { name: 'Sign in' });
    expect(link).toHaveAttribute('href', '/auth/login?returnTo=%2Fboard');
    expect(navigate).not.toHaveBeenCalled();
    link.addEventListener('click', (e) => e.preventDefault()); // jsdom cannot navigate
    await userEvent.setup().click(link);
    expect(wasSignedOut(storage)).toBe(false);
  });
});
