/** Sort, quick filters, owner/company/priority and the name search; all of it lives in the URL. */
import { FilterSelects } from '../../../components/task-filters/filter-selects.tsx';
import { GROUP_BYS, QUICK_FILTERS, QUICK_LABELS, hasFilters, type BoardState, type GroupBy, type QuickFilter } from '../board-url-state.ts';
import { LabelledSelect, type Choice } from '../../../components/ui/labelled-select.tsx';
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

export function BoardToolbar({ state, update, me, setMe }: Props) {
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
      <FilterSelects {...state} update={update} mine={state.quick.includes('mine')} me={me} setMe={setMe} />
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
