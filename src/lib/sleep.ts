/**
 * Waiting, written once for the app, the local API server and the benchmarks: `sleep` for a wait
 * that an abort cancels with an error (the CSV export's retries), `interruptibleSleep` for one that
 * an abort only cuts short (a playbook's apply, which looks at why it woke).
 */

/**
 * Resolves after `ms`; rejects with the signal's reason as soon as `signal` aborts (at once if it
 * already has), and then no timer is left behind.
 */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal!.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** Resolves after `ms`, or early (without an error) when `signal` aborts. */
export function interruptibleSleep(ms: number, signal: AbortSignal): Promise<void> {
  return sleep(ms, signal).catch(() => undefined);
}
