import { describe, expect, it } from 'vitest';
import type { Task } from '../../../api/types.ts';
import { EMPTY_BOARD_STATE, parseBoardParams, serializeBoardParams, type BoardState } from '../board-url-state.ts';
import { boardWhere } from '../columns/column-request.ts';
import { parseCollapsed, toggleLane } from './collapsed-lanes.ts';
import { nextCellCoordinates } from './lane-keys.ts';
import { CELL_PAGE_SIZE, cellSearch, laneChange, laneKeyOf, laneList, planDrop, priorityValues } from './lane-logic.ts';

const context = { today: '2026-12-02', me: 'U-ME' };
const owners = [
  { value: 'U2', label: 'Zoe Park' },
  { value: 'U1', label: 'ann Lee' },
];
const task = (fields: Partial<Task>): Task => ({ Gsid: 'T1', Name: 'Kickoff', Status: 'Not Started', ...fields });

describe('the group param', () => {
  it('round-trips, is left out when off, and a bad value is said and dropped', () => {
    const state: BoardState = { ...EMPTY_BOARD_STATE, group: 'owner' };
    expect(serializeBoardParams(state).get('group')).toBe('owner');
    expect(parseBoardParams(serializeBoardParams(state)).state.group).toBe('owner');
    expect(serializeBoardParams(EMPTY_BOARD_STATE).has('group')).toBe(false);
    const bad = parseBoardParams(new URLSearchParams('group=colour'));
    expect(bad.state.group).toBeUndefined();
    expect(bad.problems).toEqual([
      'Unknown grouping "colour" in the link (known: owner, company, priority, playbook); the board is not grouped.',
    ]);
  });
});

describe('laneList', () => {
  it('names each value, sorted by name, then the other values, then the tasks without one', () => {
    const lanes = laneList('owner', owners, EMPTY_BOARD_STATE, context);
    expect(lanes.map((l) => l.label)).toEqual(['ann Lee', 'Zoe Park', 'Other owners', 'No owner']);
    expect(lanes[0]!.conditions).toEqual([{ name: 'OwnerId', operator: 'EQ', value: ['U1'] }]);
    expect(lanes[2]!.conditions).toEqual([
      { name: 'OwnerId', operator: 'IS_NOT_NULL', value: [] },
      { name: 'OwnerId', operator: 'NOT_IN', value: ['U1', 'U2'] },
    ]);
    expect(lanes[3]!.conditions).toEqual([{ name: 'OwnerId', operator: 'IS_NULL', value: [] }]);
  });

  it('puts priorities in picklist order, others after', () => {
    const lanes = laneList('priority', priorityValues(['Urgent', 'High']), EMPTY_BOARD_STATE, context);
    expect(lanes.map((l) => l.label)).toEqual(['High', 'Medium', 'Low', 'Urgent', 'Other priorities', 'No priority']);
  });

  it('a board filtered to one value of the field has that lane only', () => {
    expect(laneList('owner', owners, { ...EMPTY_BOARD_STATE, owner: 'U2' }, context).map((l) => l.label)).toEqual(['Zoe Park']);
    expect(laneList('owner', owners, { ...EMPTY_BOARD_STATE, quick: ['mine'] }, context).map((l) => l.key)).toEqual(['v:U-ME']);
    expect(laneList('company', [], { ...EMPTY_BOARD_STATE, company: 'C9' }, context)).toHaveLength(1);
  });
});

describe('a cell search', () => {
  it("is the column's search with the lane's condition ANDed, in smaller pages", () => {
    const state: BoardState = { ...EMPTY_BOARD_STATE, q: 'renewal', group: 'owner' };
    const lanes = laneList('owner', owners, state, context);
    const search = cellSearch(boardWhere(state, context), lanes[0]!, 'In Progress', state);
    expect(search.ok && search.request).toMatchObject({
      where: {
        conditions: [
          { name: 'Name', alias: 'Name', operator: 'CONTAINS', value: ['renewal'] },
          { name: 'OwnerId', alias: 'Lane', operator: 'EQ', value: ['U1'] },
          { name: 'Status', alias: 'Status', operator: 'EQ', value: ['In Progress'] },
        ],
      },
      limit: CELL_PAGE_SIZE,
    });
  });

  it("keeps a link's expression and ANDs the lane to it", () => {
    const state = parseBoardParams(
      new URLSearchParams({
        where: JSON.stringify({
          conditions: [
            { name: 'Priority', alias: 'A', operator: 'EQ', value: ['High'] },
            { name: 'Priority', alias: 'B', operator: 'EQ', value: ['Low'] },
          ],
          expression: 'A OR B',
        }),
      }),
    ).state;
    const lanes = laneList('owner', owners, state, context);
    const search = cellSearch(boardWhere(state, context), lanes.at(-1)!, 'Completed', state);
    expect(search.ok && search.request.where?.expression).toBe('(A OR B) AND Lane AND Status');
  });
});

describe('laneKeyOf', () => {
  const lanes = laneList('owner', owners, EMPTY_BOARD_STATE, context);
  it('finds the value lane, the other lane for an unlisted value, the none lane for no value', () => {
    expect(laneKeyOf(task({ OwnerId: 'U1' }), 'owner', lanes)).toBe('v:U1');
    expect(laneKeyOf(task({ OwnerId: 'U7' }), 'owner', lanes)).toBe('other');
    expect(laneKeyOf(task({}), 'owner', lanes)).toBe('none');
  });
});

describe('a cross-lane drop', () => {
  const lanes = laneList('owner', owners, EMPTY_BOARD_STATE, context);
  const [ann, zoe, other, none] = lanes;
  const t = task({ OwnerId: 'U1', OwnerName: 'ann Lee', Priority: 'High' });

  it('by owner: changes the owner and the status, and says both', () => {
    const plan = planDrop('owner', lanes, t, 'Not Started', zoe!, 'In Progress');
    expect(plan).toEqual({
      move: {
        task: t,
        from: 'Not Started',
        to: 'In Progress',
        change: { field: 'OwnerId', value: 'U2', words: 'owner Zoe Park', name: 'Zoe Park' },
        undo: { field: 'OwnerId', value: 'U1', words: 'owner ann Lee', name: 'ann Lee' },
      },
      words: 'Moved Kickoff to In Progress and to owner Zoe Park.',
    });
  });

  it('by owner, same status: the owner only; to "No owner" clears it', () => {
    const plan = planDrop('owner', lanes, t, 'Not Started', none!, 'Not Started');
    expect('move' in plan && plan.move.change).toEqual({ field: 'OwnerId', value: null, words: 'no owner' });
    expect('words' in plan && plan.words).toBe('Moved Kickoff to no owner (still in Not Started).');
  });

  it('by priority: changes the priority', () => {
    const byPriority = laneList('priority', priorityValues(), EMPTY_BOARD_STATE, context);
    const low = byPriority.find((l) => l.value === 'Low');
    expect(laneChange('priority', byPriority[0], low)).toEqual({ field: 'Priority', value: 'Low', words: 'priority Low' });
  });

  it('by company: the status only, and it says the company stays; the same status is refused', () => {
    const byCompany = laneList(
      'company',
      [
        { value: 'C1', label: 'Acme' },
        { value: 'C2', label: 'Globex' },
      ],
      EMPTY_BOARD_STATE,
      context,
    );
    const inAcme = task({ CompanyId: 'C1' });
    const plan = planDrop('company', byCompany, inAcme, 'Not Started', byCompany[1]!, 'Completed');
    expect(plan).toEqual({
      move: { task: inAcme, from: 'Not Started', to: 'Completed' },
      words: 'Moved Kickoff to Completed. A move does not change the company: it stays in Acme.',
    });
    expect(planDrop('company', byCompany, inAcme, 'Not Started', byCompany[1]!, 'Not Started')).toEqual({
      refused: 'Kickoff stays in Acme: moving a card does not change its company. Drop it on another column to change its status.',
    });
  });

  it('on its own cell, or the "Other" lane in the same status, is refused', () => {
    expect(planDrop('owner', lanes, t, 'Not Started', ann!, 'Not Started')).toHaveProperty('refused');
    expect(planDrop('owner', lanes, t, 'Not Started', other!, 'Not Started')).toHaveProperty('refused');
    expect(laneChange('owner', ann, other)).toBeNull();
  });
});

describe('collapsed lanes', () => {
  it('toggle per grouping, and a broken stored value is nothing', () => {
    const once = toggleLane({}, 'owner', 'v:U1');
    expect(once).toEqual({ owner: ['v:U1'] });
    expect(toggleLane(once, 'owner', 'v:U1')).toEqual({ owner: [] });
    expect(parseCollapsed(JSON.stringify(once))).toEqual(once);
    expect(parseCollapsed('{oops')).toEqual({});
    expect(parseCollapsed('[1]')).toEqual({});
  });
});

describe('keyboard across cells', () => {
  // Two lanes of four cells, 100 px wide and 200 px high, 10 px apart.
  const cells = ['a', 'b'].flatMap((lane, row) =>
    [0, 1, 2, 3].map((col) => ({ id: `cell:${lane}:${col}`, rect: { left: col * 110, top: row * 210, width: 100, height: 200 } })),
  );
  const dragged = { left: 5, top: 5, width: 90, height: 60 };
  it('Right goes to the next cell of the lane, Down to the same status in the next lane', () => {
    expect(nextCellCoordinates('right', cells, 'cell:a:0', dragged)).toEqual({ x: 115, y: 5 });
    expect(nextCellCoordinates('down', cells, 'cell:a:0', dragged)).toEqual({ x: 5, y: 218 });
    expect(nextCellCoordinates('up', cells, 'cell:a:0', dragged)).toBeNull();
    expect(nextCellCoordinates('left', cells, 'cell:a:0', dragged)).toBeNull();
  });
  it("puts the card's centre inside a cell lower than the card, so the drop is not over the lane below", () => {
    // Empty cells 40 px high, lanes 50 px apart; the card is 100 px high.
    const low = ['a', 'b', 'c'].flatMap((lane, row) =>
      [0, 1].map((col) => ({ id: `cell:${lane}:${col}`, rect: { left: col * 110, top: row * 50, width: 100, height: 40 } })),
    );
    const card = { left: 5, top: 50, width: 90, height: 100 };
    const right = nextCellCoordinates('right', low, 'cell:b:0', card)!;
    expect(right.y + card.height / 2).toBe(70);
    const down = nextCellCoordinates('down', low, 'cell:a:0', { ...card, top: 0 })!;
    expect(down).toEqual({ x: 5, y: 20 });
  });
  it('skips cells that are not shown (no size)', () => {
    const hiddenLane = [0, 1, 2, 3].map((col) => ({ id: `cell:other:${col}`, rect: { left: 0, top: 0, width: 0, height: 0 } }));
    expect(nextCellCoordinates('down', [...hiddenLane, ...cells], 'cell:a:0', dragged)).toEqual({ x: 5, y: 218 });
    expect(nextCellCoordinates('up', [...cells, ...hiddenLane], 'cell:b:0', { ...dragged, top: 215 })).toEqual({ x: 5, y: 8 });
  });
});
