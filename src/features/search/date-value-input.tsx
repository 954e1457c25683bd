import { useId } from 'react';
import { formatDateToken, parseDateToken, type DateValueKind } from './relative-dates.ts';
import { INPUT, LABEL } from './styles.ts';

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
      <div>
        <label htmlFor={`${id}-kind`} className={LABEL}>
          {label} type
        </label>
        <select id={`${id}-kind`} className={INPUT} value={value.kind} onChange={(e) => changeKind(e.target.value as DateValueKind)}>
          {KINDS.map((k) => (
            <option key={k.kind} value={k.kind}>
              {k.label}
            </option>
          ))}
        </select>
      </div>
      {value.kind === 'date' && (
        <div>
          <label htmlFor={id} className={LABEL}>
            {label}
          </label>
          <input
            id={id}
            type="date"
            className={INPUT}
            value={value.text}
            onChange={(e) => onChange(formatDateToken({ kind: 'date', text: e.target.value }))}
          />
        </div>
      )}
      {(value.kind === 'ago' || value.kind === 'ahead') && (
        <div>
          <label htmlFor={id} className={LABEL}>
            {label}
          </label>
          <span className="flex items-center gap-1">
            <input
              id={id}
              type="number"
              min={0}
              step={1}
              inputMode="numeric"
              aria-describedby={`${id}-unit`}
              className={`${INPUT} w-20`}
              value={value.text}
              onChange={(e) => onChange(formatDateToken({ kind: value.kind, text: e.target.value }))}
            />
            <span id={`${id}-unit`} className="text-sm text-slate-700">
              {value.kind === 'ago' ? 'days ago' : 'days from now'}
            </span>
          </span>
        </div>
      )}
    </div>
  );
}
