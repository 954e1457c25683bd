import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { controlClass, Field, labelClass } from './field.tsx';

describe('Field', () => {
  it('names the control by its label and gives it no description or invalid state when there is neither', () => {
    render(<Field label="Name">{(control) => <input type="text" {...control} />}</Field>);
    const input = screen.getByRole('textbox', { name: 'Name' });
    expect(input.id).not.toBe('');
    expect(input).not.toHaveAttribute('aria-describedby');
    expect(input).not.toHaveAttribute('aria-invalid');
  });

  it('uses the id it is given for the control', () => {
    render(
      <Field id="task-status" label="Status">
        {(control) => (
          <select {...control}>
            <option>Open</option>
          </select>
        )}
      </Field>,
    );
    expect(screen.getByRole('combobox', { name: 'Status' })).toHaveAttribute('id', 'task-status');
  });

  it('describes the control by its hint', () => {
    render(
      <Field label="Due date" hint="Optional.">
        {(control) => <input type="text" {...control} />}
      </Field>,
    );
    const input = screen.getByRole('textbox', { name: 'Due date' });
    expect(input).toHaveAccessibleDescription('Optional.');
    expect(input).not.toHaveAttribute('aria-invalid');
  });

  it('with an error, the control is invalid and described by the hint, then the error, then what else is named', () => {
    render(
      <>
        <Field label="Value" hint="One value per line" error="Enter a value." describedBy="row-problem">
          {(control) => <textarea {...control} />}
        </Field>
        <p id="row-problem">Condition A is incomplete.</p>
      </>,
    );
    const input = screen.getByRole('textbox', { name: 'Value' });
    expect(input).toHaveAttribute('aria-invalid', 'true');
    expect(input).toBeInvalid();
    expect(input).toHaveAccessibleDescription('One value per line Enter a value. Condition A is incomplete.');
    expect(screen.getByText('Enter a value.')).toBeVisible();
  });

  it('drops the error from the description and the invalid state once the error is gone', () => {
    const field = (error?: string) => (
      <Field label="Start date" hint="Day 0 of the playbook." error={error}>
        {(control) => <input type="text" {...control} />}
      </Field>
    );
    const { rerender } = render(field('Enter a start date.'));
    const input = screen.getByRole('textbox', { name: 'Start date' });
    expect(input).toHaveAccessibleDescription('Day 0 of the playbook. Enter a start date.');
    rerender(field(undefined));
    expect(input).toHaveAccessibleDescription('Day 0 of the playbook.');
    expect(input).not.toHaveAttribute('aria-invalid');
    expect(screen.queryByText('Enter a start date.')).toBeNull();
  });

  it('draws what it is given after the error, inside the field', () => {
    render(
      <Field label="Custom logic" error="Expected a letter." className="mt-2" after={<p>A AND</p>}>
        {(control) => <input type="text" {...control} />}
      </Field>,
    );
    const error = screen.getByText('Expected a letter.');
    const after = screen.getByText('A AND');
    expect(error.compareDocumentPosition(after) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(after.parentElement).toHaveClass('mt-2');
  });

  it('has a compact size for dense forms, and the same looks for controls it does not draw', () => {
    render(
      <Field label="Operator" size="sm">
        {(control) => (
          <select {...control} className={controlClass('sm')}>
            <option>is</option>
          </select>
        )}
      </Field>,
    );
    expect(screen.getByText('Operator')).toHaveClass(...labelClass('sm').split(' '));
    expect(labelClass('sm')).not.toBe(labelClass('md'));
    expect(controlClass('md')).toContain('aria-invalid:border-red-600');
    expect(controlClass('sm')).toContain('aria-invalid:border-red-600');
  });
});
