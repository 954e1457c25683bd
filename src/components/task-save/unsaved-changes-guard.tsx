import { useEffect } from 'react';
import { useBlocker } from '../router/router.tsx';
import { ConfirmDialog } from '../modal/modal.tsx';

/** What the confirm says; the task page's words by default. */
interface GuardWords {
  id: string;
  title: string;
  message: string;
  confirmLabel: string;
  cancelLabel: string;
}

const TASK_PAGE_WORDS: GuardWords = {
  id: 'leave-task',
  title: 'Leave without saving?',
  message: 'Your changes to this task are not saved. If you leave now, they are lost.',
  confirmLabel: 'Leave without saving',
  cancelLabel: 'Stay on this page',
};

/**
 * While `when` holds, leaving asks first: an in-app navigation (a link, Back, a change of the
 * URL's query such as closing the quick look) shows a confirm dialog, and a reload or closing the
 * tab gets the browser's own "Leave site?" prompt. Used by the task page's edit and the quick look.
 */
export function UnsavedChangesGuard({ when, words = TASK_PAGE_WORDS }: { when: boolean; words?: GuardWords }) {
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) =>
      when && (currentLocation.pathname !== nextLocation.pathname || currentLocation.search !== nextLocation.search),
  );

  useEffect(() => {
    if (!when) return;
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      event.returnValue = ''; // older browsers want it set
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [when]);

  if (blocker.state !== 'blocked') return null;
  return (
    <ConfirmDialog
      id={words.id}
      title={words.title}
      message={words.message}
      confirmLabel={words.confirmLabel}
      cancelLabel={words.cancelLabel}
      onConfirm={() => blocker.proceed()}
      onCancel={() => blocker.reset()}
    />
  );
}
