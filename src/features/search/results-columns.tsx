/**
 * The results table's columns: one per Task field, defined once at module scope (TanStack Table
 * wants stable features and columns); the column picker shows and hides them.
 */
import { columnVisibilityFeature, createColumnHelper, rowSortingFeature, tableFeatures } from '@tanstack/react-table';
import type { Task } from '../../api/types.ts';
import { formatDate, formatDateTime } from '../../lib/dates.ts';
import { SEARCH_FIELDS, type FieldDef } from './search-fields.ts';

export const resultFeatures = tableFeatures({ rowSortingFeature, columnVisibilityFeature });

const helper = createColumnHelper<typeof resultFeatures, Task>();

/** A cell's text: dates in words, the rest as the API gives it. */
function cellText(field: FieldDef, value: unknown): string {
  if (value === undefined || value === null) return '';
  if (field.type === 'date') return formatDate(String(value));
  if (field.type === 'datetime') return formatDateTime(String(value));
  return String(value);
}

export const resultColumns = SEARCH_FIELDS.map((field) =>
  helper.accessor((task: Task): unknown => task[field.name], {
    id: field.name,
    header: field.label,
    cell: (info) => cellText(field, info.getValue()),
    sortUndefined: 'last',
  }),
);
