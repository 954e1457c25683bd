import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../api/errors.ts';
import type { CreateTaskInput, SearchRequest, SearchResult, Task } from '../../api/types.ts';
import { summarize } from './apply-machine.ts';
import { createApplyRun, type ApplyDeps, type ApplyJob } from './apply-runner.ts';
import { planTasks } from './task-plan.ts';
import { orderTemplates } from './template-steps.ts';

/** How the fake server answers one create. */
type Outcome =
  | 'ok'
  /** Refused before anything happened. */
  | { status: number; when?: 'before' | 'after' }
  /** No answer; `after`: the task was created but the reply was lost. */
  | { network: 'before' | 'after' };

function apiError(status: number): ApiError {
  return new ApiError({ kind: 'api', status, errorCode: `E${status}`, errorDesc: `Server says ${status}` });
}

/** An in-memory task API with scripted create outcomes, and a log to check one-at-a-time sending. */
function fakeServer(existing: Task[] = []) {
  const tasks: Task[] = [...existing];
  const script: Outcome[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  let n = 0;
  const creates: CreateTaskInput[] = [];
  const searches: SearchRequest[] = [];
  const searchFailures: number[] = [];

  const createTask = vi.fn(async (input: CreateTaskInput): Promise<Task> => {
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    await Promise.resolve();
    inFlight--;
    creates.push(input);
    const outcome = script.shift() ?? 'ok';
    const write = () => {
      const task: Task = { ...input, Gsid: `1T${String(++n).padStart(3, '0')}` };
      tasks.push(task);
      return task;
    };
    if (outcome === 'ok') return write();
    if ('network' in outcome) {
      if (outcome.network === 'after') write();
      throw new ApiError({ kind: 'network', status: 0, errorDesc: 'Could not reach the API (connection reset).' });
    }
    if (outcome.when === 'after') write();
    throw apiError(outcome.status);
  });

  const searchTasks = vi.fn(async (request: SearchRequest): Promise<SearchResult> => {
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    await Promise.resolve();
    inFlight--;
    searches.push(request);
    const failure = searchFailures.shift();
    if (failure) throw apiError(failure);
    const records = tasks.filter((t) =>
      (request.where?.conditions ?? []).every((c) => String(t[c.name as keyof Task]) === String((c.value as unknown[])[0])),
    );
    return { records: records.map((t) => ({ Gsid: t.Gsid })), totalCount: records.length };
  });

  return {
    tasks,
    script,
    creates,
    searches,
    searchFailures,
    get maxInFlight() {
      return maxInFlight;
    },
    createTask,
    searchTasks,
  };
}

const TEMPLATES = orderTemplates([
  { name: 'Review', order: 30, daysFromCreation: 30 },
  { name: 'Kickoff', order: 1, daysFromCreation: 0 },
  { name: 'Training', order: 2, daysFromCreation: 14 },
  { name: 'Setup', order: 2, daysFromCreation: 7 }, // shares its order with Training
]);
const JOB: ApplyJob = { playbookId: '1P1', ctaId: '1C1', ownerId: '1U1', tasks: planTasks(TEMPLATES, '2028-02-20') };

function setup(existing: Task[] = []) {
  const server = fakeServer(existing);
  const sleeps: number[] = [];
  const deps: ApplyDeps = {
    createTask: server.createTask,
    searchTasks: server.searchTasks,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    retryDelay: (attempt) => 1000 * 2 ** attempt,
  };
  const run = createApplyRun(JOB, deps);
  const waits: boolean[] = [];
  run.subscribe(() => waits.push(run.getState().waitingForRateLimit));
  return { server, run, sleeps, waits };
}

/** Tasks of the job's playbook on the job's CTA, by template (name + Order). */
const perTemplate = (tasks: Task[]) =>
  tasks
    .filter((t) => t.PlaybookId === JOB.playbookId && t.CTAId === JOB.ctaId)
    .map((t) => `${t.Order} ${t.Name}`)
    .sort();
const ONE_EACH = ['1 Kickoff', '2 Setup', '2 Training', '30 Review'];

describe('applying a playbook', () => {
  it('creates one task per template, in playbook order, one request at a time', async () => {
    const { server, run } = setup();
    await run.run();
    expect(server.creates.map((c) => [c.Name, c.Order, c.DueDate])).toEqual([
      ['Kickoff', 1, '2028-02-20'],
      ['Setup', 2, '2028-02-27'],
      ['Training', 2, '2028-03-05'],
      ['Review', 30, '2028-03-21'],
    ]);
    expect(
      server.creates.every((c) => c.CTAId === '1C1' && c.OwnerId === '1U1' && c.PlaybookId === '1P1' && c.Status === 'Not Started'),
    ).toBe(true);
    expect(server.maxInFlight).toBe(1);
    expect(run.getState().phase).toBe('finished');
    expect(summarize(run.getState())).toMatchObject({ created: 4, failed: 0 });
    expect(run.getState().items.map((i) => i.taskId)).toEqual(['1T001', '1T002', '1T003', '1T004']);
  });

  it('after a partial failure, retry sends only the failed ones and leaves one task per template', async () => {
    const { server, run } = setup();
    server.script.push('ok', { status: 500 }, { status: 500 });
    await run.run();
    expect(run.getState().items.map((i) => i.status)).toEqual(['created', 'unknown', 'unknown', 'created']);
    expect(run.getState().items[1]!.failure).toMatchObject({ message: 'Server says 500', errorCode: 'E500' });

    await run.run();
    expect(perTemplate(server.tasks)).toEqual(ONE_EACH);
    expect(server.creates.map((c) => c.Name)).toEqual(['Kickoff', 'Setup', 'Training', 'Review', 'Setup', 'Training']);
    expect(summarize(run.getState())).toMatchObject({ created: 4, failed: 0 });
  });

  it('finds a task whose reply was lost instead of creating it twice', async () => {
    const { server, run } = setup();
    server.script.push('ok', { status: 502, when: 'after' }, { network: 'after' });
    await run.run();
    expect(server.tasks).toHaveLength(4);
    await run.run();
    expect(perTemplate(server.tasks)).toEqual(ONE_EACH);
    expect(server.createTask).toHaveBeenCalledTimes(4);
    expect(run.getState().items.map((i) => i.recovered)).toEqual([false, true, true, false]);
  });

  it('sends again a task that a lost connection never created', async () => {
    const { server, run } = setup();
    server.script.push({ network: 'before' });
    await run.run();
    await run.run();
    expect(perTemplate(server.tasks)).toEqual(ONE_EACH);
    expect(server.createTask).toHaveBeenCalledTimes(5);
  });

  it('does not mistake tasks of an earlier application to the same CTA for its own', async () => {
    const earlier: Task[] = TEMPLATES.map((t, i) => ({
      Gsid: `1TOLD${i}`,
      Name: t.name,
      Order: t.order ?? undefined,
      CTAId: '1C1',
      PlaybookId: '1P1',
    }));
    const { server, run } = setup(earlier);
    server.script.push({ network: 'before' });
    await run.run();
    await run.run();
    // The lost create is sent again although a task with its name and Order already existed.
    expect(server.createTask).toHaveBeenCalledTimes(5);
    expect(perTemplate(server.tasks)).toEqual([...ONE_EACH, ...ONE_EACH].sort());
  });

  it('re-sends a refused create without searching first', async () => {
    const { server, run } = setup();
    server.script.push({ status: 400 });
    await run.run();
    expect(run.getState().items[0]!.status).toBe('failed');
    const searchesBefore = server.searches.length;
    await run.run();
    expect(server.searches.length).toBe(searchesBefore);
    expect(perTemplate(server.tasks)).toEqual(ONE_EACH);
  });

  it('waits on a 429 (saying so) and sends the same task again, with growing waits', async () => {
    const { server, run, sleeps, waits } = setup();
    server.script.push('ok', { status: 429 }, { status: 429 });
    await run.run();
    expect(sleeps).toEqual([1000, 2000]);
    expect(waits).toContain(true);
    expect(run.getState().waitingForRateLimit).toBe(false);
    expect(perTemplate(server.tasks)).toEqual(ONE_EACH);
    expect(server.creates.map((c) => c.Name)).toEqual(['Kickoff', 'Setup', 'Setup', 'Setup', 'Training', 'Review']);
  });

  it('stops after the request in flight and continues on the next run', async () => {
    const { server, run } = setup();
    const unsubscribe = run.subscribe(() => {
      if (run.getState().items[1]?.status === 'sending') run.stop();
    });
    await run.run();
    unsubscribe();
    expect(summarize(run.getState())).toMatchObject({ created: 2, notAttempted: 2 });
    await run.run();
    expect(perTemplate(server.tasks)).toEqual(ONE_EACH);
  });

  it('creates nothing when the search for existing tasks fails, and can start again', async () => {
    const { server, run } = setup();
    server.searchFailures.push(503);
    await run.run();
    expect(run.getState().phase).toBe('idle');
    expect(run.getState().prepareFailure?.message).toBe('Server says 503');
    expect(server.createTask).not.toHaveBeenCalled();
    await run.run();
    expect(perTemplate(server.tasks)).toEqual(ONE_EACH);
  });

  it('a second run() while one is going does nothing', async () => {
    const { server, run } = setup();
    await Promise.all([run.run(), run.run()]);
    expect(server.createTask).toHaveBeenCalledTimes(4);
  });
});
