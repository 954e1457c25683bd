import { describe, expect, it } from 'vitest';
import { feedOwnerProblem } from './calendar-feed.ts';

describe('feedOwnerProblem', () => {
  it('takes Gsids and other plain ids', () => {
    for (const id of ['1I00T1GC6ZQDGHWQH1N9AKP5NUP1ZZXL2XC5', 'U1', 'user_2-b', 'a'.repeat(64)])
      expect(feedOwnerProblem(id), id).toBeNull();
  });

  it('says what is wrong with anything else', () => {
    expect(feedOwnerProblem(null)).toMatch(/^The owner is missing: add \?owner=<OwnerId>/);
    expect(feedOwnerProblem('')).toMatch(/missing/);
    expect(feedOwnerProblem('a'.repeat(65))).toBe('The owner id is 65 characters long; an owner id has at most 64.');
    expect(feedOwnerProblem('a b')).toBe('The owner id "a b" has characters an owner id never has (only letters, digits, "-" and "_").');
    expect(feedOwnerProblem('é')).toMatch(/never has/);
  });
});
