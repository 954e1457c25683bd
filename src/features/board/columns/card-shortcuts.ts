/**
 * The board's part of the keyboard shortcuts (src/components/shortcuts/): `j` and `k` travel between
 * the cards of a column as Down and Up do, from anywhere in a card (from outside any card they
 * go to a card: the focused column's, else the first shown column's, the one in the Tab order);
 * `m` opens the focused card's "Move to" menu; `x` selects it (or takes it out of the selection),
 * as a click on its "Select" checkbox does (src/components/bulk/). `Enter` needs nothing here: on
 * a card's link it follows it, as it always has.
 */
import { useEffect } from 'react';
import { registerBoardKeys, type BoardAction } from '../../../lib/shortcuts/registry.ts';
import type { CardKey } from './card-keys.ts';

type Travel = (key: CardKey, article: Element) => void;

/** Each drawn column's travel between its cards, by its feed element (column-cards.tsx). */
const travels = new WeakMap<Element, Travel>();

export function registerColumnTravel(feed: Element, travel: Travel): () => void {
  travels.set(feed, travel);
  return () => void travels.delete(feed);
}

const CARD = '[role="feed"] > article[data-index]';

/** Does `action` from where the focus is in `doc`; false when there was nothing to do it to. */
export function boardAction(action: BoardAction, doc: Document = document): boolean {
  const article = doc.activeElement?.closest(CARD) ?? null;
  if (action === 'select-card') {
    const checkbox = article?.querySelector<HTMLInputElement>('input[type="checkbox"]');
    checkbox?.click();
    return !!checkbox;
  }
  if (action === 'card-menu') {
    const button = article?.querySelector<HTMLButtonElement>('button[aria-haspopup="menu"]');
    button?.click();
    return !!button;
  }
  if (action !== 'next-card' && action !== 'previous-card') return false;
  if (!article) {
    // A column's card in the Tab order (the one last focused there): in the focused column, else the first shown.
    const column = doc.activeElement?.closest('section');
    for (const scope of column ? [column, doc] : [doc]) {
      for (const link of scope.querySelectorAll<HTMLElement>(`${CARD} a[href^="/tasks/"][tabindex="0"]`)) {
        if (link.getClientRects().length > 0) {
          link.focus();
          return true;
        }
      }
    }
    return false;
  }
  const travel = article.parentElement && travels.get(article.parentElement);
  travel?.(action === 'next-card' ? 'ArrowDown' : 'ArrowUp', article);
  return !!travel;
}

/** While the board is shown, the shortcuts act on its cards. */
export function useCardShortcuts() {
  useEffect(() => registerBoardKeys((action) => boardAction(action)), []);
}
