import { TASK_STATUSES, type TaskStatus } from '../../api/types.ts';
import type { OwnerSuggestion } from '../../api/suggestions.ts';
import { CtaCombobox } from '../combobox/cta-combobox.tsx';
import { OwnerCombobox } from '../combobox/owner-combobox.tsx';
import type { CtaChoice } from '../combobox/use-cta-choice.ts';
import { dueInWords, isCalendarDate, todayIso } from '../../lib/dates.ts';
import { PRIORITIES } from '../../lib/priorities.ts';
import { controlClass, Field } from '../ui/field.tsx';
import { INCOMPLETE_DATE, type TaskFormErrors, type TaskFormField, type TaskFormValues } from './task-form.ts';

/** The id of a field's control, so a form can focus the first invalid one. */
export const fieldId = (prefix: string, field: TaskFormField) => `${prefix}-${field.toLowerCase()}`;

export interface TaskFormFieldsProps {
  /** Prefix of the controls' ids (unique on the page). */
  idPrefix: string;
  values: TaskFormValues;
  errors: TaskFormErrors;
  onChange: (patch: Partial<TaskFormValues>) => void;
  /** The CTA picker's state, to show it (create); an edit keeps the task's CTA. */
  ctaChoice?: CtaChoice;
  /** The owner already set, shown by name even if no recent task names them. */
  currentOwner?: OwnerSuggestion | null;
  disabled?: boolean;
}

/** Every field of the task form, labelled, with its error under it. */
export function TaskFormFields({ idPrefix, values, errors, onChange, ctaChoice, currentOwner, disabled }: TaskFormFieldsProps) {
  const id = (field: TaskFormField) => fieldId(idPrefix, field);

  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <div className="sm:col-span-2">
        <Field id={id('Name')} label="Name" error={errors.Name}>
          {(aria) => (
            <input
              {...aria}
              type="text"
              required
              aria-required="true"
              autoComplete="off"
              disabled={disabled}
              value={values.Name}
              onChange={(e) => onChange({ Name: e.currentTarget.value })}
              className={controlClass()}
            />
          )}
        </Field>
      </div>
      {ctaChoice && (
        <div className="sm:col-span-2">
          <CtaCombobox
            id={id('CTAId')}
            value={values.CTAId}
            onChange={(CTAId) => onChange({ CTAId })}
            choice={ctaChoice}
            error={errors.CTAId}
            required
            disabled={disabled}
          />
        </div>
      )}
      <div className="sm:col-span-2">
        <OwnerCombobox
          id={id('OwnerId')}
          value={values.OwnerId}
          onChange={(OwnerId) => onChange({ OwnerId })}
          error={errors.OwnerId}
          currentOwner={currentOwner}
          disabled={disabled}
        />
      </div>
      <StatusField
        id={id('Status')}
        value={values.Status}
        onChange={(Status) => onChange({ Status })}
        error={errors.Status}
        disabled={disabled}
      />
      <PriorityField
        id={id('Priority')}
        value={values.Priority}
        onChange={(Priority) => onChange({ Priority })}
        error={errors.Priority}
        disabled={disabled}
      />
      <DueDateField
        id={id('DueDate')}
        value={values.DueDate}
        status={values.Status}
        onChange={(DueDate) => onChange({ DueDate })}
        error={errors.DueDate}
        disabled={disabled}
      />
      <div className="sm:col-span-2">
        <Field id={id('Description')} label="Description" error={errors.Description}>
          {(aria) => (
            <textarea
              {...aria}
              rows={4}
              disabled={disabled}
              value={values.Description}
              onChange={(e) => onChange({ Description: e.currentTarget.value })}
              className={controlClass()}
            />
          )}
        </Field>
      </div>
    </div>
  );
}

/** One field of a task, for a form that edits some of them (the task form, the quick look). */
interface TaskFieldProps<V> {
  /** The control's id. */
  id: string;
  value: V;
  onChange: (value: V) => void;
  error?: string;
  disabled?: boolean;
  className?: string;
}

export function StatusField({ id, value, onChange, error, disabled, className }: TaskFieldProps<TaskStatus>) {
  return (
    <Field id={id} label="Status" error={error} className={className}>
      {(aria) => (
        <select
          {...aria}
          disabled={disabled}
          value={value}
          onChange={(e) => onChange(e.currentTarget.value as TaskStatus)}
          className={controlClass()}
        >
          {TASK_STATUSES.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

/** Priority: the known values, and the task's own when it is another (kept, not lost). */
export function PriorityField({ id, value, onChange, error, disabled, className }: TaskFieldProps<string>) {
  const priorities: string[] = [...PRIORITIES];
  if (value && !priorities.includes(value)) priorities.push(value);
  return (
    <Field id={id} label="Priority" error={error} className={className}>
      {(aria) => (
        <select {...aria} disabled={disabled} value={value} onChange={(e) => onChange(e.currentTarget.value)} className={controlClass()}>
          <option value="">No priority</option>
          {priorities.map((p) => (
            <option key={p} value={p}>
              {p}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

/** The due date, with how it stands in words as its hint ("Due in 3 days."); a partial date is INCOMPLETE_DATE. */
export function DueDateField({ id, value, status, onChange, error, disabled, className }: TaskFieldProps<string> & { status: TaskStatus }) {
  const done = status === 'Completed' || status === 'Skipped';
  const due = isCalendarDate(value) ? dueInWords(value, todayIso(), done).words : undefined;
  /** A date field only fires when its value changes, and a partial date keeps it at ''; check on keys and blur too. */
  const syncDate = (input: HTMLInputElement) => {
    const next = input.validity.badInput ? INCOMPLETE_DATE : input.value;
    if (next !== value) onChange(next);
  };
  return (
    <Field
      id={id}
      label="Due date"
      error={error}
      hint={due ? `${due[0]?.toUpperCase()}${due.slice(1)}.` : 'Optional.'}
      className={className}
    >
      {(aria) => (
        <input
          {...aria}
          type="date"
          disabled={disabled}
          // A partial date reads as '' in the browser; React leaves the typed parts alone.
          value={value === INCOMPLETE_DATE ? '' : value}
          onChange={(e) => syncDate(e.currentTarget)}
          onKeyUp={(e) => syncDate(e.currentTarget)}
          onBlur={(e) => syncDate(e.currentTarget)}
          className={controlClass()}
        />
      )}
    </Field>
  );
}
