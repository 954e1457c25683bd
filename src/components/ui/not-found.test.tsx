import { render, screen } from '@testing-library/react';
import { MemoryRouter } from '../router/router.tsx';
import { describe, expect, it } from 'vitest';
import { NotFoundPage } from './not-found.tsx';

const renderAt = (element: React.ReactElement) => render(<MemoryRouter>{element}</MemoryRouter>);

describe('NotFoundPage', () => {
  it('says nothing is at the address, in a region named by its heading, with a link back to the board', () => {
    renderAt(<NotFoundPage />);
    const heading = screen.getByRole('heading', { level: 1, name: 'Page not found' });
    expect(screen.getByRole('region', { name: 'Page not found' })).toContainElement(heading);
    expect(screen.getByText('There is nothing at this address.')).toBeVisible();
    expect(screen.getByRole('link', { name: 'Back to the board' })).toHaveAttribute('href', '/board');
  });

  it('takes its own title and detail (a task or playbook that does not exist)', () => {
    renderAt(<NotFoundPage title="Task not found" detail="No task has the id T-404." />);
    expect(screen.getByRole('region', { name: 'Task not found' })).toBeVisible();
    expect(screen.getByText('No task has the id T-404.')).toBeVisible();
  });
});
