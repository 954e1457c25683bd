import { todayIso } from '../../lib/dates.ts';
import { TeamViewsPanel } from '../../components/team-views/team-views-panel.tsx';
import { buildSearchRequest } from './build-request.ts';
import { ConditionBuilder } from './condition-builder.tsx';
import { LinkProblems } from '../../components/ui/link-problems.tsx';
import { RequestPreview } from './request-preview.tsx';
import { SavedSearches } from './saved-searches.tsx';
import { SearchResults } from './search-results.tsx';
import { useDraftWhere } from './use-draft-where.ts';
import { fieldDef } from './search-fields.ts';
import { usePicklists } from './use-picklists.ts';
import { useSearchUrl } from './use-search-url.ts';
import { SEARCH_PARAM, encodeSearch } from './url-state.ts';

/**
 * The search page. The URL holds the search (see url-state.ts); the builder edits a draft of its
 * conditions, and Search puts the draft in the URL, which runs it.
 */
export function SearchPage() {
  const { state, problems, setSearch } = useSearchUrl();
  const { draft, setDraft, dirty } = useDraftWhere(state.where);
  const today = todayIso();
  // "Priority is high" matches every spelling of it seen in tasks (read only for such a condition).
  const onPicklist = [...state.where.conditions, ...draft.conditions].some((c) => fieldDef(c.field).type === 'picklist');
  const { seen: spellings } = usePicklists(onPicklist);
  const applied = buildSearchRequest(state, today, { spellings });
  const draftState = { ...state, where: draft, page: dirty ? 0 : state.page };
  const draftBuilt = buildSearchRequest(draftState, today, { spellings });
  const encodedDraft = encodeSearch({ ...draftState, page: 0 });
  const draftLink = `/search${encodedDraft ? `?${new URLSearchParams({ [SEARCH_PARAM]: encodedDraft })}` : ''}`;

  return (
    <div>
      <h1 className="mb-4 text-2xl font-semibold">Search</h1>
      <LinkProblems problems={problems} title="This link's search had problems, so it was adjusted:" className="mb-4" />
      <div className="grid items-start gap-4 xl:grid-cols-[minmax(0,1fr)_22rem]">
        <div>
          <ConditionBuilder
            draft={draft}
            built={draftBuilt.where}
            dirty={dirty}
            onChange={setDraft}
            onSearch={() => setSearch({ ...state, where: draft, page: 0 })}
          />
          <RequestPreview request={draftBuilt.ok ? draftBuilt.request : null} note={dirty ? 'not searched yet' : null} link={draftLink} />
        </div>
        <div className="grid gap-4">
          <SavedSearches current={encodedDraft ?? ''} />
          <section aria-labelledby="team-searches-title" className="rounded-lg border border-slate-200 bg-white p-4">
            <TeamViewsPanel
              kind="search"
              title="Team searches"
              headingId="team-searches-title"
              path="/search"
              currentParams={encodedDraft ? new URLSearchParams({ [SEARCH_PARAM]: encodedDraft }).toString() : ''}
              nothingToShare={encodedDraft ? null : 'Add a condition, a sort or columns first: the default search needs no saved view.'}
            />
          </section>
        </div>
      </div>
      <SearchResults state={state} built={applied} onChange={setSearch} />
    </div>
  );
}
