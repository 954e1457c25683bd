import { useEffect, useRef } from 'react';
import { Field } from '../../../components/ui/field.tsx';
import { useDebouncedDraft } from '../../../components/use-debounced-draft.ts';
import { registerSearchTarget } from '../../../lib/shortcuts/registry.ts';

/** The name search box: the board follows the typing after a short pause. The `/` shortcut focuses it. */
export function NameSearch({ value, onChange, delayMs = 300 }: { value: string; onChange: (q: string) => void; delayMs?: number }) {
  const [text, setText] = useDebouncedDraft(value, onChange, delayMs);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => registerSearchTarget(() => input.current), []);

  return (
    <Field label="Search names" size="sm" className="flex flex-col gap-1">
      {(control) => (
        <input
          {...control}
          ref={input}
          type="search"
          value={text}
          onChange={(e) => setText(e.target.value)}
          placeholder="Task name contains…"
          className="w-56 rounded border border-slate-300 bg-white px-2 py-1.5 text-sm text-slate-900"
        />
      )}
    </Field>
  );
}
