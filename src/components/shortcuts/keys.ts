/**
 * The app's keyboard shortcuts: which key does what, when a key is left alone, and the `g`
 * sequence. Pure (the listener is keyboard-shortcuts.tsx, the help shortcuts-help.tsx; what a
 * page offers them, src/lib/shortcuts/registry.ts).
 *
 * Why these keys shadow neither the browser nor a screen reader:
 * - A key pressed with Ctrl, Alt or Meta (Cmd) is never taken, so no browser or system shortcut
 *   (Ctrl+F, Ctrl+/, Alt+letters of a menu bar, Cmd+N) is shadowed. Only Shift may be held (`?`).
 *   AltGr reports Ctrl+Alt on Windows, so a character typed with it is left alone too.
 * - No key is taken while typing: in an input, textarea or select, in editable text, or while a
 *   widget that reads keys itself has the focus (a combobox, listbox, menu, grid, slider…, or a
 *   card picked up for a keyboard drag), nor while any dialog but the shortcuts' own help is
 *   open. There a screen reader is in its focus (forms) mode and passes every key to the page,
 *   so the page must not act on them.
 * - Single-character keys act only when the focus is in the page's content (a card, a link, a
 *   button, the page itself). There, a screen reader in its browse mode (NVDA, JAWS, Narrator)
 *   takes single letters for its own quick navigation (`h` next heading, `k` next link…) before
 *   the page sees them, so a shortcut never replaces one of its keys; VoiceOver and Orca use a
 *   modifier (Ctrl+Option, Caps Lock / Insert) for theirs, which shortcuts never take.
 * - Speech input users may say a word that lands as single keys (WCAG 2.1.4), so the help dialog
 *   offers to turn the single-key shortcuts off (kept in this browser).
 * - Enter, Space, Escape, Tab and the arrows are not shortcuts: they keep their native meaning
 *   (Enter follows a card's link, the arrows travel between cards, see the board's card-keys.ts).
 */

import type { BoardAction } from '../../lib/shortcuts/registry.ts';

type GoPath = '/board' | '/search' | '/playbooks' | '/calendar';
export type ShortcutAction = 'help' | 'search' | 'new-task' | `go:${GoPath}` | BoardAction;

/** How long `g` waits for its second key. */
export const G_TIMEOUT_MS = 1500;

const SINGLE: Record<string, ShortcutAction> = {
  '?': 'help',
  '/': 'search',
  n: 'new-task',
  j: 'next-card',
  k: 'previous-card',
  m: 'card-menu',
  x: 'select-card',
};

const AFTER_G: Record<string, GoPath> = { b: '/board', s: '/search', p: '/playbooks', c: '/calendar' };

/** Keys that only modify another: pressing one neither acts nor ends a pending `g`. */
const MODIFIERS = ['Shift', 'Control', 'Alt', 'Meta', 'AltGraph', 'CapsLock'];

export interface KeyPress {
  key: string;
  ctrlKey: boolean;
  altKey: boolean;
  metaKey: boolean;
  /** Held down and repeating: only the card travel repeats. */
  repeat?: boolean;
}

export interface Resolved {
  action: ShortcutAction | null;
  /** When a `g` was pressed that still waits for its second key (the state to pass next time). */
  gAt: number | null;
}

/** What `press` does, given when a pending `g` was pressed (or null) and the time now. */
export function resolveKey(press: KeyPress, gAt: number | null, now: number): Resolved {
  const pending = gAt !== null && now - gAt <= G_TIMEOUT_MS ? gAt : null;
  if (MODIFIERS.includes(press.key)) return { action: null, gAt: pending };
  if (press.ctrlKey || press.altKey || press.metaKey) return { action: null, gAt: null };
  if (pending !== null) {
    const path = AFTER_G[press.key];
    if (path && !press.repeat) return { action: `go:${path}`, gAt: null };
  }
  if (press.key === 'g') return { action: null, gAt: press.repeat ? pending : now };
  const action = SINGLE[press.key] ?? null;
  if (press.repeat && action !== 'next-card' && action !== 'previous-card') return { action: null, gAt: null };
  return { action, gAt: null };
}

/** The keys that resolve to something, for the help dialog's check that it lists them all. */
export const SHORTCUT_KEYS = { single: SINGLE, afterG: AFTER_G };

/**
 * Where the focus takes typed characters or keys of its own: an input of any type, a textarea,
 * a select, editable text, a widget that reads keys (a combobox, listbox, menu, grid, tree,
 * slider, spin button, tabs), a card picked up for a keyboard drag (dnd-kit marks its handle
 * pressed), or anything in a dialog.
 */
const FIELD =
  '[aria-roledescription][aria-pressed="true"],input,textarea,select,[contenteditable]:not([contenteditable="false"]),[role=textbox],[role=searchbox],[role=combobox],[role=listbox],[role=option],[role=menu],[role=menubar],[role=menuitem],[role=menuitemcheckbox],[role=menuitemradio],[role=grid],[role=treegrid],[role=tree],[role=slider],[role=spinbutton],[role=tablist],[role=application],dialog,[role=dialog],[role=alertdialog]';

/** The shortcuts' own help dialog holds an element with this attribute: keys still act in it. */
export const HELP_ATTRIBUTE = 'data-shortcuts-help';

const isHelp = (dialog: Element) => dialog.querySelector(`:scope > [${HELP_ATTRIBUTE}]`) !== null;

/**
 * Whether a key pressed with the focus on `target` must be left alone: the target takes keys
 * itself (see FIELD), or a dialog other than the help is open in `doc` (the page behind it is
 * inert even when the focus has fallen to the body). The help's own checkbox is a field too.
 */
export function keysBelongToFocus(target: Element | null, doc: Document): boolean {
  for (const dialog of doc.querySelectorAll('dialog[open]')) if (!isHelp(dialog)) return true;
  const field = target?.closest(FIELD);
  return !!field && !(field.tagName === 'DIALOG' && isHelp(field));
}

const OFF_KEY = 'cockpit-board:shortcuts';

/** Whether the single-key shortcuts are on in `storage` (the default; off once turned off in the help). */
export function shortcutsOn(storage: Pick<Storage, 'getItem'> | null): boolean {
  try {
    return storage?.getItem(OFF_KEY) !== 'off';
  } catch {
    return true;
  }
}

/** The choice made on this page when the browser would not keep it (storage blocked or full). */
let pageChoice: boolean | null = null;

/** Turns the single-key shortcuts on or off in this browser (for this page only when storage is blocked). */
export function setShortcutsOn(on: boolean, storage: Pick<Storage, 'setItem' | 'removeItem'> | null = localStorageOrNull()): void {
  try {
    if (!storage) throw new Error('no storage');
    if (on) storage.removeItem(OFF_KEY);
    else storage.setItem(OFF_KEY, 'off');
    pageChoice = null;
  } catch {
    pageChoice = on;
  }
}

/** Whether the single-key shortcuts act now, in this browser. */
export const shortcutsActive = (): boolean => pageChoice ?? shortcutsOn(localStorageOrNull());

function localStorageOrNull(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}
