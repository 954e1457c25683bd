import { useRef, useState, type ReactNode, type RefObject } from 'react';
import { Modal } from '../modal/modal.tsx';
import { formatDate, isCalendarDate } from '../../lib/dates.ts';
import { isConflict, theirsMerged, type ComparedField, type FieldChange, type Side } from './task-conflict.ts';
import { Button } from '../ui/button.tsx';

export interface ConflictDialogProps {
  /** Every field someone else changed (the dialog asks only about those both changed). */
  changes: FieldChange[];
  /** When the server's version was saved, in words (the API does not say by whom). */
  modifiedAt: string;
  /** The name of an owner id, for the Owner row. */
  ownerName: (ownerId: string) => string;
  /** Saves with a side chosen for every field both changed. */
  onSave: (choices: Partial<Record<ComparedField, Side>>) => void;
  onCancel: () => void;
  returnFocus?: RefObject<HTMLElement | null>;
}

const ID = 'task-conflict';

function show(change: FieldChange, value: string, ownerName: (id: string) => string): ReactNode {
  if (value === '') return <span className="text-slate-600 italic">empty</span>;
  if (change.field === 'OwnerId') return ownerName(value);
  if (change.field === 'DueDate' && isCalendarDate(value)) return <time dateTime={value}>{formatDate(value)}</time>;
  if (change.field === 'Description') return <span className="whitespace-pre-wrap">{value}</span>;
  return value;
}

/**
 * Someone else saved the task while it was being edited, and both changed some fields: their
 * changes to the other fields are kept, the user's are saved, and for each field both changed the
 * user chooses theirs or yours. Nothing is saved until Save; Cancel goes back to the form.
 */
export function ConflictDialog({ changes, modifiedAt, ownerName, onSave, onCancel, returnFocus }: ConflictDialogProps) {
  const conflicts = changes.filter(isConflict);
  const kept = theirsMerged(changes);
  const [choices, setChoices] = useState<Partial<Record<ComparedField, Side>>>({});
  const [missing, setMissing] = useState<string[]>([]);
  const firstChoice = useRef<HTMLInputElement>(null);

  const save = () => {
    const unchosen = conflicts.filter((c) => !choices[c.field]);
    setMissing(unchosen.map((c) => c.label));
    if (unchosen.length > 0) {
      document.getElementById(`${ID}-${unchosen[0]!.field}-theirs`)?.focus();
      return;
    }
    onSave(choices);
  };

  return (
    <Modal
      role="alertdialog"
      labelledBy={`${ID}-title`}
      describedBy={`${ID}-message`}
      onRequestClose={onCancel}
      initialFocus={firstChoice}
      returnFocus={returnFocus}
      className="w-[44rem] max-w-[calc(100vw-2rem)]"
    >
      <div className="p-5">
        <h2 id={`${ID}-title`} className="text-lg font-semibold">
          Someone else changed this task
        </h2>
        <p id={`${ID}-message`} className="mt-2 text-sm text-slate-700">
          While you were editing, this task was saved by someone else{modifiedAt ? ` (${modifiedAt})` : ''}. Nothing of yours has been saved
          yet. You both changed {conflicts.length === 1 ? 'one field' : `${conflicts.length} fields`}: choose which version to keep.
        </p>
        <div className="mt-4 max-h-[50vh] space-y-3 overflow-auto">
          {conflicts.map((change, i) => (
            <fieldset key={change.field} className="rounded border border-slate-300 px-3 py-2">
              <legend className="px-1 text-sm font-semibold">{change.label}</legend>
              {(['theirs', 'mine'] as const).map((side) => (
                <label key={side} htmlFor={`${ID}-${change.field}-${side}`} className="mt-1 flex items-start gap-2 text-sm">
                  <input
                    ref={i === 0 && side === 'theirs' ? firstChoice : undefined}
                    id={`${ID}-${change.field}-${side}`}
                    type="radio"
                    name={`${ID}-${change.field}`}
                    className="mt-0.5"
                    checked={choices[change.field] === side}
                    onChange={() => setChoices((c) => ({ ...c, [change.field]: side }))}
                  />
                  <span>
                    <span className="font-medium">{side === 'theirs' ? 'Theirs (saved now): ' : 'Yours: '}</span>
                    {show(change, side === 'theirs' ? change.theirs : change.mine, ownerName)}
                  </span>
                </label>
              ))}
            </fieldset>
          ))}
          {kept.length > 0 && (
            <div className="text-sm text-slate-700">
              <p className="font-medium text-slate-800">Kept from their version (you did not change these):</p>
              <ul className="mt-1 list-disc pl-5">
                {kept.map((change) => (
                  <li key={change.field}>
                    {change.label}: {show(change, change.theirs, ownerName)}
                  </li>
                ))}
              </ul>
            </div>
          )}
          <p className="text-sm text-slate-700">Every other field you changed is saved as you left it.</p>
        </div>
        {missing.length > 0 && (
          <p role="alert" className="mt-3 text-sm font-medium text-red-800">
            Choose theirs or yours for: {missing.join(', ')}.
          </p>
        )}
        <div className="mt-5 flex flex-wrap justify-end gap-2">
          <Button variant="secondary" onClick={onCancel}>
            Cancel
          </Button>
          <Button variant="primary" onClick={save}>
            Save
          </Button>
        </div>
      </div>
    </Modal>
  );
}
