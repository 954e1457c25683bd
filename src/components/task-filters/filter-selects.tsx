/**
 * The task filters the board and the calendar share: "I am" (who My tasks means, when it is on),
 * owner, company and priority, as labelled selects filled from the tasks' suggestions. A value a
 * link names that the lists do not have is kept and shown as unknown.
 */
import { useMemo } from 'react';
import { useSuggestions } from '../../api/suggestions.ts';
import { PRIORITIES } from '../../lib/priorities.ts';
import { LabelledSelect, withCurrent, type Choice } from '../ui/labelled-select.tsx';

interface TaskFilterValues {
  owner: string | null;
  company: string | null;
  priority: string | null;
}

interface Props extends TaskFilterValues {
  update: (patch: Partial<TaskFilterValues>) => void;
  /** "My tasks" is on: the "I am" choice shows. */
  mine: boolean;
  me: string | null;
  setMe: (ownerId: string | null) => void;
}

const PRIORITY_CHOICES: Choice[] = [{ value: '', label: 'Any priority' }, ...PRIORITIES.map((p) => ({ value: p, label: p }))];

export function FilterSelects({ owner, company, priority, update, mine, me, setMe }: Props) {
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

  return (
    <>
      {mine && (
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
        value={owner ?? ''}
        choices={[{ value: '', label: 'Any owner' }, ...withCurrent(owners, owner, unknown('owner'))]}
        onChange={(v) => update({ owner: v || null })}
      />
      <LabelledSelect
        label="Company"
        fixedWidth
        value={company ?? ''}
        choices={[{ value: '', label: 'Any company' }, ...withCurrent(companies, company, unknown('company'))]}
        onChange={(v) => update({ company: v || null })}
      />
      <LabelledSelect
        label="Priority"
        value={priority ?? ''}
        choices={withCurrent(PRIORITY_CHOICES, priority, (p) => p)}
        onChange={(v) => update({ priority: v || null })}
      />
    </>
  );
}
