import { QueryClientProvider } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createQueryClient } from '../api/query-client.ts';
import { useNewTask } from '../components/new-task/new-task-context.tsx';
import { NewTaskHost } from '../components/new-task/new-task-host.tsx';
import { ToastContext } from '../components/toast/toasts.tsx';
import { createToastStore } from '../components/toast/toast-store.ts';
import { LazyNewTaskDialog } from './new-task-dialog-loader.tsx';
import { fakeApi } from '../../test-support/fake-api.ts';

function Opener() {
  const { openNewTask } = useNewTask();
  return (
    <button type="button" onClick={() => openNewTask({ Status: 'Completed' })}>
      New task
    </button>
  );
}

beforeEach(() => {
  // An empty tenant: no playbooks, no tasks.
  vi.stubGlobal('fetch', vi.fn(fakeApi()));
});
afterEach(() => vi.unstubAllGlobals());

describe('the New task dialog loaded on demand', () => {
  it('opens with its preset once its code is in, and closes', async () => {
    const user = userEvent.setup();
    render(
      <QueryClientProvider client={createQueryClient()}>
        <ToastContext value={createToastStore()}>
          <NewTaskHost dialog={LazyNewTaskDialog}>
            <Opener />
          </NewTaskHost>
        </ToastContext>
      </QueryClientProvider>,
    );
    await user.click(screen.getByRole('button', { name: 'New task' }));
    const dialog = await screen.findByRole('dialog', { name: 'New task' });
    expect(screen.getByRole('combobox', { name: 'Status' })).toHaveValue('Completed');
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(dialog).not.toBeInTheDocument();
  });
});
