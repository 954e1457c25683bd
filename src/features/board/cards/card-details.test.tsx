import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Task } from '../../../api/types.ts';
import { CardDetails } from './card-details.tsx';
import { PlaybookIndexContext, playbookIndex } from './playbook-index.ts';

const today = '2026-11-27';

describe('CardDetails', () => {
  it('gives the full due date as text, not only in a tooltip, and keeps the words short', () => {
    render(<CardDetails task={{ Status: 'Not Started', DueDate: '2026-11-24' }} today={today} />);
    const due = screen.getByText(/overdue by 3 days/);
    expect(due.closest('time')).toHaveAttribute('dateTime', '2026-11-24');
    // What a screen reader (or a keyboard or touch user's reader) gets: the words and the date.
    expect(due.closest('time')).toHaveTextContent('overdue by 3 days (Nov 24, 2026)');
    // The date itself is for assistive technology only; the card still reads "overdue by 3 days".
    expect(screen.getByText('(Nov 24, 2026)', { exact: false })).toHaveClass('sr-only');
  });

  it('no due date: no date text', () => {
    render(<CardDetails task={{ Status: 'Not Started' }} today={today} />);
    expect(screen.getByText('no due date').closest('time')).toHaveTextContent(/^no due date$/);
  });

  it("shows the playbook's name and step from the board's playbook list", () => {
    const task: Task = { Status: 'In Progress', PlaybookId: '1P', Order: 30 };
    const index = playbookIndex([
      {
        Gsid: '1P',
        Name: 'Onboarding',
        TaskTemplates: [
          { name: 'a', order: 10 },
          { name: 'c', order: 30 },
          { name: 'b', order: 20 },
        ],
      },
    ]);
    render(
      <PlaybookIndexContext value={index}>
        <CardDetails task={task} today={today} />
      </PlaybookIndexContext>,
    );
    expect(screen.getByText('Onboarding · step 3 of 3')).toBeInTheDocument();
  });
});
