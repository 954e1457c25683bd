import { useId, type Ref } from 'react';
import type { ExpressionCheck } from './expression-check.ts';
import { controlClass, Field } from '../../components/ui/field.tsx';

interface Props {
  value: string;
  check: ExpressionCheck | null;
  onChange: (value: string) => void;
  inputRef?: Ref<HTMLInputElement>;
}

/** The "Custom logic" text, checked as it is typed: an error is shown at its place in the text. */
export function ExpressionField({ value, check, onChange, inputRef }: Props) {
  const id = useId();
  const error = check?.error ?? null;
  return (
    <Field
      id={id}
      label="Custom logic expression"
      hint="Letters of the conditions with AND, OR and parentheses, e.g. A AND (B OR C). AND binds tighter than OR."
      error={error?.message}
      size="sm"
      className="mt-2"
      after={
        error ? (
          <ErrorPointer text={value} position={error.position} length={error.length} />
        ) : (
          check &&
          check.unused.length > 0 && (
            <p className="mt-1 text-sm text-amber-900">
              Left out of the logic: {check.unused.join(', ')}. {check.unused.length === 1 ? 'It filters' : 'They filter'} nothing.
            </p>
          )
        )
      }
    >
      {(control) => (
        <input
          {...control}
          ref={inputRef}
          type="text"
          spellCheck="false"
          autoComplete="off"
          className={`${controlClass('sm')} w-full max-w-xl font-mono`}
          value={value}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
    </Field>
  );
}

/** The expression again, with the wrong part marked (a caret when the problem is the end). */
function ErrorPointer({ text, position, length }: { text: string; position: number; length: number }) {
  const before = text.slice(0, position);
  const bad = text.slice(position, position + length);
  const after = text.slice(position + length);
  return (
    <p aria-hidden="true" data-testid="expression-pointer" className="mt-1 font-mono text-sm whitespace-pre text-slate-900">
      {before}
      {length > 0 ? (
        <mark className="rounded-sm bg-red-200 text-red-950 underline decoration-red-700 decoration-wavy">{bad}</mark>
      ) : (
        <mark className="bg-transparent font-bold text-red-800">▲</mark>
      )}
      {after}
    </p>
  );
}
