import { describe, expect, it } from 'vitest';
import { timeAgo } from './time-ago.ts';

const now = new Date('2026-12-02T12:00:00Z');
const before = (ms: number) => new Date(now.getTime() - ms).toISOString();

describe('timeAgo', () => {
  it('says how long ago, in words', () => {
    expect(timeAgo(before(5_000), now)).toBe('just now');
    expect(timeAgo(before(-30_000), now)).toBe('just now');
    expect(timeAgo(before(60_000), now)).toBe('1 minute ago');
    expect(timeAgo(before(2 * 60_000 + 10_000), now)).toBe('2 minutes ago');
    expect(timeAgo(before(3_600_000), now)).toBe('1 hour ago');
    expect(timeAgo(before(5 * 3_600_000), now)).toBe('5 hours ago');
    expect(timeAgo(before(30 * 3_600_000), now)).toBe('yesterday');
    expect(timeAgo(before(3 * 86_400_000), now)).toBe('3 days ago');
    expect(timeAgo('2026-08-12T09:00:00Z', now)).toBe('on Aug 12');
    expect(timeAgo('2025-08-12T09:00:00Z', now)).toBe('on Aug 12, 2025');
  });

  it('has nothing to say without a valid moment', () => {
    expect(timeAgo(undefined, now)).toBeNull();
    expect(timeAgo('not a date', now)).toBeNull();
  });
});
