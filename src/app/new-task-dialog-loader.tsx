/**
 * The New task dialog with its code loaded on demand: the form, its pickers and the modal are
 * not part of the first visit. The app preloads the code once the first page has settled, so the
 * dialog normally opens at once; opened before that, it shows as soon as its code is in.
 */
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { NewTaskDialogProps } from '../components/new-task/new-task-dialog.tsx';
import { useToast } from '../components/toast/toasts.tsx';

type DialogModule = typeof import('../components/new-task/new-task-dialog.tsx');

let loaded: DialogModule | null = null;

/** Loads the dialog's code (the browser fetches it once). */
export function loadNewTaskDialog(): Promise<DialogModule> {
  return import('../components/new-task/new-task-dialog.tsx').then((mod) => (loaded = mod));
}

export function LazyNewTaskDialog(props: NewTaskDialogProps) {
  const [mod, setMod] = useState(loaded);
  const toast = useToast();
  const onClose = useRef(props.onClose);
  useLayoutEffect(() => {
    onClose.current = props.onClose;
  });

  useEffect(() => {
    if (mod) return;
    let live = true;
    loadNewTaskDialog().then(
      (m) => live && setMod(m),
      () => {
        if (!live) return;
        toast.show({ message: 'The New task form could not be loaded. Check the connection and try again.', tone: 'error' });
        onClose.current();
      },
    );
    return () => {
      live = false;
    };
  }, [mod, toast]);

  if (!mod) {
    return (
      <p role="status" className="sr-only">
        Opening New task…
      </p>
    );
  }
  return <mod.NewTaskDialog {...props} />;
}
