/** Toasts: short messages with optional actions, announced to screen readers. */
export interface ToastAction {
  label: string;
  onAction: () => void;
}

export interface ToastInput {
  message: string;
  tone?: 'info' | 'success' | 'error';
  /** Buttons such as Undo or Retry; taking one closes the toast. */
  actions?: ToastAction[];
  /** An in-app link, e.g. to a task just created. */
  link?: { label: string; to: string };
  /** Milliseconds before it closes by itself; errors stay until closed by default. */
  durationMs?: number | null;
}

export interface Toast extends ToastInput {
  id: number;
}

type Listener = (toasts: Toast[]) => void;

/** A tiny store so any code (mutation callbacks included) can show a toast. */
export function createToastStore() {
  let toasts: Toast[] = [];
  let nextId = 1;
  const listeners = new Set<Listener>();
  const timers = new Map<number, ReturnType<typeof setTimeout>>();
  const emit = () => listeners.forEach((l) => l(toasts));

  const dismiss = (id: number) => {
    const timer = timers.get(id);
    if (timer) clearTimeout(timer);
    timers.delete(id);
    toasts = toasts.filter((t) => t.id !== id);
    emit();
  };

  const show = (input: ToastInput): number => {
    const id = nextId++;
    toasts = [...toasts, { ...input, id }];
    // At most five at once; the oldest non-error toasts go first, so an error with its Retry is
    // not pushed out by later successes.
    while (toasts.length > 5) {
      const victim = toasts.find((t) => t.tone !== 'error') ?? toasts[0]!;
      dismiss(victim.id);
    }
    const duration = input.durationMs === undefined ? (input.tone === 'error' ? null : 8000) : input.durationMs;
    if (duration !== null) timers.set(id, setTimeout(() => dismiss(id), duration));
    emit();
    return id;
  };

  return {
    show,
    dismiss,
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
