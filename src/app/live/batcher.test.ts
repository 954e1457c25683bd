import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { LiveBatch } from '../../api/live-invalidation.ts';
import type { TaskChange } from '../../lib/live-events.ts';
import { createLiveBatcher } from './batcher.ts';

const change = (id: string): TaskChange => ({
  id,
  status: 'Completed',
  previousStatus: 'In Progress',
  modifiedDate: null,
  playbookId: null,
  ctaId: null,
});

let flushed: LiveBatch[];
const flush = (batch: LiveBatch) => flushed.push(batch);

beforeEach(() => {
  vi.useFakeTimers();
  flushed = [];
});

afterEach(() => {
  vi.useRealTimers();
});

describe('createLiveBatcher', () => {
  it('hands over a burst of changes once, 200 ms after the last', () => {
    const batcher = createLiveBatcher({ flush });
    batcher.addTasks([change('1T1')]);
    vi.advanceTimersByTime(150);
    batcher.addTasks([change('1T2')]);
    batcher.addPlaybooks(['1P1']);
    vi.advanceTimersByTime(199);
    expect(flushed).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(flushed).toEqual([{ tasks: [change('1T1'), change('1T2')], playbooks: new Set(['1P1']), reload: false }]);
    vi.advanceTimersByTime(5000);
    expect(flushed).toHaveLength(1);
  });

  it('does not wait more than 1 s for a steady trickle', () => {
    const batcher = createLiveBatcher({ flush });
    for (let t = 0; t < 1000; t += 100) {
      batcher.addTasks([change(`1T${t}`)]);
      vi.advanceTimersByTime(100);
    }
    expect(flushed).toHaveLength(1);
    expect(flushed[0]!.tasks).toHaveLength(10);
  });

  it('starts a new batch after each hand-over', () => {
    const batcher = createLiveBatcher({ flush, delayMs: 250 });
    batcher.reload();
    vi.advanceTimersByTime(250);
    batcher.addTasks([change('1T9')]);
    vi.advanceTimersByTime(250);
    expect(flushed).toEqual([
      { tasks: [], playbooks: new Set(), reload: true },
      { tasks: [change('1T9')], playbooks: new Set(), reload: false },
    ]);
  });

  it('ignores empty additions and drops what is collected when cancelled', () => {
    const batcher = createLiveBatcher({ flush });
    batcher.addTasks([]);
    batcher.addPlaybooks([]);
    vi.advanceTimersByTime(1000);
    expect(flushed).toEqual([]);
    batcher.addTasks([change('1T1')]);
    batcher.cancel();
    vi.advanceTimersByTime(1000);
    expect(flushed).toEqual([]);
  });
});
