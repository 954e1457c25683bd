import { describe, expect, it } from 'vitest';
import { COUNT_RENDERS, countCommit, type FiberLike, type RenderCounts } from './react-renders.ts';

const FUNCTION = 0;
const MEMO = 15;
const HOST = 5;
const PERFORMED_WORK = 1;

/** A fiber with its children linked as React links them (child, then siblings). */
function fiber(tag: number, children: FiberLike[] = [], flags = 0): FiberLike {
  children.forEach((c, i) => (c.sibling = children[i + 1] ?? null));
  return { tag, flags, child: children[0] ?? null, sibling: null, alternate: null };
}
/** The fiber of `previous` in the next commit (React's work-in-progress copy), with new children. */
function next(previous: FiberLike, children: FiberLike[] | 'same', rendered: boolean): FiberLike {
  const copy = children === 'same' ? { ...previous, sibling: null } : fiber(previous.tag, children);
  copy.flags = rendered ? PERFORMED_WORK : 0;
  copy.alternate = previous;
  previous.alternate = copy;
  return copy;
}
const zero = (): RenderCounts => ({ commits: 0, renders: 0, mounts: 0 });

describe('countCommit', () => {
  it('counts the components of a first commit as mounted, host elements not', () => {
    const root = fiber(3, [fiber(FUNCTION, [fiber(HOST, [fiber(MEMO), fiber(MEMO)])])]);
    const counts = zero();
    countCommit(counts, root);
    expect(counts).toEqual({ commits: 1, renders: 0, mounts: 3 });
  });

  it('counts what rendered again and what mounted, and skips what did not change', () => {
    // A list of two cards; a new card comes: the list renders, card 1 is cloned without rendering,
    // card 2 renders again (its props changed), card 3 mounts; a sidebar is untouched.
    const card1Body = fiber(FUNCTION, [fiber(HOST)]);
    const card1 = fiber(MEMO, [card1Body], PERFORMED_WORK);
    const card2 = fiber(MEMO, [fiber(FUNCTION)], PERFORMED_WORK);
    const list = fiber(FUNCTION, [card1, card2], PERFORMED_WORK);
    const sidebar = fiber(FUNCTION, [fiber(FUNCTION, [], PERFORMED_WORK)], PERFORMED_WORK);
    const root = fiber(3, [list, sidebar]);

    const card3 = fiber(MEMO, [fiber(FUNCTION)], PERFORMED_WORK);
    const card1Next = next(card1, 'same', false); // bailed out: same children, stale flags below not read
    const card2Next = next(card2, [next(card2.child!, 'same', true)], true);
    const listNext = next(list, [card1Next, card2Next, card3], true);
    const sidebarNext = next(sidebar, 'same', false);
    const rootNext = next(root, [listNext, sidebarNext], false);

    const counts = zero();
    countCommit(counts, rootNext);
    expect(counts).toEqual({ commits: 1, renders: 3, mounts: 2 }); // list, card 2 and its body; card 3 and its body
  });

  it('its source runs on its own, as the init script uses it', () => {
    expect(COUNT_RENDERS).not.toMatch(/__name|require\(|import /);
    const run = (0, eval)(`(${countCommit.toString()})`) as typeof countCommit; // global scope: nothing of this module
    const counts = zero();
    run(counts, fiber(3, [fiber(FUNCTION)]));
    expect(counts.mounts).toBe(1);
  });
});
