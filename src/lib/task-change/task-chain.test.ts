import { describe, expect, it } from 'vitest';
import { createKeyedChain } from './task-chain.ts';

function deferred() {
  let resolve!: () => void;
  let reject!: (e: Error) => void;
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('createKeyedChain', () => {
  it('runs jobs of one key in order, even when the first fails', async () => {
    const chain = createKeyedChain();
    const log: string[] = [];
    const first = deferred();
    const a = chain('t1', async () => {
      log.push('first starts');
      await first.promise;
      log.push('first ends');
    });
    const b = chain('t1', async () => {
      log.push('second runs');
      return 2;
    });
    await Promise.resolve();
    expect(log).toEqual(['first starts']);
    first.reject(new Error('rejected'));
    await expect(a).rejects.toThrow('rejected');
    await expect(b).resolves.toBe(2);
    expect(log).toEqual(['first starts', 'second runs']);
  });

  it('runs jobs of different keys side by side', async () => {
    const chain = createKeyedChain();
    const gate = deferred();
    const log: string[] = [];
    const a = chain('t1', async () => {
      await gate.promise;
      log.push('t1');
    });
    await chain('t2', async () => {
      log.push('t2');
    });
    expect(log).toEqual(['t2']);
    gate.resolve();
    await a;
    expect(log).toEqual(['t2', 't1']);
  });
});
