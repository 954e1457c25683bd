import { createContext, use, type ReactNode } from 'react';

/** Resolves once the first page has settled (app.tsx, page-settled.ts); already settled by default. */
export const FirstPageSettledContext = createContext<Promise<void>>(Promise.resolve());

/**
 * Draws its children once the first page has settled (suspending until then), so their code is
 * not part of what the first page waits for. Put it inside a Suspense boundary.
 */
export function AfterFirstPage({ children }: { children: ReactNode }) {
  use(use(FirstPageSettledContext));
  return children;
}
