/** Toasts: short messages with optional actions, announced to screen readers. */
interface ToastAction {
  label: string;
  onAction: () => void;
}

export interface ToastInput {
  message: string;
  tone?: 'info' | 'success' | 'warning' | 'error';
  /** Buttons such as Undo or Retry; taking one closes the toast. */
  actions?: ToastAction[];
  /** An in-app link, e.g. to a task just created. */
  link?: { label: string; to: string };
  /**
   * Milliseconds before it closes by itself; errors stay until closed by default. A toast with an
   * action stays at least MIN_ACTION_MS (WCAG 2.2.1: enough time to reach its button), and its
   * time stops while the pointer is over the notifications or focus is in them.
   */
  durationMs?: number | null;
}

/** How long a toast without an action stays by default. */
const DEFAULT_DURATION_MS = 8000;
/** The least a toast with an action (Undo, Retry) stays. */
const MIN_ACTION_MS = 12_000;

/** The action Ctrl/Cmd+Z takes: the Undo of the newest toast that offers one. */
export const UNDO_LABEL = 'Undo';

interface Toast extends ToastInput {
  id: number;
}

type Listener = (toasts: Toast[]) => void;

/** A tiny store so any code (mutation callbacks included) can show a toast. */
export function createToastStore() {
  let toasts: Toast[] = [];
  let nextId = 1;
  const listeners = new Set<Listener>();
  /** Each timed toast's time left, and its running timer (none while held). */
  const timers = new Map<number, { left: number; startedAt: number; timer: ReturnType<typeof setTimeout> | null }>();
  let held = false;
  const emit = () => listeners.forEach((l) => l(toasts));

  const dismiss = (id: number) => {
    const timer = timers.get(id);
    if (timer?.timer) clearTimeout(timer.timer);
    timers.delete(id);
    toasts = toasts.filter((t) => t.id !== id);
    emit();
  };

  const run = (id: number) => {
    const entry = timers.get(id);
    if (!entry || entry.timer) return;
    entry.startedAt = Date.now();
    entry.timer = setTimeout(() => dismiss(id), entry.left);
  };

  const show = (input: ToastInput): number => {
    const id = nextId++;
    toasts = [...toasts, { ...input, id }];
    // At most five at once; the oldest non-error toasts go first, so an error with its Retry is
    // not pushed out by later successes.
    while (toasts.length > 5) {
      const victim = toasts.find((t) => t.tone !== 'error' && t.tone !== 'warning') ?? toasts[0]!;
      dismiss(victim.id);
    }
    let duration =
      input.durationMs === undefined ? (input.tone === 'error' || input.tone === 'warning' ? null : DEFAULT_DURATION_MS) : input.durationMs;
    if (duration !== null && input.actions?.length) duration = Math.max(duration, MIN_ACTION_MS);
    if (duration !== null) {
      timers.set(id, { left: duration, startedAt: Date.now(), timer: null });
      if (!held) run(id);
    }
    emit();
    return id;
  };

  /** Stops every toast's clock (pointer over the notifications, or focus in them). */
  const hold = () => {
    if (held) return;
    held = true;
    for (const entry of timers.values()) {
      if (!entry.timer) continue;
      clearTimeout(entry.timer);
      entry.timer = null;
      entry.left = Math.max(0, entry.left - (Date.now() - entry.startedAt));
    }
  };

  /** Starts the clocks again, each with at least a few seconds left to read the toast. */
  const release = () => {
    if (!held) return;
    held = false;
    for (const [id, entry] of timers) {
      entry.left = Math.max(entry.left, 3000);
      run(id);
    }
  };

  /** Takes the Undo of the newest toast offering one (Ctrl/Cmd+Z); false when there is none. */
  const undoLatest = (): boolean => {
    for (let i = toasts.length - 1; i >= 0; i--) {
      const toast = toasts[i]!;
      const undo = toast.actions?.find((a) => a.label === UNDO_LABEL);
      if (undo) {
        dismiss(toast.id);
        undo.onAction();
        return true;
      }
    }
    return false;
  };

  return {
    show,
    dismiss,
    hold,
    release,
    undoLatest,
    get: () => toasts,
    subscribe(listener: Listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
  };
}

export type ToastStore = ReturnType<typeof createToastStore>;
