/**
 * Keyboard travel between cards, from a card's link: Up and Down (and Page Up and Page Down, as
 * in the ARIA feed pattern) go to the previous and next card of the column, Home and End to its first and last loaded card, Left and Right to the card level
 * with this one in the next column that has cards. The columns are virtual lists, so a card far
 * away is scrolled to first and focused once it is drawn.
 */
import { TASK_STATUSES, type TaskStatus } from '../../../api/types.ts';
import { columnDomId } from './column-ids.ts';

export type CardKey = 'ArrowUp' | 'ArrowDown' | 'PageUp' | 'PageDown' | 'Home' | 'End' | 'ArrowLeft' | 'ArrowRight';

const CARD_KEYS: readonly string[] = ['ArrowUp', 'ArrowDown', 'PageUp', 'PageDown', 'Home', 'End', 'ArrowLeft', 'ArrowRight'];

export const isCardKey = (key: string): key is CardKey => CARD_KEYS.includes(key);

/** The card to go to within the column (`count` cards loaded), or null to stay. Pure. */
export function cardIndexAfter(key: CardKey, index: number, count: number): number | null {
  if (count <= 0) return null;
  const step: Partial<Record<CardKey, number>> = {
    ArrowUp: index - 1,
    PageUp: index - 1,
    ArrowDown: index + 1,
    PageDown: index + 1,
    Home: 0,
    End: count - 1,
  };
  const to = step[key] ?? index;
  return to < 0 || to >= count || to === index ? null : to;
}

/** The columns to try, in order, for Left or Right from `status` (the nearest first). Pure. */
export function columnsToward(key: 'ArrowLeft' | 'ArrowRight', status: TaskStatus): TaskStatus[] {
  const at = TASK_STATUSES.indexOf(status);
  return key === 'ArrowLeft' ? TASK_STATUSES.slice(0, at).reverse() : TASK_STATUSES.slice(at + 1);
}

const linkOf = (article: Element | null) => article?.querySelector<HTMLElement>('a[href^="/tasks/"]') ?? null;

/** Focuses the card `index` of a column's scroller, scrolling to it first when it is not drawn. */
export function focusCardAt(scroller: HTMLElement, index: number, estimatedStep: number): void {
  const drawn = linkOf(scroller.querySelector(`article[data-index="${index}"]`));
  if (drawn) {
    drawn.focus();
    drawn.closest('article')?.scrollIntoView({ block: 'nearest' });
    return;
  }
  scroller.scrollTop = Math.max(0, index * estimatedStep - scroller.clientHeight / 3);
  let frames = 0;
  const tryAgain = () => {
    const link = linkOf(scroller.querySelector(`article[data-index="${index}"]`));
    if (link) {
      link.focus();
      link.closest('article')?.scrollIntoView({ block: 'nearest' });
    } else if (++frames < 30 && scroller.isConnected) requestAnimationFrame(tryAgain);
  };
  requestAnimationFrame(tryAgain);
}

/**
 * Focuses the card level with `from` (the drawn card whose top is nearest) in the first of
 * `columns` that has one drawn. Returns whether it found one.
 */
export function focusCardBeside(from: Element, columns: TaskStatus[]): boolean {
  const top = from.getBoundingClientRect().top;
  for (const status of columns) {
    const section = document.getElementById(columnDomId(status));
    // A column not shown (a phone shows one at a time) is passed over.
    if (!section || section.getClientRects().length === 0) continue;
    const articles = section.querySelectorAll('article[data-index]');
    if (articles.length === 0) continue;
    let best: Element | null = null;
    let distance = Infinity;
    for (const article of articles) {
      const d = Math.abs(article.getBoundingClientRect().top - top);
      if (d < distance) [best, distance] = [article, d];
    }
    const link = linkOf(best);
    if (link) {
      link.focus();
      best?.scrollIntoView({ block: 'nearest' });
      return true;
    }
  }
  return false;
}

/**
 * The card of a column that is in the Tab order (roving focus, one per column): the one last
 * focused when it is drawn, else the first drawn (a column scrolled away from it is still one
 * Tab stop). `drawn` lists the drawn cards' indexes in order. Pure.
 */
export function tabbableCard(lastFocused: number, drawn: readonly number[]): number | null {
  if (drawn.includes(lastFocused)) return lastFocused;
  return drawn[0] ?? null;
}
