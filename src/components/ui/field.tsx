/**
 * A form field: its label, its control, a hint and an error message, wired together. The control
 * is drawn by the caller (an input, a select, a textarea, or a control with a unit beside it) from
 * the props Field gives it: its id (what the label points at), `aria-describedby` (the hint, the
 * error, and anything else that describes it) and `aria-invalid` (only while there is an error).
 */
import { useId, type ReactNode } from 'react';

/** `md`: the forms of dialogs and pages; `sm`: the compact rows of the search builder. */
export type FieldSize = 'sm' | 'md';

/** What Field gives its control to spread on it. */
interface FieldControlProps {
  id: string;
  'aria-invalid'?: true;
  'aria-describedby'?: string;
}

const LOOK = {
  md: {
    label: 'block text-sm font-medium text-slate-800',
    hint: 'mt-1 text-xs text-slate-600',
    error: 'mt-1 text-sm font-medium text-red-700',
    control:
      'mt-1 block w-full rounded border border-slate-400 bg-white px-3 py-1.5 text-sm aria-invalid:border-red-600 disabled:bg-slate-100',
  },
  sm: {
    label: 'block text-xs font-medium text-slate-700',
    hint: 'text-xs text-slate-600',
    error: 'mt-1 text-sm text-red-800',
    control: 'rounded border border-slate-400 bg-white px-2 py-1 text-sm text-slate-900 aria-invalid:border-red-600 disabled:bg-slate-100',
  },
} as const satisfies Record<FieldSize, Record<string, string>>;

/** The look of a field's label, for a label (or a legend) Field does not draw itself. */
export const labelClass = (size: FieldSize = 'md') => LOOK[size].label;

/** The look of a text input, select or textarea of that size (red while `aria-invalid`). */
export const controlClass = (size: FieldSize = 'md') => LOOK[size].control;

/**
 * `ref={focusOnMount}` focuses a control once, when it is inserted (a field that opens for
 * editing). Not `autoFocus`: Preact writes it as an attribute, which the browser honours only as
 * the page loads. One function for the app, so the ref is called on mount, not on every render.
 */
export const focusOnMount = (element: HTMLElement | null) => {
  element?.focus();
};

export interface FieldProps {
  label: ReactNode;
  /** The control's id; a generated one if not given. The hint and error ids derive from it. */
  id?: string;
  /** Help shown under the control, always part of its description. */
  hint?: ReactNode;
  /** What is wrong with the value; while set the control is invalid and it is described by it. */
  error?: ReactNode;
  /** Ids of other elements that describe the control (read after the hint and the error). */
  describedBy?: string;
  size?: FieldSize;
  /** Classes of the element around the field. */
  className?: string;
  /** Drawn at the end, after the error (e.g. a note about the value). */
  after?: ReactNode;
  children: (control: FieldControlProps) => ReactNode;
}

export function Field({ label, id, hint, error, describedBy, size = 'md', className, after, children }: FieldProps) {
  const generated = useId();
  const controlId = id ?? generated;
  const hintId = `${controlId}-hint`;
  const errorId = `${controlId}-error`;
  const hasHint = hint !== undefined && hint !== null && hint !== '';
  const hasError = error !== undefined && error !== null && error !== false && error !== '';
  const description = [hasHint ? hintId : null, hasError ? errorId : null, describedBy || null].filter(Boolean).join(' ');
  const look = LOOK[size];
  return (
    <div className={className}>
      <label htmlFor={controlId} className={look.label}>
        {label}
      </label>
      {children({ id: controlId, 'aria-invalid': hasError ? true : undefined, 'aria-describedby': description || undefined })}
      {hasHint && (
        <p id={hintId} className={look.hint}>
          {hint}
        </p>
      )}
      {hasError && (
        <p id={errorId} className={look.error}>
          {error}
        </p>
      )}
      {after}
    </div>
  );
}
