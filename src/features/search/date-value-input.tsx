import { useId } from 'react';
import { formatDateToken, parseDateToken, type DateValueKind } from './relative-dates.ts';
import { controlClass, Field } from '../../components/ui/field.tsx';

const KINDS: { kind: DateValueKind; label: string }[] = [
  { kind: 'date', label: 'On date' },
  { kind: 'today', label: 'Today' },
  { kind: 'ago', label: 'Days ago' },
  { kind: 'ahead', label: 'Days from now' },
];

/**
 * A date that may be relative to the day the search runs: a kind ("On date", "Today", "Days
 * ago", "Days from now") and a date or a number of days. Kept as a token such as "today-3".
 */
export function DateValueInput({ label, token, onChange }: { label: string; token: string; onChange: (token: string) => void }) {
  const id = useId();
  const value = parseDateToken(token);
  const changeKind = (kind: DateValueKind) => {
    const keepDays = (kind === 'ago' || kind === 'ahead') && (value.kind === 'ago' || value.kind === 'ahead');
    onChange(formatDateToken({ kind, text: keepDays ? value.text : kind === 'ago' || kind === 'ahead' ? '7' : '' }));
  };
  return (
    <div className="flex flex-wrap items-end gap-2">
      <Field id={`${id}-kind`} label={`${label} type`} size="sm">
        {(control) => (
          <select
            {...control}
            className={controlClass('sm')}
            value={value.kind}
            onChange={(e) => changeKind(e.target.value as DateValueKind)}
          >
            {KINDS.map((k) => (
              <option key={k.kind} value={k.kind}>
                {k.label}
              </option>
            ))}
          </select>
        )}
      </Field>
      {value.kind === 'date' && (
        <Field id={id} label={label} size="sm">
          {(control) => (
            <input
              {...control}
              type="date"
              className={controlClass('sm')}
              value={value.text}
              onChange={(e) => onChange(formatDateToken({ kind: 'date', text: e.target.value }))}
            />
          )}
        </Field>
      )}
      {(value.kind === 'ago' || value.kind === 'ahead') && (
        <Field id={id} label={label} size="sm" describedBy={`${id}-unit`}>
          {(control) => (
            <span className="flex items-center gap-1">
              <input
                {...control}
                type="number"
                min={0}
                step={1}
                inputMode="numeric"
                className={`${controlClass('sm')} w-20`}
                value={value.text}
                onChange={(e) => onChange(formatDateToken({ kind: value.kind, text: e.target.value }))}
              />
              <span id={`${id}-unit`} className="text-sm text-slate-700">
                {value.kind === 'ago' ? 'days ago' : 'days from now'}
              </span>
            </span>
          )}
        </Field>
      )}
    </div>
  );
}
