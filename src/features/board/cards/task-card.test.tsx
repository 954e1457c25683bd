import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, render, screen, waitFor, within } from '@testing-library/react';
import { memo, type ComponentProps } from 'react';
import { MemoryRouter } from '../../../components/router/router.tsx';
import { describe, expect, it, vi } from 'vitest';
import type { Task } from '../../../api/types.ts';
import { createToastStore } from '../../../components/toast/toast-store.ts';
import { ToastContext } from '../../../components/toast/toasts.tsx';
import { BoardDndLayer } from '../dnd/board-dnd.tsx';
import { createDragRegistry, type DragRegistry } from '../dnd/drag-registry.ts';
import { FocusRequestsContext, createFocusRequests } from '../moves/focus-requests.ts';
import { TaskCard } from './task-card.tsx';
import { DragRegistryContext } from '../dnd/use-board-drag.ts';

// Counts how often each card's body (its facts) is drawn: the real component, counted.
const drawn = vi.hoisted(() => new Map<string, number>());
vi.mock('./card-details.tsx', async (original) => {
  const real = await original<typeof import('./card-details.tsx')>();
  return {
    CardDetails: (props: ComponentProps<typeof real.CardDetails>) => {
      const gsid = props.task.Gsid ?? '';
      drawn.set(gsid, (drawn.get(gsid) ?? 0) + 1);
      return <real.CardDetails {...props} />;
    },
  };
});

// Counts how often dnd-kit's context is drawn.
const contextDrawn = vi.hoisted(() => ({ count: 0 }));
vi.mock('@dnd-kit/core', async (original) => {
  const real = await original<typeof import('@dnd-kit/core')>();
  return {
    ...real,
    DndContext: (props: ComponentProps<typeof real.DndContext>) => {
      contextDrawn.count += 1;
      return <real.DndContext {...props} />;
    },
  };
});

const tasks: Task[] = [
  { Gsid: '1T1', Name: 'Kickoff call', Status: 'Not Started', DueDate: '2026-12-01' },
  { Gsid: '1T2', Name: 'Training', Status: 'Not Started', DueDate: '2026-12-03' },
  { Gsid: '1T3', Name: 'Renewal review', Status: 'Not Started', DueDate: '2026-12-05' },
];
const noop = () => {};

// As on the board, where the layer is drawn once, beside the columns, and not when they change.
const Layer = memo(BoardDndLayer);

/** Cards of the Not Started column, and (when `layer`) the drag layer with dnd-kit, as on the board. */
function Cards({ registry, shown, layer }: { registry: DragRegistry; shown: Task[]; layer: boolean }) {
  return (
    <DragRegistryContext value={registry}>
      {shown.map((task, index) => (
        <TaskCard
          key={task.Gsid}
          task={task}
          status="Not Started"
          index={index}
          start={index * 112}
          setSize={shown.length}
          tabbable={index === 0}
          measure={noop}
          onMoveTo={noop}
          today="2026-11-27"
        />
      ))}
      {layer && <Layer registry={registry} onMove={noop} today="2026-11-27" />}
    </DragRegistryContext>
  );
}

function renderCards() {
  const registry = createDragRegistry();
  const queryClient = new QueryClient();
  const focusRequests = createFocusRequests();
  const toasts = createToastStore();
  const view = (shown: Task[], layer: boolean) => (
    <QueryClientProvider client={queryClient}>
      <MemoryRouter>
        <ToastContext value={toasts}>
          <FocusRequestsContext value={focusRequests}>
            <Cards registry={registry} shown={shown} layer={layer} />
          </FocusRequestsContext>
        </ToastContext>
      </MemoryRouter>
    </QueryClientProvider>
  );
  const { rerender } = render(view(tasks.slice(0, 2), false));
  return { registry, show: (shown: Task[], layer: boolean) => rerender(view(shown, layer)) };
}

const handleOf = (name: string) => within(screen.getByRole('article', { name })).getByRole('button', { name: `Move ${name}` });

describe('a card and the drag code', () => {
  it("draws each card's body once: not again when dnd-kit binds the cards, nor for a card drawn after it is in", async () => {
    drawn.clear();
    contextDrawn.count = 0;
    const { show } = renderCards();
    expect(Object.fromEntries(drawn)).toEqual({ '1T1': 1, '1T2': 1 });

    // The drag code arrives: every handle gets dnd-kit's listeners and attributes, the bodies stay.
    act(() => show(tasks.slice(0, 2), true));
    await waitFor(() => expect(handleOf('Training')).toHaveAttribute('aria-describedby', expect.stringMatching(/^DndDescribedBy/)));
    expect(handleOf('Kickoff call')).toHaveAttribute('aria-describedby', expect.stringMatching(/^DndDescribedBy/));
    expect(Object.fromEntries(drawn)).toEqual({ '1T1': 1, '1T2': 1 });

    // A card scrolled into view once it is in: drawn once, bound all the same; the others are not
    // redrawn, nor is dnd-kit's context.
    const contextDrawnBefore = contextDrawn.count;
    act(() => show(tasks, true));
    await waitFor(() => expect(handleOf('Renewal review')).toHaveAttribute('aria-describedby', expect.stringMatching(/^DndDescribedBy/)));
    expect(handleOf('Renewal review')).toHaveAttribute('aria-roledescription', 'draggable');
    expect(Object.fromEntries(drawn)).toEqual({ '1T1': 1, '1T2': 1, '1T3': 1 });
    expect(contextDrawn.count).toBe(contextDrawnBefore);
  });

  it("puts only its column's tabbable card in the Tab order (handle, name, Move to), before and after dnd-kit binds it", async () => {
    const { show } = renderCards();
    const controls = (name: string) => {
      const card = within(screen.getByRole('article', { name }));
      return [
        card.getByRole('button', { name: `Move ${name}` }),
        card.getByRole('link', { name }),
        card.getByRole('button', { name: 'Move to' }),
      ];
    };
    for (const control of controls('Kickoff call')) expect(control.tabIndex).toBe(0);
    for (const control of controls('Training')) expect(control.tabIndex).toBe(-1);

    // dnd-kit's attributes give a handle tabIndex 0: the card's own choice wins.
    act(() => show(tasks.slice(0, 2), true));
    await waitFor(() => expect(handleOf('Training')).toHaveAttribute('aria-roledescription', 'draggable'));
    for (const control of controls('Kickoff call')) expect(control.tabIndex).toBe(0);
    for (const control of controls('Training')) expect(control.tabIndex).toBe(-1);
  });
});
