import { afterEach, describe, expect, it, vi } from 'vitest';
import { playbookKeys, taskKeys } from './query-keys.ts';
import { PLAYBOOK_STALE_TIME_MS, STALE_TIME_MS, createQueryClient } from './query-client.ts';

afterEach(() => vi.useRealTimers());

describe('how long data stays fresh', () => {
  it('keeps playbooks fresh for 5 minutes and tasks for 30 s', async () => {
    vi.useFakeTimers();
    const client = createQueryClient();
    const playbooks = vi.fn(async () => ['playbook']);
    const task = vi.fn(async () => 'task');
    const read = () =>
      Promise.all([
        client.fetchQuery({ queryKey: playbookKeys.list(), queryFn: playbooks }),
        client.fetchQuery({ queryKey: taskKeys.detail('1T'), queryFn: task }),
      ]);
    await read();
    await vi.advanceTimersByTimeAsync(STALE_TIME_MS + 1);
    await read();
    expect(task).toHaveBeenCalledTimes(2);
    expect(playbooks).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(PLAYBOOK_STALE_TIME_MS);
    await read();
    expect(playbooks).toHaveBeenCalledTimes(2);
    expect(PLAYBOOK_STALE_TIME_MS).toBe(300_000);
  });
});
