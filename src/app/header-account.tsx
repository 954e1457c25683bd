/**
 * The header's theme choice and account (who is signed in, Sign out): loaded after the first
 * page, so the board's first visit does not carry them (on a phone they sit behind Menu).
 */
import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { serverSessionQueryOptions } from '../api/team/session.ts';
import { ThemeSelect } from './theme-select.tsx';
import { UserMenu } from './user-menu.tsx';

export function HeaderAccount() {
  const queryClient = useQueryClient();
  // The page's one question to the team server about the session, shared with the team's views.
  const load = useCallback(async () => (await queryClient.fetchQuery(serverSessionQueryOptions())).session, [queryClient]);
  return (
    <>
      <ThemeSelect />
      <UserMenu load={load} />
    </>
  );
}
