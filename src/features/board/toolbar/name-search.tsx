import { useId } from 'react';
import { useDebouncedDraft } from '../../../components/use-debounced-draft.ts';

/** The name search box: the board follows the typing after a short pause. */
export function NameSearch({ value, onChange, delayMs = 300 }: { value: string; onChange: (q: string) => void; delayMs?: number }) {
  const [text, setText] = useDebouncedDraft(value, onChange, delayMs);
  const id = useId();

  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-xs font-medium text-slate-700">
        Search names
      </label>
      <input
        id={id}
        type="search"
        value={text}
        onChange={(e) => setText(e.target.value)}
        placeholder="Task name contains…"
        className="w-56 rounded border border-slate-300 bg-white px-2 py-1.5 text-sm text-slate-900"
      />
    </div>
  );
}
