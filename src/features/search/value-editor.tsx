import { useId } from 'react';
import { TASK_STATUSES } from '../../api/types.ts';
import { PRIORITIES } from '../../lib/priorities.ts';
import type { BuilderCondition } from './builder-state.ts';
import { DateValueInput } from './date-value-input.tsx';
import { OPERATOR_ARITY, fieldDef } from './search-fields.ts';
import { INPUT, LABEL } from './styles.ts';

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

  if (arity === 'none') return <p className="self-end pb-1 text-sm text-slate-600">No value needed.</p>;
  if (type === 'status') {
    return arity === 'many' ? (
      <StatusChoices values={values} onChange={onChange} describedBy={describedBy} />
    ) : (
      <Labelled label="Value">
        {(id) => (
          <select id={id} className={INPUT} value={values[0] ?? ''} onChange={(e) => setAt(0, e.target.value)} aria-describedby={describedBy}>
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
  return (
    <div className="flex flex-wrap gap-3">
      {labels.map((label, i) => (
        <Labelled key={label} label={label}>
          {(id) => (
            <>
              <input
                id={id}
                type={type === 'number' ? 'number' : 'text'}
                step={type === 'number' ? 1 : undefined}
                list={type === 'picklist' ? `${id}-list` : undefined}
                className={`${INPUT} ${type === 'number' ? 'w-24' : 'w-56'}`}
                value={values[i] ?? ''}
                aria-describedby={describedBy}
                onChange={(e) => setAt(i, e.target.value)}
              />
              {type === 'picklist' && (
                <datalist id={`${id}-list`}>
                  {PRIORITIES.map((p) => (
                    <option key={p} value={p} />
                  ))}
                </datalist>
              )}
            </>
          )}
        </Labelled>
      ))}
    </div>
  );
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

function StatusChoices({ values, onChange, describedBy }: { values: string[]; onChange: (v: string[]) => void; describedBy?: string }) {
  const toggle = (status: string, on: boolean) =>
    onChange(TASK_STATUSES.filter((s) => (s === status ? on : values.includes(s))));
  return (
    <fieldset aria-describedby={describedBy}>
      <legend className={LABEL}>Value</legend>
      <div className="flex flex-wrap gap-x-3 gap-y-1 pt-1">
        {TASK_STATUSES.map((s) => (
          <label key={s} className="flex items-center gap-1 text-sm">
            <input type="checkbox" checked={values.includes(s)} onChange={(e) => toggle(s, e.target.checked)} />
            {s}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
