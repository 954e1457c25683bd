/**
 * "Change due date": the keyboard user's way to move a task to another day without dragging (as
 * the board's "Move to" menu is for a status): a few days to pick at once, any date typed or
 * picked in a date field, or no due date at all.
 */
import { useId, useState, type FormEvent } from 'react';
import type { Task } from '../../api/types.ts';
import { Modal } from '../../components/modal/modal.tsx';
import { Button } from '../../components/ui/button.tsx';
import { Field, controlClass } from '../../components/ui/field.tsx';
import { addDays, formatDate, isCalendarDate, weekOf } from '../../lib/dates.ts';

interface Props {
  task: Task;
  from: string | null;
  today: string;
  onChoose: (to: string | null) => void;
  onClose: () => void;
}

/** The days offered at once: today, tomorrow, next Monday, a week from today (each once, none the task's own). */
export function quickDays(today: string, from: string | null): { label: string; date: string }[] {
  const days = [
    { label: 'Today', date: today },
    { label: 'Tomorrow', date: addDays(today, 1) },
    { label: 'Next Monday', date: addDays(weekOf(today).start, 7) },
    { label: 'In a week', date: addDays(today, 7) },
  ];
  return days.filter((d, i) => d.date !== from && days.findIndex((o) => o.date === d.date) === i);
}

/** What is wrong with a typed date, or null. */
export function dateProblem(value: string, from: string | null): string | null {
  if (value.trim() === '') return 'Choose a date.';
  if (!isCalendarDate(value.trim())) return 'Enter a real date, as YYYY-MM-DD.';
  if (value.trim() === from) return 'That is already its due date.';
  return null;
}

export function ChangeDueDateDialog({ task, from, today, onChoose, onClose }: Props) {
  const id = useId();
  const [value, setValue] = useState(from ?? '');
  const [error, setError] = useState<string | null>(null);
  const name = task.Name ?? 'this task';

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const problem = dateProblem(value, from);
    if (problem) return setError(problem);
    onChoose(value.trim());
  };

  return (
    <Modal labelledBy={`${id}-title`} describedBy={`${id}-desc`} onRequestClose={onClose} className="w-[26rem] max-w-[calc(100vw-2rem)]">
      <form onSubmit={submit} noValidate className="flex flex-col gap-4 p-5">
        <h2 id={`${id}-title`} className="text-lg font-semibold">
          Change due date
        </h2>
        <p id={`${id}-desc`} className="text-sm text-slate-700">
          “{name}” is {from ? `due ${formatDate(from)}` : 'without a due date'}.
        </p>
        <div role="group" aria-label="Pick a day" className="flex flex-wrap gap-2">
          {quickDays(today, from).map((d) => (
            <Button key={d.label} size="sm" onClick={() => onChoose(d.date)}>
              {d.label} ({formatDate(d.date)})
            </Button>
          ))}
        </div>
        <Field label="New due date" error={error}>
          {(control) => (
            <input
              {...control}
              type="date"
              value={value}
              onChange={(e) => {
                setValue(e.target.value);
                setError(null);
              }}
              className={controlClass()}
            />
          )}
        </Field>
        <div className="flex flex-wrap justify-end gap-2">
          {from && (
            <Button variant="secondary" onClick={() => onChoose(null)} className="mr-auto">
              Remove due date
            </Button>
          )}
          <Button variant="secondary" onClick={onClose}>
            Cancel
          </Button>
          <Button variant="primary" type="submit">
            Change
          </Button>
        </div>
      </form>
    </Modal>
  );
}
