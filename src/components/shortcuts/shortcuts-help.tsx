/**
 * The keyboard shortcuts' help: every shortcut, grouped, and the switch that turns the single-key
 * ones off. Opened by `?` or the header's "Keyboard shortcuts" (keyboard-shortcuts.tsx); its
 * code loads then. Keys still act while it is open (it closes first), except in its checkbox.
 */
import { useId, useRef, useState } from 'react';
import { HELP_ATTRIBUTE, setShortcutsOn, shortcutsActive, type ShortcutAction } from './keys.ts';
import { Modal } from '../modal/modal.tsx';
import { Button } from '../ui/button.tsx';

export interface HelpRow {
  /** Alternatives (each a sequence of keys pressed one after the other). */
  keys: string[][];
  text: string;
  /** The shortcut it documents (none for a key that keeps its native meaning). */
  action?: ShortcutAction;
}

export const HELP_GROUPS: { title: string; rows: HelpRow[] }[] = [
  {
    title: 'Global',
    rows: [
      { keys: [['?']], text: 'Show or hide these shortcuts', action: 'help' },
      { keys: [['/']], text: "Go to the page's search or filter", action: 'search' },
      { keys: [['n']], text: 'New task', action: 'new-task' },
      { keys: [['g', 'b']], text: 'Go to the Board', action: 'go:/board' },
      { keys: [['g', 's']], text: 'Go to Search', action: 'go:/search' },
      { keys: [['g', 'p']], text: 'Go to Playbooks', action: 'go:/playbooks' },
      { keys: [['g', 'c']], text: 'Go to the Calendar', action: 'go:/calendar' },
    ],
  },
  {
    title: 'Board',
    rows: [
      { keys: [['j'], ['↓']], text: 'Next card in the column (from nowhere: the first card)', action: 'next-card' },
      { keys: [['k'], ['↑']], text: 'Previous card in the column', action: 'previous-card' },
      { keys: [['←'], ['→']], text: 'The card beside, in the next column with cards' },
      { keys: [['Home'], ['End']], text: "The column's first or last card" },
      { keys: [['Enter']], text: 'Open the focused card' },
      { keys: [['m']], text: "Open the focused card's Move to menu", action: 'card-menu' },
      { keys: [['x']], text: 'Select the focused card', action: 'select-card' },
    ],
  },
];

const KEY_NAMES: Record<string, string> = { '↓': 'Down arrow', '↑': 'Up arrow', '←': 'Left arrow', '→': 'Right arrow' };

export function ShortcutsHelp({ onClose }: { onClose: () => void }) {
  const id = useId();
  const close = useRef<HTMLButtonElement>(null);
  const [on, setOn] = useState(shortcutsActive);
  return (
    <Modal
      labelledBy={`${id}-title`}
      describedBy={`${id}-about`}
      onRequestClose={onClose}
      initialFocus={close}
      className="w-[34rem] max-w-[calc(100vw-2rem)]"
    >
      <div {...{ [HELP_ATTRIBUTE]: '' }} className="p-5">
        <div className="flex items-start justify-between gap-4">
          <h2 id={`${id}-title`} className="text-lg font-semibold">
            Keyboard shortcuts
          </h2>
          <Button ref={close} variant="secondary" size="sm" onClick={onClose}>
            Close
          </Button>
        </div>
        <p id={`${id}-about`} className="mt-1 text-sm text-slate-700">
          Single keys act when you are not typing in a field or a list, and never with Ctrl, Alt or Cmd held, so the browser&apos;s and a
          screen reader&apos;s own keys keep working.
        </p>
        {HELP_GROUPS.map((group) => (
          <section key={group.title} aria-labelledby={`${id}-${group.title}`} className="mt-4">
            <h3 id={`${id}-${group.title}`} className="text-sm font-semibold text-slate-900">
              {group.title}
            </h3>
            <table className="mt-1 w-full text-sm" aria-labelledby={`${id}-${group.title}`}>
              <thead className="sr-only">
                <tr>
                  <th scope="col">Keys</th>
                  <th scope="col">What they do</th>
                </tr>
              </thead>
              <tbody>
                {group.rows.map((row) => (
                  <tr key={row.text} className="border-t border-slate-200">
                    <td className="w-32 py-1.5 pr-3 align-top whitespace-nowrap">
                      <Keys keys={row.keys} />
                    </td>
                    <td className="py-1.5 text-slate-800">{row.text}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        ))}
        <div className="mt-4 flex items-start gap-2 text-sm">
          <input
            id={`${id}-on`}
            type="checkbox"
            aria-describedby={`${id}-on-hint`}
            checked={on}
            onChange={(e) => {
              setShortcutsOn(e.target.checked);
              setOn(e.target.checked);
            }}
            className="mt-0.5"
          />
          <div>
            <label htmlFor={`${id}-on`} className="font-medium">
              Single-key shortcuts
            </label>
            <p id={`${id}-on-hint`} className="text-slate-700">
              Turn them off if you use speech input or they get in your way. Kept in this browser; the header&apos;s &ldquo;Keyboard
              shortcuts&rdquo; brings this list back.
            </p>
          </div>
        </div>
      </div>
    </Modal>
  );
}

function Keys({ keys }: { keys: string[][] }) {
  return keys.map((sequence, i) => (
    <span key={sequence.join()}>
      {i > 0 && ' or '}
      {sequence.map((key, j) => (
        <span key={key}>
          {j > 0 && ' then '}
          <kbd className="rounded border border-slate-300 bg-slate-50 px-1.5 py-0.5 font-mono text-xs">
            {KEY_NAMES[key] ? (
              <>
                <span aria-hidden="true">{key}</span>
                <span className="sr-only">{KEY_NAMES[key]}</span>
              </>
            ) : (
              key
            )}
          </kbd>
        </span>
      ))}
    </span>
  ));
}
