import type { CtaLabel } from '../../lib/cta-label.ts';

/** A CTA by its label, with its id as secondary text under it. */
export function CtaName({ label, idClassName = '' }: { label: CtaLabel; idClassName?: string }) {
  return (
    <>
      <span className="block">{label.text}</span>
      <span className={`block font-mono text-xs break-all text-slate-600 ${idClassName}`}>{label.idText}</span>
    </>
  );
}
