import { useEffect, useRef, useState } from 'react';
import { defaultAlias } from '../../lib/search-expression.ts';
import { addCondition, changeLogic, duplicateCondition, removeCondition, updateCondition, type WhereState } from './builder-state.ts';
import type { WhereResult } from './build-request.ts';
import { ConditionRow } from './condition-row.tsx';
import { ExpressionField } from './expression-field.tsx';
import { LogicChoice } from './logic-choice.tsx';
import { MAX_CONDITIONS } from '../../lib/search/limits.ts';
import { Button } from '../../components/ui/button.tsx';
import { registerSearchTarget } from '../../lib/shortcuts/registry.ts';

interface Props {
  draft: WhereState;
  /** The draft built against today: its issues and the custom logic's check. */
  built: WhereResult;
  dirty: boolean;
  onChange: (where: WhereState) => void;
  /** Called only when the draft has no issues. */
  onSearch: () => void;
}

/** The lettered conditions, the logic that joins them, and Search. */
export function ConditionBuilder({ draft, built, dirty, onChange, onSearch }: Props) {
  const [triedBlocked, setTriedBlocked] = useState(false);
  /** Rows whose value the user has had a go at: only their problems are shown (all, once Search was tried). */
  const [touched, setTouched] = useState<ReadonlySet<string>>(() => new Set());
  const touch = (conditionId: string) => setTouched((t) => (t.has(conditionId) ? t : new Set(t).add(conditionId)));
  const expressionRef = useRef<HTMLInputElement>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const { issues, expressionCheck } = built;
  // The `/` shortcut goes to the first condition's value (its Field when it takes none), or to Add condition.
  useEffect(
    () =>
      registerSearchTarget(() => {
        const first = formRef.current?.querySelector('fieldset');
        return (
          first?.querySelector<HTMLElement>('input, textarea') ??
          first?.querySelector('select') ??
          formRef.current?.querySelector<HTMLElement>('[data-add-condition]')
        );
      }),
    [],
  );
  const problemOf = (alias: string) => issues.find((i) => i.alias === alias)?.message ?? null;

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    if (issues.length === 0) {
      setTriedBlocked(false);
      onSearch();
      return;
    }
    setTriedBlocked(true);
    const error = expressionCheck?.error;
    if (error && expressionRef.current) {
      expressionRef.current.focus();
      expressionRef.current.setSelectionRange(error.position, error.position + error.length);
    } else {
      const first = issues[0]?.alias;
      const index = first ? draft.conditions.findIndex((_c, i) => defaultAlias(i) === first) : -1;
      formRef.current?.querySelectorAll('fieldset')[index]?.querySelector<HTMLElement>('input, select, textarea')?.focus();
    }
  };

  /** After a row comes or goes, keyboard users carry on at a row's Field (or at Add condition). */
  const focusRowSoon = (index: number) =>
    requestAnimationFrame(() => {
      const rows = formRef.current?.querySelectorAll(':scope > ol > li');
      const row = rows?.[Math.min(index, (rows?.length ?? 0) - 1)];
      (row?.querySelector('select') ?? formRef.current?.querySelector<HTMLElement>('[data-add-condition]'))?.focus();
    });

  const add = () => {
    onChange(addCondition(draft));
    focusRowSoon(draft.conditions.length);
  };

  return (
    <form
      ref={formRef}
      onSubmit={submit}
      aria-labelledby="search-conditions-title"
      noValidate
      className="rounded-lg border border-slate-200 bg-slate-50 p-4"
    >
      <h2 id="search-conditions-title" className="text-lg font-semibold">
        Conditions
      </h2>
      {draft.conditions.length === 0 && <p className="mt-1 text-sm text-slate-700">No conditions: every task matches.</p>}
      <ol className="mt-2 space-y-2">
        {draft.conditions.map((condition, index) => {
          const alias = defaultAlias(index);
          return (
            <li key={condition.id}>
              <ConditionRow
                alias={alias}
                condition={condition}
                problem={problemOf(alias)}
                touched={triedBlocked || touched.has(condition.id)}
                onTouched={() => touch(condition.id)}
                unused={!expressionCheck?.error && (expressionCheck?.unused.includes(alias) ?? false)}
                onChange={(c) => onChange(updateCondition(draft, index, c))}
                onRemove={() => {
                  onChange(removeCondition(draft, index));
                  focusRowSoon(index);
                }}
                onDuplicate={() => onChange(duplicateCondition(draft, index))}
              />
            </li>
          );
        })}
      </ol>
      <Button
        data-add-condition
        variant="secondary"
        size="sm"
        className="mt-2"
        onClick={add}
        disabled={draft.conditions.length >= MAX_CONDITIONS}
      >
        Add condition
      </Button>
      {draft.conditions.length > 0 && <LogicChoice value={draft.logic} onChange={(logic) => onChange(changeLogic(draft, logic))} />}
      {draft.conditions.length > 0 && draft.logic === 'custom' && (
        <ExpressionField
          inputRef={expressionRef}
          value={draft.expression}
          check={expressionCheck}
          onChange={(expression) => onChange({ ...draft, expression })}
        />
      )}
      {triedBlocked && issues.length > 0 && (
        <div role="alert" className="mt-3 rounded border border-red-200 bg-red-50 p-3 text-sm text-red-900">
          <p className="font-semibold">Not searched: fix {issues.length === 1 ? 'this' : 'these'} first.</p>
          <ul className="mt-1 list-disc pl-5">
            {issues.map((i) => (
              <li key={i.message}>{i.message}</li>
            ))}
          </ul>
        </div>
      )}
      <div className="mt-3 flex items-center gap-3">
        <Button type="submit" variant="primary">
          Search
        </Button>
        {dirty && <span className="text-sm text-slate-700">Changed: press Search to see the results.</span>}
      </div>
    </form>
  );
}
