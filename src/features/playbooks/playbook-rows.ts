/**
 * The playbook list: one row per playbook with what the table shows, the filters (active state and
 * text) and the list's state in the URL (`?q=…&state=active&sort=-span`), checked when read.
 */
import type { Playbook } from '../../api/types.ts';
import { spanDays } from './template-steps.ts';

export interface PlaybookRow {
  id: string;
  name: string;
  description: string;
  ctaTypeId: string;
  active: boolean;
  templateCount: number;
  spanDays: number;
}

export function toPlaybookRow(p: Playbook): PlaybookRow {
  return {
    id: p.Gsid ?? '',
    name: p.Name ?? '',
    description: p.Description ?? '',
    ctaTypeId: p.CTATypeId ?? '',
    active: p.IsActive === true,
    templateCount: p.TaskTemplates?.length ?? 0,
    spanDays: spanDays(p.TaskTemplates),
  };
}

export const ACTIVE_FILTERS = ['all', 'active', 'inactive'] as const;
export type ActiveFilter = (typeof ACTIVE_FILTERS)[number];

export const SORTABLE_COLUMNS = ['name', 'description', 'ctaType', 'active', 'templates', 'span'] as const;
type SortableColumn = (typeof SORTABLE_COLUMNS)[number];

export interface ListSort {
  id: SortableColumn;
  desc: boolean;
}

export interface ListState {
  text: string;
  active: ActiveFilter;
  sort: ListSort | null;
}

export const DEFAULT_LIST_STATE: ListState = { text: '', active: 'all', sort: { id: 'name', desc: false } };

const fold = (s: string) => s.normalize('NFKD').replace(/\p{M}/gu, '').toLocaleLowerCase('en');

/** Rows matching the active state and every word of the text (in name, description or CTA type). */
export function filterRows(rows: readonly PlaybookRow[], active: ActiveFilter, text: string): PlaybookRow[] {
  const words = fold(text).split(/\s+/).filter(Boolean);
  return rows.filter((r) => {
    if (active === 'active' && !r.active) return false;
    if (active === 'inactive' && r.active) return false;
    if (words.length === 0) return true;
    const haystack = fold(`${r.name} ${r.description} ${r.ctaTypeId}`);
    return words.every((w) => haystack.includes(w));
  });
}

export interface ParsedListState {
  state: ListState;
  /** What in the link was not understood (and ignored). */
  problems: string[];
}

const isOneOf = <T extends string>(values: readonly T[], v: string): v is T => (values as readonly string[]).includes(v);

export function parseListState(params: URLSearchParams): ParsedListState {
  const problems: string[] = [];
  const state: ListState = { ...DEFAULT_LIST_STATE, text: params.get('q') ?? '' };
  const active = params.get('state');
  if (active !== null) {
    if (isOneOf(ACTIVE_FILTERS, active)) state.active = active;
    else problems.push(`the state "${active}" (use active or inactive)`);
  }
  const sort = params.get('sort');
  if (sort !== null) {
    const desc = sort.startsWith('-');
    const id = desc ? sort.slice(1) : sort;
    if (sort === 'none') state.sort = null;
    else if (isOneOf(SORTABLE_COLUMNS, id)) state.sort = { id, desc };
    else problems.push(`the sort "${sort}" (use one of ${SORTABLE_COLUMNS.join(', ')}, with - for descending)`);
  }
  return { state, problems };
}

/** The URL parameters for a state, leaving defaults out so plain links stay plain. */
export function listStateParams(state: ListState): URLSearchParams {
  const params = new URLSearchParams();
  if (state.text) params.set('q', state.text);
  if (state.active !== 'all') params.set('state', state.active);
  const d = DEFAULT_LIST_STATE.sort!;
  if (!state.sort) params.set('sort', 'none');
  else if (state.sort.id !== d.id || state.sort.desc !== d.desc) params.set('sort', `${state.sort.desc ? '-' : ''}${state.sort.id}`);
  return params;
}
