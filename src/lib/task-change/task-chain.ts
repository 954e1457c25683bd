/**
 * Runs jobs of the same key one after another (jobs of different keys run side by side), so two
 * quick moves of one task reach the server in the order they were made, the last one winning.
 */
export type KeyedChain = <T>(key: string, job: () => Promise<T>) => Promise<T>;

export function createKeyedChain(): KeyedChain {
  const tails = new Map<string, Promise<unknown>>();
  return (key, job) => {
    const previous = tails.get(key) ?? Promise.resolve();
    const result = previous.then(job);
    const tail = result.then(
      () => undefined,
      () => undefined,
    );
    tails.set(key, tail);
    void tail.then(() => {
      if (tails.get(key) === tail) tails.delete(key);
    });
    return result;
  };
}
