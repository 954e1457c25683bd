/**
 * Which swimlanes are collapsed, per grouping and lane (the lane's key: the owner's id, "none"…),
 * kept in this tab's session storage: a reload or going Back keeps them, another tab starts open.
 */
import { useCallback, useState } from 'react';
import type { GroupBy } from '../board-url-state.ts';

const STORAGE_KEY = 'cockpit-board:collapsed-lanes';

export type Collapsed = Partial<Record<GroupBy, string[]>>;

/** The stored value, or nothing for a missing or broken one. */
export function parseCollapsed(raw: string | null): Collapsed {
  try {
    const value: unknown = raw ? JSON.parse(raw) : {};
    if (!value || typeof value !== 'object' || Array.isArray(value)) return {};
    const out: Collapsed = {};
    for (const [group, keys] of Object.entries(value as Record<string, unknown>)) {
      if (Array.isArray(keys)) out[group as GroupBy] = keys.filter((k): k is string => typeof k === 'string');
    }
    return out;
  } catch {
    return {};
  }
}

/** `collapsed` with the lane `key` of `group` turned the other way. */
export function toggleLane(collapsed: Collapsed, group: GroupBy, key: string): Collapsed {
  const keys = collapsed[group] ?? [];
  return { ...collapsed, [group]: keys.includes(key) ? keys.filter((k) => k !== key) : [...keys, key] };
}

function read(): Collapsed {
  try {
    return parseCollapsed(sessionStorage.getItem(STORAGE_KEY));
  } catch {
    return {};
  }
}

export function useCollapsedLanes(group: GroupBy) {
  const [collapsed, setCollapsed] = useState(read);
  const toggle = useCallback(
    (key: string) =>
      setCollapsed((current) => {
        const next = toggleLane(current, group, key);
        try {
          sessionStorage.setItem(STORAGE_KEY, JSON.stringify(next));
        } catch {
          // Storage full or off: the lane still folds for now.
        }
        return next;
      }),
    [group],
  );
  return { collapsed: collapsed[group] ?? [], toggle };
}
