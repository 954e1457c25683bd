import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Combobox, type ComboboxOption } from './combobox.tsx';

const OWNERS: ComboboxOption[] = [
  { value: 'U1', label: 'Ada Lovelace' },
  { value: 'U2', label: 'Grace Hopper' },
  { value: 'U3', label: 'Alan Turing' },
];

/** A controlled combobox inside a form, reporting every change and submit. */
function Harness({
  initial = '',
  allowCustom = false,
  onChange,
  onSubmit,
  onEscapeOutside,
}: {
  initial?: string;
  allowCustom?: boolean;
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
        allowCustom={allowCustom}
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
    render(<Harness allowCustom onEscapeOutside={onEscapeOutside} />);
    await user.type(input(), 'a');
    await user.keyboard('{Escape}');
    expect(input()).toHaveAttribute('aria-expanded', 'false');
    expect(onEscapeOutside).not.toHaveBeenCalled();
    expect(input()).toHaveValue('a');
    await user.keyboard('{Escape}');
    expect(onEscapeOutside).toHaveBeenCalledTimes(1);
  });

  it('with allowCustom, keeps typed text as the value and says when nothing matches', async () => {
    const user = userEvent.setup();
    const onSubmit = vi.fn();
    render(<Harness allowCustom onSubmit={onSubmit} />);
    await user.type(input(), 'U-unknown');
    expect(screen.getByTestId('value')).toHaveTextContent('U-unknown');
    expect(input()).toHaveAccessibleDescription(/No matches/);
    await user.keyboard('{Enter}');
    expect(onSubmit).toHaveBeenCalledWith('U-unknown');
  });

  it('without allowCustom, Enter settles typed text instead of submitting a stale choice', async () => {
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

  it('without allowCustom, leaving with unknown text restores the choice and an emptied field clears it', async () => {
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
    expect(screen.getByTestId('value')).toHaveTextContent('');
  });

  it('shows an error and marks the input invalid', () => {
    render(<Harness initial="bad" allowCustom />);
    expect(input()).toBeInvalid();
    expect(input()).toHaveAccessibleDescription('Pick someone Not allowed');
  });
});
