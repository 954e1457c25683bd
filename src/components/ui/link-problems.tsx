/**
 * What could not be used of a page's link (the board's, the calendar's, the search's), said as an
 * alert: the page shows what it could make of the rest instead of failing. `children` go under
 * the list (the board's "Tidy the link").
 */
import type { ReactNode } from 'react';

export function LinkProblems({
  problems,
  title = 'Part of this link could not be used:',
  className = '',
  children,
}: {
  problems: readonly string[];
  title?: string;
  className?: string;
  children?: ReactNode;
}) {
  if (problems.length === 0) return null;
  return (
    <div role="alert" className={`rounded border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950 ${className}`}>
      <p className="font-semibold">{title}</p>
      <ul className="mt-1 list-disc pl-5">
        {problems.map((p) => (
          <li key={p}>{p}</li>
        ))}
      </ul>
      {children}
    </div>
  );
}
