import { useState } from 'react';
import { defaultSearchState, type WhereState } from './builder-state.ts';
import { encodeSearch } from './url-state.ts';

/** The conditions and logic in URL form: two states with the same key search for the same thing. */
function whereKey(where: WhereState): string {
  return encodeSearch({ ...defaultSearchState(), where }) ?? '';
}

/**
 * The builder edits a draft of the conditions; Search puts it in the URL. When the URL's
 * conditions change from elsewhere (back button, a saved search, a shared link), the draft
 * follows them.
 */
export function useDraftWhere(applied: WhereState) {
  const appliedKey = whereKey(applied);
  const [draft, setDraft] = useState(applied);
  const [seenKey, setSeenKey] = useState(appliedKey);
  if (seenKey !== appliedKey) {
    setSeenKey(appliedKey);
    if (whereKey(draft) !== appliedKey) setDraft(applied);
  }
  return { draft, setDraft, dirty: whereKey(draft) !== appliedKey };
}
