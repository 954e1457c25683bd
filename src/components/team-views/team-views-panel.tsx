/**
 * The team's shared views of one kind (saved searches, or board filters), kept by the team server
 * and listed for everyone: open one, save the page as it is now for the team, and rename or
 * delete your own. Used by the search page (beside the searches saved in the browser) and by the
 * board's "Team views" dialog.
 */
import { useEffect, useId, useLayoutEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { Link } from '../router/router.tsx';
import { isApiError } from '../../api/errors.ts';
import { useCreateTeamView, useDeleteTeamView, useTeamViews, useUpdateTeamView } from '../../api/team/team-views.ts';
import type { TeamView, TeamViewKind } from '../../lib/live-events.ts';
import { checkViewName, checkViewParams } from '../../lib/team/team-views.ts';
import { ConfirmDialog } from '../modal/modal.tsx';
import { Button } from '../ui/button.tsx';
import { controlClass, focusOnMount, labelClass } from '../ui/field.tsx';

const LINK = 'font-medium text-blue-800 underline hover:text-blue-950';

/** A failure as a sentence: the team server's own words when it gave some. */
function reason(error: unknown): string {
  if (isApiError(error)) return error.errorDesc;
  return error instanceof Error ? error.message : String(error);
}

export interface TeamViewsPanelProps {
  kind: TeamViewKind;
  /** The heading, e.g. "Team searches"; its id names the section (or the dialog around it). */
  title: string;
  headingId: string;
  /** The page's state now, as its URL query string (without `?`): what "Save for the team" keeps. */
  currentParams: string;
  /** Where a view opens: the page's path, e.g. `/search`. */
  path: string;
  /** Why there is nothing worth saving now (the page shows its defaults), or null. */
  nothingToShare?: string | null;
  /** Open with the save form showing, its name field focused. */
  startSaving?: boolean;
  /** Called when a view is opened (the board's dialog closes). */
  onOpen?: () => void;
}

export function TeamViewsPanel({
  kind,
  title,
  headingId,
  currentParams,
  path,
  nothingToShare = null,
  startSaving = false,
  onOpen,
}: TeamViewsPanelProps) {
  const views = useTeamViews(kind);
  const [saving, setSaving] = useState(startSaving);
  const [status, setStatus] = useState('');
  const saveButton = useRef<HTMLButtonElement>(null);
  /** Set when the focus must go to "Save for the team…" once it is drawn again. */
  const focusSaveButton = useRef(false);

  useEffect(() => {
    if (focusSaveButton.current && saveButton.current) {
      focusSaveButton.current = false;
      saveButton.current.focus();
    }
  });

  let content: ReactNode;
  const data = views.data;
  if (data?.status === 'unavailable') {
    content = (
      <p className="mt-2 text-sm text-slate-600">
        {data.reason === 'sign-in'
          ? "Sign in to see and share the team's views."
          : data.reason === 'off'
            ? 'This server does not keep team views: they are kept by its mirror, which is off (GAINSIGHT_MIRROR=off).'
            : 'This server does not keep team views (it may be an older version).'}
      </p>
    );
  } else if (data?.status === 'ok') {
    content = (
      <>
        {data.views.length === 0 ? (
          <p className="mt-2 text-sm text-slate-600">None yet. A view saved for the team is listed here for everyone.</p>
        ) : (
          <ul aria-labelledby={headingId} className="mt-2 divide-y divide-slate-100">
            {data.views.map((view) => (
              <TeamViewItem
                key={view.id}
                view={view}
                path={path}
                onOpen={onOpen}
                onDone={(message, gone) => {
                  setStatus(message);
                  // The item (and the button that had the focus) is gone: the focus goes to the panel's own button.
                  if (gone) focusSaveButton.current = true;
                }}
              />
            ))}
          </ul>
        )}
        {saving ? (
          <SaveForm
            kind={kind}
            params={currentParams}
            nothingToShare={nothingToShare}
            onCancel={() => {
              setSaving(false);
              // Back to the button that opened the form, once it is drawn again.
              focusSaveButton.current = true;
            }}
            onSaved={(view) => {
              setSaving(false);
              setStatus(`Shared “${view.name}” with the team.`);
              focusSaveButton.current = true;
            }}
          />
        ) : (
          <Button
            ref={saveButton}

            variant="secondary"
            size="sm"
            className="mt-3"
            onClick={() => {
              setStatus('');
              setSaving(true);
            }}
          >
            Save for the team…
          </Button>
        )}
      </>
    );
  } else if (views.isError) {
    content = (
      <div role="alert" className="mt-2 text-sm text-red-800">
        <p>Could not load the team's views: {reason(views.error)}</p>
        <Button variant="secondary" size="sm" className="mt-2" onClick={() => void views.refetch()}>
          Try again
        </Button>
      </div>
    );
  } else {
    content = (
      <>
        <p role="status" className="mt-2 text-sm text-slate-600">
          Loading the team's views…
        </p>
        {/* The room of the button that comes with the answer, so what is below does not move then. */}
        <Button variant="secondary" size="sm" className="invisible mt-3" disabled aria-hidden="true" tabIndex={-1}>
          Save for the team…
        </Button>
      </>
    );
  }

  return (
    <div>
      <h2 id={headingId} className="text-lg font-semibold">
        {title}
      </h2>
      {content}
      <p role="status" className="mt-1 text-sm text-green-800">
        {status}
      </p>
    </div>
  );
}

function SaveForm({
  kind,
  params,
  nothingToShare,
  onCancel,
  onSaved,
}: {
  kind: TeamViewKind;
  params: string;
  nothingToShare: string | null;
  onCancel: () => void;
  onSaved: (view: TeamView) => void;
}) {
  const id = useId();
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const create = useCreateTeamView();
  const input = useRef<HTMLInputElement>(null);

  useLayoutEffect(() => {
    // Right after this commit: inside a dialog that opens with the form, the dialog is shown
    // (showModal) by its own layout effect, which runs after this one; a hidden field takes no focus.
    queueMicrotask(() => input.current?.focus());
  }, []);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (create.isPending) return;
    if (nothingToShare) return setError(nothingToShare);
    const checkedName = checkViewName(name);
    if (!checkedName.ok) return setError(checkedName.message);
    const checkedParams = checkViewParams(params);
    if (!checkedParams.ok) return setError(checkedParams.message);
    setError(null);
    create.mutate(
      { kind, name: checkedName.value, params: checkedParams.value },
      // What was typed stays in the field, so a refused save can be corrected and sent again.
      { onSuccess: onSaved, onError: (failure) => setError(`Could not save it for the team: ${reason(failure)}`) },
    );
  };

  return (
    <form
      onSubmit={submit}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && !create.isPending) {
          // Inside the board's dialog, Escape closes this form, not the dialog.
          e.stopPropagation();
          e.preventDefault();
          onCancel();
        }
      }}
      aria-label="Save for the team"
      className="mt-3 flex flex-wrap items-end gap-2"
    >
      <div className="grow">
        <label htmlFor={`${id}-name`} className={labelClass('sm')}>
          Name for the team
        </label>
        <input
          ref={input}
          id={`${id}-name`}
          className={`${controlClass('sm')} w-full`}
          value={name}
          readOnly={create.isPending}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          onChange={(e) => setName(e.target.value)}
        />
      </div>
      <Button type="submit" variant="primary" size="sm" disabled={create.isPending}>
        {create.isPending ? 'Saving…' : 'Save for the team'}
      </Button>
      <Button variant="secondary" size="sm" onClick={onCancel} disabled={create.isPending}>
        Cancel
      </Button>
      {error && (
        <p id={`${id}-error`} role="alert" className="w-full text-sm text-red-800">
          {error}
        </p>
      )}
    </form>
  );
}

function TeamViewItem({
  view,
  path,
  onOpen,
  onDone,
}: {
  view: TeamView;
  path: string;
  onOpen?: () => void;
  /** A rename or delete is done; `gone`: the view left the list. */
  onDone: (message: string, gone?: boolean) => void;
}) {
  const id = useId();
  const [editing, setEditing] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const update = useUpdateTeamView();
  const remove = useDeleteTeamView();
  const renameButton = useRef<HTMLButtonElement>(null);
  /** Set when the focus must go back to "Rename" once the rename form is gone. */
  const focusRename = useRef(false);

  useEffect(() => {
    if (focusRename.current && renameButton.current) {
      focusRename.current = false;
      renameButton.current.focus();
    }
  });

  const stopEditing = () => {
    setEditing(null);
    setError(null);
    focusRename.current = true;
  };
  const deleteButton = useRef<HTMLButtonElement>(null);
  const href = view.params === '' ? path : `${path}?${view.params}`;
  const yours = view.editable && view.author !== null;

  const rename = (e: FormEvent) => {
    e.preventDefault();
    if (editing === null || update.isPending) return;
    const checked = checkViewName(editing);
    if (!checked.ok) return setError(checked.message);
    if (checked.value === view.name) return stopEditing();
    setError(null);
    update.mutate(
      { id: view.id, patch: { name: checked.value } },
      {
        onSuccess: (saved) => {
          stopEditing();
          onDone(`Renamed “${view.name}” to “${saved.name}”.`);
        },
        onError: (failure) => setError(`Could not rename it: ${reason(failure)}`),
      },
    );
  };

  const confirmDelete = () => {
    setConfirming(false);
    setError(null);
    remove.mutate(view.id, {
      onSuccess: () => onDone(`Deleted “${view.name}” for the team.`, true),
      onError: (failure) => {
        // Someone deleted it meanwhile: it has left the list, so the panel says so.
        if (isApiError(failure) && failure.kind === 'api' && failure.status === 404)
          onDone(`“${view.name}” had already been deleted.`, true);
        else setError(`Could not delete “${view.name}”: ${reason(failure)}`);
      },
    });
  };

  if (editing !== null) {
    return (
      <li className="py-2">
        <form
          className="flex flex-wrap items-end gap-2"
          onSubmit={rename}
          onKeyDown={(e) => {
            if (e.key === 'Escape' && !update.isPending) {
              e.stopPropagation();
              e.preventDefault();
              stopEditing();
            }
          }}
        >
          <label htmlFor={`${id}-rename`} className="sr-only">
            {`New name for ${view.name}`}
          </label>
          <input
            id={`${id}-rename`}
            ref={focusOnMount}
            className={`${controlClass('sm')} grow`}
            value={editing}
            readOnly={update.isPending}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${id}-error` : undefined}
            onChange={(e) => setEditing(e.target.value)}
          />
          <Button type="submit" variant="secondary" size="sm" disabled={update.isPending}>
            {update.isPending ? 'Saving…' : 'Save name'}
          </Button>
          <Button variant="secondary" size="sm" disabled={update.isPending} onClick={stopEditing}>
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
    <li className="py-2">
      <div className="flex flex-wrap items-center gap-2">
        <span className="min-w-0 grow">
          <Link to={href} className={LINK} onClick={onOpen}>
            {view.name}
          </Link>
          {view.author && <span className="ml-2 text-sm text-slate-600">by {view.author}</span>}
          {yours && <span className="ml-2 rounded bg-blue-50 px-1.5 py-0.5 text-xs font-medium text-blue-900">yours</span>}
        </span>
        {view.editable && (
          <span className="flex gap-2">
            <Button
              ref={renameButton}

              variant="secondary"
              size="sm"
              aria-label={`Rename ${view.name}`}
              disabled={remove.isPending}
              onClick={() => {
                setError(null);
                setEditing(view.name);
              }}
            >
              Rename
            </Button>
            <Button
              ref={deleteButton}

              variant="secondary"
              size="sm"
              aria-label={`Delete ${view.name}`}
              disabled={remove.isPending}
              onClick={() => setConfirming(true)}
            >
              {remove.isPending ? 'Deleting…' : 'Delete'}
            </Button>
          </span>
        )}
      </div>
      {error && (
        <p role="alert" className="mt-1 text-sm text-red-800">
          {error}
        </p>
      )}
      {confirming && (
        <ConfirmDialog
          id={`${id}-confirm`}
          title={`Delete “${view.name}” for the whole team?`}
          message="Everyone on the team loses this view. This cannot be undone."
          confirmLabel="Delete for everyone"
          cancelLabel="Keep it"
          onConfirm={confirmDelete}
          onCancel={() => setConfirming(false)}
          returnFocus={deleteButton}
        />
      )}
    </li>
  );
}
