/**
 * The limits of a task search (`POST /tasks/search`), the same for the app, the local API server
 * and the team server's mirror.
 */

/** Most conditions a search may have. */
export const MAX_CONDITIONS = 100;

/** Most values an IN / NOT_IN condition may list. */
export const MAX_IN_VALUES = 1000;

/**
 * Rows a search returns when it sets no `limit` (the local API server's choice; Gainsight
 * documents no default, so the app always says how many it wants).
 */
export const DEFAULT_PAGE_SIZE = 100;

/** Most rows one search may return: the API answers at most 5,000 rows per query. */
export const MAX_PAGE_SIZE = 5000;
