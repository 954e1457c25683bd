import { useId, type Ref } from 'react';
import type { ExpressionCheck } from './expression-check.ts';
import { INPUT, LABEL } from './styles.ts';

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
    <div className="mt-2">
      <label htmlFor={id} className={LABEL}>
        Custom logic expression
      </label>
      <input
        ref={inputRef}
        id={id}
        type="text"
        spellCheck={false}
        autoComplete="off"
        className={`${INPUT} w-full max-w-xl font-mono`}
        value={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={`${id}-help${error ? ` ${id}-error` : ''}`}
        onChange={(e) => onChange(e.target.value)}
      />
      <p id={`${id}-help`} className="text-xs text-slate-600">
        Letters of the conditions with AND, OR and parentheses, e.g. A AND (B OR C). AND binds tighter than OR.
      </p>
      {error && (
        <div className="mt-1 text-sm text-red-800">
          <p id={`${id}-error`}>{error.message}</p>
          <ErrorPointer text={value} position={error.position} length={error.length} />
        </div>
      )}
      {!error && check && check.unused.length > 0 && (
        <p className="mt-1 text-sm text-amber-900">
          Left out of the logic: {check.unused.join(', ')}. {check.unused.length === 1 ? 'It filters' : 'They filter'} nothing.
        </p>
      )}
    </div>
  );
}

/** The expression again, with the wrong part marked (a caret when the problem is the end). */
function ErrorPointer({ text, position, length }: { text: string; position: number; length: number }) {
  const before = text.slice(0, position);
  const bad = text.slice(position, position + length);
  const after = text.slice(position + length);
  return (
    <p aria-hidden="true" data-testid="expression-pointer" className="mt-1 font-mono whitespace-pre text-slate-900">
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
