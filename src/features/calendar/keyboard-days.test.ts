import { describe, expect, it } from 'vitest';
import { weekDays } from './calendar-grid.ts';
import { dropDate, dayDropId, UNDATED_DROP_ID } from './drop-ids.ts';
import { centreIn, nextDay } from './keyboard-days.ts';

const shown = new Set(weekDays('2026-12-02').concat(weekDays('2026-12-09')));

describe('keyboard steps between days', () => {
  it('goes a day left or right, a week up or down, across month ends', () => {
    expect(nextDay('ArrowRight', '2026-12-02', shown, '2026-12-02')).toBe('2026-12-03');
    expect(nextDay('ArrowLeft', '2026-12-01', shown, '2026-12-02')).toBe('2026-11-30');
    expect(nextDay('ArrowDown', '2026-11-30', shown, '2026-12-02')).toBe('2026-12-07');
    expect(nextDay('ArrowUp', '2026-12-13', shown, '2026-12-02')).toBe('2026-12-06');
  });

  it('stops at the edge of what is shown, and ignores other keys', () => {
    expect(nextDay('ArrowLeft', '2026-11-30', shown, '2026-12-02')).toBeNull();
    expect(nextDay('ArrowDown', '2026-12-09', shown, '2026-12-02')).toBeNull();
    expect(nextDay('Tab', '2026-12-02', shown, '2026-12-02')).toBeNull();
  });

  it('from the list without a due date goes to today, or the first day shown', () => {
    expect(nextDay('ArrowRight', null, shown, '2026-12-02')).toBe('2026-12-02');
    expect(nextDay('ArrowRight', null, shown, '2027-05-01')).toBe('2026-11-30');
  });

  it('centres the dragged task in the target day', () => {
    expect(centreIn({ left: 100, top: 200, width: 140, height: 120 }, { left: 0, top: 0, width: 100, height: 20 })).toEqual({
      x: 120,
      y: 250,
    });
  });

  it('reads drop ids back', () => {
    expect(dropDate(dayDropId('2026-12-02'))).toBe('2026-12-02');
    expect(dropDate(UNDATED_DROP_ID)).toBeNull();
    expect(dropDate('other')).toBeUndefined();
  });
});
