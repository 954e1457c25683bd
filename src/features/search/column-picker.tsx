import { useEffect, useId, useRef, useState } from 'react';
import { SEARCH_FIELDS, type FieldName } from './search-fields.ts';
import { Button } from '../../components/ui/button.tsx';

/** Which fields the results show, which is the request's `select` (Gsid is always fetched, for links). */
export function ColumnPicker({ columns, onChange }: { columns: readonly FieldName[]; onChange: (columns: FieldName[]) => void }) {
  const id = useId();
  const [open, setOpen] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const boxRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!open) return;
    const onPointerDown = (e: PointerEvent) => {
      if (!boxRef.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointerDown);
    return () => document.removeEventListener('pointerdown', onPointerDown);
  }, [open]);
  // The boxes show a change at once; the URL (and so `columns`) follows a moment later.
  const [shown, setShown] = useState(columns);
  const [seen, setSeen] = useState(columns);
  if (seen !== columns) {
    setSeen(columns);
    setShown(columns);
  }
  const toggle = (name: FieldName, on: boolean) => {
    const next = SEARCH_FIELDS.map((f) => f.name).filter((n) => (n === name ? on : shown.includes(n)));
    setShown(next);
    onChange(next);
  };
  return (
    <div
      ref={boxRef}
      className="relative"
      // Closes when a click (above) or the focus goes elsewhere on the page.
      onBlur={(e) => open && e.relatedTarget && !e.currentTarget.contains(e.relatedTarget) && setOpen(false)}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && open) {
          setOpen(false);
          buttonRef.current?.focus();
        }
      }}
    >
      <Button ref={buttonRef} variant="secondary" size="sm" aria-expanded={open} aria-controls={id} onClick={() => setOpen(!open)}>
        Columns <span className="text-slate-600">({shown.length})</span>
      </Button>
      {open && (
        <fieldset
          id={id}
          className="absolute right-0 z-10 mt-1 grid w-72 grid-cols-2 gap-x-3 gap-y-1 rounded border border-slate-300 bg-white p-3 shadow-lg"
        >
          <legend className="sr-only">Columns shown</legend>
          {SEARCH_FIELDS.map((f) => {
            const checked = shown.includes(f.name);
            return (
              <label key={f.name} className="flex items-center gap-1.5 text-sm">
                <input
                  type="checkbox"
                  checked={checked}
                  // The last column cannot go: a table needs one.
                  disabled={checked && shown.length === 1}
                  onChange={(e) => toggle(f.name, e.target.checked)}
                />
                {f.label}
              </label>
            );
          })}
        </fieldset>
      )}
    </div>
  );
}
