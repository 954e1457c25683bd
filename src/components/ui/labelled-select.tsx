import { Field } from './field.tsx';

export interface Choice {
  value: string;
  label: string;
}

/** A native select with its visible label (named by the label alone, not the chosen option). */
export function LabelledSelect({
  label,
  value,
  choices,
  onChange,
  fixedWidth = false,
}: {
  label: string;
  value: string;
  choices: Choice[];
  onChange: (value: string) => void;
  /** Its width set, not its options': for lists that fill in after the first draw (owners,
   * companies), so the toolbar does not reflow, and the cards below do not move, when they arrive. */
  fixedWidth?: boolean;
}) {
  return (
    <Field label={label} size="sm" className="flex flex-col gap-1">
      {(control) => (
        <select
          {...control}
          value={value}
          onChange={(e) => onChange(e.target.value)}
          className={`${fixedWidth ? 'w-48' : 'max-w-48'} rounded border border-slate-300 bg-white px-2 py-1.5 text-sm text-slate-900`}
        >
          {choices.map((c) => (
            <option key={c.value} value={c.value}>
              {c.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

/** The choices, with `current` added when a link names a value the list does not have. */
export function withCurrent(choices: Choice[], current: string | null, label: (value: string) => string): Choice[] {
  if (!current || choices.some((c) => c.value === current)) return choices;
  return [...choices, { value: current, label: label(current) }];
}
