/**
 * The quick look: a task's fields in a side sheet over the page (the full width on a phone), with
 * an inline edit of its status, owner, priority and due date. A modal dialog (WAI-ARIA dialog
 * pattern, the app's Modal): named "Quick look: <task name>", the focus moves in and stays in,
 * Escape and Close close it and the focus goes back to the opener; with a change not saved yet,
 * closing it (or Back) asks first.
 *
 * A save follows the task page's rule (task-save/): the task is read fresh just before the PUT and
 * merged per field with what someone else saved since the panel was opened; a field both changed
 * is asked about and nothing is lost. A failed save keeps what was chosen and says why.
 * Loaded on demand (quick-look.tsx), so no page pays for it before it is opened.
 */
import { useId, useLayoutEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { Link } from '../router/router.tsx';
import { isApiError } from '../../api/errors.ts';
import { usePlaybook } from '../../api/playbooks.ts';
import { useSuggestions } from '../../api/suggestions.ts';
import { useTask } from '../../api/tasks.ts';
import type { Task, TaskInput, TaskStatus } from '../../api/types.ts';
import { formatDateTime, isCalendarDate } from '../../lib/dates.ts';
import { templateStep } from '../../lib/template-order.ts';
import { OwnerCombobox } from '../combobox/owner-combobox.tsx';
import { TaskCta } from '../cta/task-cta.tsx';
import { Modal } from '../modal/modal.tsx';
import { formValuesFromTask, toTaskInput } from '../new-task/task-form.ts';
import { DueDateField, PriorityField, StatusField } from '../new-task/task-fields.tsx';
import { ErrorMessage, Loading } from '../query-status.tsx';
import { ConflictDialog } from '../task-save/conflict-dialog.tsx';
import { mergeInput, type FieldChange } from '../task-save/task-conflict.ts';
import { UnsavedChangesGuard } from '../task-save/unsaved-changes-guard.tsx';
import { useTaskSave } from '../task-save/use-task-save.ts';
import { Button, buttonClass } from '../ui/button.tsx';

interface QuickLookPanelProps {
  taskId: string;
  onClose: () => void;
}

/** What the quick look edits. */
interface QuickValues {
  Status: TaskStatus;
  OwnerId: string;
  Priority: string;
  /** `YYYY-MM-DD`, '' for none, or INCOMPLETE_DATE while the field holds a partial date. */
  DueDate: string;
}

const quickValues = (task: Task): QuickValues => ({
  Status: task.Status ?? 'Not Started',
  OwnerId: task.OwnerId ?? '',
  Priority: task.Priority ?? '',
  DueDate: task.DueDate ?? '',
});

const sameValues = (a: QuickValues, b: QuickValues) =>
  a.Status === b.Status && a.OwnerId === b.OwnerId && a.Priority === b.Priority && a.DueDate === b.DueDate;

export default function QuickLookPanel({ taskId, onClose }: QuickLookPanelProps) {
  const query = useTask(taskId);
  const closeRef = useRef<HTMLButtonElement>(null);
  const titleId = useId();
  const nameId = useId();
  const task = query.data;
  const name = task ? task.Name || '(no name)' : query.isError ? 'task not found' : 'loading the task';

  return (
    <Modal placement="side" labelledBy={nameId} onRequestClose={onClose} initialFocus={closeRef}>
      <span id={nameId} hidden>
        Quick look: {name}
      </span>
      <div className="flex min-h-full flex-col">
        <header className="flex items-start gap-3 border-b border-slate-200 px-4 py-3">
          <div className="min-w-0 flex-1">
            <p className="text-xs font-semibold tracking-wide text-slate-600 uppercase">Quick look</p>
            <h2 id={titleId} className="text-lg font-semibold break-words">
              {task ? task.Name || '(no name)' : query.isError ? 'Task not found' : 'Loading…'}
            </h2>
            {task?.CompanyName && <p className="text-sm text-slate-700">{task.CompanyName}</p>}
          </div>
          <Button ref={closeRef} variant="secondary" size="sm" onClick={onClose}>
            Close
          </Button>
        </header>
        <div className="flex-1 px-4 py-3">
          {task ? (
            <QuickLookBody key={task.Gsid} task={task} />
          ) : query.isError ? (
            <ErrorMessage
              error={query.error}
              title={isApiError(query.error) && query.error.status === 404 ? 'This task no longer exists.' : 'Could not load the task.'}
              onRetry={isApiError(query.error) && query.error.status === 404 ? undefined : () => void query.refetch()}
            />
          ) : (
            <Loading label="Loading the task…" />
          )}
        </div>
      </div>
    </Modal>
  );
}

function QuickLookBody({ task }: { task: Task }) {
  const taskId = task.Gsid ?? '';
  return (
    <>
      <QuickEditForm task={task} />
      <dl className="mt-4 divide-y divide-slate-100 border-t border-slate-200">
        <Fact term="Company">{task.CompanyName || task.CompanyId || none('Unknown')}</Fact>
        <Fact term="CTA">{task.CTAId ? <TaskCta task={task} ctaId={task.CTAId} /> : none('None')}</Fact>
        <Fact term="Playbook">
          {task.PlaybookId ? <TaskPlaybook playbookId={task.PlaybookId} order={task.Order} /> : none('Not from a playbook')}
        </Fact>
        <Fact term="Description">
          {task.Description ? <p className="whitespace-pre-wrap">{task.Description}</p> : none('No description')}
        </Fact>
        <Fact term="Modified">
          {task.ModifiedDate ? <time dateTime={task.ModifiedDate}>{formatDateTime(task.ModifiedDate)}</time> : none('Unknown')}
        </Fact>
      </dl>
      <p className="mt-4">
        <Link to={`/tasks/${encodeURIComponent(taskId)}`} className={buttonClass({ variant: 'secondary', size: 'sm' })}>
          Open task page
        </Link>
      </p>
    </>
  );
}

type Outcome = { kind: 'saved'; merged: FieldChange[] } | { kind: 'failed'; error: unknown } | null;

/**
 * Status, owner, priority and due date, saved together. The version the form started from
 * (`opened`) is what a save must not silently overwrite; while nothing is changed, the form
 * follows the task as it is refreshed (another tab's save, live updates).
 */
function QuickEditForm({ task }: { task: Task }) {
  const taskId = task.Gsid ?? '';
  const idPrefix = useId();
  const id = (field: keyof QuickValues) => `${idPrefix}-${field.toLowerCase()}`;
  const [opened, setOpened] = useState(task);
  const [values, setValues] = useState<QuickValues>(() => quickValues(task));
  const [dateError, setDateError] = useState<string | undefined>();
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [conflict, setConflict] = useState<{ current: Task; changes: FieldChange[]; mine: TaskInput } | null>(null);
  const { save, phase } = useTaskSave(taskId);
  const suggestions = useSuggestions();
  const saveRef = useRef<HTMLButtonElement>(null);
  const latestValues = useRef(values);
  useLayoutEffect(() => {
    latestValues.current = values;
  });

  const dirty = !sameValues(values, quickValues(opened));
  // Someone saved the task and nothing is changed here: show their version.
  if (!dirty && phase === 'idle' && !conflict && task.ModifiedDate !== opened.ModifiedDate) {
    setOpened(task);
    setValues(quickValues(task));
  }

  const runSave = async (base: Task, input: TaskInput) => {
    setOutcome(null);
    const sent = latestValues.current;
    const result = await save(base, input);
    if (result.kind === 'saved') {
      setOpened(result.task);
      // What was chosen while it saved stays, as an unsaved change.
      if (sameValues(latestValues.current, sent)) setValues(quickValues(result.task));
      setOutcome({ kind: 'saved', merged: result.merged });
    } else if (result.kind === 'conflict') setConflict({ current: result.current, changes: result.changes, mine: result.mine });
    else if (result.kind === 'failed') setOutcome({ kind: 'failed', error: result.error });
  };

  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    if (phase !== 'idle') return;
    if (values.DueDate !== '' && !isCalendarDate(values.DueDate)) {
      setDateError('Enter a real date (year, month and day), or clear the field for no due date.');
      document.getElementById(id('DueDate'))?.focus();
      return;
    }
    setDateError(undefined);
    // A PUT replaces every field: the rest is the task as it was opened (the merge keeps anyone
    // else's changes to them).
    const input = toTaskInput({ ...formValuesFromTask(opened), ...values, CTAId: opened.CTAId ?? '' });
    void runSave(opened, input);
  };

  const ownerName = (ownerId: string) => {
    if (conflict?.current.OwnerId === ownerId && conflict.current.OwnerName) return conflict.current.OwnerName;
    if (opened.OwnerId === ownerId && opened.OwnerName) return opened.OwnerName;
    return suggestions.data?.owners.find((o) => o.ownerId === ownerId)?.ownerName ?? ownerId;
  };

  const change = (patch: Partial<QuickValues>) => {
    setValues((v) => ({ ...v, ...patch }));
    if (outcome?.kind === 'saved') setOutcome(null);
  };
  const busy = phase !== 'idle';
  const kept = outcome?.kind === 'saved' ? outcome.merged.map((c) => c.label.toLowerCase()) : [];

  return (
    <form noValidate onSubmit={onSubmit} aria-label="Quick edit" aria-busy={busy || undefined}>
      <div className="grid gap-3 sm:grid-cols-2">
        <StatusField id={id('Status')} value={values.Status} onChange={(Status) => change({ Status })} />
        <PriorityField id={id('Priority')} value={values.Priority} onChange={(Priority) => change({ Priority })} />
        <div className="sm:col-span-2">
          <OwnerCombobox
            id={id('OwnerId')}
            value={values.OwnerId}
            onChange={(OwnerId) => change({ OwnerId })}
            currentOwner={opened.OwnerId ? { ownerId: opened.OwnerId, ownerName: opened.OwnerName ?? opened.OwnerId } : null}
          />
        </div>
        <DueDateField
          id={id('DueDate')}
          value={values.DueDate}
          status={values.Status}
          onChange={(DueDate) => change({ DueDate })}
          error={dateError}
          className="sm:col-span-2"
        />
      </div>
      <div className="mt-4 flex flex-wrap items-center gap-2">
        <Button ref={saveRef} type="submit" variant="primary" disabled={busy}>
          {phase === 'checking' ? 'Checking for changes…' : phase === 'saving' ? 'Saving…' : 'Save'}
        </Button>
        {dirty && !busy && <span className="text-sm text-slate-600">Unsaved changes</span>}
      </div>
      <div role="status" className="mt-2 text-sm empty:hidden">
        {outcome?.kind === 'saved' && (
          <p className="rounded border border-green-300 bg-green-50 p-2 text-green-900">
            Saved{kept.length > 0 ? `, with the ${listInWords(kept)} someone else saved meanwhile` : ''}.
          </p>
        )}
      </div>
      {outcome?.kind === 'failed' && (
        <div className="mt-2">
          <ErrorMessage error={outcome.error} title="Your changes were not saved" />
          <p className="mt-1 text-sm text-slate-700">What you chose is still in the form: save again when you are ready.</p>
        </div>
      )}
      <UnsavedChangesGuard when={dirty} words={DISCARD_WORDS} />
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
    </form>
  );
}

/** The quick look's words for the confirm before its unsaved changes are dropped. */
const DISCARD_WORDS = {
  id: 'quick-look-discard',
  title: 'Discard your changes?',
  message: 'Your changes to this task are not saved. If you close the quick look now, they are lost.',
  confirmLabel: 'Discard changes',
  cancelLabel: 'Keep editing',
};

function Fact({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className="grid grid-cols-[6.5rem_minmax(0,1fr)] gap-3 py-2 text-sm">
      <dt className="font-medium text-slate-600">{term}</dt>
      <dd className="min-w-0 break-words text-slate-900">{children}</dd>
    </div>
  );
}

const none = (text: string) => <span className="text-slate-600">{text}</span>;

/** The playbook, linked, and the task's step in it. */
function TaskPlaybook({ playbookId, order }: { playbookId: string; order: number | undefined }) {
  const query = usePlaybook(playbookId);
  const step = query.data ? templateStep(query.data.TaskTemplates, order) : null;
  return (
    <>
      <Link to={`/playbooks/${encodeURIComponent(playbookId)}`} className="font-medium text-blue-800 underline hover:text-blue-950">
        {query.data?.Name ?? `Playbook ${playbookId}`}
      </Link>
      {query.data && <span className="block text-slate-700">{step ? `Step ${step.step} of ${step.total}` : 'Not one of its steps'}</span>}
      {query.isError && !query.data && <span className="block text-slate-700">Could not load the playbook's steps.</span>}
    </>
  );
}

/** "status", "status and priority", "owner, status and priority". */
function listInWords(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}
