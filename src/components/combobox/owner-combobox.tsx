import { useMemo, type Ref } from 'react';
import { useSuggestions, type OwnerSuggestion } from '../../api/suggestions.ts';
import { Combobox } from './combobox.tsx';
import { ownerOptions } from './suggestion-options.ts';

export interface OwnerComboboxProps {
  /** The input's id. */
  id: string;
  /** The owner's user id ('' for no owner). */
  value: string;
  onChange: (ownerId: string) => void;
  /** Default "Owner". */
  label?: string;
  error?: string;
  /**
   * The owner already set (e.g. on the task being edited), shown by name even when no recent task
   * names them.
   */
  currentOwner?: OwnerSuggestion | null;
  required?: boolean;
  disabled?: boolean;
  inputRef?: Ref<HTMLInputElement>;
}

/** Picks an owner among the owners seen in tasks, by name. Emptying the field means no owner. */
export function OwnerCombobox({
  id,
  value,
  onChange,
  label = 'Owner',
  error,
  currentOwner,
  required,
  disabled,
  inputRef,
}: OwnerComboboxProps) {
  const suggestions = useSuggestions();
  const owners = suggestions.data?.owners;
  const options = useMemo(() => ownerOptions(owners ?? [], currentOwner), [owners, currentOwner]);
  const hint = suggestions.isPending
    ? 'Loading the owners seen in tasks…'
    : suggestions.isError
      ? 'Could not load the owners; try again later.'
      : required
        ? 'Type a name and choose from the list.'
        : 'Type a name and choose from the list; leave it empty for no owner.';
  return (
    <Combobox
      id={id}
      label={label}
      value={value}
      onChange={onChange}
      options={options}
      error={error}
      hint={hint}
      required={required}
      disabled={disabled}
      inputRef={inputRef}
      placeholder="Owner's name"
      emptyMessage="No owner seen in tasks has this name."
    />
  );
}
