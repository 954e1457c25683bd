import { isCalendarDate } from '../src/lib/search/calendar-date.ts';
import { badRequest } from './errors.ts';
import { describeSchemaErrors, type SpecValidators } from './spec.ts';
import type { TaskWrite } from './store.ts';

const optional = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v : null);

/**
 * Checks a create or update body against the spec's TaskInput schema and the rules the schema
 * cannot say, listing every problem at once. Returns the write and the extension fields.
 */
export function validateTaskInput(
  body: unknown,
  validators: SpecValidators,
  { allowExtensions }: { allowExtensions: boolean },
): { write: TaskWrite; extension: { PlaybookId?: string; Order?: number } } {
  if (!body || typeof body !== 'object' || Array.isArray(body)) {
    throw badRequest('Request body must be a JSON object (TaskInput)');
  }
  const problems = validators.taskInput(body) ? [] : describeSchemaErrors(validators.taskInput.errors);
  const input = body as Record<string, unknown>;
  if (typeof input.Name === 'string' && input.Name.trim() === '') problems.push('Name: must not be blank');
  if (typeof input.CTAId === 'string' && input.CTAId.trim() === '') problems.push('CTAId: must not be blank');
  if (typeof input.DueDate === 'string' && !isCalendarDate(input.DueDate)) {
    const msg = 'DueDate: must be a valid calendar date (YYYY-MM-DD)';
    if (!problems.includes(msg)) problems.push(msg);
  }
  const extension: { PlaybookId?: string; Order?: number } = {};
  if (allowExtensions) {
    if (input.PlaybookId !== undefined && input.PlaybookId !== null) {
      if (typeof input.PlaybookId !== 'string' || input.PlaybookId.trim() === '') {
        problems.push('PlaybookId: must be a non-blank string (extension field)');
      } else extension.PlaybookId = input.PlaybookId;
    }
    if (input.Order !== undefined && input.Order !== null) {
      if (typeof input.Order !== 'number' || !Number.isInteger(input.Order) || input.Order < 0) {
        problems.push('Order: must be an integer >= 0 (extension field)');
      } else extension.Order = input.Order;
    }
  }
  if (problems.length > 0) {
    throw badRequest(`Invalid task - ${problems.join('; ')}`);
  }
  return {
    write: {
      Name: (input.Name as string).trim(),
      Description: optional(input.Description),
      CTAId: input.CTAId as string,
      OwnerId: optional(input.OwnerId),
      Status: (input.Status as string | undefined) ?? 'Not Started',
      Priority: optional(input.Priority),
      DueDate: optional(input.DueDate),
    },
    extension,
  };
}
