import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Combobox, settleText, type ComboboxOption } from './combobox.tsx';

const OWNERS: ComboboxOption[] = [
  { value: 'U1', label: 'Ada Lovelace' },
  { value: 'U2', label: 'Grace Hopper' },
  { value: 'U3', label: 'Alan Turing' },
];

/** A controlled combobox inside a form, reporting every change and submit. */
function Harness({
  initial = '',
  acceptTyped,
  takeWhileTyping,
  onChange,
  onSubmit,
  onEscapeOutside,
}: {
  initial?: string;
  acceptTyped?: (text: string) => string | null;
  takeWhileTyping?: boolean;
  onChange?: (value: string) => void;
  onSubmit?: (value: string) => void;
  onEscapeOutside?: () => void;
}) {
  const [value, setValue] = useState(initial);
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit?.(value);
      }}
      onKeyDown={(e) => e.key === 'Escape' && onEscapeOutside?.()}
    >
      <Combobox
        id="owner"
        label="Owner"
        value={value}
        onChange={(v) => {
          setValue(v);
          onChange?.(v);
        }}
        options={OWNERS}
        acceptTyped={acceptTyped}
        takeWhileTyping={takeWhileTyping}
        noun="owners"
        error={value === 'bad' ? 'Not allowed' : undefined}
        hint="Pick someone"
      />
      <output data-testid="value">{value}</output>
      <button type="submit">Save</button>
    </form>
  );
}

afterEach(cleanup);

const input = () => screen.getByRole('combobox', { name: 'Owner' });
const optionNames = () => screen.queryAllByRole('option').map((o) => o.textContent);

describe('Combobox', () => {
  it('is a labelled combobox that controls a listbox, collapsed at first', () => {
    render(<Harness />);
    expect(input()).toHaveAttribute('aria-expanded', 'false');
    expect(input()).toHaveAttribute('aria-controls', 'owner-listbox');
    expect(input()).toHaveAccessibleDescription('Pick someone');
    expect(screen.queryByRole('listbox')).not.toBeInTheDocument();
    // Names and ids are not words: no red spelling marks under them.
    expect(input()).toHaveAttribute('spellcheck', 'false');
  });

  it('filters as you type and chooses with the arrow keys and Enter', async () => {
    const user = userEvent.setup();
    const onChange = vi.fn();
    render(<Harness onChange={onChange} />);
    await user.type(input(), 'a');
    expect(input()).toHaveAttribute('aria-expanded', 'true');
    expect(screen.getByRole('listbox', { name: 'Owner' })).toBeVisible();
    expect(optionNames()).toEqual(['Ada Lovelace', 'Alan Turing', 'Grace Hopper']);
    expect(input()).not.toHaveAttribute('aria-activedescendant');

    await user.type(input(), 'c');
    expect(optionNames()).toEqual(['Ada Lovelace', 'Grace Hopper']);
    await user.keyboard('{ArrowDown}');
    expect(input()).toHaveAttribute('aria-activedescendant', 'owner-option-0');
    await user.keyboard('{ArrowDown}');
    expect(input()).toHaveAttribute('aria-activedescendant', 'owner-option-1');
    await user.keyboard('{ArrowDown}');
    expect(input()).toHaveAttribute('aria-activedescendant', 'owner-option-0');
    await user.keyboard('{ArrowUp}');
    expect(input()).toHaveAttribute('aria-activedescendant', 'owner-option-1');
    await user.keyboard('{Enter}');
    expect(onChange).toHaveBeenLastCalledWith('U2');
    expect(input()).toHaveValue('Grace Hopper');
    expect(input()).toHaveAttribute('aria-expanded', 'false');
  });

  it('opens on Down with the chosen option active and marked selected', async () => {
    const user = userEvent.setup();
    render(<Harness initial="U2" />);
    expect(input()).toHaveValue('Grace Hopper');
    await user.click(input());
    await user.keyboard('{Escape}{ArrowDown}');
    expect(screen.getByRole('option', { name: 'Grace Hopper' })).toHaveAttribute('aria-selected', 'true');
    expect(input()).toHaveAttribute('aria-activedescendant', 'owner-option-1');
  });

  it('chooses with a click and keeps the focus in the input', async () => {
    const user = userEvent.setup();
    render(<Harness />);
    await user.type(input(), 'gr');
    await user.click(screen.getByRole('option', { name: 'Grace Hopper' }));
    expect(screen.getByTestId('value')).toHaveTextContent('U2');
    expect(input()).toHaveFocus();
  });

  it('closes the list on Escape without letting Escape through, and lets it through once closed', async () => {
    const user = userEvent.setup();
    const onEscapeOutside = vi.fn();
    render(<Harness onEscapeOutside={onEscapeOutside} />);
    await user.type(input(), 'a');
    await user.keyboard('{Escape}');
    expect(input()).toHaveAttribute('aria-expanded', 'false');
    expect(onEscapeOutside).not.toHaveBeenCalled();
    expect(input()).toHaveValue('a');
    // The typed text is dropped first (nothing was chosen), then Escape goes through.
    await user.keyboard('{Escape}');
    expect(input()).toHaveValue('');
    expect(onEscapeOutside).not.toHaveBeenCalled();
    await user.keyboard('{Escape}');
    expect(onEscapeOutside).toHaveBeenCalledTimes(1);
  });

  it('takes typed text that names no option only when acceptTyped does, and says when nothing matches', async () => {
    const user = userEvent.setup();
    const onSubmit = vi.fn();
    render(<Harness acceptTyped={(t) => (/^U-\d+$/.test(t) ? t : null)} onSubmit={onSubmit} />);
    await user.type(input(), 'U-77');
    expect(input()).toHaveAccessibleDescription(/No matches/);
    expect(screen.getByTestId('value')).toHaveTextContent(/^$/);
    // Enter settles the text (it is taken) and does not submit; the next Enter does.
    await user.keyboard('{Enter}');
    expect(onSubmit).not.toHaveBeenCalled();
    expect(screen.getByTestId('value')).toHaveTextContent('U-77');
    expect(input()).toHaveValue('U-77');
    await user.keyboard('{Enter}');
    expect(onSubmit).toHaveBeenCalledWith('U-77');

    await user.clear(input());
    await user.type(input(), 'U-seven');
    await user.keyboard('{Enter}');
    // Refused: the previous value stays.
    expect(screen.getByTestId('value')).toHaveTextContent('U-77');
    expect(input()).toHaveValue('U-77');
    expect(input()).toHaveAccessibleDescription('No owners match “U-seven”. Nothing was chosen.');
    expect(onSubmit).toHaveBeenCalledTimes(1);
  });

  it('with takeWhileTyping, a whole id is taken as it is typed, before the field is left', async () => {
    const user = userEvent.setup();
    render(<Harness acceptTyped={(t) => (/^U-\d{3}$/.test(t) ? t : null)} takeWhileTyping />);
    await user.type(input(), 'U-77');
    expect(screen.getByTestId('value')).toHaveTextContent(/^$/);
    await user.type(input(), '7');
    expect(screen.getByTestId('value')).toHaveTextContent('U-777');
    expect(input()).toHaveFocus();
  });

  it('Enter with the list open and nothing highlighted never submits: it picks the only match, or says how many match', async () => {
    const user = userEvent.setup();
    const onSubmit = vi.fn();
    render(<Harness onSubmit={onSubmit} />);
    await user.type(input(), 'a');
    expect(input()).toHaveAttribute('aria-expanded', 'true');
    await user.keyboard('{Enter}');
    expect(onSubmit).not.toHaveBeenCalled();
    expect(input()).toHaveAttribute('aria-expanded', 'true');
    expect(input()).toHaveAccessibleDescription('3 owners match: choose one with the arrow keys, or type more.');
    expect(screen.getByTestId('value')).toHaveTextContent(/^$/);

    await user.type(input(), 'lan');
    await user.keyboard('{Enter}');
    expect(onSubmit).not.toHaveBeenCalled();
    expect(screen.getByTestId('value')).toHaveTextContent('U3');
    expect(input()).toHaveValue('Alan Turing');
  });

  it('leaving with text that matches several options chooses nothing and says why', async () => {
    const user = userEvent.setup();
    render(<Harness />);
    await user.type(input(), 'a');
    await user.tab();
    expect(input()).toHaveValue('');
    expect(screen.getByTestId('value')).toHaveTextContent(/^$/);
    expect(input()).toHaveAccessibleDescription('“a” matches 3 owners: choose one from the list. Nothing was chosen.');
  });

  it('an option typed whole by its value (an id) is chosen', async () => {
    const user = userEvent.setup();
    render(<Harness />);
    await user.type(input(), 'u2');
    await user.tab();
    expect(screen.getByTestId('value')).toHaveTextContent('U2');
    expect(input()).toHaveValue('Grace Hopper');
  });

  it('Enter settles typed text instead of submitting a stale choice', async () => {
    const user = userEvent.setup();
    const onSubmit = vi.fn();
    render(<Harness initial="U1" onSubmit={onSubmit} />);
    await user.clear(input());
    await user.type(input(), 'grace');
    await user.keyboard('{Enter}');
    expect(onSubmit).not.toHaveBeenCalled();
    expect(screen.getByTestId('value')).toHaveTextContent('U2');
    await user.keyboard('{Enter}');
    expect(onSubmit).toHaveBeenCalledWith('U2');
  });

  it('leaving with unknown text restores the choice and an emptied field clears it', async () => {
    const user = userEvent.setup();
    render(<Harness initial="U1" />);
    await user.clear(input());
    await user.type(input(), 'nobody');
    await user.tab();
    expect(input()).toHaveValue('Ada Lovelace');
    expect(screen.getByTestId('value')).toHaveTextContent('U1');
    await user.clear(input());
    await user.tab();
    expect(input()).toHaveValue('');
    expect(screen.getByTestId('value')).toHaveTextContent(/^$/);
  });

  it('shows an error and marks the input invalid', () => {
    render(<Harness initial="bad" />);
    expect(input()).toBeInvalid();
    expect(input()).toHaveAccessibleDescription('Pick someone Not allowed');
  });
});

describe('settleText', () => {
  const value = 'U1';
  it('clears on empty text, chooses by exact label or value, and otherwise refuses', () => {
    expect(settleText('  ', OWNERS, { value })).toEqual({ kind: 'clear' });
    expect(settleText('', OWNERS, { value: '' })).toEqual({ kind: 'unchanged' });
    expect(settleText(' grace hopper ', OWNERS, { value })).toEqual({ kind: 'choose', value: 'U2' });
    expect(settleText('u3', OWNERS, { value })).toEqual({ kind: 'choose', value: 'U3' });
    expect(settleText('Ada Lovelace', OWNERS, { value })).toEqual({ kind: 'unchanged' });
    expect(settleText('grace', OWNERS, { value, noun: 'owners' })).toEqual({
      kind: 'reject',
      message: '“grace” is only part of a name: choose it from the list. Nothing was chosen.',
    });
  });

  it('lets acceptTyped take what no option names', () => {
    const acceptTyped = (t: string) => (t.startsWith('U-') ? t : null);
    expect(settleText('U-9', OWNERS, { value, acceptTyped })).toEqual({ kind: 'choose', value: 'U-9' });
    expect(settleText('Kestrel', OWNERS, { value, acceptTyped, noun: 'CTAs' })).toEqual({
      kind: 'reject',
      message: 'No CTAs match “Kestrel”. Nothing was chosen.',
    });
  });
});
