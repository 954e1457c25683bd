/**
 * Where the user was on a board, per history entry: each column's scroll position and the card
 * they opened. Going Back to that entry puts the columns where they were and focus on that card,
 * instead of the columns at the top and focus on the page.
 *
 * Kept in memory, by the history entry's key (the router's `location.key`): an entry left and
 * come back to in this tab. A reload starts the board afresh. Pure apart from that one map.
 */
import type { TaskStatus } from '../../../api/types.ts';

export interface BoardPlace {
  /** Each column's scrollTop, in pixels, when the board was left. */
  scroll: Partial<Record<TaskStatus, number>>;
  /**
   * The card whose link or page the user opened last on this entry, its column, and how far
   * below the top of its column's scroll area it was (px), to put it back at the same height.
   */
  opened: { gsid: string; status: TaskStatus; offset?: number } | null;
}

/** Most entries remembered: older ones are dropped first (a day's browsing stays far below). */
export const PLACES_KEPT = 50;

const places = new Map<string, BoardPlace>();

function placeOf(key: string): BoardPlace {
  let place = places.get(key);
  if (place) {
    // Most recently used last, so the oldest goes first.
    places.delete(key);
  } else {
    place = { scroll: {}, opened: null };
  }
  places.set(key, place);
  while (places.size > PLACES_KEPT) places.delete(places.keys().next().value!);
  return place;
}

/** Notes a column's scroll position for the entry (called as the board is left). */
export function saveColumnScroll(key: string, status: TaskStatus, scrollTop: number): void {
  if (!Number.isFinite(scrollTop) || scrollTop < 0) return;
  placeOf(key).scroll[status] = Math.round(scrollTop);
}

/** Notes the card the user opened from the entry (and its height in the column's view, when known). */
export function saveOpenedCard(key: string, status: TaskStatus, gsid: string, offset?: number): void {
  if (gsid === '') return;
  placeOf(key).opened = offset !== undefined && Number.isFinite(offset) ? { gsid, status, offset: Math.round(offset) } : { gsid, status };
}

/** Where the user was on the entry, or null when it was never left from here. */
export function boardPlace(key: string): BoardPlace | null {
  return places.get(key) ?? null;
}

/** Forgets everything (tests). */
export function forgetBoardPlaces(): void {
  places.clear();
}
