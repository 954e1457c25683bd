/** Draws the app (React DOM, the router, the layout): loaded by the entry in parallel with the first page's code and data. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import type { QueryClient } from '@tanstack/react-query';
import { App } from './app.tsx';

export function start(queryClient: QueryClient) {
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App queryClient={queryClient} />
    </StrictMode>,
  );
}
