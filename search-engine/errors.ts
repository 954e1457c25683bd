/** The error a search body the API would refuse gets (HTTP 400), and how values are shown in it. */

/**
 * - COCKPIT_5100: the request as a whole (limit, offset, orderBy direction, shape, size)
 * - COCKPIT_5101: an unknown field (in select, a condition or orderBy)
 * - COCKPIT_5102: the expression (syntax, or an alias no condition has)
 * - COCKPIT_5103: a condition (alias, operator, value)
 */
export type SearchErrorCode = 'COCKPIT_5100' | 'COCKPIT_5101' | 'COCKPIT_5102' | 'COCKPIT_5103';

export class SearchError extends Error {
  readonly code: SearchErrorCode;
  readonly status = 400 as const;

  constructor(code: SearchErrorCode, message: string) {
    super(message);
    this.name = 'SearchError';
    this.code = code;
  }
}

/** A value from the request as JSON, cut to 80 characters. */
export function show(value: unknown): string {
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    text = String(value);
  }
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

export function showList(items: readonly string[]): string {
  return items.join(', ');
}
