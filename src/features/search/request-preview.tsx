import { useId, useState } from 'react';
import type { SearchRequest } from '../../api/types.ts';
import { Button } from '../../components/ui/button.tsx';

/**
 * The exact JSON request, for people who script the API (the only place the API's operator codes
 * show), with a button to copy it, and one to copy a link to the search as it is in the builder.
 */
export function RequestPreview({ request, note, link }: { request: SearchRequest | null; note: string | null; link: string }) {
  const id = useId();
  const [open, setOpen] = useState(false);
  /** What was copied (the request's JSON or the link), and how that went. */
  const [copy, setCopy] = useState<{ text: string; ok: boolean; what: string } | null>(null);
  const json = request ? JSON.stringify(request, null, 2) : null;
  const url = new URL(link, window.location.origin).href;

  const copyRequest = async () => {
    if (!json) return;
    try {
      await navigator.clipboard.writeText(json);
      setCopy({ text: 'Copied', ok: true, what: json });
    } catch {
      setCopy({ text: 'Could not copy: select the text and copy it yourself.', ok: false, what: json });
      setOpen(true);
    }
  };

  const copyLink = async () => {
    try {
      await navigator.clipboard.writeText(url);
      setCopy({ text: 'Link copied', ok: true, what: url });
    } catch {
      setCopy({ text: `Could not copy: the link is ${url}`, ok: false, what: url });
    }
  };

  return (
    <section aria-labelledby={`${id}-title`} className="mt-4">
      <div className="flex flex-wrap items-center gap-2">
        <h2 id={`${id}-title`} className="text-base font-semibold">
          Request
        </h2>
        <Button variant="secondary" size="sm" aria-expanded={open} aria-controls={`${id}-json`} onClick={() => setOpen(!open)}>
          {open ? 'Hide request JSON' : 'Show request JSON'}
        </Button>
        <Button variant="secondary" size="sm" disabled={!json} onClick={() => void copyRequest()}>
          Copy request
        </Button>
        <Button variant="secondary" size="sm" onClick={() => void copyLink()}>
          Copy link
        </Button>
        <span role="status" className={`text-sm break-all ${copy?.ok === false ? 'text-red-800' : 'text-green-800'}`}>
          {copy && (copy.what === json || copy.what === url) ? copy.text : ''}
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
        <pre
          id={`${id}-json`}
          tabIndex={0}
          aria-label="Request JSON"
          className="mt-2 max-h-80 overflow-auto rounded bg-slate-900 p-3 text-xs text-slate-50"
        >
          {json ?? 'No request: the conditions have problems (see above).'}
        </pre>
      )}
    </section>
  );
}
