import { describe, expect, it, vi } from 'vitest';
import type { Task } from '../../../api/types.ts';
import { createDragRegistry, type HandleBinding } from './drag-registry.ts';

const task: Task = { Gsid: '1T', Name: 'Kickoff', Status: 'Not Started' };
const data = { task, status: 'Not Started' as const };
const element = () => document.createElement('div');

describe('drag registry', () => {
  it('tells the layer when cards and columns come and go, and only then', () => {
    const registry = createDragRegistry();
    const changed = vi.fn();
    registry.onRegistrations(changed);
    const node = element();
    const handle = element();

    registry.setCard('c1', { id: '1T', data, node, handle });
    expect(registry.registrations().cards.get('c1')).toEqual({ id: '1T', data, node, handle });
    registry.setCard('c1', { id: '1T', data, node, handle }); // the same again: nothing new
    const column = element();
    registry.setColumn('In Progress', column);
    registry.setColumn('In Progress', column);
    expect(changed).toHaveBeenCalledTimes(2);

    const before = registry.registrations();
    registry.removeCard('c1');
    registry.setColumn('In Progress', null);
    expect(registry.registrations().cards.size).toBe(0);
    expect(registry.registrations().columns.size).toBe(0);
    // Snapshots are never changed in place (React reads them as external stores).
    expect(before.cards.get('c1')).toBeDefined();
    expect(changed).toHaveBeenCalledTimes(4);
  });

  it('hands each card and column what the layer published, telling readers only of changes', () => {
    const registry = createDragRegistry();
    const published = vi.fn();
    registry.onPublished(published);
    const binding: HandleBinding = { listeners: { onKeyDown: () => {} }, attributes: { role: 'button' }, isDragging: false };

    expect(registry.binding('c1')).toBeNull();
    registry.publishCard('c1', binding);
    registry.publishCard('c1', { ...binding });
    expect(registry.binding('c1')).toBe(binding);
    registry.publishCard('c1', { ...binding, isDragging: true });
    expect(registry.binding('c1')?.isDragging).toBe(true);
    registry.publishOver('Completed', true);
    registry.publishOver('Completed', true);
    registry.publishActive('1T');
    expect(registry.isOver('Completed')).toBe(true);
    expect(registry.isOver('Skipped')).toBe(false);
    expect(registry.activeId()).toBe('1T');
    registry.publishCard('c1', null);
    registry.publishCard('c1', null);
    expect(registry.binding('c1')).toBeNull();
    expect(published).toHaveBeenCalledTimes(5);
  });

  it('tells a card of its own binding only, until it stops listening', () => {
    const registry = createDragRegistry();
    const first = vi.fn();
    const second = vi.fn();
    const stopFirst = registry.onCardPublished('c1', first);
    registry.onCardPublished('c2', second);
    const binding: HandleBinding = { listeners: undefined, attributes: {}, isDragging: false };

    registry.publishCard('c1', binding);
    registry.publishCard('c1', { ...binding }); // the same: nobody is told
    registry.publishOver('Completed', true);
    registry.publishActive('1T');
    expect(first).toHaveBeenCalledTimes(1);
    expect(second).not.toHaveBeenCalled();
    registry.publishCard('c2', binding);
    expect(second).toHaveBeenCalledTimes(1);

    stopFirst();
    registry.publishCard('c1', null);
    expect(first).toHaveBeenCalledTimes(1);
    // A card listening again (drawn anew) is told again.
    const again = vi.fn();
    registry.onCardPublished('c1', again);
    registry.publishCard('c1', binding);
    expect(again).toHaveBeenCalledTimes(1);
  });

  it('keeps a press for the card it was made on, hands it over once, and forgets it when given up', () => {
    const registry = createDragRegistry();
    registry.setPending('c1', { kind: 'keyboard', init: { code: 'Space', key: ' ' } });
    registry.setPending('c2', { kind: 'pointer', init: { clientX: 10, clientY: 20 } });

    registry.clearPending('c1', 'pointer'); // a pointer release does not undo a key press
    expect(registry.takePending('c1')).toEqual({ kind: 'keyboard', init: { code: 'Space', key: ' ' } });
    expect(registry.takePending('c1')).toBeNull();

    registry.movePending('c1', { clientX: 30, clientY: 40 }); // not a pointer press: left as it is
    registry.movePending('c2', { clientX: 12, clientY: 22 });
    registry.movePending('c2', { clientX: 18, clientY: 28 }); // the last place counts
    registry.setPending('c4', { kind: 'pointer', init: { clientX: 1, clientY: 2 } });
    registry.movePending('c4', { clientX: 5, clientY: 6 });
    expect(registry.takePending('c4')).toEqual({ kind: 'pointer', init: { clientX: 1, clientY: 2 }, moved: { clientX: 5, clientY: 6 } });
    registry.movePending('c4', { clientX: 9, clientY: 9 }); // taken: nothing kept any more
    expect(registry.takePending('c4')).toBeNull();

    registry.clearPending('c2', 'pointer'); // released before the drag code came: a click
    expect(registry.takePending('c2')).toBeNull();

    registry.setPending('c3', { kind: 'pointer', init: {} });
    registry.removeCard('c3'); // scrolled out of view
    expect(registry.takePending('c3')).toBeNull();
  });

  it('each ask for the layer is told (a failed load is tried again), and remembered for a late listener', () => {
    const registry = createDragRegistry();
    expect(registry.isWanted()).toBe(false);
    registry.want();
    const wants = vi.fn();
    registry.onWant(wants);
    registry.want();
    registry.want();
    expect(registry.isWanted()).toBe(true);
    expect(wants).toHaveBeenCalledTimes(2);
  });
});
