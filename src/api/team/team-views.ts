/**
 * The team's shared views (saved searches and board filters kept by the team server): the list,
 * and saving, renaming and deleting one. The list is one query for every kind; each page selects
 * its own kind.
 */
import { queryOptions, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { TeamView, TeamViewInput, TeamViewKind } from '../../lib/live-events.ts';
import { TEAM_VIEWS_OFF_CODE } from '../../lib/team/server-session.ts';
import { useAfterFirstPage } from '../after-first-page.ts';
import { isApiError } from '../errors.ts';
import { teamViewKeys, TEAM_SERVER_META } from '../query-keys.ts';
import {
  createTeamView,
  deleteTeamView,
  listTeamViews,
  teamApiUnavailable,
  updateTeamView,
  type TeamApiUnavailable,
  type TeamViewPatch,
} from './team-api.ts';
import { serverSessionQueryOptions } from './session.ts';

/**
 * Why there are no team views here: `off` when the server keeps none (its mirror is off: its
 * `/auth/session` says so, or `/api/views` answers 503 `TEAM_503`), else what teamApiUnavailable
 * says (an older server without them, a sign-in this browser does not have).
 */
type TeamViewsUnavailable = TeamApiUnavailable | 'off';

/**
 * The list, or why there is none here. Those are states the page explains, not failures (and, as
 * answers rather than errors, never retried).
 */
export type TeamViews = { status: 'ok'; views: TeamView[] } | { status: 'unavailable'; reason: TeamViewsUnavailable };

const isViewsOff = (error: unknown) => isApiError(error) && error.status === 503 && error.errorCode === TEAM_VIEWS_OFF_CODE;

function teamViewsQueryOptions() {
  return queryOptions({
    queryKey: teamViewKeys.list(),
    meta: TEAM_SERVER_META,
    queryFn: async ({ signal, client }): Promise<TeamViews> => {
      // The page's session answer says whether this server keeps team views; when it keeps none,
      // the list is not asked for (a failed request would be logged in the browser's console).
      const { teamViews } = await client.fetchQuery(serverSessionQueryOptions());
      if (teamViews === false) return { status: 'unavailable', reason: 'off' };
      try {
        return { status: 'ok', views: await listTeamViews({ signal }) };
      } catch (error) {
        const reason = isViewsOff(error) ? 'off' : teamApiUnavailable(error);
        if (reason) return { status: 'unavailable', reason };
        throw error;
      }
    },
  });
}

/** Views of one kind, by name (any case), then newest first. */
export function viewsOfKind(views: readonly TeamView[], kind: TeamViewKind): TeamView[] {
  return views
    .filter((v) => v.kind === kind)
    .sort((a, b) => a.name.localeCompare(b.name, undefined, { sensitivity: 'base' }) || b.updatedAt.localeCompare(a.updatedAt));
}

/**
 * The team's views of one kind, asked for once the first page has settled (after-first-page.ts):
 * the cards and rows come first. `enabled: false` reads what is cached without asking.
 */
export function useTeamViews(kind: TeamViewKind, { enabled = true }: { enabled?: boolean } = {}) {
  const afterFirstPage = useAfterFirstPage();
  const select = useCallback(
    (data: TeamViews): TeamViews => (data.status === 'ok' ? { status: 'ok', views: viewsOfKind(data.views, kind) } : data),
    [kind],
  );
  return useQuery({ ...teamViewsQueryOptions(), enabled: afterFirstPage && enabled, select });
}

function patchList(queryClient: QueryClient, change: (views: TeamView[]) => TeamView[]) {
  queryClient.setQueryData<TeamViews>(teamViewKeys.list(), (data) =>
    data?.status === 'ok' ? { status: 'ok', views: change(data.views) } : data,
  );
}

/** The list is read again once a write is done (others may have changed it meanwhile); not awaited. */
function refreshList(queryClient: QueryClient) {
  void queryClient.invalidateQueries({ queryKey: teamViewKeys.list() });
}

export function useCreateTeamView() {
  const queryClient = useQueryClient();
  return useMutation({
    meta: TEAM_SERVER_META,
    mutationFn: (input: TeamViewInput) => createTeamView(input),
    onSuccess: (view) => patchList(queryClient, (views) => [...views.filter((v) => v.id !== view.id), view]),
    onSettled: () => refreshList(queryClient),
  });
}

export interface UpdateTeamViewVariables {
  id: string;
  patch: TeamViewPatch;
}

export function useUpdateTeamView() {
  const queryClient = useQueryClient();
  return useMutation({
    meta: TEAM_SERVER_META,
    mutationFn: ({ id, patch }: UpdateTeamViewVariables) => updateTeamView(id, patch),
    onSuccess: (view) => patchList(queryClient, (views) => views.map((v) => (v.id === view.id ? view : v))),
    onSettled: () => refreshList(queryClient),
  });
}

export function useDeleteTeamView() {
  const queryClient = useQueryClient();
  return useMutation({
    meta: TEAM_SERVER_META,
    mutationFn: (id: string) => deleteTeamView(id),
    onSuccess: (_nothing, id) => patchList(queryClient, (views) => views.filter((v) => v.id !== id)),
    onError: (error, id) => {
      // Already gone (someone deleted it meanwhile): it leaves the list all the same.
      if (isApiError(error) && error.kind === 'api' && error.status === 404)
        patchList(queryClient, (views) => views.filter((v) => v.id !== id));
    },
    onSettled: () => refreshList(queryClient),
  });
}
