import { useRef, useState, type FormEvent } from 'react';
import { useCreateTask } from '../../api/tasks.ts';
import type { NewTaskPreset } from './new-task-context.tsx';
import { ErrorMessage } from '../query-status.tsx';
import { useToast } from '../toast/toasts.tsx';
import { ConfirmDialog, Modal } from '../modal/modal.tsx';
import { useCtaChoice } from '../combobox/use-cta-choice.ts';
import { TaskFormFields, fieldId } from './task-fields.tsx';
import {
  firstInvalidField,
  hasErrors,
  newTaskValues,
  sameTaskValues,
  toTaskInput,
  validateTaskForm,
  type TaskFormErrors,
  type TaskFormValues,
} from './task-form.ts';
import { Button } from '../ui/button.tsx';

const ID = 'new-task';

export interface NewTaskDialogProps {
  preset: NewTaskPreset;
  onClose: () => void;
}

/**
 * The "New task" dialog. Creates one task per submit however fast the button is pressed twice
 * (the button is disabled and a synchronous guard refuses a second submit while one is in flight).
 * The fields are locked while the create runs ("Creating…"). On success it closes and a toast
 * links to the new task; a refused create unlocks the form with every input kept.
 */
export function NewTaskDialog({ preset, onClose }: NewTaskDialogProps) {
  const [initial] = useState(() => newTaskValues(preset));
  const [values, setValues] = useState<TaskFormValues>(initial);
  const [errors, setErrors] = useState<TaskFormErrors>({});
  const [serverError, setServerError] = useState<unknown>(null);
  const [confirmDiscard, setConfirmDiscard] = useState(false);
  const inFlight = useRef(false);
  const errorRef = useRef<HTMLDivElement>(null);
  const [checkingCta, setCheckingCta] = useState(false);
  const create = useCreateTask();
  const cta = useCtaChoice(values.CTAId);
  const toast = useToast();
  const submitting = create.isPending;
  const dirty = !sameTaskValues(values, initial);

  const requestClose = () => {
    if (inFlight.current) return; // the answer decides: closes on success, keeps the form on failure
    if (dirty) setConfirmDiscard(true);
    else onClose();
  };

  const onSubmit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    if (inFlight.current) return;
    inFlight.current = true;
    const found = validateTaskForm(values);
    if (!found.CTAId) {
      // A CTA id no task names is sent only once the user has confirmed it (a look-up under way is waited for).
      let problem = cta.problem;
      if (cta.status.kind === 'checking') {
        setCheckingCta(true);
        problem = await cta.check();
        setCheckingCta(false);
      }
      if (problem) found.CTAId = problem;
    }
    setErrors(found);
    if (hasErrors(found)) {
      inFlight.current = false;
      const field = firstInvalidField(found);
      if (field) document.getElementById(fieldId(ID, field))?.focus();
      return;
    }
    setServerError(null);
    try {
      const task = await create.mutateAsync(toTaskInput(values));
      toast.show({
        message: 'Task created',
        tone: 'success',
        link: task.Gsid ? { label: `Open ${task.Name ?? 'the task'}`, to: `/tasks/${encodeURIComponent(task.Gsid)}` } : undefined,
      });
      onClose();
    } catch (error) {
      inFlight.current = false;
      setServerError(error);
      // The button was disabled under the focus: put it on the message, which says what to fix.
      requestAnimationFrame(() => errorRef.current?.focus());
    }
  };

  return (
    <Modal
      labelledBy={`${ID}-title`}
      onRequestClose={requestClose}
      initialFocus={fieldId(ID, 'Name')}
      className="w-[40rem] max-w-[calc(100vw-2rem)]"
    >
      <form noValidate onSubmit={(e) => void onSubmit(e)} className="p-5" aria-busy={submitting || undefined}>
        <h2 id={`${ID}-title`} className="text-lg font-semibold">
          New task
        </h2>
        <div className="mt-4">
          <TaskFormFields
            idPrefix={ID}
            values={values}
            errors={errors}
            onChange={(patch) => setValues((v) => ({ ...v, ...patch }))}
            ctaChoice={cta}
            // Locked while the create runs: the task is made from what was sent, and the dialog
            // closes on success, so anything typed meanwhile would be silently lost.
            disabled={submitting}
          />
        </div>
        {serverError !== null && (
          <div ref={errorRef} tabIndex={-1} className="mt-4 focus:outline-none">
            <ErrorMessage error={serverError} title="The task was not created" />
          </div>
        )}
        <div className="mt-5 flex justify-end gap-2">
          <Button variant="secondary" onClick={requestClose} disabled={submitting}>
            Cancel
          </Button>
          <Button type="submit" variant="primary" disabled={submitting || checkingCta}>
            {submitting ? 'Creating…' : checkingCta ? 'Checking the CTA…' : 'Create task'}
          </Button>
        </div>
      </form>
      {confirmDiscard && (
        <ConfirmDialog
          id={`${ID}-discard`}
          title="Discard this new task?"
          message="What you typed in the New task form will be lost."
          confirmLabel="Discard"
          cancelLabel="Keep editing"
          onCancel={() => setConfirmDiscard(false)}
          onConfirm={() => {
            setConfirmDiscard(false);
            onClose();
          }}
        />
      )}
    </Modal>
  );
}
