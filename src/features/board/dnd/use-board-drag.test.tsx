import { act, fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { Task } from '../../../api/types.ts';
import { createDragRegistry, type DragRegistry } from './drag-registry.ts';
import { useRef } from 'react';
import { DragRegistryContext, useActiveDragId, useCardBody, useCardDrag, useColumnDrop, useDragHandle } from './use-board-drag.ts';

const task: Task = { Gsid: '1T', Name: 'Kickoff', Status: 'Not Started' };
const data = { task, status: 'Not Started' as const };

function Card() {
  const { token, nodeRef, handleRef, isDragging } = useCardDrag('1T', data);
  return (
    <article ref={nodeRef} data-dragging={isDragging || undefined}>
      <Handle token={token} handleRef={handleRef} />
    </article>
  );
}

function Handle({ token, handleRef }: { token: string; handleRef: (element: HTMLElement | null) => void }) {
  const handleProps = useDragHandle(token);
  return <button ref={handleRef} {...handleProps} type="button" aria-label="Move Kickoff" />;
}

function Column() {
  const { ref, isOver } = useColumnDrop('In Progress');
  const activeId = useActiveDragId();
  return <section ref={ref} aria-label="In Progress" data-over={isOver || undefined} data-active={activeId ?? undefined} />;
}

function renderBoard(registry: DragRegistry | null) {
  return render(
    <DragRegistryContext value={registry}>
      <Card />
      <Column />
    </DragRegistryContext>,
  );
}

const onlyCard = (registry: DragRegistry) => [...registry.registrations().cards.entries()][0]!;

describe('a card and a column before and after the drag code', () => {
  it('register their elements, and unregister when they go', () => {
    const registry = createDragRegistry();
    const { unmount } = renderBoard(registry);
    const [, entry] = onlyCard(registry);
    expect(entry.id).toBe('1T');
    expect(entry.data).toEqual(data);
    expect(entry.node?.tagName).toBe('ARTICLE');
    expect(entry.handle).toBe(screen.getByRole('button', { name: 'Move Kickoff' }));
    expect(registry.registrations().columns.get('In Progress')).toBe(screen.getByRole('region', { name: 'In Progress' }));
    unmount();
    expect(registry.registrations().cards.size).toBe(0);
    expect(registry.registrations().columns.size).toBe(0);
  });

  it('before it: the handle says what it is, keeps a pick-up key for later and asks for the drag code', () => {
    const registry = createDragRegistry();
    const wants = vi.fn();
    registry.onWant(wants);
    renderBoard(registry);
    const handle = screen.getByRole('button', { name: 'Move Kickoff' });
    expect(handle).toHaveAttribute('aria-roledescription', 'draggable');
    const [token] = onlyCard(registry);

    fireEvent.keyDown(handle, { code: 'ArrowLeft', key: 'ArrowLeft' });
    expect(registry.takePending(token)).toBeNull();
    fireEvent.keyDown(handle, { code: 'Space', key: ' ' });
    fireEvent.blur(handle); // focus left the handle: that pick-up is given up
    expect(registry.takePending(token)).toBeNull();
    fireEvent.keyDown(handle, { code: 'Enter', key: 'Enter' });
    expect(registry.takePending(token)).toEqual({ kind: 'keyboard', init: { code: 'Enter', key: 'Enter' } });
    expect(wants).toHaveBeenCalledTimes(3);
  });

  it("after it: the handle carries dnd-kit's listeners and attributes, and gets the key pressed before it came", () => {
    const registry = createDragRegistry();
    renderBoard(registry);
    const handle = screen.getByRole('button', { name: 'Move Kickoff' });
    handle.focus();
    fireEvent.keyDown(handle, { code: 'Space', key: ' ' });
    const [token] = onlyCard(registry);

    const onKeyDown = vi.fn();
    act(() =>
      registry.publishCard(token, { listeners: { onKeyDown }, attributes: { 'aria-describedby': 'DndDescribedBy-0' }, isDragging: false }),
    );
    expect(handle).toHaveAttribute('aria-describedby', 'DndDescribedBy-0');
    expect(onKeyDown).toHaveBeenCalledTimes(1);
    expect(onKeyDown.mock.calls[0]![0]).toMatchObject({ type: 'keydown', nativeEvent: expect.objectContaining({ code: 'Space' }) });

    act(() => registry.publishCard(token, { listeners: { onKeyDown }, attributes: {}, isDragging: true }));
    expect(onKeyDown).toHaveBeenCalledTimes(1); // given once
    expect(screen.getByRole('article')).toHaveAttribute('data-dragging', 'true');
  });

  it('the column shows what the layer publishes: the card over it and which card is dragged', () => {
    const registry = createDragRegistry();
    renderBoard(registry);
    const column = screen.getByRole('region', { name: 'In Progress' });
    act(() => {
      registry.publishActive('1T');
      registry.publishOver('In Progress', true);
    });
    expect(column).toHaveAttribute('data-over', 'true');
    expect(column).toHaveAttribute('data-active', '1T');
  });

  it('outside a board (no registry) nothing breaks and nothing is kept', () => {
    renderBoard(null);
    const handle = screen.getByRole('button', { name: 'Move Kickoff' });
    expect(handle).toHaveAttribute('aria-roledescription', 'draggable');
    fireEvent.keyDown(handle, { code: 'Space', key: ' ' });
    expect(screen.getByRole('region', { name: 'In Progress' })).not.toHaveAttribute('data-over');
  });
});

describe("a card's body", () => {
  function BodyCard({ onHandlePress }: { onHandlePress: (e: PointerEvent) => void }) {
    const handle = useRef<HTMLButtonElement>(null);
    const body = useCardBody(handle);
    return (
      <article aria-label="Kickoff" {...body}>
        <button ref={handle} type="button" aria-label="Move Kickoff" onPointerDown={(e) => onHandlePress(e.nativeEvent)} />
        <p>Due in 3 days</p>
      </article>
    );
  }

  it('gives a mouse press to the handle, so the whole card drags by mouse', () => {
    const onHandlePress = vi.fn();
    render(<BodyCard onHandlePress={onHandlePress} />);
    fireEvent.pointerDown(screen.getByText('Due in 3 days'), {
      pointerType: 'mouse',
      isPrimary: true,
      button: 0,
      clientX: 40,
      clientY: 60,
    });
    expect(onHandlePress).toHaveBeenCalledTimes(1);
    expect(onHandlePress.mock.calls[0]![0]).toMatchObject({ pointerType: 'mouse', clientX: 40, clientY: 60 });
  });

  it('leaves a touch or a pen on the body to the browser (a swipe there scrolls the column): they drag by the handle', () => {
    const onHandlePress = vi.fn();
    render(<BodyCard onHandlePress={onHandlePress} />);
    for (const pointerType of ['touch', 'pen']) {
      fireEvent.pointerDown(screen.getByText('Due in 3 days'), { pointerType, isPrimary: true, button: 0 });
    }
    expect(onHandlePress).not.toHaveBeenCalled();
    fireEvent.pointerDown(screen.getByRole('button', { name: 'Move Kickoff' }), { pointerType: 'touch', isPrimary: true, button: 0 });
    expect(onHandlePress).toHaveBeenCalledTimes(1);
  });
});
