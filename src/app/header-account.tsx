/**
 * The header's theme choice and account (who is signed in, Sign out): loaded after the first
 * page, so the board's first visit does not carry them (on a phone they sit behind Menu).
 */
import { ThemeSelect } from './theme-select.tsx';
import { UserMenu } from './user-menu.tsx';

export function HeaderAccount() {
  return (
    <>
      <ThemeSelect />
      <UserMenu />
    </>
  );
}
