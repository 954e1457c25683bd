/** The words on a card, worked out from the task (pure, so they are unit-tested). */
import type { Task } from '../../api/types.ts';
import { dueInWords, formatDate } from '../../lib/dates.ts';

export interface CardText {
  due: { words: string; overdue: boolean; title: string | null };
  /** "Completed Nov 27, 2026" for a completed task with its date, else null. */
  completed: string | null;
  /** "Step 3" for a playbook task, else null. */
  step: string | null;
}

export function isDone(task: Task): boolean {
  return task.Status === 'Completed' || task.Status === 'Skipped';
}

export function cardText(task: Task, today: string): CardText {
  const due = dueInWords(task.DueDate, today, isDone(task));
  const dueDate = formatDate(task.DueDate);
  return {
    due: { words: due.words, overdue: due.overdue, title: dueDate ? `Due ${dueDate}` : null },
    completed: task.Status === 'Completed' && task.CompletedDate ? `Completed ${formatDate(task.CompletedDate)}` : null,
    step: task.PlaybookId && typeof task.Order === 'number' ? `Step ${task.Order}` : null,
  };
}
