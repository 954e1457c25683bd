/**
 * "Select all N matching": once the whole page is selected, offers every task the search matches.
 * It asks first (it goes past the page the user sees), reads the ids page by page, and selects at
 * most a bulk change's cap, saying why when it stops there.
 */
import { useState } from 'react';
import { searchTasks } from '../../api/client.ts';
import { isApiError } from '../../api/errors.ts';
import type { SearchRequest } from '../../api/types.ts';
import { selectAll } from '../../components/bulk/selection.ts';
import type { SelectionStore } from '../../components/bulk/selection-store.ts';
import { CAP_REASON, MAX_BULK_TASKS, readMatching } from '../../components/bulk/select-matching.ts';
import { ConfirmDialog } from '../../components/modal/modal.tsx';
import { Button } from '../../components/ui/button.tsx';

const NUMBER = new Intl.NumberFormat('en-US');

interface Props {
  store: SelectionStore;
  /** The whole search (no page). */
  request: SearchRequest;
  total: number;
}

export function SelectMatchingButton({ store, request, total }: Props) {
  const [asking, setAsking] = useState(false);
  const [state, setState] = useState<{ kind: 'reading' } | { kind: 'done'; capped: boolean } | { kind: 'failed'; reason: string } | null>(
    null,
  );
  const capped = total > MAX_BULK_TASKS;
  const count = Math.min(total, MAX_BULK_TASKS);

  const go = () => {
    setAsking(false);
    setState({ kind: 'reading' });
    readMatching(searchTasks, request)
      .then(({ tasks, total: found }) => {
        store.set((s) => selectAll(s, tasks));
        setState({ kind: 'done', capped: found > tasks.length });
      })
      .catch((error: unknown) => setState({ kind: 'failed', reason: isApiError(error) ? error.errorDesc : String(error) }));
  };

  return (
    <>
      {state?.kind !== 'done' && (
        <Button size="sm" variant="secondary" onClick={() => setAsking(true)} disabled={state?.kind === 'reading'}>
          {state?.kind === 'reading' ? 'Selecting…' : `Select all ${NUMBER.format(total)} matching`}
        </Button>
      )}
      {state?.kind === 'done' && state.capped && (
        <p role="status" className="w-full text-xs text-slate-800">
          The first {NUMBER.format(MAX_BULK_TASKS)} of {NUMBER.format(total)} matching tasks are selected. {CAP_REASON}
        </p>
      )}
      {state?.kind === 'failed' && (
        <p role="alert" className="w-full text-xs text-red-800">
          Could not select every matching task: {state.reason}
        </p>
      )}
      {asking && (
        <ConfirmDialog
          id="select-matching"
          tone="default"
          title={`Select all ${NUMBER.format(total)} matching tasks?`}
          message={
            <>
              <p>This selects tasks beyond the page you see: every task this search matches, read from the server.</p>
              {capped && (
                <p className="mt-2">
                  Only the first {NUMBER.format(MAX_BULK_TASKS)} will be selected. {CAP_REASON}
                </p>
              )}
            </>
          }
          confirmLabel={`Select ${NUMBER.format(count)} tasks`}
          cancelLabel="Cancel"
          onConfirm={go}
          onCancel={() => setAsking(false)}
        />
      )}
    </>
  );
}
