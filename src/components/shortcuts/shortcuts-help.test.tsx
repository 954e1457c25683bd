import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SHORTCUT_KEYS, setShortcutsOn, shortcutsActive } from './keys.ts';
import { HELP_GROUPS, ShortcutsHelp } from './shortcuts-help.tsx';

describe('the shortcuts help', () => {
  afterEach(() => setShortcutsOn(true));

  it('lists every shortcut the keys resolve to, with its key', () => {
    const rows = HELP_GROUPS.flatMap((g) => g.rows);
    for (const [key, action] of Object.entries(SHORTCUT_KEYS.single)) {
      const row = rows.find((r) => r.action === action);
      expect(row, action).toBeDefined();
      expect(
        row!.keys.some((seq) => seq.length === 1 && seq[0] === key),
        `${action} shows ${key}`,
      ).toBe(true);
    }
    for (const [key, path] of Object.entries(SHORTCUT_KEYS.afterG)) {
      const row = rows.find((r) => r.action === `go:${path}`);
      expect(row?.keys, path).toEqual([['g', key]]);
    }
  });

  it('groups them as Global and Board, in tables named by their group', () => {
    render(<ShortcutsHelp onClose={() => undefined} />);
    const dialog = screen.getByRole('dialog', { name: 'Keyboard shortcuts' });
    // (jsdom's name computation drops the space before " then " and " or "; a browser keeps it.)
    const global = within(dialog).getByRole('table', { name: 'Global' });
    expect(within(global).getByRole('row', { name: /^n New task$/ })).toBeInTheDocument();
    expect(within(global).getByRole('row', { name: /^g\s*then\s*b\s*Go to the Board$/ })).toBeInTheDocument();
    const board = within(dialog).getByRole('table', { name: 'Board' });
    expect(within(board).getByRole('row', { name: /^j\s*or Down arrow Next card/ })).toBeInTheDocument();
    expect(within(board).getByRole('row', { name: 'x Select the focused card' })).toBeInTheDocument();
    expect(within(board).getByRole('row', { name: "m Open the focused card's Move to menu" })).toBeInTheDocument();
  });

  it('Close closes it; the checkbox turns the single-key shortcuts off and on again', async () => {
    const user = userEvent.setup();
    const onClose = vi.fn();
    render(<ShortcutsHelp onClose={onClose} />);
    expect(screen.getByRole('button', { name: 'Close' })).toHaveFocus();
    const on = screen.getByRole('checkbox', { name: 'Single-key shortcuts' });
    expect(on).toBeChecked();
    await user.click(on);
    expect(on).not.toBeChecked();
    expect(shortcutsActive()).toBe(false);
    await user.click(on);
    expect(shortcutsActive()).toBe(true);
    await user.click(screen.getByRole('button', { name: 'Close' }));
    expect(onClose).toHaveBeenCalled();
  });
});
