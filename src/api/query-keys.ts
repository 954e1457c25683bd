/**
 * Query keys, written once and shared by hooks, prefetching, cache writes and invalidation.
 * Hierarchical, so invalidating a prefix reaches everything under it:
 * `['tasks']` > `['tasks', 'search']` > `['tasks', 'search', request]`.
 *
 * Every task search's key is `['tasks', 'search', ...kind, request]`: the request it sends is its
 * last element, so what a change may affect can be read from the key without knowing which page
 * made it (live-invalidation.ts reads keys back).
 */
import type { SearchRequest } from './types.ts';

export const taskKeys = {
  all: ['tasks'] as const,
  /** Every task search, paged or not. */
  searches: () => [...taskKeys.all, 'search'] as const,
  search: (request: SearchRequest) => [...taskKeys.searches(), request] as const,
  /** The board's paged search (its cache entry holds pages, so it needs a key of its own). */
  searchInfinite: (request: SearchRequest) => [...taskKeys.searches(), 'infinite', request] as const,
  /**
   * One page of the search page's results (its entry also says whether the server refused
   * `orderBy`, so it needs a key of its own).
   */
  searchBuilderPage: (request: SearchRequest) => [...taskKeys.searches(), 'builder-page', request] as const,
  /** Every row of a search, all pages read one after the other (a playbook's adoption). */
  searchAllPages: (request: SearchRequest) => [...taskKeys.searches(), 'all-pages', request] as const,
  details: () => [...taskKeys.all, 'detail'] as const,
  detail: (id: string) => [...taskKeys.details(), id] as const,
  /** The pickers' suggestions (CTAs, owners, priorities seen in tasks): outside the searches on purpose. */
  suggestions: () => [...taskKeys.all, 'suggestions'] as const,
  /**
   * A task's history from the team server (`GET /api/tasks/{id}/activity`). Under the task's own
   * key on purpose: invalidating `taskKeys.detail(id)` (a live update, a refetch of the task)
   * refreshes its activity too. Code that reads every entry under `details()` must expect both.
   */
  activity: (id: string) => [...taskKeys.detail(id), 'activity'] as const,
};

export const playbookKeys = {
  all: ['playbooks'] as const,
  list: () => [...playbookKeys.all, 'list'] as const,
  details: () => [...playbookKeys.all, 'detail'] as const,
  detail: (id: string) => [...playbookKeys.details(), id] as const,
};

/** The team server's session and what it offers (`GET /auth/session`). */
export const sessionKeys = {
  current: () => ['session'] as const,
};

/** The team's shared views (`GET /api/views`, every kind in one list). */
export const teamViewKeys = {
  all: ['team-views'] as const,
  list: () => [...teamViewKeys.all, 'list'] as const,
};

/** The calendar feed's address for one owner (`GET /api/calendar-feed`): the same for as long as the session lasts. */
export const calendarFeedKeys = {
  all: ['calendar-feed'] as const,
  address: (owner: string) => [...calendarFeedKeys.all, owner] as const,
};

/**
 * The `meta` of a query or mutation the team server answers itself (the session, team views, a
 * task's activity, the calendar feed's address): its success says the team server answers, not
 * that the Gainsight API does, so it does not clear "Cannot reach the server" (api-health.ts).
 */
export const TEAM_SERVER_META = { teamServer: true } as const;

/** Whether a query's or mutation's `meta` marks it as the team server's own. */
export const isTeamServerCall = (meta: Record<string, unknown> | undefined) => meta?.teamServer === true;
