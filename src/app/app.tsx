import { useState } from 'react';
import { QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from 'react-router';
import { createQueryClient } from '../api/query-client.ts';
import { createAppRouter } from './router.tsx';
import { watchApiHealth } from './api-health.ts';
import { ToastContext } from '../components/toast/toasts.tsx';
import { createToastStore } from '../components/toast/toast-store.ts';
import { NewTaskProvider } from '../components/new-task/new-task-provider.tsx';

export function App() {
  const [{ queryClient, router, toasts }] = useState(() => {
    const queryClient = createQueryClient();
    watchApiHealth(queryClient);
    return { queryClient, router: createAppRouter(queryClient), toasts: createToastStore() };
  });
  return (
    <QueryClientProvider client={queryClient}>
      <ToastContext value={toasts}>
        <NewTaskProvider>
          <RouterProvider router={router} />
        </NewTaskProvider>
      </ToastContext>
    </QueryClientProvider>
  );
}
