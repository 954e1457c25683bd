/**
 * The colour theme the user chose: follow the system (the default), or always light or dark. The
 * choice is kept in localStorage and shown as `data-theme` on <html>, which the dark palette in
 * src/theme-dark.css reads (with no `data-theme` it follows prefers-color-scheme).
 */
export const THEME_CHOICES = ['system', 'light', 'dark'] as const;
export type ThemeChoice = (typeof THEME_CHOICES)[number];

const KEY = 'cockpit-board:theme';

/** A stored value read back: anything but a known choice (none, edited, from another version) is "system". */
export function parseThemeChoice(value: string | null | undefined): ThemeChoice {
  return THEME_CHOICES.find((c) => c === value) ?? 'system';
}

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null; // storage blocked: the choice lasts for this page only
  }
}

export function readThemeChoice(): ThemeChoice {
  try {
    return parseThemeChoice(storage()?.getItem(KEY));
  } catch {
    return 'system';
  }
}

/** Shows `choice` on the page (the root element's `data-theme`, removed for "system"). */
export function applyThemeChoice(choice: ThemeChoice, root: HTMLElement = document.documentElement): void {
  if (choice === 'system') root.removeAttribute('data-theme');
  else root.setAttribute('data-theme', choice);
}

/** Keeps `choice` and shows it. */
export function saveThemeChoice(choice: ThemeChoice): void {
  try {
    if (choice === 'system') storage()?.removeItem(KEY);
    else storage()?.setItem(KEY, choice);
  } catch {
    // full or blocked storage: shown for this page all the same
  }
  applyThemeChoice(choice);
}
