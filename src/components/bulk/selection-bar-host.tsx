/**
 * Where a page's selection bar goes: nothing until a task is selected, then the bar, whose code
 * (and the dialogs', and the runner's) loads only then.
 */
import { lazy, Suspense, type ReactNode } from 'react';
import { useSelectionCount, type SelectionStore } from './selection-store.ts';

const SelectionBar = lazy(() => import('./selection-bar.tsx').then((m) => ({ default: m.SelectionBar })));

export function SelectionBarHost({ store, extra }: { store: SelectionStore; extra?: ReactNode }) {
  const count = useSelectionCount(store);
  if (count === 0) return null;
  return (
    <Suspense fallback={null}>
      <SelectionBar store={store} extra={extra} />
    </Suspense>
  );
}
