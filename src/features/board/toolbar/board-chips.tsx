/** Filters that come from other pages' links (a playbook, a search), shown so they can be removed. */
import { usePlaybooks } from '../../../api/playbooks.ts';
import type { BoardState } from '../board-url-state.ts';
import { describeLinkWhere } from '../columns/link-where.ts';

function Chip({ label, text, onRemove }: { label: string; text: string; onRemove: () => void }) {
  return (
    <li className="flex max-w-full items-center gap-2 rounded-full border border-blue-200 bg-blue-50 py-1 pr-1 pl-3 text-sm text-blue-950">
      <span className="min-w-0 truncate" title={text}>
        {text}
      </span>
      <button type="button" aria-label={label} onClick={onRemove} className="rounded-full px-2 font-semibold hover:bg-blue-100">
        ×
      </button>
    </li>
  );
}

export function BoardChips({ state, update }: { state: BoardState; update: (patch: Partial<BoardState>) => void }) {
  const playbooks = usePlaybooks();
  if (!state.playbook && !state.where) return null;
  const playbookName = playbooks.data?.find((p) => p.Gsid === state.playbook)?.Name;
  return (
    <ul aria-label="Filters from links" className="flex flex-wrap gap-2">
      {state.playbook && (
        <Chip
          label="Remove playbook filter"
          text={`Playbook: ${playbookName ?? (playbooks.isPending ? '…' : state.playbook)}`}
          onRemove={() => update({ playbook: null })}
        />
      )}
      {state.where && (
        <Chip label="Remove search filter" text={`Search: ${describeLinkWhere(state.where)}`} onRemove={() => update({ where: null })} />
      )}
    </ul>
  );
}
