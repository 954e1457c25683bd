import { useState } from 'react';
import { THEME_CHOICES, readThemeChoice, saveThemeChoice, type ThemeChoice } from '../lib/theme.ts';

const LABELS: Record<ThemeChoice, string> = { system: 'System', light: 'Light', dark: 'Dark' };

/** The header's theme choice: follow the system, or always light or dark. */
export function ThemeSelect() {
  const [choice, setChoice] = useState<ThemeChoice>(readThemeChoice);
  return (
    <label className="flex items-center gap-1.5 text-sm text-slate-700">
      Theme
      <select
        value={choice}
        onChange={(e) => {
          const next = e.target.value as ThemeChoice;
          setChoice(next);
          saveThemeChoice(next);
        }}
        className="rounded border border-slate-300 bg-white px-1.5 py-1 text-sm text-slate-900"
      >
        {THEME_CHOICES.map((c) => (
          <option key={c} value={c}>
            {LABELS[c]}
          </option>
        ))}
      </select>
    </label>
  );
}
