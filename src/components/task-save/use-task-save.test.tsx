import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { act, renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createQueryClient } from '../../api/query-client.ts';
import { taskKeys } from '../../api/query-keys.ts';
import type { Task, TaskInput } from '../../api/types.ts';
import { useTaskSave, type SaveResult } from './use-task-save.ts';
import { errorResponse, okResponse } from '../../../test-support/api-envelope.ts';
import { savedTask } from '../../../test-support/api-tasks.ts';
import { fakeApi } from '../../../test-support/fake-api.ts';

/** 1T1 "Kickoff call", described "Agenda", owned by U1, Not Started, on 1C1, modified 2026-02-01T10:00:00.000Z. */
const OPENED: Task = savedTask({ Priority: 'High', DueDate: '2026-03-01' });

/** What the form sends: everything it edits, with the CTA it was opened with. */
const EDIT: TaskInput = {
  Name: 'Kickoff call',
  Description: 'New agenda',
  CTAId: '1C1',
  OwnerId: 'U1',
  Status: 'In Progress',
  Priority: 'High',
  DueDate: '2026-03-01',
};

let queryClient: QueryClient;
let fetchMock: ReturnType<typeof vi.fn<(request: Request) => Promise<Response>>>;
/** The task the server has (GET answers it; a successful PUT replaces it). */
let onServer: Task;
/** Answers a PUT; default: saves the body. */
let answerPut: (request: Request) => Promise<Response>;

const calls = (method: string) => fetchMock.mock.calls.filter(([r]) => r.method === method && new URL(r.url).pathname === '/v1/tasks/1T1');

beforeEach(() => {
  queryClient = createQueryClient();
  onServer = OPENED;
  answerPut = async (request) => {
    onServer = { ...OPENED, ...((await request.clone().json()) as TaskInput), ModifiedDate: '2026-02-01T11:00:00.000Z' };
    return okResponse(onServer);
  };
  fetchMock = vi.fn(
    fakeApi({
      getTask: (id) => (id === '1T1' ? onServer : undefined),
      updateTask: (id, _body, request) => (id === '1T1' ? answerPut(request) : undefined),
    }),
  );
  vi.stubGlobal('fetch', fetchMock);
});

afterEach(() => {
  queryClient.clear();
  vi.unstubAllGlobals();
});

function renderSave() {
  return renderHook(() => useTaskSave('1T1'), {
    wrapper: ({ children }: { children: ReactNode }) => <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>,
  });
}

async function saveWith(result: { current: ReturnType<typeof useTaskSave> }, input: TaskInput, opened = OPENED) {
  let outcome: SaveResult | undefined;
  await act(async () => {
    outcome = await result.current.save(opened, input);
  });
  return outcome!;
}

describe('useTaskSave', () => {
  it('saves the full input when nobody else changed the task, and caches the answer', async () => {
    const { result } = renderSave();
    const outcome = await saveWith(result, EDIT);
    expect(outcome).toEqual({
      kind: 'saved',
      task: expect.objectContaining({ Description: 'New agenda', Status: 'In Progress' }),
      merged: [],
    });
    expect(calls('GET')).toHaveLength(1);
    // The check reads the task from the tenant, not the team server's mirror; the PUT is not marked.
    expect(calls('GET')[0]![0].headers.get('X-Cockpit-Fresh')).toBe('1');
    expect(calls('PUT')).toHaveLength(1);
    expect(calls('PUT')[0]![0].headers.get('X-Cockpit-Fresh')).toBeNull();
    expect(await calls('PUT')[0]![0].json()).toEqual(EDIT);
    expect(queryClient.getQueryData(taskKeys.detail('1T1'))).toMatchObject({ Description: 'New agenda' });
    expect(result.current.phase).toBe('idle');
  });

  it('stops before the PUT when someone else changed a field the user changed too, and says which', async () => {
    onServer = { ...OPENED, Name: 'Kickoff meeting', ModifiedDate: '2026-02-01T10:05:00.000Z' };
    const { result } = renderSave();
    const mine = { ...EDIT, Name: 'Kickoff call (moved)' };
    const outcome = await saveWith(result, mine);
    expect(outcome).toEqual({
      kind: 'conflict',
      current: onServer,
      changes: [
        {
          field: 'Name',
          label: 'Name',
          before: 'Kickoff call',
          theirs: 'Kickoff meeting',
          mine: 'Kickoff call (moved)',
          changedByYou: true,
          overwrites: true,
        },
      ],
      mine,
    });
    expect(calls('PUT')).toHaveLength(0);
    // The page shows the server's version meanwhile.
    expect(queryClient.getQueryData(taskKeys.detail('1T1'))).toEqual(onServer);
  });

  it('merges without asking a field only someone else changed: theirs is kept, mine are sent', async () => {
    onServer = { ...OPENED, Name: 'Kickoff meeting', Priority: 'Low', ModifiedDate: '2026-02-01T10:05:00.000Z' };
    const { result } = renderSave();
    const outcome = await saveWith(result, EDIT);
    expect(outcome).toMatchObject({ kind: 'saved' });
    expect(outcome.kind === 'saved' && outcome.merged.map((c) => c.field)).toEqual(['Name', 'Priority']);
    expect(await calls('PUT')[0]![0].json()).toEqual({ ...EDIT, Name: 'Kickoff meeting', Priority: 'Low' });
  });

  it('saves without asking when only the CTA changed on the server, and keeps their CTA', async () => {
    onServer = { ...OPENED, CTAId: '1C2', ModifiedDate: '2026-02-01T10:05:00.000Z' };
    const { result } = renderSave();
    const outcome = await saveWith(result, EDIT);
    expect(outcome.kind).toBe('saved');
    expect(calls('PUT')).toHaveLength(1);
    expect(await calls('PUT')[0]![0].json()).toEqual({ ...EDIT, CTAId: '1C2' });
  });

  it("returns the server's error when the PUT is refused, and can save again", async () => {
    answerPut = async () => errorResponse(400, 'COCKPIT_5104', 'Invalid references - OwnerId: no user with id "U404"');
    const { result } = renderSave();
    const outcome = await saveWith(result, { ...EDIT, OwnerId: 'U404' });
    expect(outcome).toEqual({
      kind: 'failed',
      error: expect.objectContaining({ name: 'ApiError', status: 400, errorDesc: 'Invalid references - OwnerId: no user with id "U404"' }),
    });
    expect(calls('PUT')).toHaveLength(1); // a 400 is not retried
    expect(result.current.phase).toBe('idle');
    expect(queryClient.getQueryData(taskKeys.detail('1T1'))).toEqual(OPENED);

    answerPut = async () => okResponse({ ...OPENED, ...EDIT });
    expect((await saveWith(result, EDIT)).kind).toBe('saved');
    expect(calls('PUT')).toHaveLength(2);
  });

  it('refuses a second save while one runs, and reports the phases', async () => {
    let answer: (response: Response) => void = () => {};
    answerPut = () =>
      new Promise<Response>((resolve) => {
        answer = resolve;
      });
    const { result } = renderSave();
    let first: Promise<SaveResult> | undefined;
    act(() => {
      first = result.current.save(OPENED, EDIT);
    });
    await waitFor(() => expect(result.current.phase).toBe('saving'));
    let second: SaveResult | undefined;
    await act(async () => {
      second = await result.current.save(OPENED, EDIT);
    });
    expect(second).toEqual({ kind: 'busy' });
    await act(async () => answer(okResponse({ ...OPENED, ...EDIT })));
    expect((await first!).kind).toBe('saved');
    expect(calls('GET')).toHaveLength(1);
    expect(calls('PUT')).toHaveLength(1);
    await waitFor(() => expect(result.current.phase).toBe('idle'));
  });
});
