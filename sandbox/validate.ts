import { isCalendarDate } from '../src/lib/search/calendar-date.ts';
import { ErrorCodes, badRequest } from './errors.ts';
import { describeSchemaErrors, type SpecValidators } from './spec.ts';
import type { TaskWrite } from './store.ts';

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** Finds a key that could pollute prototypes anywhere in a parsed JSON value. */
export function findForbiddenKey(value: unknown, path = ''): string | undefined {
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const hit = findForbiddenKey(value[i], `${path}[${i}]`);
      if (hit) return hit;
    }
  } else if (value && typeof value === 'object') {
    for (const key of Object.keys(value)) {
      const at = path ? `${path}.${key}` : key;
      if (FORBIDDEN_KEYS.has(key)) return at;
      const hit = findForbiddenKey((value as Record<string, unknown>)[key], at);
      if (hit) return hit;
    }
  }
  return undefined;
}

/** Parses a request body; malformed JSON and prototype-polluting keys are a 400 that says why. */
export function parseJsonBody(text: string): unknown {
  if (text.trim() === '') throw badRequest('Request body is empty: a JSON object is required', ErrorCodes.badJson);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw badRequest(`Malformed JSON in request body: ${(e as Error).message}`, ErrorCodes.badJson);
  }
  const bad = findForbiddenKey(value);
  if (bad) throw badRequest(`Property name not allowed in request body: "${bad}"`, ErrorCodes.badJson);
  return value;
}

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
