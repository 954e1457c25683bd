import { act, render, screen } from '@testing-library/react';
import { Component, createElement, Suspense, type ReactNode } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { loadWithRetry } from './lazy-load.ts';
import { lazyPart } from './lazy-part.tsx';
import { createToastStore } from './toast/toast-store.ts';
import { ToastContext } from './toast/toasts.tsx';

/** Shows "Page broken" if anything below throws (as the route's error view would, taking the page away). */
class Boundary extends Component<{ children: ReactNode }, { broken: boolean }> {
  state = { broken: false };
  static getDerivedStateFromError() {
    return { broken: true };
  }
  render() {
    return this.state.broken ? 'Page broken' : this.props.children;
  }
}

const page = (part: ReturnType<typeof lazyPart>) =>
  createElement(Boundary, null, 'Banner', createElement(Suspense, { fallback: null }, createElement(part)));

describe('loading route code', () => {
  it('retries a failed load and returns the module', async () => {
    const load = vi.fn().mockRejectedValueOnce(new TypeError('Failed to fetch dynamically imported module')).mockResolvedValue('mod');
    await expect(loadWithRetry(load)).resolves.toBe('mod');
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('waits for the browser to be online before trying again', async () => {
    const online = vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false);
    const load = vi.fn().mockRejectedValueOnce(new TypeError('offline')).mockResolvedValue('mod');
    const result = loadWithRetry(load);
    await new Promise((r) => setTimeout(r, 20));
    expect(load).toHaveBeenCalledTimes(1);
    online.mockReturnValue(true);
    window.dispatchEvent(new Event('online'));
    await expect(result).resolves.toBe('mod');
    expect(load).toHaveBeenCalledTimes(2);
    online.mockRestore();
  });

  it('gives up after the last attempt with the error', async () => {
    const load = vi.fn().mockRejectedValue(new TypeError('gone'));
    await expect(loadWithRetry(load, 2)).rejects.toThrow('gone');
    expect(load).toHaveBeenCalledTimes(2);
  });
});

describe('a part of the shell loaded on demand', () => {
  it('offline when its code is asked for: it comes once the browser is online again, and the page stays meanwhile', async () => {
    const online = vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false);
    const load = vi
      .fn()
      .mockRejectedValueOnce(new TypeError('Failed to fetch dynamically imported module'))
      .mockResolvedValue(() => 'Live');
    render(page(lazyPart(load)));
    await act(() => new Promise((r) => setTimeout(r, 20)));
    expect(screen.getByText('Banner')).toBeInTheDocument();
    expect(screen.queryByText('Page broken')).toBeNull();
    online.mockReturnValue(true);
    await act(async () => void window.dispatchEvent(new Event('online')));
    expect(await screen.findByText(/Live/)).toBeInTheDocument();
    online.mockRestore();
  });

  it('whose code never comes is left out, never an error', async () => {
    const load = vi.fn().mockRejectedValue(new TypeError('gone'));
    render(page(lazyPart(load)));
    await act(() => new Promise((r) => setTimeout(r, 1700)));
    expect(load).toHaveBeenCalledTimes(3);
    expect(screen.getByText('Banner')).toBeInTheDocument();
    expect(screen.queryByText('Page broken')).toBeNull();
  });

  it('that the user asked for and whose code never comes says so, with Reload', async () => {
    const toasts = createToastStore();
    const load = vi.fn().mockRejectedValue(new TypeError('gone'));
    render(createElement(ToastContext, { value: toasts }, page(lazyPart(load, 'The quick look could not be loaded.'))));
    await act(() => new Promise((r) => setTimeout(r, 1700)));
    expect(screen.getByText('Banner')).toBeInTheDocument();
    expect(screen.queryByText('Page broken')).toBeNull();
    expect(toasts.get()).toEqual([
      expect.objectContaining({
        message: 'The quick look could not be loaded.',
        tone: 'error',
        actions: [expect.objectContaining({ label: 'Reload' })],
      }),
    ]);
  });
});
