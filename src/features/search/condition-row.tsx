import { useId } from 'react';
import type { SearchOperator } from '../../api/types.ts';
import { changeField, changeOperator, type BuilderCondition } from './builder-state.ts';
import { SEARCH_FIELDS, fieldDef, isFieldName, operatorLabel, operatorsFor } from './search-fields.ts';
import { BUTTON, INPUT, LABEL } from './styles.ts';
import { ValueEditor } from './value-editor.tsx';

interface Props {
  alias: string;
  condition: BuilderCondition;
  /** What stops this condition from being searched, if anything (shown once the value was touched). */
  problem: string | null;
  /** The user has had a go at the value (or tried to search): the problem may be shown. */
  touched: boolean;
  /** Called when the value changes or the focus leaves it. */
  onTouched: () => void;
  /** Set when custom logic leaves this condition out. */
  unused: boolean;
  onChange: (condition: BuilderCondition) => void;
  onRemove: () => void;
  onDuplicate: () => void;
}

/** One lettered condition: Field, Operator, Value, and its Duplicate / Remove buttons. */
export function ConditionRow({
  alias,
  condition,
  problem: anyProblem,
  touched,
  onTouched,
  unused,
  onChange,
  onRemove,
  onDuplicate,
}: Props) {
  const id = useId();
  const { type } = fieldDef(condition.field);
  // A new condition does not complain before anything was typed.
  const problem = touched ? anyProblem : null;
  const problemId = problem ? `${id}-problem` : undefined;
  return (
    <fieldset className="rounded border border-slate-300 bg-white p-3">
      <legend className="px-1 text-sm font-semibold text-slate-800">
        <span className="sr-only">{`Condition ${alias}`}</span>
        <span aria-hidden="true" className="inline-block rounded bg-slate-800 px-1.5 font-mono text-white">
          {alias}
        </span>
      </legend>
      <div className="flex flex-wrap items-start gap-3">
        <div>
          <label htmlFor={`${id}-field`} className={LABEL}>
            Field
          </label>
          <select
            id={`${id}-field`}
            className={INPUT}
            value={condition.field}
            onChange={(e) => isFieldName(e.target.value) && onChange(changeField(condition, e.target.value))}
          >
            {SEARCH_FIELDS.map((f) => (
              <option key={f.name} value={f.name}>
                {f.label}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor={`${id}-op`} className={LABEL}>
            Operator
          </label>
          <select
            id={`${id}-op`}
            className={INPUT}
            value={condition.operator}
            onChange={(e) => onChange(changeOperator(condition, e.target.value as SearchOperator))}
          >
            {operatorsFor(condition.field).map((op) => (
              <option key={op} value={op}>
                {operatorLabel(op, type)}
              </option>
            ))}
          </select>
        </div>
        <div
          onBlur={(e) => {
            if (!e.currentTarget.contains(e.relatedTarget)) onTouched();
          }}
        >
          <ValueEditor
            condition={condition}
            describedBy={problemId}
            onChange={(values) => {
              onTouched();
              onChange({ ...condition, values });
            }}
          />
        </div>
        <div className="ml-auto flex gap-2 self-end">
          <button type="button" className={BUTTON} onClick={onDuplicate} aria-label={`Duplicate condition ${alias}`}>
            Duplicate
          </button>
          <button type="button" className={BUTTON} onClick={onRemove} aria-label={`Remove condition ${alias}`}>
            Remove
          </button>
        </div>
      </div>
      {problem && (
        <p id={problemId} className="mt-2 text-sm text-amber-900">
          {problem}
        </p>
      )}
      {unused && <p className="mt-2 text-sm text-amber-900">The custom logic leaves {alias} out, so it filters nothing.</p>}
    </fieldset>
  );
}
