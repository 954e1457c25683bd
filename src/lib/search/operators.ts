/**
 * Search operators (Gainsight's query format; the spec types `operator` as a plain string) and
 * the ones each field type accepts.
 */
import type { FieldType } from './fields.ts';

export const SEARCH_OPERATORS = [
  'EQ',
  'NE',
  'LT',
  'LTE',
  'GT',
  'GTE',
  'CONTAINS',
  'STARTS_WITH',
  'BTW',
  'IN',
  'NOT_IN',
  'IS_NULL',
  'IS_NOT_NULL',
] as const;
export type SearchOperator = (typeof SEARCH_OPERATORS)[number];

/** An operator code exactly as the API spells it (`EQ`, not `eq`). */
export function isSearchOperator(value: unknown): value is SearchOperator {
  return (SEARCH_OPERATORS as readonly unknown[]).includes(value);
}

const TEXT_OPERATORS: readonly SearchOperator[] = ['EQ', 'NE', 'CONTAINS', 'STARTS_WITH', 'IN', 'NOT_IN', 'IS_NULL', 'IS_NOT_NULL'];
const ORDERED_OPERATORS: readonly SearchOperator[] = [
  'EQ',
  'NE',
  'LT',
  'LTE',
  'GT',
  'GTE',
  'BTW',
  'IN',
  'NOT_IN',
  'IS_NULL',
  'IS_NOT_NULL',
];

/**
 * Which operators a search may use on each field type: the servers refuse any other, and the
 * app's builder offers some of these (see its search-fields.ts).
 */
export const ACCEPTED_OPERATORS: Readonly<Record<FieldType, readonly SearchOperator[]>> = {
  id: TEXT_OPERATORS,
  text: TEXT_OPERATORS,
  picklist: TEXT_OPERATORS,
  status: ['EQ', 'NE', 'IN', 'NOT_IN'],
  date: ORDERED_OPERATORS,
  datetime: ORDERED_OPERATORS,
  number: ORDERED_OPERATORS,
};
