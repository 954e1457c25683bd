import { QueryClient } from '@tanstack/react-query';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { firstPageSettled, type RouterLike } from './page-settled.ts';

function fakeRouter() {
  const listeners = new Set<() => void>();
  const router: RouterLike & { set: (patch: Partial<RouterLike['state']>) => void } = {
    state: { initialized: false, navigation: { state: 'idle' } },
    subscribe: (listener) => {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    set: (patch) => {
      router.state = { ...router.state, ...patch };
      listeners.forEach((l) => l());
    },
  };
  return router;
}

/** Whether the promise has settled after the timers have had their turn. */
async function isDone(promise: Promise<void>, waitMs = 120): Promise<boolean> {
  let done = false;
  void promise.then(() => (done = true));
  await new Promise((r) => setTimeout(r, waitMs));
  return done;
}

afterEach(() => vi.useRealTimers());

describe('first page settled', () => {
  it('waits for the router’s first navigation and for the page’s queries, then resolves', async () => {
    const router = fakeRouter();
    const queryClient = new QueryClient();
    const settled = firstPageSettled(router, queryClient);
    expect(await isDone(settled)).toBe(false);

    let answer: (value: string) => void = () => {};
    void queryClient.prefetchQuery({ queryKey: ['page'], queryFn: () => new Promise<string>((r) => (answer = r)) });
    router.set({ initialized: true });
    // The router is done but the page's data is still coming.
    expect(await isDone(settled)).toBe(false);

    answer('data');
    expect(await isDone(settled)).toBe(true);
  });

  it('does not wait for ever for a page that keeps fetching', async () => {
    vi.useFakeTimers();
    const router = fakeRouter();
    const queryClient = new QueryClient();
    void queryClient.prefetchQuery({ queryKey: ['never'], queryFn: () => new Promise(() => {}) });
    const settled = vi.fn();
    void firstPageSettled(router, queryClient, 10_000).then(settled);
    await vi.advanceTimersByTimeAsync(9_000);
    expect(settled).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(settled).toHaveBeenCalled();
  });
});
