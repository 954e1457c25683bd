import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useState, type FormEvent, type RefObject } from 'react';
import { Link } from '../../components/router/router.tsx';
import { useCtaLabeller } from '../../api/cta.ts';
import { taskSearchQueryOptions } from '../../api/tasks.ts';
import { useSuggestions } from '../../api/suggestions.ts';
import { CtaCombobox } from '../../components/combobox/cta-combobox.tsx';
import { OwnerCombobox } from '../../components/combobox/owner-combobox.tsx';
import { CtaName } from '../../components/cta/cta-name.tsx';
import { useCtaChoice } from '../../components/combobox/use-cta-choice.ts';
import { ConfirmDialog, Modal } from '../../components/modal/modal.tsx';
import { useToast } from '../../components/toast/toasts.tsx';
import { Button, buttonClass } from '../../components/ui/button.tsx';
import { controlClass, Field } from '../../components/ui/field.tsx';
import { formatDate, isCalendarDate, todayIso } from '../../lib/dates.ts';
import { hasWorkLeft, summarize } from './apply-machine.ts';
import { ApplyProgress, runMessage } from './apply-progress.tsx';
import type { ApplyRun } from './apply-runner.ts';
import { existingCoverage, existingTasksRequest, templatesToCreate, type ApplyMode } from './existing-tasks.ts';
import { ExistingTasksWarning, type ExistingState } from './existing-tasks-warning.tsx';
import { boardPath } from './paths.ts';
import { PlanTable } from './plan-table.tsx';
import { planTasks, type PlannedTask } from './task-plan.ts';
import type { OrderedTemplate } from './template-steps.ts';
import { useApplyRun } from './use-apply-run.ts';

const ID = 'apply-playbook';

interface FormErrors {
  cta?: string;
  start?: string;
}

export interface ApplyDialogProps {
  playbookId: string;
  playbookName: string;
  templates: readonly OrderedTemplate[];
  onClose: () => void;
  returnFocus: RefObject<HTMLElement | null>;
}

/**
 * Applies a playbook to a CTA: choose the CTA, a start date and an owner, check the preview, then
 * create the tasks one at a time with a progress bar; a partial failure lists what failed and
 * Retry sends only those. Escape closes, except during a run, where it asks first.
 */
export function ApplyDialog({ playbookId, playbookName, templates, onClose, returnFocus }: ApplyDialogProps) {
  const [ctaId, setCtaId] = useState('');
  const [startDate, setStartDate] = useState(() => todayIso());
  const [ownerId, setOwnerId] = useState('');
  const [errors, setErrors] = useState<FormErrors>({});
  const [confirmStop, setConfirmStop] = useState(false);
  const [checkingCta, setCheckingCta] = useState(false);
  const submitting = useRef(false);
  const open = useRef(true);
  const ctaChoice = useCtaChoice(ctaId);
  const queryClient = useQueryClient();
  const [mode, setMode] = useState<ApplyMode>('missing');
  /** What the run creates, fixed when it starts (the CTA's tasks change under it). */
  const [runPlan, setRunPlan] = useState<PlannedTask[]>([]);

  // This playbook's tasks already on the CTA (none can be on an id no task names).
  const knownCtaId = ctaChoice.status.kind === 'known' ? ctaChoice.ctaId : '';
  const existing = useQuery({ ...taskSearchQueryOptions(existingTasksRequest(playbookId, knownCtaId)), enabled: knownCtaId !== '' });
  const coverage = useMemo(
    () => (knownCtaId !== '' && existing.data ? existingCoverage(templates, existing.data.records) : null),
    [knownCtaId, existing.data, templates],
  );
  const existingState: ExistingState =
    knownCtaId === ''
      ? { kind: 'idle' }
      : coverage
        ? { kind: 'ready', coverage }
        : existing.isError
          ? { kind: 'error', error: existing.error, retry: () => void existing.refetch() }
          : { kind: 'pending' };
  const toast = useToast();
  const suggestions = useSuggestions();

  // Once the dialog is closed, a run that is still finishing reports by a toast.
  const onRunEnd = useCallback(
    (run: ApplyRun) => {
      if (open.current) return;
      const s = summarize(run.getState());
      toast.show({
        message: `${playbookName}: ${runMessage(run.getState(), [])}`,
        tone: s.created === s.total ? 'success' : 'error',
        link: s.created > 0 ? { label: 'Show on board', to: boardPath(playbookId) } : undefined,
      });
    },
    [toast, playbookName, playbookId],
  );
  const apply = useApplyRun(onRunEnd);
  const { state } = apply;
  const running = state?.phase === 'preparing' || state?.phase === 'running';

  const plan = useMemo(() => planTasks(templatesToCreate(templates, coverage, mode), startDate), [templates, coverage, mode, startDate]);
  const labelCta = useCtaLabeller();
  const ctaLabel = labelCta(ctaChoice.ctaId, ctaChoice.status.kind === 'known' ? ctaChoice.status.facts : undefined);
  const owner = suggestions.data?.owners.find((o) => o.ownerId === ownerId);

  const close = () => {
    open.current = false;
    onClose();
  };
  const requestClose = () => {
    if (running) setConfirmStop(true);
    else close();
  };

  const onSubmit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    if (apply.run || submitting.current) return;
    submitting.current = true;
    const found: FormErrors = {};
    // A CTA id no task names is used only once the user has confirmed it (a look-up under way is waited for).
    let ctaProblem = ctaChoice.problem;
    if (ctaChoice.status.kind === 'checking') {
      setCheckingCta(true);
      ctaProblem = await ctaChoice.check();
      setCheckingCta(false);
    }
    submitting.current = false;
    if (ctaProblem) found.cta = ctaProblem;
    if (!isCalendarDate(startDate)) found.start = 'Enter a start date.';
    setErrors(found);
    if (found.cta) return document.getElementById(`${ID}-cta`)?.focus();
    if (found.start) return document.getElementById(`${ID}-start`)?.focus();
    if (ctaChoice.status.kind !== 'confirmed' && !existing.isSuccess && !existing.isError) {
      // The CTA's tasks from this playbook were not shown yet: read them; if there are any, the
      // warning shows and the user chooses before anything is created.
      submitting.current = true;
      const ctaNow = ctaChoice.ctaId;
      const read = await queryClient.fetchQuery(taskSearchQueryOptions(existingTasksRequest(playbookId, ctaNow))).catch(() => null);
      submitting.current = false;
      if (!read || read.records.length > 0) return document.getElementById('apply-existing-title')?.scrollIntoView?.({ block: 'nearest' });
    }
    if (plan.length === 0) return;
    setRunPlan(plan);
    apply.start({ playbookId, ctaId: ctaChoice.ctaId, ownerId: ownerId || undefined, tasks: plan });
  };

  const summary = state ? summarize(state) : null;
  const finished = state !== null && !running;
  const allCreated = summary !== null && summary.created === summary.total;

  // The form (or the Stop button) goes away under the focus: move it to what replaces it.
  const runView = useRef<HTMLDivElement>(null);
  const endAction = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (running) runView.current?.focus();
    else if (finished) endAction.current?.focus();
  }, [running, finished]);

  return (
    <>
      <Modal
        labelledBy={`${ID}-title`}
        describedBy={`${ID}-desc`}
        onRequestClose={requestClose}
        initialFocus={`${ID}-cta`}
        returnFocus={returnFocus}
        className="w-[44rem] max-w-[calc(100vw-2rem)]"
      >
        <form onSubmit={(e) => void onSubmit(e)} noValidate className="flex max-h-[calc(100vh-2rem)] flex-col">
          <div className="border-b border-slate-200 px-5 py-3">
            <h2 id={`${ID}-title`} className="text-lg font-semibold">
              Apply “{playbookName}” to a CTA
            </h2>
            <p id={`${ID}-desc`} className="text-sm text-slate-700">
              Creates the playbook's {templates.length} tasks on the CTA, each due the given number of days after the start date.
            </p>
          </div>

          <div className="flex-1 space-y-4 overflow-y-auto px-5 py-4">
            {!apply.run ? (
              <>
                <div className="grid gap-4 sm:grid-cols-2">
                  <div className="sm:col-span-2">
                    <CtaCombobox
                      id={`${ID}-cta`}
                      value={ctaId}
                      onChange={(next) => {
                        setCtaId(next);
                        // A new choice answers the old complaint (the next Create checks it again),
                        // and creates only what it lacks unless the user says otherwise again.
                        setErrors((e) => ({ ...e, cta: undefined }));
                        setMode('missing');
                      }}
                      choice={ctaChoice}
                      error={errors.cta}
                      required
                    />
                  </div>
                  <Field
                    id={`${ID}-start`}
                    label="Start date"
                    hint="Day 0 of the playbook (usually the CTA's creation)."
                    error={errors.start}
                  >
                    {(control) => (
                      <input
                        {...control}
                        type="date"
                        required
                        value={startDate}
                        onChange={(e) => setStartDate(e.target.value)}
                        className={controlClass()}
                      />
                    )}
                  </Field>
                  <div>
                    <OwnerCombobox id={`${ID}-owner`} value={ownerId} onChange={setOwnerId} label="Owner (optional)" />
                  </div>
                </div>
                <ExistingTasksWarning state={existingState} templateCount={templates.length} mode={mode} onModeChange={setMode} />
                {plan.length > 0 ? (
                  <PlanTable plan={plan} />
                ) : !isCalendarDate(startDate) ? (
                  <p className="text-sm text-slate-700">Choose a start date to see the due dates.</p>
                ) : null}
              </>
            ) : (
              <div ref={runView} tabIndex={-1} role="group" aria-label="Progress" className="space-y-4 focus:outline-none">
                <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
                  <dt className="font-medium text-slate-700">CTA</dt>
                  <dd>
                    <CtaName label={ctaLabel} />
                  </dd>
                  <dt className="font-medium text-slate-700">Start date</dt>
                  <dd>{formatDate(startDate)}</dd>
                  <dt className="font-medium text-slate-700">Owner</dt>
                  <dd>{ownerId ? (owner?.ownerName ?? ownerId) : 'None'}</dd>
                </dl>
                {state && <ApplyProgress state={state} plan={runPlan} />}
                {state && <PlanTable plan={runPlan} items={state.items} phase={state.phase} />}
              </div>
            )}
          </div>

          <div className="flex flex-wrap items-center justify-end gap-2 border-t border-slate-200 px-5 py-3">
            {!apply.run && (
              <>
                <Button variant="secondary" onClick={close}>
                  Cancel
                </Button>
                <Button type="submit" variant="primary" disabled={checkingCta || (coverage !== null && plan.length === 0)}>
                  {checkingCta
                    ? 'Checking the CTA…'
                    : coverage !== null && plan.length === 0
                      ? 'Nothing to create'
                      : `Create ${plan.length || templates.length} ${(plan.length || templates.length) === 1 ? 'task' : 'tasks'}`}
                </Button>
              </>
            )}
            {running && (
              <Button variant="secondary" onClick={() => setConfirmStop(true)} disabled={state?.stopRequested}>
                Stop
              </Button>
            )}
            {finished && (
              <>
                {summary && summary.created > 0 && (
                  <Link to={boardPath(playbookId)} className={buttonClass({ variant: 'secondary' })} onClick={() => (open.current = false)}>
                    Show on board
                  </Link>
                )}
                {state && hasWorkLeft(state) && (
                  <Button ref={endAction} variant="primary" onClick={apply.retry}>
                    {state.phase === 'idle'
                      ? 'Try again'
                      : summary && summary.failed > 0
                        ? `Retry failed (${summary.failed})`
                        : `Create the remaining ${summary?.notAttempted ?? ''}`}
                  </Button>
                )}
                <Button
                  ref={state && hasWorkLeft(state) ? undefined : endAction}
                  variant={allCreated ? 'primary' : 'secondary'}
                  onClick={close}
                >
                  Close
                </Button>
              </>
            )}
          </div>
        </form>
      </Modal>
      {confirmStop && (
        <ConfirmDialog
          id={`${ID}-stop`}
          title="Stop creating tasks?"
          message={
            <p>
              {summary ? `${summary.created} of ${summary.total} tasks are created. ` : ''}
              The task being created now will finish; the remaining ones will not be created.
            </p>
          }
          cancelLabel="Keep creating"
          confirmLabel="Stop and close"
          onCancel={() => setConfirmStop(false)}
          onConfirm={() => {
            setConfirmStop(false);
            apply.stop();
            close();
          }}
        />
      )}
    </>
  );
}
