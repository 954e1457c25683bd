import { act, fireEvent, render, screen } from '@testing-library/react';
import { MemoryRouter } from '../router/router.tsx';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createToastStore } from './toast-store.ts';
import { ToastContext, Toasts, isUndoShortcut } from './toasts.tsx';

afterEach(() => vi.useRealTimers());

function setup() {
  const store = createToastStore();
  render(
    <MemoryRouter>
      <ToastContext.Provider value={store}>
        <label>
          Notes <input type="text" />
        </label>
        <Toasts />
      </ToastContext.Provider>
    </MemoryRouter>,
  );
  return store;
}

describe('Toasts', () => {
  it('Ctrl+Z and Cmd+Z take the Undo, but not while typing in a field', () => {
    const store = setup();
    const undo = vi.fn();
    act(() => void store.show({ message: 'Moved A to Completed', actions: [{ label: 'Undo', onAction: undo }] }));
    const button = screen.getByRole('button', { name: 'Undo' });
    expect(button).toHaveAttribute('aria-keyshortcuts', 'Control+Z Meta+Z');

    fireEvent.keyDown(screen.getByRole('textbox', { name: 'Notes' }), { key: 'z', ctrlKey: true });
    expect(undo).not.toHaveBeenCalled();
    fireEvent.keyDown(document.body, { key: 'z', metaKey: true });
    expect(undo).toHaveBeenCalledTimes(1);
    expect(screen.queryByText('Moved A to Completed')).toBeNull();
  });

  it('stays while the pointer is over the notifications or focus is in them', () => {
    vi.useFakeTimers();
    const store = setup();
    act(() => void store.show({ message: 'Moved A', actions: [{ label: 'Undo', onAction: () => {} }] }));
    const region = screen.getByRole('region', { name: 'Notifications' });
    fireEvent.pointerEnter(region);
    act(() => vi.advanceTimersByTime(30_000));
    expect(screen.getByText('Moved A')).toBeInTheDocument();
    fireEvent.pointerLeave(region);
    act(() => screen.getByRole('button', { name: 'Undo' }).focus());
    act(() => vi.advanceTimersByTime(30_000));
    expect(screen.getByText('Moved A')).toBeInTheDocument();
    // Focus leaves: the clock runs again with the time that was left (all of it here).
    act(() => screen.getByRole('textbox', { name: 'Notes' }).focus());
    act(() => vi.advanceTimersByTime(11_000));
    expect(screen.getByText('Moved A')).toBeInTheDocument();
    act(() => vi.advanceTimersByTime(1_000));
    expect(screen.queryByText('Moved A')).toBeNull();
  });

  it('knows the shortcut', () => {
    const base = { ctrlKey: false, metaKey: false, shiftKey: false, altKey: false };
    expect(isUndoShortcut({ ...base, key: 'z', ctrlKey: true })).toBe(true);
    expect(isUndoShortcut({ ...base, key: 'Z', metaKey: true })).toBe(true);
    expect(isUndoShortcut({ ...base, key: 'z', ctrlKey: true, shiftKey: true })).toBe(false);
    expect(isUndoShortcut({ ...base, key: 'z' })).toBe(false);
  });
});
