import { describe, expect, it } from 'vitest';
import { EMPTY_BOARD_STATE, hasFilters, parseBoardParams, serializeBoardParams, type BoardState } from './board-url-state.ts';

const roundTrip = (state: BoardState) => parseBoardParams(new URLSearchParams(serializeBoardParams(state).toString()));

describe('board URL state', () => {
  it('the plain board has no params', () => {
    expect(serializeBoardParams(EMPTY_BOARD_STATE).toString()).toBe('');
    expect(parseBoardParams(new URLSearchParams(''))).toEqual({ state: EMPTY_BOARD_STATE, problems: [], whereError: null });
    expect(hasFilters(EMPTY_BOARD_STATE)).toBe(false);
  });

  it('round-trips every filter, the sort and a link filter', () => {
    const state: BoardState = {
      q: 'renewal & <b>call</b>',
      owner: '1UOWNER',
      company: '1ACOMPANY',
      priority: 'High',
      quick: ['mine', 'overdue', 'week'],
      sort: 'priority',
      reverse: true,
      playbook: '1PPLAYBOOK',
      where: {
        conditions: [
          { name: 'Name', alias: 'A', operator: 'CONTAINS', value: ['a&b=c'] },
          { name: 'Order', alias: 'B', operator: 'GT', value: [2] },
        ],
        expression: 'A OR B',
      },
    };
    expect(roundTrip(state)).toEqual({ state, problems: [], whereError: null });
    expect(hasFilters(state)).toBe(true);
  });

  it('writes quick filters in a fixed order, each once', () => {
    const params = serializeBoardParams({ ...EMPTY_BOARD_STATE, quick: ['week', 'mine'] });
    expect(params.get('quick')).toBe('mine,week');
    expect(parseBoardParams(new URLSearchParams('quick=week,mine,week')).state.quick).toEqual(['mine', 'week']);
  });

  it('reads the where param as the search page writes it (URL-encoded JSON)', () => {
    const where = { conditions: [{ name: 'Priority', operator: 'EQ', value: ['High'] }] };
    const parsed = parseBoardParams(new URLSearchParams(`where=${encodeURIComponent(JSON.stringify(where))}&playbook=1PX`));
    expect(parsed.whereError).toBeNull();
    expect(parsed.state.where?.conditions).toEqual([{ name: 'Priority', alias: 'A', operator: 'EQ', value: ['High'] }]);
    expect(parsed.state.playbook).toBe('1PX');
  });

  it('drops bad values and says so', () => {
    const parsed = parseBoardParams(new URLSearchParams(`sort=name&quick=mine,later&owner=${'x'.repeat(201)}&priority=%20%20`));
    expect(parsed.state).toEqual({ ...EMPTY_BOARD_STATE, quick: ['mine'] });
    expect(parsed.problems).toEqual([
      'The owner in the link is too long, so it is not used.',
      'Unknown quick filter "later" in the link (known: mine, overdue, week).',
      'Unknown sort "name" in the link (known: due, priority, company, modified); sorted by due date.',
    ]);
  });

  it('reads the direction: reverse, or the usual one with a word about anything else', () => {
    expect(parseBoardParams(new URLSearchParams('sort=modified&dir=reverse')).state).toEqual({
      ...EMPTY_BOARD_STATE,
      sort: 'modified',
      reverse: true,
    });
    expect(serializeBoardParams({ ...EMPTY_BOARD_STATE, reverse: true }).toString()).toBe('dir=reverse');
    const odd = parseBoardParams(new URLSearchParams('dir=up'));
    expect(odd.state.reverse).toBe(false);
    expect(odd.problems).toEqual(['Unknown direction "up" in the link (known: reverse); sorted the usual way.']);
  });

  it('rejects a bad where with a clear message instead of using part of it', () => {
    const parsed = parseBoardParams(new URLSearchParams('where=%7B%22conditions%22%3A5%7D'));
    expect(parsed.state.where).toBeNull();
    expect(parsed.whereError).toBe('The search filter in this link cannot be used: it has no list of conditions.');
  });
});
