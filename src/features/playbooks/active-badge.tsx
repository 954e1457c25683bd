/** "Active" or "Inactive" as words (the colour only repeats what the word says). */
export function ActiveBadge({ active }: { active: boolean }) {
  return (
    <span
      className={`inline-flex items-center gap-1 whitespace-nowrap rounded-full border px-2 py-0.5 text-xs font-medium ${
        active ? 'border-green-300 bg-green-50 text-green-800' : 'border-slate-300 bg-slate-100 text-slate-700'
      }`}
    >
      <span aria-hidden="true" className={`size-1.5 rounded-full ${active ? 'bg-green-700' : 'border border-slate-600'}`} />
      {active ? 'Active' : 'Inactive'}
    </span>
  );
}

/** A CTA type id (the API has no CTA type names): shortened on screen, whole in the title and to screen readers. */
export function CtaTypeId({ id }: { id: string }) {
  if (!id) return <span className="text-slate-600">None</span>;
  return (
    <code title={id} className="block max-w-[12ch] truncate rounded bg-slate-100 px-1 py-0.5 text-xs text-slate-800">
      {id}
    </code>
  );
}
