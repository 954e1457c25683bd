import { useId } from 'react';
import { TASK_STATUSES } from '../../api/types.ts';
import type { BuilderCondition } from './builder-state.ts';
import { DateValueInput } from './date-value-input.tsx';
import { choiceFor } from './picklist.ts';
import { OPERATOR_ARITY } from '../../lib/search/value-counts.ts';
import { fieldDef } from './search-fields.ts';
import { controlClass, Field, labelClass } from '../../components/ui/field.tsx';
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
      <Field label="Value" hint="Any capitalisation matches." describedBy={describedBy} size="sm">
        {(control) => (
          <select
            {...control}
            className={controlClass('sm')}
            value={choiceFor(values[0] ?? '', choices) ?? ''}
            onChange={(e) => setAt(0, e.target.value)}
          >
            <option value="">Choose…</option>
            {choices.map((c) => (
              <option key={c}>{c}</option>
            ))}
          </select>
        )}
      </Field>
    );
  }
  if (type === 'status') {
    return arity === 'many' ? (
      <Choices choices={TASK_STATUSES} values={values} onChange={onChange} describedBy={describedBy} />
    ) : (
      <Field label="Value" describedBy={describedBy} size="sm">
        {(control) => (
          <select {...control} className={controlClass('sm')} value={values[0] ?? ''} onChange={(e) => setAt(0, e.target.value)}>
            {TASK_STATUSES.map((s) => (
              <option key={s}>{s}</option>
            ))}
          </select>
        )}
      </Field>
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
      <Field label="Value" hint="One value per line" describedBy={describedBy} size="sm">
        {(control) => (
          <textarea
            {...control}
            rows={Math.min(6, Math.max(2, values.length))}
            className={`${controlClass('sm')} w-64`}
            value={values.join('\n')}
            onChange={(e) => onChange(e.target.value.split('\n'))}
          />
        )}
      </Field>
    );
  }
  // CONTAINS and STARTS_WITH ignore case on the server.
  const ignoresCase = condition.operator === 'CONTAINS' || condition.operator === 'STARTS_WITH';
  return (
    <div className="flex flex-wrap gap-3">
      {labels.map((label, i) => (
        <Field key={label} label={label} hint={ignoresCase ? 'Any capitalisation matches.' : undefined} describedBy={describedBy} size="sm">
          {(control) => (
            <input
              {...control}
              type={type === 'number' ? 'number' : 'text'}
              step={type === 'number' ? 1 : undefined}
              className={`${controlClass('sm')} ${type === 'number' ? 'w-24' : 'w-56'}`}
              value={values[i] ?? ''}
              onChange={(e) => setAt(i, e.target.value)}
            />
          )}
        </Field>
      ))}
    </div>
  );
}

/** The choices, plus any value (e.g. from a link) no choice stands for in any case. */
function withValues(choices: readonly string[], values: readonly string[]): string[] {
  const extra = values.filter((v) => v.trim() !== '' && !choiceFor(v, choices)).map((v) => v.trim());
  return [...choices, ...new Set(extra)];
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
      <legend className={labelClass('sm')}>Value</legend>
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
