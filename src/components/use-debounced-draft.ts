import { useEffect, useLayoutEffect, useRef, useState } from 'react';

/**
 * A text field whose committed value lives elsewhere (usually the URL): the field shows what is
 * typed at once and commits it after a pause, so typing is never slowed, reordered or reset by
 * the navigation that each commit causes. A change from outside (back button, "Clear") shows up
 * unless it is what is being typed.
 */
export function useDebouncedDraft(value: string, commit: (text: string) => void, delayMs = 250) {
  const [draft, setDraft] = useState(value);
  const commitRef = useRef(commit);
  useLayoutEffect(() => {
    commitRef.current = commit;
  });
  const [seen, setSeen] = useState(value);
  if (value !== seen) {
    setSeen(value);
    if (value !== draft.trim()) setDraft(value);
  }
  useEffect(() => {
    if (draft.trim() === value) return undefined;
    const timer = setTimeout(() => commitRef.current(draft.trim()), delayMs);
    return () => clearTimeout(timer);
  }, [draft, value, delayMs]);
  return [draft, setDraft] as const;
}
