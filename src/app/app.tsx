import { useState } from 'react';
import { QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from 'react-router';
import { createQueryClient } from '../api/query-client.ts';
import { holdSuggestionsUntil } from '../api/suggestions.ts';
import { ROUTE_LOADERS, createAppRouter } from './router.tsx';
import { watchApiHealth } from './api-health.ts';
import { preloadWhenIdle } from './lazy-import.ts';
import { firstPageSettled } from './page-settled.ts';
import { LazyNewTaskDialog, loadNewTaskDialog } from './new-task-dialog-loader.tsx';
import { ToastContext } from '../components/toast/toasts.tsx';
import { createToastStore } from '../components/toast/toast-store.ts';
import { NewTaskHost } from '../components/new-task/new-task-host.tsx';

export function App() {
  const [{ queryClient, router, toasts }] = useState(() => {
    const queryClient = createQueryClient();
    watchApiHealth(queryClient);
    const router = createAppRouter(queryClient);
    // What the first page does not need waits until it is shown: the other pages' code, the New
    // task dialog's, and the pickers' large suggestions search.
    const settled = firstPageSettled(router, queryClient);
    preloadWhenIdle([...ROUTE_LOADERS, loadNewTaskDialog], settled);
    holdSuggestionsUntil(settled);
    return { queryClient, router, toasts: createToastStore() };
  });
  return (
    <QueryClientProvider client={queryClient}>
      <ToastContext value={toasts}>
        <NewTaskHost dialog={LazyNewTaskDialog}>
          <RouterProvider router={router} />
        </NewTaskHost>
      </ToastContext>
    </QueryClientProvider>
  );
}
