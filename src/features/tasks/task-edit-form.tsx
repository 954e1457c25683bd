import { useEffect, useLayoutEffect, useRef, useState, type FormEvent } from 'react';
import { useSuggestions } from '../../api/suggestions.ts';
import type { Task, TaskInput } from '../../api/types.ts';
import { ConfirmDialog } from '../../components/modal/modal.tsx';
import { TaskFormFields, fieldId } from '../../components/new-task/task-fields.tsx';
import {
  firstInvalidField,
  formValuesFromTask,
  hasErrors,
  sameTaskValues,
  toTaskInput,
  validateTaskForm,
  type TaskFormErrors,
  type TaskFormValues,
} from '../../components/new-task/task-form.ts';
import { ErrorMessage } from '../../components/query-status.tsx';
import { formatDateTime } from '../../lib/dates.ts';
import { ConflictDialog } from '../../components/task-save/conflict-dialog.tsx';
import { mergeInput, type FieldChange } from '../../components/task-save/task-conflict.ts';
import { UnsavedChangesGuard } from '../../components/task-save/unsaved-changes-guard.tsx';
import { useTaskSave } from '../../components/task-save/use-task-save.ts';
import { Button } from '../../components/ui/button.tsx';

const ID = 'edit-task';

export interface TaskEditFormProps {
  /** The task as it was when editing began. */
  task: Task;
  /** The task as the cache has it now (refreshes may bring someone else's save). */
  liveTask: Task;
  /** `merged`: the fields whose values someone else saved meanwhile were kept. */
  onSaved: (task: Task, merged: FieldChange[]) => void;
  onCancel: () => void;
}

/**
 * Edits a task's name, description, owner, status, priority and due date. Checks the form before
 * sending, never overwrites someone else's save without asking, keeps everything typed when a
 * save fails, and asks before leaving with unsaved changes. The fields stay editable while a save
 * runs; if they changed meanwhile, the form stays open with those changes instead of closing.
 */
export function TaskEditForm({ task, liveTask, onSaved, onCancel }: TaskEditFormProps) {
  const taskId = task.Gsid ?? '';
  /** The version the form was opened from (or last reconciled with): what a save must not silently overwrite. */
  const [opened, setOpened] = useState(task);
  const [values, setValues] = useState<TaskFormValues>(() => formValuesFromTask(task));
  const [errors, setErrors] = useState<TaskFormErrors>({});
  const [serverError, setServerError] = useState<unknown>(null);
  const [conflict, setConflict] = useState<{ current: Task; changes: FieldChange[]; mine: TaskInput } | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [confirmCancel, setConfirmCancel] = useState(false);
  const saveRef = useRef<HTMLButtonElement>(null);
  const errorRef = useRef<HTMLDivElement>(null);
  /** The values as last rendered: read when a save ends, to see what was typed while it ran. */
  const latestValues = useRef(values);
  useLayoutEffect(() => {
    latestValues.current = values;
  });
  const { save, phase } = useTaskSave(taskId);
  const suggestions = useSuggestions();

  const dirty = !sameTaskValues(values, formValuesFromTask(opened));
  const staleOnServer = !!liveTask.ModifiedDate && liveTask.ModifiedDate !== opened.ModifiedDate;

  useEffect(() => {
    document.getElementById(fieldId(ID, 'Name'))?.focus();
  }, []);

  /** Saves the form (or `input`, the form merged with someone else's version) over `base`. */
  const runSave = async (base: Task, input?: TaskInput) => {
    setServerError(null);
    setNotice(null);
    const sent = values;
    const result = await save(base, input ?? toTaskInput({ ...sent, CTAId: base.CTAId ?? '' }));
    if (result.kind === 'saved') {
      if (sameTaskValues(latestValues.current, sent)) onSaved(result.task, result.merged);
      else {
        // The fields stay editable during a save; closing now would drop what was typed since.
        // Keep the form open on top of the saved version, so the rest is an unsaved change.
        setOpened(result.task);
        setNotice('Your changes were saved. What you typed while it was saving is not saved yet: save again to keep it.');
      }
    } else if (result.kind === 'conflict') setConflict({ current: result.current, changes: result.changes, mine: result.mine });
    else if (result.kind === 'failed') {
      setServerError(result.error);
      requestAnimationFrame(() => errorRef.current?.focus());
    }
  };

  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    if (phase !== 'idle') return;
    const found = validateTaskForm(values, { requireCta: false });
    setErrors(found);
    if (hasErrors(found)) {
      const field = firstInvalidField(found);
      if (field) document.getElementById(fieldId(ID, field))?.focus();
      return;
    }
    void runSave(opened);
  };

  const ownerName = (ownerId: string) => {
    if (conflict?.current.OwnerId === ownerId && conflict.current.OwnerName) return conflict.current.OwnerName;
    if (opened.OwnerId === ownerId && opened.OwnerName) return opened.OwnerName;
    return suggestions.data?.owners.find((o) => o.ownerId === ownerId)?.ownerName ?? ownerId;
  };

  const busy = phase !== 'idle';
  return (
    <form noValidate onSubmit={onSubmit} aria-labelledby={`${ID}-title`} aria-busy={busy || undefined}>
      <h2 id={`${ID}-title`} className="text-lg font-semibold">
        Edit task
      </h2>
      {staleOnServer && !conflict && (
        <p role="status" className="mt-2 rounded border border-amber-300 bg-amber-50 p-2 text-sm text-amber-900">
          Someone else saved this task after you started editing. When you save, their changes to fields you did not touch are kept, and you
          choose for any field you both changed.
        </p>
      )}
      {notice && (
        <p role="status" className="mt-2 rounded border border-blue-200 bg-blue-50 p-2 text-sm text-blue-900">
          {notice}
        </p>
      )}
      <div className="mt-4">
        <TaskFormFields
          idPrefix={ID}
          values={values}
          errors={errors}
          onChange={(patch) => setValues((v) => ({ ...v, ...patch }))}
          currentOwner={opened.OwnerId ? { ownerId: opened.OwnerId, ownerName: opened.OwnerName ?? opened.OwnerId } : null}
        />
      </div>
      {serverError !== null && (
        <div ref={errorRef} tabIndex={-1} className="mt-4 focus:outline-none">
          <ErrorMessage error={serverError} title="Your changes were not saved" />
          <p className="mt-1 text-sm text-slate-700">Everything you typed is still in the form.</p>
        </div>
      )}
      <div className="mt-5 flex flex-wrap items-center gap-2">
        <Button ref={saveRef} type="submit" variant="primary" disabled={busy}>
          {phase === 'checking' ? 'Checking for changes…' : phase === 'saving' ? 'Saving…' : 'Save changes'}
        </Button>
        <Button variant="secondary" disabled={busy} onClick={() => (dirty ? setConfirmCancel(true) : onCancel())}>
          Cancel
        </Button>
        {dirty && <span className="text-sm text-slate-600">Unsaved changes</span>}
      </div>

      {conflict && (
        <ConflictDialog
          changes={conflict.changes}
          modifiedAt={formatDateTime(conflict.current.ModifiedDate)}
          ownerName={ownerName}
          returnFocus={saveRef}
          onCancel={() => setConflict(null)}
          onSave={(choices) => {
            const { current, changes, mine } = conflict;
            setConflict(null);
            // Their version is now the one this save knowingly builds on.
            setOpened(current);
            void runSave(current, mergeInput(changes, mine, choices));
          }}
        />
      )}
      {confirmCancel && (
        <ConfirmDialog
          id="discard-edit"
          title="Discard your changes?"
          message="Your edits to this task are not saved. Discarding them cannot be undone."
          confirmLabel="Discard changes"
          cancelLabel="Keep editing"
          onCancel={() => setConfirmCancel(false)}
          onConfirm={() => {
            setConfirmCancel(false);
            onCancel();
          }}
        />
      )}
      <UnsavedChangesGuard when={dirty} />
    </form>
  );
}
