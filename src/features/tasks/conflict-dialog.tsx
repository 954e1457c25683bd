import { useRef, type RefObject } from 'react';
import { Modal } from '../../components/modal/modal.tsx';
import { formatDate, isCalendarDate } from '../../lib/dates.ts';
import { yoursNote, type FieldChange } from './task-conflict.ts';

export interface ConflictDialogProps {
  changes: FieldChange[];
  /** When the server's version was saved, in words (the API does not say by whom). */
  modifiedAt: string;
  /** The name of an owner id, for the Owner row. */
  ownerName: (ownerId: string) => string;
  onKeepMine: () => void;
  onTakeTheirs: () => void;
  onCancel: () => void;
  returnFocus?: RefObject<HTMLElement | null>;
}

const ID = 'task-conflict';

function show(change: FieldChange, value: string, ownerName: (id: string) => string) {
  if (value === '') return <span className="text-slate-600 italic">empty</span>;
  if (change.field === 'OwnerId') return ownerName(value);
  if (change.field === 'DueDate' && isCalendarDate(value)) return <time dateTime={value}>{formatDate(value)}</time>;
  if (change.field === 'Description') return <span className="whitespace-pre-wrap">{value}</span>;
  return value;
}

/**
 * Someone else saved the task while it was being edited: shows, field by field, their value and
 * the user's, and lets the user keep theirs, take the server's, or go back to the form.
 */
export function ConflictDialog({ changes, modifiedAt, ownerName, onKeepMine, onTakeTheirs, onCancel, returnFocus }: ConflictDialogProps) {
  const cancelRef = useRef<HTMLButtonElement>(null);
  return (
    <Modal
      role="alertdialog"
      labelledBy={`${ID}-title`}
      describedBy={`${ID}-message`}
      onRequestClose={onCancel}
      initialFocus={cancelRef}
      returnFocus={returnFocus}
      className="w-[44rem] max-w-[calc(100vw-2rem)]"
    >
      <div className="p-5">
        <h2 id={`${ID}-title`} className="text-lg font-semibold">
          Someone else changed this task
        </h2>
        <p id={`${ID}-message`} className="mt-2 text-sm text-slate-700">
          While you were editing, this task was saved by someone else{modifiedAt ? ` (${modifiedAt})` : ''}. Nothing of yours has been
          saved yet. Their changes and your version of the same fields:
        </p>
        <div className="mt-4 max-h-[50vh] overflow-auto">
          <table className="w-full border-collapse text-left text-sm">
            <caption className="sr-only">Fields changed by someone else</caption>
            <thead>
              <tr className="border-b border-slate-300">
                <th scope="col" className="py-1.5 pr-3 font-semibold">
                  Field
                </th>
                <th scope="col" className="py-1.5 pr-3 font-semibold">
                  Theirs (saved now)
                </th>
                <th scope="col" className="py-1.5 font-semibold">
                  Yours
                </th>
              </tr>
            </thead>
            <tbody>
              {changes.map((change) => {
                const note = yoursNote(change);
                return (
                  <tr key={change.field} className="border-b border-slate-100 align-top">
                    <th scope="row" className="py-2 pr-3 font-medium">
                      {change.label}
                    </th>
                    <td className="py-2 pr-3">{show(change, change.theirs, ownerName)}</td>
                    <td className="py-2">
                      {show(change, change.mine, ownerName)}
                      {note && <span className="block text-xs text-slate-600">{note}</span>}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
        <ul className="mt-4 space-y-1 text-sm text-slate-700">
          <li>
            <strong>Keep mine</strong> saves your version of every field you can edit here, replacing theirs.
          </li>
          <li>
            <strong>Take theirs</strong> puts the saved version in the form and drops your edits.
          </li>
          <li>
            <strong>Cancel</strong> goes back to your form; nothing is saved.
          </li>
        </ul>
        <div className="mt-5 flex flex-wrap justify-end gap-2">
          <button
            ref={cancelRef}
            type="button"
            onClick={onCancel}
            className="rounded border border-slate-400 px-4 py-1.5 text-sm font-medium hover:bg-slate-100"
          >
            Cancel
          </button>
          <button
            type="button"
            onClick={onTakeTheirs}
            className="rounded border border-blue-700 px-4 py-1.5 text-sm font-medium text-blue-800 hover:bg-blue-50"
          >
            Take theirs
          </button>
          <button type="button" onClick={onKeepMine} className="rounded bg-blue-700 px-4 py-1.5 text-sm font-medium text-white hover:bg-blue-800">
            Keep mine
          </button>
        </div>
      </div>
    </Modal>
  );
}
