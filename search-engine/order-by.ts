/**
 * `orderBy` (an extension: `{ "DueDate": "asc" }`) as an SQL ORDER BY list. The app orders tasks
 * the same way in JavaScript (src/lib/search/task-order.ts).
 */
import { SearchError, show, showList } from './errors.ts';
import { PRIORITIES, taskField } from './fields.ts';
import { isPlainObject } from './request.ts';

/**
 * Order when the request has no orderBy: oldest task first, and Gsid to break ties, so that
 * paging through with offset never repeats or skips a task (uses index tasks_created).
 */
export const DEFAULT_ORDER_BY_SQL = 'created_date ASC, gsid ASC';

/** Builds a SQL string literal from a constant (never from request data). */
function sqlLiteral(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}

/**
 * Priority in picklist order (High, Medium, Low), then other values alphabetically; descending
 * reverses that. Empty priorities come last either way.
 */
function priorityOrder(col: string, dir: 'ASC' | 'DESC'): string {
  const whens = PRIORITIES.map((p, i) => `WHEN ${sqlLiteral(p)} THEN ${i}`).join(' ');
  return [
    `CASE WHEN ${col} IS NULL THEN 1 ELSE 0 END ASC`,
    `CASE ${col} ${whens} ELSE ${PRIORITIES.length} END ${dir}`,
    `${col} ${dir}`,
  ].join(', ');
}

export function compileOrderBy(orderBy: unknown): string {
  if (orderBy === undefined || orderBy === null) return DEFAULT_ORDER_BY_SQL;
  if (!isPlainObject(orderBy)) {
    throw new SearchError(
      'COCKPIT_5100',
      `orderBy must be an object mapping field names to "asc" or "desc", e.g. {"DueDate": "asc"}; got ${show(orderBy)}`,
    );
  }
  const entries = Object.entries(orderBy);
  if (entries.length === 0) return DEFAULT_ORDER_BY_SQL;

  const bad = entries.filter(([name]) => !taskField(name)).map(([name]) => name);
  if (bad.length > 0) throw new SearchError('COCKPIT_5101', `Invalid fields in orderBy - ${showList(bad)}`);

  const parts: string[] = [];
  let hasGsid = false;
  for (const [name, direction] of entries) {
    const field = taskField(name)!;
    const lower = typeof direction === 'string' ? direction.toLowerCase() : null;
    if (lower !== 'asc' && lower !== 'desc') {
      throw new SearchError('COCKPIT_5100', `orderBy direction for ${name} must be "asc" or "desc", got ${show(direction)}`);
    }
    const dir = lower === 'asc' ? 'ASC' : 'DESC';
    if (field.name === 'Gsid') hasGsid = true;
    if (field.name === 'Priority') {
      parts.push(priorityOrder(field.column, dir));
    } else if (field.foldColumn) {
      // Text sorts case-insensitively (by its folded shadow), ties by the text as written.
      parts.push(`${field.foldColumn} ${dir} NULLS LAST`, `${field.column} ${dir}`);
    } else {
      // Empty values last in both directions: a task without a due date belongs at the end.
      parts.push(`${field.column} ${dir} NULLS LAST`);
    }
  }
  // Gsid last breaks every tie, so that paging never repeats or skips a task.
  if (!hasGsid) parts.push('gsid ASC');
  return parts.join(', ');
}
