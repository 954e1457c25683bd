/**
 * A wide table's frame: it scrolls sideways when the table is wider than the screen (a phone), and
 * then keyboard users can scroll it too (it takes focus, with a name saying what it holds).
 */
import type { ReactNode } from 'react';

export function ScrollRegion({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div
      role="region"
      aria-label={label}
      tabIndex={0}
      className="overflow-x-auto rounded border border-slate-200 bg-white focus:outline-none focus-visible:ring-2 focus-visible:ring-blue-600"
    >
      {children}
    </div>
  );
}
