/** The words on a card, worked out from the task (pure, so they are unit-tested). */
import type { Task } from '../../../api/types.ts';
import { dueInWords, formatDate } from '../../../lib/dates.ts';
import type { PlaybookIndex } from './playbook-index.ts';

export interface CardText {
  /**
   * `words` is what the card shows ("due in 2 days"); `date` the full date ("Nov 27, 2026") that
   * the card gives screen readers as text and pointers as a tooltip (`title`).
   */
  due: { words: string; overdue: boolean; date: string | null; title: string | null };
  /** "Completed Nov 27, 2026" for a completed task with its date, else null. */
  completed: string | null;
  /** "Onboarding · step 3 of 7" for a playbook task, else null. */
  playbook: string | null;
}

function isDone(task: Task): boolean {
  return task.Status === 'Completed' || task.Status === 'Skipped';
}

/**
 * The task's playbook and its place in it, from the playbook list (`index`; null while it loads
 * or when it failed). The place is counted among the templates in playbook order, never read off
 * the task's raw `Order` (orders have gaps).
 */
function playbookText(task: Task, index: PlaybookIndex | null): string | null {
  if (!task.PlaybookId) return null;
  const playbook = index?.get(task.PlaybookId);
  if (!playbook) return 'Playbook task';
  const step = typeof task.Order === 'number' ? playbook.steps.get(task.Order) : undefined;
  return step ? `${playbook.name} · step ${step.step} of ${step.total}` : playbook.name;
}

export function cardText(task: Task, today: string, playbooks: PlaybookIndex | null = null): CardText {
  const due = dueInWords(task.DueDate, today, isDone(task));
  const dueDate = formatDate(task.DueDate) || null;
  return {
    due: { words: due.words, overdue: due.overdue, date: dueDate, title: dueDate ? `Due ${dueDate}` : null },
    completed: task.Status === 'Completed' && task.CompletedDate ? `Completed ${formatDate(task.CompletedDate)}` : null,
    playbook: playbookText(task, playbooks),
  };
}
