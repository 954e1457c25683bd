/**
 * "Subscribe to calendar": a button that opens a dialog with the address of an owner's calendar
 * feed (their open tasks on their due dates, served by the team server as iCalendar) to paste
 * into Google Calendar or Outlook. Only the button is in the page's code; the dialog loads when
 * it is first opened (or pointed at).
 */
import { Suspense, useRef, useState } from 'react';
import { lazyPart } from '../lazy-part.tsx';
import { Button, type ButtonLook } from '../ui/button.tsx';

const loadDialog = () => import('./subscribe-dialog.tsx');
// A load that fails waits for the network rather than breaking the calendar page.
const SubscribeDialog = lazyPart(
  () => loadDialog().then((m) => m.default),
  'The calendar subscription could not be loaded. Reload the page to try again.',
);

export interface SubscribeButtonProps {
  /** The owner (OwnerId) whose open tasks the calendar shows. */
  ownerId: string;
  /** Their name, when the page knows it: the dialog says whose tasks these are. */
  ownerName?: string | null;
  /** The button's look; default a secondary toolbar button. */
  look?: ButtonLook;
}

export function SubscribeButton({ ownerId, ownerName = null, look = { variant: 'secondary', size: 'toolbar' } }: SubscribeButtonProps) {
  const [open, setOpen] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  return (
    <>
      <Button
        ref={buttonRef}
        {...look}
        aria-haspopup="dialog"
        onPointerEnter={() => void loadDialog()}
        onFocus={() => void loadDialog()}
        onClick={() => setOpen(true)}
      >
        Subscribe to calendar
      </Button>
      {open && (
        <Suspense
          fallback={
            <span role="status" className="ml-2 text-sm text-slate-700">
              Opening…
            </span>
          }
        >
          <SubscribeDialog ownerId={ownerId} ownerName={ownerName} onClose={() => setOpen(false)} returnFocus={buttonRef} />
        </Suspense>
      )}
    </>
  );
}
