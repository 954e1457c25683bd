import { describe, expect, it } from 'vitest';
import type { Task } from '../../api/types.ts';
import { StaleChangeError, checkNotStale, createKnownVersions, isStaleChange } from './stale-change.ts';

const fresh: Task = { Gsid: '1T1', Name: 'Kickoff call', Status: 'Completed', DueDate: '2026-12-09', ModifiedDate: '2026-12-02T11:58:00Z' };

describe('stale changes', () => {
  it('lets a move through when the task is where the card showed it, or when told to', () => {
    const known = new Set<string>();
    expect(() =>
      checkNotStale({ ...fresh, Status: 'Not Started' }, 'Status', 'Not Started', 'In Progress', { force: false, known }),
    ).not.toThrow();
    expect(() => checkNotStale(fresh, 'Status', 'Not Started', 'In Progress', { force: true, known })).not.toThrow();
  });

  it("does not count the user's own earlier state as someone else's move", () => {
    // Two quick moves, the first failed: the server still has the version the board loaded.
    const known = new Set([fresh.ModifiedDate!]);
    expect(() => checkNotStale(fresh, 'Status', 'In Progress', 'Skipped', { force: false, known })).not.toThrow();
  });

  it('stops a move when the task moved since the board loaded', () => {
    let error: unknown;
    try {
      checkNotStale(fresh, 'Status', 'Not Started', 'In Progress', { force: false, known: new Set(['2026-12-02T10:00:00Z']) });
    } catch (e) {
      error = e;
    }
    expect(isStaleChange(error, 'Status')).toBe(true);
    expect(isStaleChange(error, 'DueDate')).toBe(false);
    expect((error as StaleChangeError<'Status'>).to).toBe('In Progress');
  });

  it('checks a due date the same way, a missing due date being "no due date"', () => {
    const known = new Set<string>();
    expect(() => checkNotStale(fresh, 'DueDate', '2026-12-09', '2026-12-10', { force: false, known })).not.toThrow();
    const undated = { ...fresh, DueDate: undefined };
    expect(() => checkNotStale(undated, 'DueDate', null, '2026-12-10', { force: false, known })).not.toThrow();
    expect(() => checkNotStale(fresh, 'DueDate', '2026-12-01', '2026-12-10', { force: false, known })).toThrow(StaleChangeError);
    expect(() => checkNotStale(undated, 'DueDate', '2026-12-01', '2026-12-10', { force: false, known })).toThrow(StaleChangeError);
    expect(() => checkNotStale(fresh, 'DueDate', '2026-12-01', '2026-12-10', { force: true, known })).not.toThrow();
  });

  it('with a second field the change sets (a swimlane move), stops it when that field changed too', () => {
    const known = new Set<string>();
    const task = { ...fresh, Status: 'Not Started' as const, OwnerId: 'U3' };
    const also = { name: 'OwnerId' as const, shown: 'U1', wanted: 'U2' };
    let error: unknown;
    try {
      checkNotStale(task, 'Status', 'Not Started', 'In Progress', { force: false, known, also });
    } catch (e) {
      error = e;
    }
    expect(isStaleChange(error, 'Status')).toBe(true);
    expect((error as StaleChangeError<'Status'>).also).toEqual(also);
    // Moved too: the status is what the user is told about.
    expect(() => checkNotStale(fresh, 'Status', 'Not Started', 'In Progress', { force: false, known, also })).toThrow(
      expect.objectContaining({ also: undefined }) as Error,
    );
    expect(() =>
      checkNotStale(task, 'Status', 'Not Started', 'In Progress', { force: false, known, also: { ...also, shown: 'U3' } }),
    ).not.toThrow();
    expect(() => checkNotStale(task, 'Status', 'Not Started', 'In Progress', { force: true, known, also })).not.toThrow();
  });

  it('remembers the versions seen per task', () => {
    const versions = createKnownVersions();
    versions.know('1T1', 'a');
    versions.know('1T1', undefined);
    versions.know('1T2', 'b');
    expect([...versions.of('1T1')]).toEqual(['a']);
    expect([...versions.of('1T3')]).toEqual([]);
  });
});
