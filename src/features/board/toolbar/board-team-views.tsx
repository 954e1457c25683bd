/**
 * The board's "Team views" and "Share these filters with the team": both open the team's board
 * views in a dialog, whose code (and the request for the list) comes only when asked for, so the
 * board's first visit carries neither.
 */
import { lazy, Suspense, useState, type ComponentType } from 'react';
import { createPortal } from 'react-dom';
import type { TeamViewsDialogProps } from '../../../components/team-views/team-views-dialog.tsx';
import { Button } from '../../../components/ui/button.tsx';

const loadDialog = () => import('../../../components/team-views/team-views-dialog.tsx');

/** Said instead of the dialog when its code cannot be loaded (the connection dropped, or a new version was deployed). */
function LoadFailed({ onClose }: { onClose: () => void }) {
  return (
    <div
      role="alert"
      className="fixed right-4 bottom-4 z-50 max-w-sm rounded-lg border border-red-300 bg-red-50 p-3 text-sm text-red-900 shadow-lg"
    >
      <p>Could not load the team views. Check the connection and reload the page.</p>
      <button type="button" onClick={onClose} className="mt-2 rounded border border-current px-2 py-0.5 font-medium">
        Dismiss
      </button>
    </div>
  );
}

const TeamViewsDialog = lazy<ComponentType<TeamViewsDialogProps>>(() =>
  loadDialog().then(
    (m) => ({ default: m.TeamViewsDialog }),
    () => ({ default: LoadFailed }),
  ),
);

interface Props {
  /** The board's URL query string now (without `?`). */
  params: string;
  /** Why there is nothing worth sharing now, or null. */
  nothingToShare: string | null;
}

/** The two ways into the dialog: the list, or saving the board's filters. */
const OPENERS = [
  { opens: 'list', label: 'Team views' },
  { opens: 'save', label: 'Share these filters with the team' },
] as const;

export function BoardTeamViews({ params, nothingToShare }: Props) {
  const [open, setOpen] = useState<'list' | 'save' | null>(null);
  // The dialog's code starts loading as soon as the pointer or the focus comes near a button.
  const preload = () => void loadDialog().catch(() => undefined);
  return (
    <div role="group" aria-label="Team views" className="flex gap-2">
      {OPENERS.map(({ opens, label }) => (
        <Button
          key={opens}
          variant="secondary"
          size="toolbar"
          aria-haspopup="dialog"
          onPointerEnter={preload}
          onFocus={preload}
          onClick={() => setOpen(opens)}
        >
          {label}
        </Button>
      ))}
      {open &&
        // Outside the toolbar's form: the dialog holds forms of its own.
        createPortal(
          <Suspense
            fallback={
              <span role="status" className="sr-only">
                Loading the team views…
              </span>
            }
          >
            <TeamViewsDialog
              kind="board"
              title="Team board views"
              path="/board"
              currentParams={params}
              nothingToShare={nothingToShare}
              startSaving={open === 'save'}
              onClose={() => setOpen(null)}
            />
          </Suspense>,
          document.body,
        )}
    </div>
  );
}
