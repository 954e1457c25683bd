import { useId, useState } from 'react';
import { Link } from '../../components/router/router.tsx';
import { useToast } from '../../components/toast/toasts.tsx';
import type { SavedSearch } from './saved-searches-store.ts';
import { SEARCH_PARAM } from './url-state.ts';
import { useSavedSearches } from './use-saved-searches.ts';
import { Button } from '../../components/ui/button.tsx';
import { controlClass, focusOnMount, labelClass } from '../../components/ui/field.tsx';
import { LINK } from './styles.ts';

const hrefOf = (saved: SavedSearch) =>
  saved.search === '' ? '/search' : `/search?${new URLSearchParams({ [SEARCH_PARAM]: saved.search })}`;

/** Save the search under a name; open, rename or delete saved ones (kept in this browser). */
export function SavedSearches({ current }: { current: string }) {
  const id = useId();
  const { list, store } = useSavedSearches();
  const toast = useToast();
  const [name, setName] = useState('');
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);

  const save = (e: React.FormEvent) => {
    e.preventDefault();
    const previous = list.find((s) => s.name.toLowerCase() === name.trim().toLowerCase());
    const result = store.save(name, current);
    if (!result.ok) return setMessage({ text: result.message, error: true });
    setName('');
    if (result.replaced && previous) {
      // Saving under a name in use replaces that search; say so, and offer to take it back.
      setMessage(null);
      toast.show({
        message: `Replaced the saved search "${result.saved.name}" with this one.`,
        actions: [{ label: 'Undo', onAction: () => void store.save(previous.name, previous.search) }],
      });
      return;
    }
    setMessage({ text: `Saved "${result.saved.name}".`, error: false });
  };

  const remove = (saved: SavedSearch) => {
    const removed = store.remove(saved.id);
    if (!removed) return;
    setMessage(null);
    toast.show({
      message: `Deleted the saved search "${saved.name}".`,
      actions: [{ label: 'Undo', onAction: () => store.restore(removed) }],
    });
  };

  return (
    <section aria-labelledby={`${id}-title`} className="rounded-lg border border-slate-200 bg-white p-4">
      <h2 id={`${id}-title`} className="text-lg font-semibold">
        Saved searches
      </h2>
      <form onSubmit={save} className="mt-2 flex flex-wrap items-end gap-2">
        <div className="grow">
          <label htmlFor={`${id}-name`} className={labelClass('sm')}>
            Name for this search
          </label>
          <input
            id={`${id}-name`}
            className={`${controlClass('sm')} w-full`}
            value={name}
            onChange={(e) => setName(e.target.value)}
            maxLength={120}
          />
        </div>
        <Button type="submit" variant="secondary" size="sm">
          Save search
        </Button>
      </form>
      <p role={message?.error ? 'alert' : 'status'} className={`mt-1 text-sm ${message?.error ? 'text-red-800' : 'text-green-800'}`}>
        {message?.text}
      </p>
      {list.length === 0 ? (
        <p className="mt-2 text-sm text-slate-600">None yet. Saved searches stay in this browser.</p>
      ) : (
        <ul className="mt-2 divide-y divide-slate-100">
          {list.map((saved) => (
            <SavedItem key={saved.id} saved={saved} onRemove={() => remove(saved)} onRename={(n) => store.rename(saved.id, n)} />
          ))}
        </ul>
      )}
    </section>
  );
}

function SavedItem({
  saved,
  onRemove,
  onRename,
}: {
  saved: SavedSearch;
  onRemove: () => void;
  onRename: (name: string) => { ok: true } | { ok: false; message: string };
}) {
  const id = useId();
  const [editing, setEditing] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  if (editing !== null) {
    return (
      <li className="py-2">
        <form
          className="flex flex-wrap items-end gap-2"
          onSubmit={(e) => {
            e.preventDefault();
            const result = onRename(editing);
            if (result.ok) {
              setEditing(null);
              setError(null);
            } else setError(result.message);
          }}
          onKeyDown={(e) => e.key === 'Escape' && setEditing(null)}
        >
          <label htmlFor={`${id}-rename`} className="sr-only">
            {`New name for ${saved.name}`}
          </label>
          <input
            id={`${id}-rename`}
            ref={focusOnMount}
            className={`${controlClass('sm')} grow`}
            value={editing}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${id}-error` : undefined}
            onChange={(e) => setEditing(e.target.value)}
          />
          <Button type="submit" variant="secondary" size="sm">
            Save name
          </Button>
          <Button variant="secondary" size="sm" onClick={() => setEditing(null)}>
            Cancel
          </Button>
        </form>
        {error && (
          <p id={`${id}-error`} role="alert" className="mt-1 text-sm text-red-800">
            {error}
          </p>
        )}
      </li>
    );
  }
  return (
    <li className="flex flex-wrap items-center gap-2 py-2">
      <Link to={hrefOf(saved)} className={`${LINK} grow`}>
        {saved.name}
      </Link>
      <Button variant="secondary" size="sm" onClick={() => setEditing(saved.name)} aria-label={`Rename ${saved.name}`}>
        Rename
      </Button>
      <Button variant="secondary" size="sm" onClick={onRemove} aria-label={`Delete ${saved.name}`}>
        Delete
      </Button>
    </li>
  );
}
