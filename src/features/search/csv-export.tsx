import { useEffect, useId, useRef, useState } from 'react';
import { searchTasks } from '../../api/client.ts';
import { isAbortError } from '../../api/errors.ts';
import type { SearchRequest, Task } from '../../api/types.ts';
import { ErrorMessage } from '../../components/query-status.tsx';
import { todayIso } from '../../lib/dates.ts';
import type { SortState } from './builder-state.ts';
import { csvFileName, toCsv } from './csv.ts';
import { downloadText } from './download.ts';
import { fetchAllRows, type ExportProgress } from './export-all.ts';
import { formatCount } from './paging.ts';
import { csvHeaders } from './search-fields.ts';
import { Button } from '../../components/ui/button.tsx';

type Status =
  | { kind: 'idle' }
  | { kind: 'running'; progress: ExportProgress }
  | { kind: 'done'; rows: number; fileName: string; sortedInBrowser: boolean }
  | { kind: 'cancelled' }
  | { kind: 'failed'; error: unknown };

interface Props {
  /** The search being shown; its paging is replaced by the export's own. */
  request: SearchRequest;
  sort: SortState | null;
  total: number | null;
}

/** Exports every row the search matches (not just the page) as a CSV file. */
export function CsvExport({ request, sort, total }: Props) {
  const id = useId();
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  /** Head the columns with the API's field names (DueDate) instead of words (Due date). */
  const [apiNames, setApiNames] = useState(false);
  const controller = useRef<AbortController | null>(null);
  useEffect(() => () => controller.current?.abort(), []);

  const start = async () => {
    controller.current?.abort();
    const abort = new AbortController();
    controller.current = abort;
    setStatus({ kind: 'running', progress: { fetched: 0, total: total ?? 0, waiting: null } });
    try {
      const { rows, sortedInBrowser } = await fetchAllRows({
        request,
        sort,
        search: searchTasks,
        signal: abort.signal,
        onProgress: (progress) => !abort.signal.aborted && setStatus({ kind: 'running', progress }),
      });
      const columns = request.select ?? [];
      const csv = toCsv(columns, rows, (task, column) => task[column as keyof Task], csvHeaders(columns, apiNames));
      const fileName = csvFileName(todayIso());
      // A byte order mark, so that Excel reads the file as UTF-8.
      downloadText(`\uFEFF${csv}`, fileName, 'text/csv;charset=utf-8');
      setStatus({ kind: 'done', rows: rows.length, fileName, sortedInBrowser });
    } catch (error) {
      setStatus(abort.signal.aborted || isAbortError(error) ? { kind: 'cancelled' } : { kind: 'failed', error });
    } finally {
      if (controller.current === abort) controller.current = null;
    }
  };

  const cancel = () => controller.current?.abort();

  const running = status.kind === 'running' ? status.progress : null;
  const percent = running && running.total > 0 ? Math.min(100, Math.round((running.fetched / running.total) * 100)) : 0;
  let message = '';
  if (running?.waiting) {
    const why = running.waiting.rateLimited ? 'The API asked to slow down' : 'The API did not answer';
    message = `${why}; trying again in ${Math.ceil(running.waiting.ms / 1000)} s…`;
  } else if (running) {
    message = `Exporting ${formatCount(running.fetched)} of ${formatCount(running.total)} rows…`;
  } else if (status.kind === 'done') {
    const how = status.sortedInBrowser ? ' (sorted in the browser: the server cannot sort)' : '';
    message = `Exported ${formatCount(status.rows)} rows to ${status.fileName}${how}.`;
  } else if (status.kind === 'cancelled') {
    message = 'Export cancelled.';
  }

  return (
    <div className="flex flex-wrap items-center gap-2 text-sm">
      {/* One button that becomes Cancel while running, so focus stays on it. */}
      <Button variant="secondary" size="sm" onClick={running ? cancel : () => void start()} disabled={!running && total === 0}>
        {running ? 'Cancel export' : `Export CSV${total !== null ? ` (${formatCount(total)} rows)` : ''}`}
      </Button>
      <label htmlFor={`${id}-api-names`} className="flex items-center gap-1">
        <input
          id={`${id}-api-names`}
          type="checkbox"
          checked={apiNames}
          disabled={!!running}
          onChange={(e) => setApiNames(e.target.checked)}
        />
        API field names in the header
      </label>
      {running && (
        <div
          role="progressbar"
          aria-label="Export progress"
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={percent}
          aria-valuetext={`${formatCount(running.fetched)} of ${formatCount(running.total)} rows`}
          className="h-2 w-40 overflow-hidden rounded bg-slate-200"
        >
          <div className="h-full bg-blue-700" style={{ width: `${percent}%` }} />
        </div>
      )}
      <span role="status">{message}</span>
      {status.kind === 'failed' && (
        <div className="basis-full">
          <ErrorMessage error={status.error} title="The export failed" onRetry={() => void start()} />
        </div>
      )}
    </div>
  );
}
