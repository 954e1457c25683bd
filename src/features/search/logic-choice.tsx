import type { LogicMode } from './builder-state.ts';

const CHOICES: { value: LogicMode; label: string }[] = [
  { value: 'and', label: 'All conditions (AND)' },
  { value: 'or', label: 'Any condition (OR)' },
  { value: 'custom', label: 'Custom logic' },
];

export function LogicChoice({ value, onChange }: { value: LogicMode; onChange: (logic: LogicMode) => void }) {
  return (
    <fieldset role="radiogroup" className="mt-3">
      <legend className="text-sm font-semibold text-slate-800">Match</legend>
      <div className="mt-1 flex flex-wrap gap-4">
        {CHOICES.map((c) => (
          <label key={c.value} className="flex items-center gap-1.5 text-sm">
            <input type="radio" name="search-logic" value={c.value} checked={value === c.value} onChange={() => onChange(c.value)} />
            {c.label}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
