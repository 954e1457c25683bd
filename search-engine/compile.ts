/**
 * Turns a Gainsight search body (`POST /tasks/search`) into SQL over table `tasks`.
 *
 * The body has passed the spec's loose JSON schema, so it is an object, but nothing inside it is
 * trusted: every field name is looked up in the whitelist (`TASK_FIELDS`) and only the columns
 * found there are written into SQL; every value travels as a `?` parameter. The rules a search
 * must follow (operators per field type, values per operator, limits, calendar dates) are the
 * app's too and live in src/lib/search/; the parts of the compiler are:
 *   select.ts, conditions.ts (+ values.ts, datetime.ts), condition-sql.ts, datetime-sql.ts,
 *   where.ts (the expression), order-by.ts, paging.ts; request.ts holds the shapes, errors.ts
 *   the SearchError.
 *
 * The server runs:
 *     SELECT <select columns> FROM tasks WHERE ${whereSql} ORDER BY ${orderBySql} LIMIT ? OFFSET ?
 * with [...params, limit, offset], and `SELECT count(*) FROM tasks WHERE ${whereSql}` with params
 * (task-table.ts `searchTasks`).
 */
import { readConditions } from './conditions.ts';
import { SearchError } from './errors.ts';
import { compileOrderBy } from './order-by.ts';
import { compilePaging } from './paging.ts';
import { MAX_SQL_PARAMS, isPlainObject, type CompiledSearch, type SearchBody } from './request.ts';
import { compileSelect } from './select.ts';
import { compileWhere } from './where.ts';

export { SearchError, type SearchErrorCode } from './errors.ts';
export { MAX_SQL_PARAMS, type CompiledSearch, type SearchBody, type SearchCondition } from './request.ts';
export { DEFAULT_ORDER_BY_SQL } from './order-by.ts';
export { MAX_CONDITIONS, MAX_IN_VALUES } from '../src/lib/search/limits.ts';

/**
 * Compiles a search body; throws `SearchError` (HTTP 400) for anything wrong in it.
 * Checks run in this order: select, conditions (each in turn), expression, orderBy, limit/offset.
 */
export function compileSearch(body: SearchBody): CompiledSearch {
  const input = body as Record<string, unknown>;
  const select = compileSelect(input['select']);
  const where = input['where'];
  const conditions = readConditions(where);
  const params: (string | number)[] = [];
  const whereSql = compileWhere(conditions, isPlainObject(where) ? where['expression'] : undefined, params);
  if (params.length > MAX_SQL_PARAMS) {
    throw new SearchError(
      'COCKPIT_5100',
      `The search has too many values (${params.length} in all); at most ${MAX_SQL_PARAMS} are allowed`,
    );
  }
  const orderBySql = compileOrderBy(input['orderBy']);
  const { limit, offset } = compilePaging(input['limit'], input['offset']);
  return { whereSql, params, orderBySql, select, limit, offset };
}
