/**
 * What a page offers the keyboard shortcuts (src/components/shortcuts/): the field `/` focuses,
 * and the board's card actions. A page registers while it is shown (in an effect, returning the
 * unregister function); the page registered last wins. Small and loaded with the app, so a page
 * registers at once; the shortcuts themselves load after the first page.
 */

/** What the board does from the focused card: `j`, `k`, `m` and `x`. */
export type BoardAction = 'next-card' | 'previous-card' | 'card-menu' | 'select-card';

/** Finds the page's search or filter field (null when it is not drawn now). */
export type SearchTarget = () => HTMLElement | null | undefined;
/** Does a board action from where the focus is; false when there was nothing to do it to. */
export type BoardKeys = (action: BoardAction) => boolean;

const searchTargets: SearchTarget[] = [];
const boardKeys: BoardKeys[] = [];

function add<T>(list: T[], item: T): () => void {
  list.push(item);
  return () => {
    const at = list.lastIndexOf(item);
    if (at >= 0) list.splice(at, 1);
  };
}

export const registerSearchTarget = (find: SearchTarget) => add(searchTargets, find);
export const registerBoardKeys = (keys: BoardKeys) => add(boardKeys, keys);

/** The page's search field, if it has one drawn now. */
export const pageSearchField = (): HTMLElement | null => searchTargets.at(-1)?.() ?? null;
/** The board's actions, when the board is shown. */
export const pageBoardKeys = (): BoardKeys | null => boardKeys.at(-1) ?? null;
