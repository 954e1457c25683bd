import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createRef } from 'react';
import { MemoryRouter, Link } from '../router/router.tsx';
import { describe, expect, it, vi } from 'vitest';
import { Button, buttonClass } from './button.tsx';

describe('Button', () => {
  it('is a button that does not submit its form unless asked to', async () => {
    const submit = vi.fn((e: React.FormEvent) => e.preventDefault());
    const click = vi.fn();
    render(
      <form onSubmit={submit}>
        <Button onClick={click}>Cancel</Button>
        <Button type="submit" variant="primary">
          Save
        </Button>
      </form>,
    );
    await userEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(click).toHaveBeenCalledTimes(1);
    expect(submit).not.toHaveBeenCalled();
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(submit).toHaveBeenCalledTimes(1);
  });

  it('passes its ref, its aria attributes and disabled on to the button', async () => {
    const ref = createRef<HTMLButtonElement>();
    const click = vi.fn();
    render(
      <Button ref={ref} aria-label="Rename Overdue" aria-expanded={false} disabled onClick={click}>
        Rename
      </Button>,
    );
    const button = screen.getByRole('button', { name: 'Rename Overdue' });
    expect(ref.current).toBe(button);
    expect(button).toHaveAttribute('aria-expanded', 'false');
    expect(button).toBeDisabled();
    await userEvent.click(button);
    expect(click).not.toHaveBeenCalled();
  });

  it('draws each variant and size with its own look, plus the classes given', () => {
    render(
      <>
        <Button variant="primary">Primary</Button>
        <Button variant="danger" size="lg" className="mt-6">
          Danger
        </Button>
      </>,
    );
    expect(screen.getByRole('button', { name: 'Primary' }).className).toBe(buttonClass({ variant: 'primary' }));
    expect(screen.getByRole('button', { name: 'Danger' }).className).toBe(
      buttonClass({ variant: 'danger', size: 'lg', className: 'mt-6' }),
    );
    expect(buttonClass({ variant: 'primary' })).toContain('bg-blue-700');
    expect(buttonClass({ variant: 'danger' })).toContain('bg-red-700');
    expect(buttonClass()).toBe(buttonClass({ variant: 'secondary', size: 'md' }));
    expect(buttonClass({ size: 'sm' })).not.toBe(buttonClass({ size: 'lg' }));
  });

  it('buttonClass styles a link as a button and it stays a link', () => {
    render(
      <MemoryRouter>
        <Link to="/board" className={buttonClass({ variant: 'primary', size: 'lg' })}>
          Back to the board
        </Link>
      </MemoryRouter>,
    );
    const link = screen.getByRole('link', { name: 'Back to the board' });
    expect(link).toHaveAttribute('href', '/board');
    expect(link).toHaveClass('inline-block', 'bg-blue-700', 'px-4', 'py-2');
    expect(screen.queryByRole('button')).toBeNull();
  });
});
