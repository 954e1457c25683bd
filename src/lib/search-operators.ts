/**
 * Search operators in words, for every place a person reads a condition ("Priority is High",
 * "Due date is before today"). The API's codes (EQ, LT…) appear only in the request itself. Pure.
 */
import type { SearchOperator } from './search/operators.ts';

const WORDS: Readonly<Record<SearchOperator, string>> = {
  EQ: 'is',
  NE: 'is not',
  LT: 'is less than',
  LTE: 'is at most',
  GT: 'is greater than',
  GTE: 'is at least',
  CONTAINS: 'contains',
  STARTS_WITH: 'starts with',
  BTW: 'is between',
  IN: 'is any of',
  NOT_IN: 'is none of',
  IS_NULL: 'is empty',
  IS_NOT_NULL: 'is not empty',
};

/** For dates, comparisons read as time: "is before", "is on or after". */
const DATE_WORDS: Partial<Record<SearchOperator, string>> = {
  EQ: 'is on',
  LT: 'is before',
  LTE: 'is on or before',
  GT: 'is after',
  GTE: 'is on or after',
};

/** "is", "is before" (for a date field), "is any of"… */
export function operatorInWords(operator: SearchOperator, { date = false }: { date?: boolean } = {}): string {
  return (date ? DATE_WORDS[operator] : undefined) ?? WORDS[operator];
}

/** "High", "High or Low", "High, Medium or Low" (values quoted when `quote`). */
export function valuesInWords(values: readonly (string | number)[], { joiner = 'or', quote = false } = {}): string {
  const shown = values.map((v) => (quote ? `“${v}”` : String(v)));
  return shown.length <= 1 ? (shown[0] ?? '') : `${shown.slice(0, -1).join(', ')} ${joiner} ${shown.at(-1)}`;
}
