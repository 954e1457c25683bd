import { useMemo, type Ref } from 'react';
import { useCtaLabeller } from '../../api/cta.ts';
import { useSuggestions } from '../../api/suggestions.ts';
import { isWellFormedGsid } from '../../lib/gsid.ts';
import { Combobox } from './combobox.tsx';
import { needsConfirmation } from './cta-choice.ts';
import { ctaOptions } from './suggestion-options.ts';
import type { CtaChoice } from './use-cta-choice.ts';

export interface CtaComboboxProps {
  /** The input's id. */
  id: string;
  /** The CTA id ('' for none). */
  value: string;
  onChange: (ctaId: string) => void;
  /** Where the choice stands (the form's useCtaChoice over the same value). */
  choice: CtaChoice;
  /** Default "CTA". */
  label?: string;
  error?: string;
  required?: boolean;
  disabled?: boolean;
  inputRef?: Ref<HTMLInputElement>;
}

/** A typed text is taken as a CTA id only when it is a well-formed Gsid. */
const acceptId = (text: string) => (isWellFormedGsid(text) ? text : null);

/**
 * Picks a CTA among those seen in tasks, each named by what its tasks tell ("Kestrel Aerospace ·
 * Renewal - 120 Days Out · 5 tasks · since Aug 12", the id under it), found by any of those words
 * or by its id. A well-formed id no suggestion has is looked up; if no task names it, it is used
 * only once the user ticks "Use this CTA id anyway". Nothing else typed can become the value.
 */
export function CtaCombobox({ id, value, onChange, choice, label = 'CTA', error, required, disabled, inputRef }: CtaComboboxProps) {
  const suggestions = useSuggestions();
  const labelOf = useCtaLabeller();
  const ctas = suggestions.data?.ctas;
  const { status } = choice;
  const lookedUp = status.kind === 'known' && !ctas?.some((c) => c.ctaId === status.facts.ctaId) ? status.facts : null;
  const options = useMemo(() => ctaOptions(lookedUp ? [...(ctas ?? []), lookedUp] : (ctas ?? []), labelOf), [ctas, lookedUp, labelOf]);

  const typed = choice.ctaId;
  const hint =
    status.kind === 'known'
      ? labelOf(typed, status.facts).idText
      : status.kind === 'checking'
        ? `Checking CTA id ${typed}…`
        : status.kind === 'unknown'
          ? `No task names CTA id ${typed}, so it cannot be told which CTA it is.`
          : status.kind === 'uncheckable'
            ? `CTA id ${typed} could not be checked (${status.reason}).`
            : status.kind === 'confirmed'
              ? `CTA id ${typed} is used as typed; the server checks it when you save.`
              : suggestions.isPending
                ? 'Loading the CTAs seen in tasks…'
                : suggestions.isError
                  ? 'Could not load suggestions; type the CTA id.'
                  : 'Type a company, a playbook or a CTA id.';
  const confirmId = `${id}-confirm`;

  return (
    <div>
      <Combobox
        id={id}
        label={label}
        value={value}
        onChange={onChange}
        options={options}
        acceptTyped={acceptId}
        takeWhileTyping
        noun="CTAs"
        error={error}
        hint={hint}
        required={required}
        disabled={disabled}
        inputRef={inputRef}
        placeholder="Company, playbook or CTA id"
        emptyMessage="No CTA seen in tasks matches. A CTA id (36 letters and digits) can be typed whole."
      />
      {needsConfirmation(status) && (
        <label
          htmlFor={confirmId}
          className="mt-2 flex items-start gap-2 rounded border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950"
        >
          <input
            id={confirmId}
            type="checkbox"
            className="mt-0.5"
            checked={status.kind === 'confirmed'}
            disabled={disabled}
            onChange={(e) => choice.setConfirmed(e.currentTarget.checked)}
          />
          <span>
            Use CTA id <span className="font-mono break-all">{typed}</span> anyway
          </span>
        </label>
      )}
    </div>
  );
}
