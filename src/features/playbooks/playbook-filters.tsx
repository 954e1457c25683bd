import { useEffect, useRef } from 'react';
import { Field } from '../../components/ui/field.tsx';
import { useDebouncedDraft } from '../../components/use-debounced-draft.ts';
import { registerSearchTarget } from '../../lib/shortcuts/registry.ts';
import { ACTIVE_FILTERS, type ActiveFilter } from './playbook-rows.ts';

const LABELS: Record<ActiveFilter, string> = { all: 'All', active: 'Active', inactive: 'Inactive' };

export function PlaybookFilters({
  text,
  active,
  onTextChange,
  onActiveChange,
}: {
  text: string;
  active: ActiveFilter;
  onTextChange: (text: string) => void;
  onActiveChange: (active: ActiveFilter) => void;
}) {
  const [draft, setDraft] = useDebouncedDraft(text, onTextChange);
  // The `/` shortcut focuses the text filter.
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => registerSearchTarget(() => input.current), []);
  return (
    <div className="flex flex-wrap items-end gap-4">
      <Field label="Filter by text" className="flex flex-col gap-1">
        {(control) => (
          <input
            {...control}
            ref={input}
            type="search"
            value={draft}
            onChange={(e) => setDraft(e.target.value)}
            placeholder="Name, description or CTA type"
            className="w-72 rounded border border-slate-400 bg-white px-2 py-1.5 text-sm"
          />
        )}
      </Field>
      <fieldset className="flex flex-col gap-1">
        <legend className="mb-1 text-sm font-medium text-slate-800">Status</legend>
        <div className="flex overflow-hidden rounded border border-slate-400">
          {ACTIVE_FILTERS.map((value) => (
            <label
              key={value}
              className={`cursor-pointer px-3 py-1.5 text-sm has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-blue-600 ${
                active === value ? 'bg-blue-700 font-medium text-white' : 'bg-white text-slate-800 hover:bg-slate-100'
              }`}
            >
              <input
                type="radio"
                name="playbook-active-filter"
                value={value}
                checked={active === value}
                onChange={() => onActiveChange(value)}
                className="sr-only"
              />
              {LABELS[value]}
            </label>
          ))}
        </div>
      </fieldset>
    </div>
  );
}
