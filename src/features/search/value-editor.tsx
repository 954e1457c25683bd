import { useId } from 'react';
import { TASK_STATUSES } from '../../api/types.ts';
import type { BuilderCondition } from './builder-state.ts';
import { DateValueInput } from './date-value-input.tsx';
import { choiceFor } from './picklist.ts';
import { OPERATOR_ARITY } from '../../lib/search/value-counts.ts';
import { fieldDef } from './search-fields.ts';
import { INPUT, LABEL } from './styles.ts';
import { usePicklists } from './use-picklists.ts';

interface Props {
  condition: BuilderCondition;
  onChange: (values: string[]) => void;
  /** Id of the row's problem text, if it has one. */
  describedBy?: string;
}

/** The value part of a condition row, as its field type and operator need it. */
export function ValueEditor({ condition, onChange, describedBy }: Props) {
  const { type } = fieldDef(condition.field);
  const arity = OPERATOR_ARITY[condition.operator];
  const values = condition.values;
  const setAt = (i: number, v: string) => onChange(values.map((old, j) => (j === i ? v : old)));
  const picklists = usePicklists(type === 'picklist');

  if (arity === 'none') return <p className="self-end pb-1 text-sm text-slate-600">No value needed.</p>;
  const listed = type === 'picklist' && condition.operator !== 'CONTAINS' && condition.operator !== 'STARTS_WITH';
  if (listed) {
    const choices = withValues(picklists.choices[condition.field] ?? [], values);
    return arity === 'many' ? (
      <Choices choices={choices} values={values} onChange={onChange} describedBy={describedBy} hint="Any capitalisation matches." />
    ) : (
      <Labelled label="Value" hint="Any capitalisation matches.">
        {(id, hintId) => (
          <select
            id={id}
            className={INPUT}
            value={choiceFor(values[0] ?? '', choices) ?? ''}
            onChange={(e) => setAt(0, e.target.value)}
            aria-describedby={[hintId, describedBy].filter(Boolean).join(' ')}
          >
            <option value="">Choose…</option>
            {choices.map((c) => (
              <option key={c}>{c}</option>
            ))}
          </select>
        )}
      </Labelled>
    );
  }
  if (type === 'status') {
    return arity === 'many' ? (
      <Choices choices={TASK_STATUSES} values={values} onChange={onChange} describedBy={describedBy} />
    ) : (
      <Labelled label="Value">
        {(id) => (
          <select
            id={id}
            className={INPUT}
            value={values[0] ?? ''}
            onChange={(e) => setAt(0, e.target.value)}
            aria-describedby={describedBy}
          >
            {TASK_STATUSES.map((s) => (
              <option key={s}>{s}</option>
            ))}
          </select>
        )}
      </Labelled>
    );
  }
  const labels = arity === 'two' ? ['From', 'To'] : ['Value'];
  if (type === 'date' || type === 'datetime') {
    return (
      <div className="flex flex-wrap gap-3">
        {labels.map((label, i) => (
          <DateValueInput key={label} label={label} token={values[i] ?? ''} onChange={(t) => setAt(i, t)} />
        ))}
      </div>
    );
  }
  if (arity === 'many') {
    return (
      <Labelled label="Value" hint="One value per line">
        {(id, hintId) => (
          <textarea
            id={id}
            rows={Math.min(6, Math.max(2, values.length))}
            className={`${INPUT} w-64`}
            value={values.join('\n')}
            aria-describedby={[hintId, describedBy].filter(Boolean).join(' ')}
            onChange={(e) => onChange(e.target.value.split('\n'))}
          />
        )}
      </Labelled>
    );
  }
  // CONTAINS and STARTS_WITH ignore case on the server.
  const ignoresCase = condition.operator === 'CONTAINS' || condition.operator === 'STARTS_WITH';
  return (
    <div className="flex flex-wrap gap-3">
      {labels.map((label, i) => (
        <Labelled key={label} label={label} hint={ignoresCase ? 'Any capitalisation matches.' : undefined}>
          {(id, hintId) => (
            <input
              id={id}
              type={type === 'number' ? 'number' : 'text'}
              step={type === 'number' ? 1 : undefined}
              className={`${INPUT} ${type === 'number' ? 'w-24' : 'w-56'}`}
              value={values[i] ?? ''}
              aria-describedby={[hintId, describedBy].filter(Boolean).join(' ') || undefined}
              onChange={(e) => setAt(i, e.target.value)}
            />
          )}
        </Labelled>
      ))}
    </div>
  );
}

/** The choices, plus any value (e.g. from a link) no choice stands for in any case. */
function withValues(choices: readonly string[], values: readonly string[]): string[] {
  const extra = values.filter((v) => v.trim() !== '' && !choiceFor(v, choices)).map((v) => v.trim());
  return [...choices, ...new Set(extra)];
}

function Labelled({ label, hint, children }: { label: string; hint?: string; children: (id: string, hintId?: string) => React.ReactNode }) {
  const id = useId();
  return (
    <div>
      <label htmlFor={id} className={LABEL}>
        {label}
      </label>
      {children(id, hint ? `${id}-hint` : undefined)}
      {hint && (
        <p id={`${id}-hint`} className="text-xs text-slate-600">
          {hint}
        </p>
      )}
    </div>
  );
}

/** Checkboxes for "is any of" / "is none of" over a fixed list (statuses, priorities). */
function Choices({
  choices,
  values,
  onChange,
  describedBy,
  hint,
}: {
  choices: readonly string[];
  values: string[];
  onChange: (v: string[]) => void;
  describedBy?: string;
  hint?: string;
}) {
  const id = useId();
  const isOn = (choice: string) => values.some((v) => v.trim().toLocaleLowerCase('en') === choice.toLocaleLowerCase('en'));
  const toggle = (choice: string, on: boolean) => onChange(choices.filter((c) => (c === choice ? on : isOn(c))));
  return (
    <fieldset aria-describedby={[hint ? `${id}-hint` : null, describedBy].filter(Boolean).join(' ') || undefined}>
      <legend className={LABEL}>Value</legend>
      <div className="flex flex-wrap gap-x-3 gap-y-1 pt-1">
        {choices.map((c) => (
          <label key={c} className="flex items-center gap-1 text-sm">
            <input type="checkbox" checked={isOn(c)} onChange={(e) => toggle(c, e.target.checked)} />
            {c}
          </label>
        ))}
      </div>
      {hint && (
        <p id={`${id}-hint`} className="text-xs text-slate-600">
          {hint}
        </p>
      )}
    </fieldset>
  );
}
