import { describe, expect, it } from 'vitest';
import { words } from '../dnd/announcements.ts';
import { cardText } from './card-text.ts';
import { playbookIndex } from './playbook-index.ts';

const today = '2026-11-27';

describe('cardText', () => {
  it('tells the due date in words, marking an overdue open task', () => {
    expect(cardText({ Status: 'Not Started', DueDate: '2026-11-24' }, today).due).toEqual({
      words: 'overdue by 3 days',
      overdue: true,
      date: 'Nov 24, 2026',
      title: 'Due Nov 24, 2026',
    });
    expect(cardText({ Status: 'In Progress', DueDate: today }, today).due.words).toBe('due today');
    expect(cardText({ Status: 'In Progress', DueDate: '2026-11-29' }, today).due.words).toBe('due in 2 days');
    expect(cardText({ Status: 'In Progress' }, today).due).toEqual({ words: 'no due date', overdue: false, date: null, title: null });
  });

  it('a done task is never overdue; a completed one shows its completion date', () => {
    const text = cardText({ Status: 'Completed', DueDate: '2026-11-01', CompletedDate: '2026-11-03' }, today);
    expect(text.due.overdue).toBe(false);
    expect(text.completed).toBe('Completed Nov 3, 2026');
    expect(cardText({ Status: 'Skipped', DueDate: '2026-11-01' }, today).completed).toBeNull();
  });

  it("shows the playbook's name and the task's real place in it, counted over the templates in playbook order", () => {
    // Seven templates with gaps in their orders, listed out of order (as a reply may list them).
    const playbooks = playbookIndex([
      {
        Gsid: '1P',
        Name: 'Onboarding',
        TaskTemplates: [70, 10, 30, 20, 50, 40, 60].map((order) => ({ name: `Template ${order}`, order })),
      },
      {
        Gsid: '2P',
        Name: 'Renewal',
        TaskTemplates: [
          { name: 'b', order: 5 },
          { name: 'A', order: 5 },
          { name: 'Wrap-up', order: 9 },
        ],
      },
    ]);
    expect(cardText({ PlaybookId: '1P', Order: 30 }, today, playbooks).playbook).toBe('Onboarding · step 3 of 7');
    expect(cardText({ PlaybookId: '1P', Order: 70 }, today, playbooks).playbook).toBe('Onboarding · step 7 of 7');
    expect(cardText({ PlaybookId: '2P', Order: 9 }, today, playbooks).playbook).toBe('Renewal · step 3 of 3');
    // An order no template has: the playbook's name alone, never a made-up step.
    expect(cardText({ PlaybookId: '1P', Order: 35 }, today, playbooks).playbook).toBe('Onboarding');
    // The list not loaded (or not holding the playbook): no raw Order shown as a step.
    expect(cardText({ PlaybookId: '1P', Order: 30 }, today).playbook).toBe('Playbook task');
    expect(cardText({ PlaybookId: '9P', Order: 30 }, today, playbooks).playbook).toBe('Playbook task');
    expect(cardText({ Order: 3 }, today, playbooks).playbook).toBeNull();
  });
});

describe('drag announcements', () => {
  const drag = { name: 'Kickoff call', from: 'Not Started' as const };
  it('speak in plain words', () => {
    expect(words.start(drag)).toBe('Picked up task Kickoff call.');
    expect(words.over(drag, 'In Progress')).toBe('Over In Progress.');
    expect(words.end(drag, 'In Progress')).toBe('Dropped in In Progress.');
    expect(words.over(drag, 'Not Started')).toBe('Over Not Started, where it already is.');
    expect(words.end(drag, 'Not Started')).toBe(
      "Kickoff call stays in Not Started: cards in a column follow the board's sort and cannot be reordered by hand. Drop it on another column to change its status.",
    );
    expect(words.end(drag, null)).toBe('Dropped outside the columns. Kickoff call stays in Not Started.');
    expect(words.cancel(drag)).toBe('Cancelled. Kickoff call stays in Not Started.');
  });
});
