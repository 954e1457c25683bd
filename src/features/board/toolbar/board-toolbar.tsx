/** Sort, quick filters, owner/company/priority and the name search; all of it lives in the URL. */
import { useMemo } from 'react';
import { useSuggestions } from '../../../api/suggestions.ts';
import { PRIORITIES } from '../../../lib/priorities.ts';
import { GROUP_BYS, QUICK_FILTERS, QUICK_LABELS, hasFilters, type BoardState, type GroupBy, type QuickFilter } from '../board-url-state.ts';
import { LabelledSelect, withCurrent, type Choice } from './labelled-select.tsx';
import { NameSearch } from './name-search.tsx';
import { DIRECTION_LABELS, SORT_KEYS, SORT_LABELS, isSortKey } from '../columns/sort-order.ts';

interface Props {
  state: BoardState;
  update: (patch: Partial<BoardState>) => void;
  me: string | null;
  setMe: (ownerId: string | null) => void;
}

const SORT_CHOICES: Choice[] = SORT_KEYS.map((k) => ({ value: k, label: SORT_LABELS[k] }));
const GROUP_CHOICES: Choice[] = [
  { value: '', label: 'None' },
  ...GROUP_BYS.map((g) => ({ value: g, label: g[0]!.toUpperCase() + g.slice(1) })),
];
const PRIORITY_CHOICES: Choice[] = [{ value: '', label: 'Any priority' }, ...PRIORITIES.map((p) => ({ value: p, label: p }))];

export function BoardToolbar({ state, update, me, setMe }: Props) {
  const suggestions = useSuggestions();
  const owners = useMemo<Choice[]>(
    () => (suggestions.data?.owners ?? []).map((o) => ({ value: o.ownerId, label: o.ownerName })),
    [suggestions.data],
  );
  const companies = useMemo<Choice[]>(() => {
    const seen = new Map<string, string>();
    for (const c of suggestions.data?.ctas ?? [])
      if (c.companyId && !seen.has(c.companyId)) seen.set(c.companyId, c.companyName || c.companyId);
    return [...seen].map(([value, label]) => ({ value, label })).sort((a, b) => a.label.localeCompare(b.label));
  }, [suggestions.data]);
  const unknown = (what: string) => (id: string) => (suggestions.isPending ? 'Loading…' : `Unknown ${what} (${id})`);

  const toggle = (filter: QuickFilter) =>
    update({ quick: state.quick.includes(filter) ? state.quick.filter((f) => f !== filter) : [...state.quick, filter] });

  return (
    <form role="search" aria-label="Board filters" onSubmit={(e) => e.preventDefault()} className="flex flex-wrap items-end gap-3">
      <NameSearch value={state.q} onChange={(q) => update({ q })} />
      <LabelledSelect label="Sort by" value={state.sort} choices={SORT_CHOICES} onChange={(v) => isSortKey(v) && update({ sort: v })} />
      <LabelledSelect
        label="Order"
        value={state.reverse ? 'reverse' : 'usual'}
        choices={[
          { value: 'usual', label: DIRECTION_LABELS[state.sort][0] },
          { value: 'reverse', label: DIRECTION_LABELS[state.sort][1] },
        ]}
        onChange={(v) => update({ reverse: v === 'reverse' })}
      />
      <LabelledSelect
        label="Group by"
        value={state.group ?? ''}
        choices={GROUP_CHOICES}
        onChange={(v) => update({ group: (v || undefined) as GroupBy | undefined })}
      />
      <div role="group" aria-label="Quick filters" className="flex gap-1">
        {QUICK_FILTERS.map((f) => {
          const on = state.quick.includes(f);
          return (
            <button
              key={f}
              type="button"
              aria-pressed={on}
              onClick={() => toggle(f)}
              className={`rounded-full border px-3 py-1.5 text-sm font-medium ${on ? 'border-blue-700 bg-blue-700 text-white' : 'border-slate-300 bg-white text-slate-800 hover:bg-slate-100'}`}
            >
              {QUICK_LABELS[f]}
            </button>
          );
        })}
      </div>
      {state.quick.includes('mine') && (
        <LabelledSelect
          label="I am"
          fixedWidth
          value={me ?? ''}
          choices={[{ value: '', label: 'Choose yourself…' }, ...withCurrent(owners, me, unknown('owner'))]}
          onChange={(v) => setMe(v || null)}
        />
      )}
      <LabelledSelect
        label="Owner"
        fixedWidth
        value={state.owner ?? ''}
        choices={[{ value: '', label: 'Any owner' }, ...withCurrent(owners, state.owner, unknown('owner'))]}
        onChange={(v) => update({ owner: v || null })}
      />
      <LabelledSelect
        label="Company"
        fixedWidth
        value={state.company ?? ''}
        choices={[{ value: '', label: 'Any company' }, ...withCurrent(companies, state.company, unknown('company'))]}
        onChange={(v) => update({ company: v || null })}
      />
      <LabelledSelect
        label="Priority"
        value={state.priority ?? ''}
        choices={withCurrent(PRIORITY_CHOICES, state.priority, (p) => p)}
        onChange={(v) => update({ priority: v || null })}
      />
      {hasFilters(state) && (
        <button
          type="button"
          onClick={() => update({ q: '', owner: null, company: null, priority: null, quick: [], playbook: null, where: null })}
          className="rounded px-2 py-1.5 text-sm font-medium text-blue-800 underline hover:bg-blue-50"
        >
          Clear filters
        </button>
      )}
    </form>
  );
}
