import { useEffect, useMemo, useState, type KeyboardEvent, type Ref } from 'react';
import { filterOptions, findByLabel, type ComboboxOption } from './filter-options.ts';
import { controlClass } from '../ui/field.tsx';

export type { ComboboxOption } from './filter-options.ts';

export interface ComboboxProps {
  /** The input's id; the listbox and options get ids derived from it. */
  id: string;
  /** The visible label (also the listbox's name). */
  label: string;
  /** The chosen value (an option's `value`, or one `acceptTyped` gave). '' for none. */
  value: string;
  onChange: (value: string) => void;
  options: readonly ComboboxOption[];
  /**
   * Typed text that names no option but is a value all the same (e.g. a well-formed id): the value
   * to use, or null. Without it, only options can be chosen.
   */
  acceptTyped?: (text: string) => string | null;
  /**
   * Take text `acceptTyped` accepts as soon as it is typed, not when the field is left. Only for
   * values no shorter text is also accepted for (ids of a fixed length).
   */
  takeWhileTyping?: boolean;
  /** An error message shown under the field; marks the input invalid. */
  error?: string;
  /** Help shown under the field. */
  hint?: string;
  required?: boolean;
  disabled?: boolean;
  placeholder?: string;
  name?: string;
  /** Shown in place of the hint while the typed text matches no option. */
  emptyMessage?: string;
  /** What the options are, in the plural, for messages ("4 CTAs match"). Default "options". */
  noun?: string;
  /** At most this many options are listed at once (default 50); typing narrows the list. */
  maxShown?: number;
  inputRef?: Ref<HTMLInputElement>;
}

/** How typed text settles into a value when the user leaves the field or presses Enter. */
export type Settled =
  | { kind: 'unchanged' }
  | { kind: 'clear' }
  | { kind: 'choose'; value: string }
  /** Names nothing: the previous value stays, and the user is told why. */
  | { kind: 'reject'; message: string };

/**
 * What typed text means: empty clears; the one option with that label, or with that value (an id
 * typed or pasted whole), is chosen; otherwise `acceptTyped` may take it; otherwise it is refused
 * and the previous choice stays. Pure, so the rules are unit-tested.
 */
export function settleText(
  text: string,
  options: readonly ComboboxOption[],
  { value, noun = 'options', acceptTyped }: { value: string; noun?: string; acceptTyped?: (text: string) => string | null },
): Settled {
  const typed = text.trim();
  if (typed === '') return value === '' ? { kind: 'unchanged' } : { kind: 'clear' };
  const match = findByLabel(options, typed) ?? options.find((o) => o.value.toLocaleLowerCase() === typed.toLocaleLowerCase());
  const accepted = match ? match.value : (acceptTyped?.(typed) ?? null);
  if (accepted !== null) return accepted === value ? { kind: 'unchanged' } : { kind: 'choose', value: accepted };
  const { total } = filterOptions(options, typed);
  const message =
    total > 1
      ? `“${typed}” matches ${total} ${noun}: choose one from the list.`
      : total === 1
        ? `“${typed}” is only part of a name: choose it from the list.`
        : `No ${noun} match “${typed}”.`;
  return { kind: 'reject', message: `${message} Nothing was chosen.` };
}

/**
 * An editable combobox with a list of suggestions (WAI-ARIA 1.2 combobox pattern, list
 * autocomplete with manual selection): typing filters and opens the list, Down/Up move through it
 * (Alt+Down opens it without moving), Enter chooses, Escape closes it, Tab leaves.
 *
 * Enter never submits the form while there is something to settle: with the list open it
 * chooses the highlighted option, or the only one shown, or else says how many match; with typed
 * text and the list closed it settles the text (see settleText). Only Enter on a settled field
 * reaches the form.
 */
export function Combobox({
  id,
  label,
  value,
  onChange,
  options,
  acceptTyped,
  takeWhileTyping = false,
  error,
  hint,
  required,
  disabled,
  placeholder,
  name,
  emptyMessage = 'No matches.',
  noun = 'options',
  maxShown = 50,
  inputRef,
}: ComboboxProps) {
  /** Text being typed; null while the input simply shows the value. */
  const [draft, setDraft] = useState<string | null>(null);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  /** Why the last typed text was not taken (or what Enter wants), until the user types again. */
  const [notice, setNotice] = useState<string | null>(null);

  const listboxId = `${id}-listbox`;
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const optionId = (i: number) => `${id}-option-${i}`;

  const selected = options.find((o) => o.value === value);
  const text = draft ?? selected?.label ?? value;
  const { shown, total } = useMemo(() => filterOptions(options, draft ?? '', maxShown), [options, draft, maxShown]);
  const expanded = open && shown.length > 0;
  const activeIndex = expanded && active < shown.length ? active : -1;

  useEffect(() => {
    if (activeIndex < 0) return;
    document.getElementById(`${id}-option-${activeIndex}`)?.scrollIntoView?.({ block: 'nearest' });
  }, [id, activeIndex]);

  const choose = (option: ComboboxOption) => {
    onChange(option.value);
    setDraft(null);
    setOpen(false);
    setActive(-1);
    setNotice(null);
  };

  /** Settles typed text (on leaving, or Enter with the list closed). */
  const commitDraft = () => {
    if (draft === null) return;
    const settled = settleText(draft, options, { value, noun, acceptTyped });
    if (settled.kind === 'clear') onChange('');
    else if (settled.kind === 'choose') onChange(settled.value);
    setNotice(settled.kind === 'reject' ? settled.message : null);
    setDraft(null);
  };

  const openAt = (index: number) => {
    setOpen(true);
    setActive(index);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    switch (e.key) {
      case 'ArrowDown': {
        e.preventDefault();
        if (!expanded) {
          const at = shown.findIndex((o) => o.value === value);
          openAt(e.altKey ? -1 : Math.max(at, 0));
        } else setActive((activeIndex + 1) % shown.length);
        break;
      }
      case 'ArrowUp': {
        e.preventDefault();
        if (!expanded) {
          const at = shown.findIndex((o) => o.value === value);
          openAt(at >= 0 ? at : shown.length - 1);
        } else setActive(activeIndex <= 0 ? shown.length - 1 : activeIndex - 1);
        break;
      }
      case 'Enter': {
        if (expanded) {
          // An open list is never submitted through: Enter chooses, or says why it cannot.
          e.preventDefault();
          const option = shown[activeIndex] ?? (shown.length === 1 ? shown[0] : undefined);
          if (option) choose(option);
          else setNotice(`${total} ${noun} match: choose one with the arrow keys, or type more.`);
        } else if (draft !== null) {
          // Typed text is settled first; the form is not sent with a stale or unknown choice.
          e.preventDefault();
          const only = shown.length === 1 ? shown[0] : undefined;
          if (only) choose(only);
          else commitDraft();
          setOpen(false);
        }
        break;
      }
      case 'Escape': {
        if (expanded) {
          // Closes the list only, not a dialog around the field.
          e.preventDefault();
          e.stopPropagation();
          setOpen(false);
          setActive(-1);
        } else if (draft !== null) {
          e.preventDefault();
          e.stopPropagation();
          setDraft(null);
          setNotice(null);
        }
        break;
      }
      case 'Tab':
        setOpen(false);
        break;
    }
  };

  // One help line, so that nothing moves when the list closes (a click on a button below must land).
  const help = open && draft && shown.length === 0 ? emptyMessage : (notice ?? hint);
  const describedBy = [help ? hintId : null, error ? errorId : null].filter(Boolean).join(' ');

  return (
    <div className="relative">
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      <input
        ref={inputRef}
        id={id}
        name={name}
        type="text"
        role="combobox"
        autoComplete="off"
        spellCheck="false"
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={listboxId}
        aria-activedescendant={activeIndex >= 0 ? optionId(activeIndex) : undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy || undefined}
        aria-required={required || undefined}
        required={required}
        disabled={disabled}
        placeholder={placeholder}
        value={text}
        onChange={(e) => {
          const typed = e.currentTarget.value;
          setDraft(typed);
          setOpen(true);
          setActive(-1);
          setNotice(null);
          // With `takeWhileTyping`, text `acceptTyped` takes (a whole id typed or pasted) that is no
          // option's label is taken at once, so what depends on it (the CTA id's look-up, and the
          // box asking to confirm an id no task names) comes while the user is still in the field,
          // not under their next click.
          const whole = typed.trim();
          const taken = takeWhileTyping && acceptTyped && whole !== '' && !findByLabel(options, whole) ? acceptTyped(whole) : null;
          if (taken !== null && taken !== value) onChange(taken);
        }}
        onClick={() => setOpen(true)}
        onKeyDown={onKeyDown}
        onBlur={() => {
          setOpen(false);
          setActive(-1);
          commitDraft();
        }}
        className={controlClass()}
      />
      <div
        hidden={!expanded}
        // Keeps the focus in the input while an option is clicked.
        onMouseDown={(e) => e.preventDefault()}
        className="absolute z-20 mt-1 w-full rounded border border-slate-300 bg-white text-sm shadow-lg"
      >
        <ul id={listboxId} role="listbox" aria-label={label} className="max-h-64 overflow-auto py-1">
          {shown.map((option, i) => (
            <li
              key={option.value}
              id={optionId(i)}
              role="option"
              aria-selected={option.value === value}
              onClick={() => choose(option)}
              onMouseMove={() => activeIndex !== i && setActive(i)}
              className={`cursor-pointer px-3 py-1.5 ${i === activeIndex ? 'bg-blue-100 text-blue-950' : ''} ${option.value === value ? 'font-semibold' : ''}`}
            >
              <span className="block">{option.label}</span>
              {option.description && <span className="block text-xs text-slate-600">{option.description}</span>}
            </li>
          ))}
        </ul>
        {total > shown.length && (
          <p className="border-t border-slate-200 px-3 py-1 text-xs text-slate-600">
            {`Showing ${shown.length} of ${total}; type to narrow the list.`}
          </p>
        )}
      </div>
      {/* Always there and polite, so a notice (Enter with many matches, refused text) is read out. */}
      <p
        id={hintId}
        aria-live="polite"
        className={`text-xs ${help ? 'mt-1' : ''} ${notice && help === notice ? 'font-medium text-amber-900' : 'text-slate-600'}`}
      >
        {help}
      </p>
      {error && (
        <p id={errorId} className="mt-1 text-sm font-medium text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}
