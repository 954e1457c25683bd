/**
 * Where the drag layer (board-dnd.tsx, with dnd-kit) goes on the board, loaded only when a drag
 * can start: a handle is pressed, focused or pointed at, or the browser is idle once the first
 * cards are drawn. The first visit does not wait for it, and a press made before it arrived is
 * replayed (see use-board-drag.ts).
 */
import { useEffect, useState } from 'react';
import type { DragRegistry } from './drag-registry.ts';
import type { MoveVariables } from '../moves/use-move-task.ts';

type LayerModule = typeof import('./board-dnd.tsx');

let loading: Promise<LayerModule> | null = null;
let loaded: LayerModule | null = null;

/** Loads the layer's code once; a failed load is tried again the next time it is asked for. */
function loadDragLayer(): Promise<LayerModule> {
  loading ??= import('./board-dnd.tsx').then(
    (mod) => (loaded = mod),
    (error: unknown) => {
      loading = null;
      throw error;
    },
  );
  return loading;
}

function whenIdle(task: () => void): () => void {
  if ('requestIdleCallback' in window) {
    const id = window.requestIdleCallback(task, { timeout: 2000 });
    return () => window.cancelIdleCallback(id);
  }
  const id = setTimeout(task, 50);
  return () => clearTimeout(id);
}

interface Props {
  registry: DragRegistry;
  onMove: (move: MoveVariables) => void;
  today: string;
}

export function DragLayer({ registry, onMove, today }: Props) {
  const [layer, setLayer] = useState(loaded);

  useEffect(() => {
    if (layer) return;
    let live = true;
    const load = () => {
      loadDragLayer().then(
        (mod) => live && setLayer(mod),
        () => undefined, // offline or a flaky network: the next press asks again; "Move to" works meanwhile
      );
    };
    const stops = [registry.onWant(load)];
    if (registry.isWanted()) load();
    let idleScheduled = false;
    const onceCardsDrawn = () => {
      if (idleScheduled || registry.registrations().cards.size === 0) return;
      idleScheduled = true;
      stops.push(whenIdle(load));
    };
    stops.push(registry.onRegistrations(onceCardsDrawn));
    onceCardsDrawn();
    return () => {
      live = false;
      stops.forEach((stop) => stop());
    };
  }, [layer, registry]);

  return layer ? <layer.BoardDndLayer registry={registry} onMove={onMove} today={today} /> : null;
}
