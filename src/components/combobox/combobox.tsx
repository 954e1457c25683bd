import { useEffect, useMemo, useState, type KeyboardEvent, type Ref } from 'react';
import { filterOptions, findByLabel, type ComboboxOption } from './filter-options.ts';

export type { ComboboxOption } from './filter-options.ts';

export interface ComboboxProps {
  /** The input's id; the listbox and options get ids derived from it. */
  id: string;
  /** The visible label (also the listbox's name). */
  label: string;
  /** The chosen value (an option's `value`, or typed text when `allowCustom`). '' for none. */
  value: string;
  onChange: (value: string) => void;
  options: readonly ComboboxOption[];
  /**
   * Free text allowed: the input holds the value itself and every keystroke calls `onChange`.
   * Without it the input shows the chosen option's label, and leaving the field with text that
   * names no option puts the previous choice back (an emptied field clears the value).
   */
  allowCustom?: boolean;
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
  /** At most this many options are listed at once (default 50); typing narrows the list. */
  maxShown?: number;
  inputRef?: Ref<HTMLInputElement>;
}

/**
 * An editable combobox with a list of suggestions (WAI-ARIA 1.2 combobox pattern, list
 * autocomplete with manual selection): typing filters and opens the list, Down/Up move through it
 * (Alt+Down opens it without moving), Enter chooses, Escape closes it, Tab leaves.
 */
export function Combobox({
  id,
  label,
  value,
  onChange,
  options,
  allowCustom = false,
  error,
  hint,
  required,
  disabled,
  placeholder,
  name,
  emptyMessage = 'No matches.',
  maxShown = 50,
  inputRef,
}: ComboboxProps) {
  /** Text being typed; null while the input simply shows the value. */
  const [draft, setDraft] = useState<string | null>(null);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);

  const listboxId = `${id}-listbox`;
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const optionId = (i: number) => `${id}-option-${i}`;

  const selected = options.find((o) => o.value === value);
  const text = draft ?? (allowCustom ? value : (selected?.label ?? value));
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
  };

  /** Settles typed text when leaving: free text is already the value; otherwise resolve or revert. */
  const commitDraft = () => {
    if (draft !== null && !allowCustom) {
      if (draft.trim() === '') {
        if (value !== '') onChange('');
      } else {
        const match = findByLabel(options, draft);
        if (match && match.value !== value) onChange(match.value);
      }
    }
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
        const option = activeIndex >= 0 ? shown[activeIndex] : undefined;
        if (option) {
          e.preventDefault();
          choose(option);
        } else if (draft !== null && !allowCustom) {
          // Settle the typed text before the form may be submitted with a stale choice.
          e.preventDefault();
          const only = shown.length === 1 ? shown[0] : undefined;
          if (only) choose(only);
          else {
            commitDraft();
            setOpen(false);
          }
        } else setOpen(false);
        break;
      }
      case 'Escape': {
        if (expanded) {
          // Closes the list only, not a dialog around the field.
          e.preventDefault();
          e.stopPropagation();
          setOpen(false);
          setActive(-1);
        } else if (draft !== null && !allowCustom) {
          e.preventDefault();
          e.stopPropagation();
          setDraft(null);
        }
        break;
      }
      case 'Tab':
        setOpen(false);
        break;
    }
  };

  // One help line, so that nothing moves when the list closes (a click on a button below must land).
  const help = open && draft && shown.length === 0 ? emptyMessage : hint;
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
        spellCheck={false}
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
          const next = e.currentTarget.value;
          setDraft(next);
          setOpen(true);
          setActive(-1);
          if (allowCustom) onChange(next);
        }}
        onClick={() => setOpen(true)}
        onKeyDown={onKeyDown}
        onBlur={() => {
          setOpen(false);
          setActive(-1);
          commitDraft();
        }}
        className={`mt-1 block w-full rounded border bg-white px-3 py-1.5 text-sm ${error ? 'border-red-600' : 'border-slate-400'} disabled:bg-slate-100`}
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
      {help && (
        <p id={hintId} className="mt-1 text-xs text-slate-600">
          {help}
        </p>
      )}
      {error && (
        <p id={errorId} className="mt-1 text-sm font-medium text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}
