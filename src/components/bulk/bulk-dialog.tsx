/**
 * One bulk action's dialog: the value to set (a status, an owner, a priority, a due date, or a
 * shift in days), and the confirmation, which says exactly what will change ("Move 12 tasks to
 * Completed") on the button that does it.
 */
import { useId, useState, type FormEvent } from 'react';
import { useSuggestions } from '../../api/suggestions.ts';
import { TASK_STATUSES, type TaskStatus } from '../../api/types.ts';
import { isCalendarDate } from '../../lib/dates.ts';
import { PRIORITIES } from '../../lib/priorities.ts';
import { OwnerCombobox } from '../combobox/owner-combobox.tsx';
import { Modal } from '../modal/modal.tsx';
import { Button } from '../ui/button.tsx';
import { controlClass, Field } from '../ui/field.tsx';
import { describeChange, type BulkChange } from './bulk-plan.ts';
import { parseShift } from './date-shift.ts';

export type BulkAction = BulkChange['kind'];

export const ACTION_LABELS: Record<BulkAction, string> = {
  status: 'Set status',
  owner: 'Set owner',
  priority: 'Set priority',
  due: 'Set due date',
  shift: 'Shift due dates',
};

interface Props {
  action: BulkAction;
  count: number;
  onConfirm: (change: BulkChange) => void;
  onCancel: () => void;
}

/** The change the form's values make, or what is missing or wrong. */
type Built = { change: BulkChange; error: null } | { change: null; error: string | null };

export function BulkDialog({ action, count, onConfirm, onCancel }: Props) {
  const id = useId();
  const [status, setStatus] = useState<TaskStatus>('Completed');
  const [ownerId, setOwnerId] = useState('');
  const [priority, setPriority] = useState<string>('High');
  const [dueDate, setDueDate] = useState('');
  const [shift, setShift] = useState('7');
  const [workingDays, setWorkingDays] = useState(false);
  const [tried, setTried] = useState(false);
  const owners = useSuggestions().data?.owners;

  const built = ((): Built => {
    switch (action) {
      case 'status':
        return { change: { kind: 'status', status }, error: null };
      case 'owner': {
        const owner = owners?.find((o) => o.ownerId === ownerId);
        if (!ownerId) return { change: null, error: 'Choose the owner from the list.' };
        return { change: { kind: 'owner', ownerId, ownerName: owner?.ownerName ?? ownerId }, error: null };
      }
      case 'priority':
        return { change: { kind: 'priority', priority: priority || null }, error: null };
      case 'due':
        if (!dueDate) return { change: null, error: 'Choose a due date (all of day, month and year).' };
        if (!isCalendarDate(dueDate)) return { change: null, error: 'That is not a date on the calendar.' };
        return { change: { kind: 'due', dueDate }, error: null };
      case 'shift': {
        const parsed = parseShift(shift);
        if (parsed.days === null) return { change: null, error: parsed.error };
        return { change: { kind: 'shift', days: parsed.days, workingDays }, error: null };
      }
    }
  })();
  const sentence = built.change ? describeChange(built.change, count) : null;
  const error = tried || action === 'shift' ? built.error : null;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (built.change && count > 0) onConfirm(built.change);
  };

  return (
    <Modal
      labelledBy={`${id}-title`}
      describedBy={`${id}-summary`}
      onRequestClose={onCancel}
      className="w-[30rem] max-w-[calc(100vw-2rem)]"
    >
      <form className="p-5" onSubmit={submit} noValidate>
        <h2 id={`${id}-title`} className="text-lg font-semibold">
          {ACTION_LABELS[action]}
        </h2>
        <div className="mt-4 space-y-3">
          {action === 'status' && (
            <Field id={`${id}-status`} label="New status">
              {(aria) => (
                <select
                  {...aria}
                  value={status}
                  onChange={(e) => setStatus(e.currentTarget.value as TaskStatus)}
                  className={controlClass()}
                >
                  {TASK_STATUSES.map((s) => (
                    <option key={s}>{s}</option>
                  ))}
                </select>
              )}
            </Field>
          )}
          {action === 'owner' && (
            <OwnerCombobox id={`${id}-owner`} label="New owner" value={ownerId} onChange={setOwnerId} required error={error ?? undefined} />
          )}
          {action === 'priority' && (
            <Field id={`${id}-priority`} label="New priority">
              {(aria) => (
                <select {...aria} value={priority} onChange={(e) => setPriority(e.currentTarget.value)} className={controlClass()}>
                  {PRIORITIES.map((p) => (
                    <option key={p}>{p}</option>
                  ))}
                  <option value="">No priority</option>
                </select>
              )}
            </Field>
          )}
          {action === 'due' && (
            <Field id={`${id}-due`} label="New due date" error={error ?? undefined}>
              {(aria) => (
                <input
                  {...aria}
                  type="date"
                  required
                  value={dueDate}
                  onChange={(e) => setDueDate(e.currentTarget.value)}
                  className={controlClass()}
                />
              )}
            </Field>
          )}
          {action === 'shift' && (
            <>
              <Field
                id={`${id}-days`}
                label="Days to shift by"
                hint="A positive number moves the due dates later, a negative one earlier. Tasks without a due date are left as they are."
                error={error ?? undefined}
              >
                {(aria) => (
                  <input
                    {...aria}
                    type="text"
                    inputMode="numeric"
                    autoComplete="off"
                    value={shift}
                    onChange={(e) => setShift(e.currentTarget.value)}
                    className={controlClass()}
                  />
                )}
              </Field>
              <label className="flex items-center gap-2 text-sm">
                <input type="checkbox" checked={workingDays} onChange={(e) => setWorkingDays(e.currentTarget.checked)} />
                Working days only (Monday to Friday)
              </label>
            </>
          )}
        </div>
        <p id={`${id}-summary`} aria-live="polite" className="mt-4 rounded bg-slate-100 p-3 text-sm text-slate-900">
          {sentence
            ? `${sentence}. Each task is read fresh first, so only this field changes; you can undo it afterwards.`
            : 'Choose the new value to see what will change.'}
        </p>
        <div className="mt-5 flex flex-wrap justify-end gap-2">
          <Button variant="secondary" onClick={onCancel}>
            Cancel
          </Button>
          <Button variant="primary" type="submit" disabled={count === 0}>
            {sentence ?? ACTION_LABELS[action]}
          </Button>
        </div>
      </form>
    </Modal>
  );
}
