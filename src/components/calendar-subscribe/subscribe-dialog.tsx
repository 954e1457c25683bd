/**
 * The "Subscribe to calendar" dialog (loaded on demand by subscribe-button.tsx): the feed's
 * address from the team server in a read-only field, a Copy button that says whether copying
 * worked, and how to add the address in Google Calendar and Outlook.
 */
import { useId, useRef, useState, type RefObject } from 'react';
import { useCalendarFeed } from '../../api/team/calendar-feed.ts';
import { teamApiUnavailable } from '../../api/team/team-api.ts';
import { isApiError } from '../../api/errors.ts';
import { Modal } from '../modal/modal.tsx';
import { Button } from '../ui/button.tsx';
import { controlClass, Field } from '../ui/field.tsx';

export interface SubscribeDialogProps {
  ownerId: string;
  ownerName: string | null;
  onClose: () => void;
  returnFocus?: RefObject<HTMLElement | null>;
}

type CopyState = { ok: true } | { ok: false; why: string } | null;

function failureInWords(error: unknown): string {
  const unavailable = teamApiUnavailable(error);
  if (unavailable === 'missing') return 'This server does not offer a calendar feed (it is an older team server).';
  if (unavailable === 'sign-in') return 'Sign in again to get the calendar address.';
  return isApiError(error) ? error.errorDesc : 'The calendar address could not be read.';
}

export default function SubscribeDialog({ ownerId, ownerName, onClose, returnFocus }: SubscribeDialogProps) {
  const id = useId();
  const feed = useCalendarFeed(ownerId);
  const inputRef = useRef<HTMLInputElement>(null);
  const closeRef = useRef<HTMLButtonElement>(null);
  const [copy, setCopy] = useState<CopyState>(null);

  const copyAddress = async (url: string) => {
    try {
      if (!navigator.clipboard) throw new Error('this browser gives the page no clipboard here (it needs https or localhost)');
      await navigator.clipboard.writeText(url);
      setCopy({ ok: true });
    } catch (e) {
      // A DOMException (NotAllowedError) is not an Error in every realm: read its message either way.
      const message = e !== null && typeof e === 'object' && 'message' in e ? String(e.message) : '';
      const reason = message || 'the browser refused';
      setCopy({ ok: false, why: reason });
      // The address is selected, ready for the keyboard's own copy.
      inputRef.current?.focus();
      inputRef.current?.select();
    }
  };

  return (
    <Modal
      labelledBy={`${id}-title`}
      describedBy={`${id}-what`}
      onRequestClose={onClose}
      // The address arrives after the dialog opens: Close is there from the start (Copy is one Shift+Tab away).
      initialFocus={closeRef}
      returnFocus={returnFocus}
      className="w-[36rem] max-w-[calc(100vw-2rem)]"
    >
      <div className="p-5">
        <h2 id={`${id}-title`} className="text-lg font-semibold">
          Subscribe to calendar
        </h2>
        <p id={`${id}-what`} className="mt-2 text-sm text-slate-700">
          The open tasks of {ownerName ?? `owner ${ownerId}`}, each on its due date, in your own calendar app. The calendar follows the
          tasks: a changed due date or a finished task shows there at the app&apos;s next refresh.
        </p>

        {feed.isPending && (
          <p role="status" className="mt-4 text-sm text-slate-700">
            Getting the calendar address…
          </p>
        )}
        {feed.isError && (
          <div role="alert" className="mt-4 text-sm text-red-800">
            <p>{failureInWords(feed.error)}</p>
            <Button size="sm" className="mt-2" onClick={() => void feed.refetch()}>
              Try again
            </Button>
          </div>
        )}
        {feed.data && (
          <>
            <Field
              label="Calendar address"
              className="mt-4"
              hint={
                feed.data.personal
                  ? 'This address holds your personal key: anyone who has it can see these tasks. Keep it to yourself.'
                  : undefined
              }
            >
              {(control) => (
                <div className="mt-1 flex gap-2">
                  <input
                    {...control}
                    ref={inputRef}
                    readOnly
                    value={feed.data.url}
                    onFocus={(e) => e.currentTarget.select()}
                    className={`${controlClass()} mt-0 min-w-0 flex-1 font-mono text-xs`}
                  />
                  <Button variant="primary" onClick={() => void copyAddress(feed.data.url)}>
                    Copy
                  </Button>
                </div>
              )}
            </Field>
            <p role="status" className={`mt-1 min-h-5 text-sm ${copy?.ok === false ? 'text-red-800' : 'text-green-800'}`}>
              {copy === null
                ? ''
                : copy.ok
                  ? 'Copied the address.'
                  : `Could not copy (${copy.why}). The address is selected: copy it with Ctrl+C (⌘C on a Mac).`}
            </p>
            <h3 className="mt-4 text-sm font-semibold">Add it to your calendar</h3>
            <ul className="mt-1 list-disc space-y-1 pl-5 text-sm text-slate-700">
              <li>
                <strong>Google Calendar</strong> (on the web): beside &ldquo;Other calendars&rdquo; choose <em>+</em>, then{' '}
                <em>From URL</em>, paste the address and choose <em>Add calendar</em>. Google fetches it from the internet, so this board
                must be reachable from there; it refreshes every few hours.
              </li>
              <li>
                <strong>Outlook</strong>: <em>Add calendar</em>, then <em>Subscribe from web</em> (in Outlook on the web) or{' '}
                <em>From Internet</em> (in the desktop app), paste the address, give it a name and choose <em>Import</em> or <em>OK</em>.
              </li>
            </ul>
          </>
        )}
        <div className="mt-5 flex justify-end">
          <Button ref={closeRef} onClick={onClose}>
            Close
          </Button>
        </div>
      </div>
    </Modal>
  );
}
