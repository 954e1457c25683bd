import { useId, useState } from 'react';
import type { SearchRequest } from '../../api/types.ts';
import { BUTTON } from './styles.ts';

/** The exact JSON request, for people who script the API, with a copy button. */
export function RequestPreview({ request, note }: { request: SearchRequest | null; note: string | null }) {
  const id = useId();
  const [open, setOpen] = useState(false);
  const [copy, setCopy] = useState<{ text: string; ok: boolean; json: string } | null>(null);
  const json = request ? JSON.stringify(request, null, 2) : null;

  const copyRequest = async () => {
    if (!json) return;
    try {
      await navigator.clipboard.writeText(json);
      setCopy({ text: 'Copied', ok: true, json });
    } catch {
      setCopy({ text: 'Could not copy: select the text and copy it yourself.', ok: false, json });
      setOpen(true);
    }
  };

  return (
    <section aria-labelledby={`${id}-title`} className="mt-4">
      <div className="flex flex-wrap items-center gap-2">
        <h2 id={`${id}-title`} className="text-base font-semibold">
          Request
        </h2>
        <button type="button" className={BUTTON} aria-expanded={open} aria-controls={`${id}-json`} onClick={() => setOpen(!open)}>
          {open ? 'Hide request JSON' : 'Show request JSON'}
        </button>
        <button type="button" className={BUTTON} disabled={!json} onClick={() => void copyRequest()}>
          Copy request
        </button>
        <span role="status" className={`text-sm ${copy?.ok === false ? 'text-red-800' : 'text-green-800'}`}>
          {copy?.json === json ? copy.text : ''}
        </span>
      </div>
      <p className="mt-1 text-sm text-slate-700">
        {json ? (
          <>
            <code>POST /v1/tasks/search</code> with this body{note ? ` (${note})` : ''}.
          </>
        ) : (
          'No request until the conditions are complete.'
        )}
      </p>
      {open && (
        <pre id={`${id}-json`} tabIndex={0} aria-label="Request JSON" className="mt-2 max-h-80 overflow-auto rounded bg-slate-900 p-3 text-xs text-slate-50">
          {json ?? 'No request: the conditions have problems (see above).'}
        </pre>
      )}
    </section>
  );
}
