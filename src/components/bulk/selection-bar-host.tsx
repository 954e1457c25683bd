/**
 * Where a page's selection bar goes: nothing until a task is selected, then the bar, whose code
 * (and the dialogs', and the runner's) loads only then.
 */
import { Suspense, type ReactNode } from 'react';
import { lazyPart } from '../lazy-part.tsx';
import { useSelectionCount, type SelectionStore } from './selection-store.ts';

// A load that fails waits for the network (the connection banner says why) rather than breaking the page.
const SelectionBar = lazyPart(
  () => import('./selection-bar.tsx').then((m) => m.SelectionBar),
  'The bulk actions could not be loaded. Reload the page to try again.',
);

export function SelectionBarHost({ store, extra }: { store: SelectionStore; extra?: ReactNode }) {
  const count = useSelectionCount(store);
  if (count === 0) return null;
  return (
    <Suspense fallback={null}>
      <SelectionBar store={store} extra={extra} />
    </Suspense>
  );
}
