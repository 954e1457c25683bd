/**
 * Live updates end to end inside the app: a fake stream, a real QueryClient, and the queries the
 * pages really make (the board's columns, a playbook's adoption, a task, the playbooks, the
 * pickers' suggestions), each watched as a page would (an observer), each counting its fetches.
 */
import { focusManager, InfiniteQueryObserver, QueryObserver, type QueryClient, type QueryKey } from '@tanstack/react-query';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { getLiveStatus, noteOwnWrite, resetLiveStatus } from '../../api/live-status.ts';
import { playbooksQueryOptions, playbookQueryOptions } from '../../api/playbooks.ts';
import { createQueryClient } from '../../api/query-client.ts';
import { suggestionsQueryOptions } from '../../api/suggestions.ts';
import { taskQueryOptions } from '../../api/tasks.ts';
import { TASK_STATUSES, type TaskStatus } from '../../api/types.ts';
import { columnQueries } from '../../features/board/columns/board-queries.ts';
import { EMPTY_BOARD_STATE } from '../../features/board/board-url-state.ts';
import { adoptionQueryOptions } from '../../features/playbooks/adoption-query.ts';
import type { TaskChange } from '../../lib/live-events.ts';
import { fakeEventSources } from '../../test/fake-event-source.ts';
import { startLiveUpdates, SUGGESTIONS_REFRESH_MS } from './live-updates.ts';

const SYNC = { state: 'live', lastSyncAt: '2026-12-01T10:00:00.000Z', pollSeconds: 10 } as const;

let queryClient: QueryClient;
let fetches: Map<string, number>;
let stops: (() => void)[];
let hidden: boolean;

const label = (key: QueryKey) => JSON.stringify(key);
const fetched = (key: QueryKey) => fetches.get(label(key)) ?? 0;

function counting<T>(key: QueryKey, value: T) {
  return async () => {
    fetches.set(label(key), fetched(key) + 1);
    return value;
  };
}

const columns = columnQueries(EMPTY_BOARD_STATE, { today: '2026-12-01', me: null });
const columnKey = (status: TaskStatus) => columns[status].options!.queryKey;
const page = { pages: [{ records: [], totalCount: 0 }], pageParams: [0] };

/** What a board page, a task page and a playbook page hold, each with an observer (as if shown). */
function watchPages() {
  for (const status of TASK_STATUSES) {
    const options = columns[status].options!;
    queryClient.setQueryData(options.queryKey, page);
    stops.push(
      new InfiniteQueryObserver(queryClient, { ...options, queryFn: counting(options.queryKey, page.pages[0]!) }).subscribe(() => {}),
    );
  }
  const watch = (queryKey: QueryKey, data: unknown) => {
    queryClient.setQueryData(queryKey, data);
    stops.push(new QueryObserver(queryClient, { queryKey, queryFn: counting(queryKey, data) }).subscribe(() => {}));
  };
  watch(taskQueryOptions('1T1').queryKey, { Gsid: '1T1', Status: 'Not Started' });
  watch(taskQueryOptions('1T2').queryKey, { Gsid: '1T2', Status: 'Skipped' });
  watch(adoptionQueryOptions('1P1').queryKey, []);
  watch(adoptionQueryOptions('1P2').queryKey, []);
  watch(playbooksQueryOptions().queryKey, []);
  watch(playbookQueryOptions('1P1').queryKey, {});
  watch(playbookQueryOptions('1P2').queryKey, {});
  // The suggestions keep their own options (a select), as the pickers use them.
  const suggestions = suggestionsQueryOptions();
  queryClient.setQueryData(suggestions.queryKey, { records: [], totalCount: 0 });
  stops.push(
    new QueryObserver(queryClient, { ...suggestions, queryFn: counting(suggestions.queryKey, { records: [], totalCount: 0 }) }).subscribe(
      () => {},
    ),
  );
}

function start() {
  const sources = fakeEventSources();
  const warn = vi.fn<(message: string) => void>();
  stops.push(
    startLiveUpdates(queryClient, {
      createSource: sources.create,
      probe: async () => 'gone',
      delay: () => 1000,
      isHidden: () => hidden,
      idle: (task) => task(),
      warn,
    }),
  );
  return { sources, warn };
}

/** Connected, first hello handled and its catch-up refetch done; counts reset. */
async function connected() {
  const live = start();
  live.sources.last().open();
  live.sources.last().emit('hello', { serverId: 's1', sync: SYNC });
  await vi.advanceTimersByTimeAsync(300);
  fetches.clear();
  return live;
}

const move = (patch: Partial<TaskChange> = {}): TaskChange => ({
  id: '1T1',
  status: 'Completed',
  previousStatus: 'Not Started',
  modifiedDate: '2026-12-01T10:00:05.000Z',
  playbookId: '1P1',
  ctaId: '1C1',
  ...patch,
});

/** Every query refetched since the counts were reset, as readable names. */
function refetched(): string[] {
  const names = new Map<string, string>([
    ...TASK_STATUSES.map((s) => [label(columnKey(s)), `column ${s}`] as const),
    [label(taskQueryOptions('1T1').queryKey), 'task 1T1'],
    [label(taskQueryOptions('1T2').queryKey), 'task 1T2'],
    [label(adoptionQueryOptions('1P1').queryKey), 'adoption 1P1'],
    [label(adoptionQueryOptions('1P2').queryKey), 'adoption 1P2'],
    [label(playbooksQueryOptions().queryKey), 'playbooks'],
    [label(playbookQueryOptions('1P1').queryKey), 'playbook 1P1'],
    [label(playbookQueryOptions('1P2').queryKey), 'playbook 1P2'],
    [label(suggestionsQueryOptions().queryKey), 'suggestions'],
  ]);
  return [...fetches.entries()]
    .filter(([, n]) => n > 0)
    .map(([key]) => names.get(key) ?? key)
    .sort();
}

const ALL_BUT_SUGGESTIONS = [
  'adoption 1P1',
  'adoption 1P2',
  'column Completed',
  'column In Progress',
  'column Not Started',
  'column Skipped',
  'playbook 1P1',
  'playbook 1P2',
  'playbooks',
  'task 1T1',
  'task 1T2',
];

beforeEach(() => {
  vi.useFakeTimers();
  queryClient = createQueryClient();
  // As QueryClientProvider does: the client then hears window focus.
  queryClient.mount();
  fetches = new Map();
  stops = [];
  hidden = false;
  resetLiveStatus();
  watchPages();
});

afterEach(() => {
  stops.forEach((stop) => stop());
  queryClient.clear();
  queryClient.unmount();
  resetLiveStatus();
  focusManager.setFocused(undefined);
  vi.useRealTimers();
});

describe('live updates in the app', () => {
  it('the first hello refetches nothing: the page has just read what it shows', async () => {
    const { sources } = start();
    expect(getLiveStatus().stream).toBe('connecting');
    sources.last().open();
    sources.last().emit('hello', { serverId: 's1', sync: SYNC });
    expect(getLiveStatus()).toMatchObject({ stream: 'open', sync: SYNC });
    await vi.advanceTimersByTimeAsync(1_500);
    expect(refetched()).toEqual([]);
    expect(queryClient.getQueryState(suggestionsQueryOptions().queryKey)!.isInvalidated).toBe(false);
  });

  it('a hello from a restarted server refetches what the page shows (the suggestions only later)', async () => {
    const { sources } = await connected();
    sources.last().emit('hello', { serverId: 's2', sync: SYNC });
    await vi.advanceTimersByTimeAsync(199);
    expect(refetched()).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(refetched()).toEqual(ALL_BUT_SUGGESTIONS);
    expect(queryClient.getQueryState(suggestionsQueryOptions().queryKey)!.isInvalidated).toBe(true);
  });

  it('a move refetches the task, the columns it left and entered, and its playbook’s adoption: nothing else', async () => {
    const { sources } = await connected();
    sources.last().emit('tasks', { source: 'sync', changes: [move()] });
    await vi.advanceTimersByTimeAsync(250);
    expect(refetched()).toEqual(['adoption 1P1', 'column Completed', 'column Not Started', 'task 1T1']);
  });

  it('many events in a burst are one refetch of each query they hit', async () => {
    const { sources } = await connected();
    sources.last().emit('tasks', { source: 'sync', changes: [move()] });
    sources.last().emit('tasks', {
      source: 'write',
      changes: [move({ id: '1T2', status: 'In Progress', previousStatus: 'Skipped', playbookId: '1P2' })],
    });
    sources.last().emit('tasks', { source: 'sync', changes: [move({ status: 'Skipped', previousStatus: 'Completed' })] });
    await vi.advanceTimersByTimeAsync(250);
    expect(refetched()).toEqual([
      'adoption 1P1',
      'adoption 1P2',
      'column Completed',
      'column In Progress',
      'column Not Started',
      'column Skipped',
      'task 1T1',
      'task 1T2',
    ]);
    expect([...fetches.values()].every((n) => n === 1)).toBe(true);
  });

  it("refreshes the pickers' suggestions at low priority, at most once a minute", async () => {
    const { sources } = await connected();
    sources.last().emit('tasks', { source: 'sync', changes: [move()] });
    await vi.advanceTimersByTimeAsync(250);
    expect(fetched(suggestionsQueryOptions().queryKey)).toBe(0);
    expect(queryClient.getQueryState(suggestionsQueryOptions().queryKey)!.isInvalidated).toBe(true);
    await vi.advanceTimersByTimeAsync(SUGGESTIONS_REFRESH_MS);
    sources.last().emit('tasks', { source: 'sync', changes: [move({ id: '1T7' })] });
    await vi.advanceTimersByTimeAsync(SUGGESTIONS_REFRESH_MS / 2);
    await vi.advanceTimersByTimeAsync(SUGGESTIONS_REFRESH_MS / 2);
    expect(fetched(suggestionsQueryOptions().queryKey)).toBe(2);
  });

  it("skips the echo of this tab's own save (the save refreshed what it touched), not a teammate's later change", async () => {
    const { sources } = await connected();
    noteOwnWrite({ Gsid: '1T1', ModifiedDate: '2026-12-01T10:00:05.000Z' });
    sources.last().emit('tasks', { source: 'write', changes: [move()] });
    await vi.advanceTimersByTimeAsync(250);
    expect(refetched()).toEqual([]);
    sources.last().emit('tasks', { source: 'write', changes: [move({ modifiedDate: '2026-12-01T10:00:09.000Z' })] });
    await vi.advanceTimersByTimeAsync(250);
    expect(refetched()).toEqual(['adoption 1P1', 'column Completed', 'column Not Started', 'task 1T1']);
  });

  it("skips the echo of this tab's own save also when the echo comes before the save's answer has been read", async () => {
    const { sources } = await connected();
    sources.last().emit('tasks', { source: 'write', changes: [move()] });
    await vi.advanceTimersByTimeAsync(20);
    noteOwnWrite({ Gsid: '1T1', ModifiedDate: '2026-12-01T10:00:05.000Z' });
    await vi.advanceTimersByTimeAsync(250);
    expect(refetched()).toEqual([]);
  });

  it('a playbook change refetches the playbook list and that playbook', async () => {
    const { sources } = await connected();
    sources.last().emit('playbooks', { ids: ['1P2'] });
    await vi.advanceTimersByTimeAsync(250);
    expect(refetched()).toEqual(['playbook 1P2', 'playbooks']);
  });

  it('a reload refetches everything', async () => {
    const { sources } = await connected();
    sources.last().emit('reload');
    await vi.advanceTimersByTimeAsync(250);
    expect(refetched()).toEqual(ALL_BUT_SUGGESTIONS);
  });

  it('after a drop the browser resumes (the server replays): nothing refetched; a restarted server (new serverId): everything', async () => {
    const { sources } = await connected();
    sources.last().drop();
    expect(getLiveStatus().stream).toBe('reconnecting');
    sources.last().open();
    sources.last().emit('hello', { serverId: 's1', sync: SYNC });
    await vi.advanceTimersByTimeAsync(250);
    expect(refetched()).toEqual([]);
    sources.last().drop();
    sources.last().open();
    sources.last().emit('hello', { serverId: 's2', sync: SYNC });
    await vi.advanceTimersByTimeAsync(250);
    expect(refetched()).toEqual(ALL_BUT_SUGGESTIONS);
  });

  it('a new connection after the backoff (no Last-Event-ID, nothing replayed) refetches everything', async () => {
    const { sources } = await connected();
    sources.last().drop();
    sources.last().drop();
    await vi.advanceTimersByTimeAsync(1000);
    expect(sources.made).toHaveLength(2);
    sources.last().open();
    sources.last().emit('hello', { serverId: 's1', sync: SYNC });
    await vi.advanceTimersByTimeAsync(250);
    expect(refetched()).toEqual(ALL_BUT_SUGGESTIONS);
  });

  it('in a hidden tab, marks what a change hits and refetches it when the tab is shown (only that, while live)', async () => {
    const { sources } = await connected();
    hidden = true;
    focusManager.setFocused(false);
    sources.last().emit('tasks', { source: 'sync', changes: [move()] });
    await vi.advanceTimersByTimeAsync(250);
    expect(refetched()).toEqual([]);
    expect(queryClient.getQueryState(columnKey('Completed'))!.isInvalidated).toBe(true);
    // Long enough for everything to be stale by its stale time: still only what the change hit is refetched.
    await vi.advanceTimersByTimeAsync(45_000);
    hidden = false;
    focusManager.setFocused(true);
    await vi.advanceTimersByTimeAsync(0);
    // (The suggestions, marked since the first hello, take this moment for their refresh.)
    expect(refetched()).toEqual(['adoption 1P1', 'column Completed', 'column Not Started', 'suggestions', 'task 1T1']);
  });

  it('with the stream down, a window focus refetches what is stale, as without live updates', async () => {
    const { sources } = await connected();
    sources.last().drop();
    await vi.advanceTimersByTimeAsync(45_000);
    focusManager.setFocused(false);
    focusManager.setFocused(true);
    await vi.advanceTimersByTimeAsync(0);
    // Everything past its stale time (30 s; the playbooks and the suggestions keep longer).
    expect(refetched()).toEqual(ALL_BUT_SUGGESTIONS.filter((name) => !name.startsWith('playbook')).sort());
  });

  it('an event it cannot read: says so once, and refetches everything rather than miss a change (not again within 30 s)', async () => {
    const { sources, warn } = await connected();
    sources.last().emit('tasks', '{"source":"sync"');
    await vi.advanceTimersByTimeAsync(250);
    expect(refetched()).toEqual(ALL_BUT_SUGGESTIONS);
    fetches.clear();
    sources.last().emit('tasks', '{"source":"sync"');
    await vi.advanceTimersByTimeAsync(250);
    expect(refetched()).toEqual([]);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0]![0]).toBe(
      'The live update "tasks" could not be read: its data is not JSON. Everything shown is refetched instead.',
    );
  });

  it('a server without live updates: the stream is unavailable, nothing is refetched, and focus refetches again', async () => {
    const { sources } = start();
    sources.last().refuse();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(getLiveStatus().stream).toBe('unavailable');
    expect(sources.made).toHaveLength(1);
    focusManager.setFocused(false);
    focusManager.setFocused(true);
    await vi.advanceTimersByTimeAsync(0);
    expect(refetched()).toContain('column Not Started');
  });

  it('stopping closes the stream and sets the state back to idle', async () => {
    const { sources } = await connected();
    stops.pop()!();
    expect(sources.last().closed).toBe(true);
    expect(getLiveStatus().stream).toBe('idle');
  });
});
