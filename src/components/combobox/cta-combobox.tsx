import { useMemo, type Ref } from 'react';
import { useSuggestions } from '../../api/suggestions.ts';
import { Combobox } from './combobox.tsx';
import { ctaOptions } from './suggestion-options.ts';

export interface CtaComboboxProps {
  /** The input's id. */
  id: string;
  /** The CTA id ('' for none). A typed id that no task uses is kept as typed. */
  value: string;
  onChange: (ctaId: string) => void;
  /** Default "CTA". */
  label?: string;
  error?: string;
  required?: boolean;
  disabled?: boolean;
  inputRef?: Ref<HTMLInputElement>;
}

/**
 * Picks a CTA: suggests the CTAs seen in tasks (company name and CTA id, searchable by either)
 * and accepts any typed CTA id; the server checks it on save. The input holds the CTA id itself.
 */
export function CtaCombobox({ id, value, onChange, label = 'CTA', error, required, disabled, inputRef }: CtaComboboxProps) {
  const suggestions = useSuggestions();
  const ctas = suggestions.data?.ctas;
  const options = useMemo(() => ctaOptions(ctas ?? []), [ctas]);
  const typed = value.trim();
  const known = ctas?.find((c) => c.ctaId === typed);
  const hint = suggestions.isPending
    ? 'Loading the CTAs seen in tasks…'
    : suggestions.isError
      ? 'Could not load suggestions; type the CTA id.'
      : typed === ''
        ? 'Type a company name or a CTA id.'
        : known
          ? `Company: ${known.companyName || 'unknown'}`
          : 'Not a CTA seen in tasks; the server checks the id when you save.';
  return (
    <Combobox
      id={id}
      label={label}
      value={value}
      onChange={onChange}
      options={options}
      allowCustom
      error={error}
      hint={hint}
      required={required}
      disabled={disabled}
      inputRef={inputRef}
      placeholder="Company name or CTA id"
      emptyMessage="No CTA seen in tasks matches; the id as typed will be used."
    />
  );
}
