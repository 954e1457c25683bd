import { describe, expect, it } from 'vitest';
import { words } from './announcements.ts';
import { cardText } from './card-text.ts';

const today = '2026-11-27';

describe('cardText', () => {
  it('tells the due date in words, marking an overdue open task', () => {
    expect(cardText({ Status: 'Not Started', DueDate: '2026-11-24' }, today).due).toEqual({ words: 'overdue by 3 days', overdue: true, title: 'Due Nov 24, 2026' });
    expect(cardText({ Status: 'In Progress', DueDate: today }, today).due.words).toBe('due today');
    expect(cardText({ Status: 'In Progress', DueDate: '2026-11-29' }, today).due.words).toBe('due in 2 days');
    expect(cardText({ Status: 'In Progress' }, today).due).toEqual({ words: 'no due date', overdue: false, title: null });
  });

  it('a done task is never overdue; a completed one shows its completion date', () => {
    const text = cardText({ Status: 'Completed', DueDate: '2026-11-01', CompletedDate: '2026-11-03' }, today);
    expect(text.due.overdue).toBe(false);
    expect(text.completed).toBe('Completed Nov 3, 2026');
    expect(cardText({ Status: 'Skipped', DueDate: '2026-11-01' }, today).completed).toBeNull();
  });

  it('shows the playbook step from Order', () => {
    expect(cardText({ PlaybookId: '1P', Order: 3 }, today).step).toBe('Step 3');
    expect(cardText({ Order: 3 }, today).step).toBeNull();
  });
});

describe('drag announcements', () => {
  const drag = { name: 'Kickoff call', from: 'Not Started' as const };
  it('speak in plain words', () => {
    expect(words.start(drag)).toBe('Picked up task Kickoff call.');
    expect(words.over(drag, 'In Progress')).toBe('Over In Progress.');
    expect(words.end(drag, 'In Progress')).toBe('Dropped in In Progress.');
    expect(words.end(drag, 'Not Started')).toBe('Dropped in Not Started. Kickoff call stays in Not Started.');
    expect(words.end(drag, null)).toBe('Dropped outside the columns. Kickoff call stays in Not Started.');
    expect(words.cancel(drag)).toBe('Cancelled. Kickoff call stays in Not Started.');
  });
});
