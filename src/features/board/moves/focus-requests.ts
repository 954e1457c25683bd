/**
 * After a keyboard drop or a "Move to" choice the card is drawn anew in its new column, and the
 * element that had focus is gone. The board asks for focus on the moved card; the card claims
 * it when it appears. If it does not appear (it sorted beyond the loaded rows), the column gets it.
 */
import { createContext, useContext } from 'react';
import type { TaskStatus } from '../../../api/types.ts';

export type FocusTarget = 'handle' | 'menu';

export interface FocusRequest {
  gsid: string;
  status: TaskStatus;
  target: FocusTarget;
}

export function createFocusRequests() {
  let current: FocusRequest | null = null;
  const listeners = new Set<() => void>();
  return {
    request(request: FocusRequest, fallback: () => void, waitMs = 400) {
      current = request;
      listeners.forEach((l) => l());
      setTimeout(() => {
        if (current === request) {
          current = null;
          fallback();
        }
      }, waitMs);
    },
    /** The target, when the request is for this card in this column (and only once). */
    claim(gsid: string, status: TaskStatus): FocusTarget | null {
      if (!current || current.gsid !== gsid || current.status !== status) return null;
      const { target } = current;
      current = null;
      return target;
    },
    subscribe(listener: () => void) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
  };
}

export type FocusRequests = ReturnType<typeof createFocusRequests>;

export const FocusRequestsContext = createContext<FocusRequests | null>(null);

export function useFocusRequests(): FocusRequests {
  const value = useContext(FocusRequestsContext);
  if (!value) throw new Error('useFocusRequests must be used inside the board');
  return value;
}
