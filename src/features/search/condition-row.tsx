import { useId } from 'react';
import type { SearchOperator } from '../../api/types.ts';
import { changeField, changeOperator, type BuilderCondition } from './builder-state.ts';
import { SEARCH_FIELDS, fieldDef, isFieldName, operatorLabel, operatorsFor } from './search-fields.ts';
import { Button } from '../../components/ui/button.tsx';
import { controlClass, Field } from '../../components/ui/field.tsx';
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
        <Field id={`${id}-field`} label="Field" size="sm">
          {(control) => (
            <select
              {...control}
              className={controlClass('sm')}
              value={condition.field}
              onChange={(e) => isFieldName(e.target.value) && onChange(changeField(condition, e.target.value))}
            >
              {SEARCH_FIELDS.map((f) => (
                <option key={f.name} value={f.name}>
                  {f.label}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id={`${id}-op`} label="Operator" size="sm">
          {(control) => (
            <select
              {...control}
              className={controlClass('sm')}
              value={condition.operator}
              onChange={(e) => onChange(changeOperator(condition, e.target.value as SearchOperator))}
            >
              {operatorsFor(condition.field).map((op) => (
                <option key={op} value={op}>
                  {operatorLabel(op, type)}
                </option>
              ))}
            </select>
          )}
        </Field>
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
          <Button variant="secondary" size="sm" onClick={onDuplicate} aria-label={`Duplicate condition ${alias}`}>
            Duplicate
          </Button>
          <Button variant="secondary" size="sm" onClick={onRemove} aria-label={`Remove condition ${alias}`}>
            Remove
          </Button>
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
