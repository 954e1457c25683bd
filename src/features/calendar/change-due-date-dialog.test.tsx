import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { ChangeDueDateDialog, dateProblem, quickDays } from './change-due-date-dialog.tsx';

describe('the days "Change due date" offers', () => {
  it('today, tomorrow, next Monday and a week on, each once and never the task’s own day', () => {
    // 2026-12-06 is a Sunday: tomorrow is next Monday.
    expect(quickDays('2026-12-06', null)).toEqual([
      { label: 'Today', date: '2026-12-06' },
      { label: 'Tomorrow', date: '2026-12-07' },
      { label: 'In a week', date: '2026-12-13' },
    ]);
    expect(quickDays('2026-12-02', '2026-12-02').map((d) => d.label)).toEqual(['Tomorrow', 'Next Monday', 'In a week']);
  });

  it('checks a typed date', () => {
    expect(dateProblem('', null)).toBe('Choose a date.');
    expect(dateProblem('2027-02-29', null)).toBe('Enter a real date, as YYYY-MM-DD.');
    expect(dateProblem('2028-02-29', '2028-02-29')).toBe('That is already its due date.');
    expect(dateProblem('2028-02-29', null)).toBeNull();
  });
});

describe('the dialog', () => {
  const task = { Gsid: '1T', Name: 'Renewal call', DueDate: '2026-12-02' };

  it('sends a picked day, a typed date, or no date; a bad date is told and not sent', () => {
    const onChoose = vi.fn();
    render(<ChangeDueDateDialog task={task} from="2026-12-02" today="2026-12-02" onChoose={onChoose} onClose={() => {}} />);
    expect(screen.getByRole('dialog', { name: 'Change due date' })).toHaveAccessibleDescription('“Renewal call” is due Dec 2, 2026.');
    fireEvent.click(screen.getByRole('button', { name: 'Tomorrow (Dec 3, 2026)' }));
    expect(onChoose).toHaveBeenLastCalledWith('2026-12-03');

    const input = screen.getByLabelText('New due date');
    fireEvent.input(input, { target: { value: '2026-12-02' } });
    fireEvent.click(screen.getByRole('button', { name: 'Change' }));
    expect(input).toHaveAccessibleDescription('That is already its due date.');
    expect(onChoose).toHaveBeenCalledTimes(1);
    fireEvent.input(input, { target: { value: '2027-01-15' } });
    expect(input).not.toHaveAttribute('aria-invalid');
    fireEvent.click(screen.getByRole('button', { name: 'Change' }));
    expect(onChoose).toHaveBeenLastCalledWith('2027-01-15');
    fireEvent.click(screen.getByRole('button', { name: 'Remove due date' }));
    expect(onChoose).toHaveBeenLastCalledWith(null);
  });

  it('offers no "Remove due date" to a task without one', () => {
    render(<ChangeDueDateDialog task={task} from={null} today="2026-12-02" onChoose={() => {}} onClose={() => {}} />);
    expect(screen.getByRole('dialog')).toHaveAccessibleDescription('“Renewal call” is without a due date.');
    expect(screen.queryByRole('button', { name: 'Remove due date' })).toBeNull();
  });
});
