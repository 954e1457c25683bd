import { describe, expect, it } from 'vitest';
import { BudgetWindows, DAY_MS, MINUTE_MS } from './budget-windows.ts';

const T0 = 1_750_000_000_000;

describe('budget windows', () => {
  it('counts a sliding minute: a call frees its slot exactly a minute after it was sent', () => {
    const w = new BudgetWindows({ perMinute: 3, perDay: 100 });
    w.record(T0);
    w.record(T0 + 10_000);
    w.record(T0 + 20_000);
    expect(w.left(T0 + 30_000)).toEqual({ minute: 0, day: 97 });
    expect(w.availableAt(T0 + 30_000)).toBe(T0 + MINUTE_MS);
    expect(w.availableAt(T0 + 30_000, 2)).toBe(T0 + 10_000 + MINUTE_MS);
    expect(w.left(T0 + MINUTE_MS)).toEqual({ minute: 1, day: 97 });
  });

  it('never lets any fixed minute upstream see more than the budget', () => {
    const w = new BudgetWindows({ perMinute: 80, perDay: 100_000 });
    const sent: number[] = [];
    // Greedy sender over 5 minutes: sends whenever the window allows, at 100 ms steps.
    for (let t = T0; t < T0 + 5 * MINUTE_MS; t += 100) {
      if (w.availableAt(t) <= t) {
        w.record(t);
        sent.push(t);
      }
    }
    for (let start = T0; start < T0 + 5 * MINUTE_MS; start += 1000) {
      expect(sent.filter((t) => t >= start && t < start + MINUTE_MS).length).toBeLessThanOrEqual(80);
    }
    expect(sent.length).toBeGreaterThanOrEqual(400);
  });

  it('counts a sliding day and says when the oldest calls leave it', () => {
    const w = new BudgetWindows({ perMinute: 100, perDay: 3 });
    w.record(T0);
    w.record(T0 + 3 * 3600_000);
    w.record(T0 + 6 * 3600_000);
    expect(w.left(T0 + 7 * 3600_000).day).toBe(0);
    const at = w.availableAt(T0 + 7 * 3600_000);
    // The first call's minute slot leaves the window a day after that minute ends.
    expect(at).toBeGreaterThan(T0 + DAY_MS);
    expect(at).toBeLessThanOrEqual(T0 + DAY_MS + MINUTE_MS);
    expect(w.left(at).day).toBe(1);
  });
});
