import { describe, expect, it } from 'vitest';
import { VIEW_NAME_MAX, VIEW_PARAMS_MAX } from '../../src/lib/live-events.ts';
import { openMirrorDb } from './mirror-db.ts';
import { parseViewInput, parseViewPatch, TeamViewStore, ViewAccessError, ViewInputError } from './team-views.ts';

const ana = { sub: 'sub-ana', name: 'Ana Souza' };
const bo = { sub: 'sub-bo', name: 'Bo Chen' };

describe('team view input', () => {
  it('takes kind, name and params (trimmed, a leading ? dropped)', () => {
    expect(parseViewInput({ kind: 'board', name: '  Overdue ', params: '?overdue=1&sort=due' })).toEqual({
      kind: 'board',
      name: 'Overdue',
      params: 'overdue=1&sort=due',
    });
  });

  it('lists every problem at once', () => {
    expect(() => parseViewInput({ kind: 'list', name: ' ', params: 5, extra: 1 })).toThrow(
      new ViewInputError(
        "Invalid view: Unknown properties: extra. A team view's kind is one of search, board. Give the view a name. The view's filters must be a URL query string.",
      ),
    );
    expect(() => parseViewInput({ kind: 'search', name: 'x'.repeat(VIEW_NAME_MAX + 1), params: 'a'.repeat(VIEW_PARAMS_MAX + 1) })).toThrow(
      `Invalid view: A name has at most ${VIEW_NAME_MAX} characters (this one has ${VIEW_NAME_MAX + 1}). These filters are too long to share`,
    );
    expect(() => parseViewInput({ kind: 'search', name: 'a\u0007b', params: 'q=a b' })).toThrow(
      "Invalid view: A name cannot contain control characters. The view's filters must be a URL query string",
    );
    expect(() => parseViewInput([])).toThrow(ViewInputError);
    expect(() => parseViewPatch({})).toThrow('Send a new name, new params, or both.');
    expect(() => parseViewPatch({ kind: 'board', name: 'x' })).toThrow('Unknown properties: kind.');
    expect(parseViewPatch({ params: 'a=1' })).toEqual({ params: 'a=1' });
  });
});

describe('team view store', () => {
  const store = () => new TeamViewStore(openMirrorDb(':memory:', 't').db, () => Date.parse('2026-03-02T10:00:00Z'));

  it('lists views for everyone; with sign-in on, only the author may change or delete them', () => {
    const s = store();
    const view = s.create({ kind: 'search', name: 'Mine', params: 'q=1' }, ana, true);
    expect(view).toMatchObject({
      kind: 'search',
      name: 'Mine',
      params: 'q=1',
      author: 'Ana Souza',
      editable: true,
      createdAt: '2026-03-02T10:00:00.000Z',
    });
    expect(s.list(bo, true)).toEqual([{ ...view, editable: false }]);
    expect(() => s.update(view.id, { name: 'Hijacked' }, bo, true)).toThrow(
      new ViewAccessError('Only Ana Souza can change or delete the view "Mine".'),
    );
    expect(() => s.delete(view.id, null, true)).toThrow(ViewAccessError);
    expect(s.update(view.id, { name: 'Renamed' }, ana, true)).toMatchObject({ name: 'Renamed', params: 'q=1' });
    expect(s.update('nope', { name: 'x' }, ana, true)).toBeUndefined();
    expect(s.delete(view.id, ana, true)).toBe(true);
    expect(s.delete(view.id, ana, true)).toBe(false);
  });

  it('with sign-in off, views have no author and everyone may edit them', () => {
    const s = store();
    const view = s.create({ kind: 'board', name: 'Team', params: '' }, null, false);
    expect(view).toMatchObject({ author: null, editable: true });
    expect(s.update(view.id, { params: 'x=1' }, null, false)).toMatchObject({ params: 'x=1' });
  });
});
