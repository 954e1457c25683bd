import { describe, expect, it } from 'vitest';
import { timeAgo } from './relative-time.ts';

const NOW = new Date('2026-08-19T12:00:00.000Z');
const before = (ms: number) => new Date(NOW.getTime() - ms).toISOString();
const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

describe('timeAgo', () => {
  it.each([
    [before(0), 'just now'],
    [before(44_000), 'just now'],
    [before(50_000), '1 minute ago'],
    [before(2 * MIN), '2 minutes ago'],
    [before(2 * MIN + 59_000), '2 minutes ago'],
    [before(59 * MIN + 59_000), '59 minutes ago'],
    [before(HOUR), '1 hour ago'],
    [before(23 * HOUR + 59 * MIN), '23 hours ago'],
    [before(DAY), 'yesterday'],
    [before(2 * DAY), '2 days ago'],
    [before(29 * DAY), '29 days ago'],
    [before(30 * DAY), '1 month ago'],
    [before(89 * DAY), '2 months ago'],
    [before(400 * DAY), '1 year ago'],
  ])('%s is "%s"', (iso, words) => {
    expect(timeAgo(iso, NOW)).toBe(words);
  });

  it('reads a server clock a little ahead as now, and one far ahead as the future', () => {
    expect(timeAgo(new Date(NOW.getTime() + 20_000).toISOString(), NOW)).toBe('just now');
    expect(timeAgo(new Date(NOW.getTime() + 5 * MIN).toISOString(), NOW)).toBe('in 5 minutes');
  });

  it('says nothing for what is not a date-time', () => {
    expect(timeAgo('soon', NOW)).toBe('');
  });
});
