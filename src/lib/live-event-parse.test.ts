import { describe, expect, it } from 'vitest';
import { LIVE_EVENT_TYPES, LiveEventError, parseLiveEvent } from './live-event-parse.ts';

const SYNC = { state: 'live', lastSyncAt: '2026-12-01T10:00:00.000Z', pollSeconds: 10 };
const CHANGE = {
  id: '1T1',
  status: 'Completed',
  previousStatus: 'In Progress',
  modifiedDate: '2026-12-01T10:00:05.000Z',
  playbookId: '1P1',
  ctaId: '1C1',
};

const json = (value: unknown) => JSON.stringify(value);

function problem(type: string, data: string): string {
  try {
    parseLiveEvent(type, data);
  } catch (error) {
    expect(error).toBeInstanceOf(LiveEventError);
    return (error as Error).message;
  }
  throw new Error('expected the event to be refused');
}

describe('parseLiveEvent', () => {
  it('knows every event type of the contract', () => {
    expect([...LIVE_EVENT_TYPES].sort()).toEqual(['hello', 'playbooks', 'reload', 'sync', 'tasks']);
  });

  it('reads each event', () => {
    expect(parseLiveEvent('hello', json({ serverId: 's1', sync: SYNC }))).toEqual({ type: 'hello', serverId: 's1', sync: SYNC });
    expect(parseLiveEvent('sync', json({ sync: { ...SYNC, state: 'stale', reason: 'Gainsight answered 503' } }))).toEqual({
      type: 'sync',
      sync: { ...SYNC, state: 'stale', reason: 'Gainsight answered 503' },
    });
    expect(parseLiveEvent('tasks', json({ source: 'write', changes: [CHANGE, { ...CHANGE, id: '1T2', removed: true }] }))).toEqual({
      type: 'tasks',
      source: 'write',
      changes: [CHANGE, { ...CHANGE, id: '1T2', removed: true }],
    });
    expect(parseLiveEvent('playbooks', json({ ids: ['1P1', '1P2'] }))).toEqual({ type: 'playbooks', ids: ['1P1', '1P2'] });
    expect(parseLiveEvent('reload', '')).toEqual({ type: 'reload' });
  });

  it('reads the hello of a team server without a mirror (it polls nothing: pollSeconds 0)', () => {
    expect(parseLiveEvent('hello', json({ serverId: 's1', sync: { state: 'off', lastSyncAt: null, pollSeconds: 0 } }))).toEqual({
      type: 'hello',
      serverId: 's1',
      sync: { state: 'off', lastSyncAt: null, pollSeconds: 0 },
    });
  });

  it('reads a change with nullable fields left out as null, and a sync before the first sync', () => {
    expect(parseLiveEvent('tasks', json({ source: 'sync', changes: [{ id: '1T3', status: 'Skipped' }] }))).toEqual({
      type: 'tasks',
      source: 'sync',
      changes: [{ id: '1T3', status: 'Skipped', previousStatus: null, modifiedDate: null, playbookId: null, ctaId: null }],
    });
    expect(parseLiveEvent('sync', json({ sync: { state: 'syncing', lastSyncAt: null, pollSeconds: 10 } }))).toEqual({
      type: 'sync',
      sync: { state: 'syncing', lastSyncAt: null, pollSeconds: 10 },
    });
  });

  it('says exactly what is wrong with an event it cannot read', () => {
    expect(problem('hello', 'not json')).toBe('The live update "hello" could not be read: its data is not JSON.');
    expect(problem('hello', '[]')).toBe('The live update "hello" could not be read: its data is not a JSON object.');
    expect(problem('hello', json({ sync: SYNC }))).toContain('"serverId" must be a non-empty string');
    expect(problem('hello', json({ serverId: 's1' }))).toContain('"sync" must be an object');
    expect(problem('sync', json({ sync: { ...SYNC, state: 'asleep' } }))).toContain(
      '"sync.state" must be one of syncing, live, stale, off',
    );
    expect(problem('sync', json({ sync: { ...SYNC, lastSyncAt: 'yesterday' } }))).toContain(
      '"sync.lastSyncAt" must be a date-time or null',
    );
    expect(problem('sync', json({ sync: { ...SYNC, pollSeconds: 0 } }))).toContain(
      '"sync.pollSeconds" must be positive while there is a mirror',
    );
    expect(problem('sync', json({ sync: { ...SYNC, pollSeconds: -1 } }))).toContain('"sync.pollSeconds" must be a number of seconds');
    expect(problem('sync', json({ sync: { ...SYNC, pollSeconds: '10' } }))).toContain('"sync.pollSeconds" must be a number of seconds');
    expect(problem('tasks', json({ source: 'elsewhere', changes: [] }))).toContain('"source" must be "write" or "sync"');
    expect(problem('tasks', json({ source: 'sync', changes: {} }))).toContain('"changes" must be a list');
    expect(problem('tasks', json({ source: 'sync', changes: [CHANGE, { ...CHANGE, id: '' }] }))).toContain(
      'change 2: "id" must be a non-empty string',
    );
    expect(problem('tasks', json({ source: 'sync', changes: [{ ...CHANGE, status: 3 }] }))).toContain(
      'change 1: "status" must be text or null',
    );
    expect(problem('tasks', json({ source: 'sync', changes: [{ ...CHANGE, removed: false }] }))).toContain(
      '"removed" must be true when present',
    );
    expect(problem('playbooks', json({ ids: ['1P1', 2] }))).toContain('"ids" must be a list of playbook ids');
    expect(problem('message', json({}))).toBe('The live update "message" could not be read: it is not an event this app knows.');
  });
});
