import { fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useRestIntent } from './use-rest-intent.ts';

function Card({ onRest }: { onRest: () => void }) {
  const intent = useRestIntent(onRest, 150);
  return (
    <article aria-label="Card" {...intent}>
      <a href="#task">Task</a>
    </article>
  );
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('rest intent', () => {
  it('acts once the pointer rests on the element', () => {
    const onRest = vi.fn();
    render(<Card onRest={onRest} />);
    const card = screen.getByRole('article', { name: 'Card' });
    fireEvent.mouseEnter(card);
    fireEvent.mouseMove(card);
    vi.advanceTimersByTime(149);
    expect(onRest).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(onRest).toHaveBeenCalledTimes(1);
  });

  it('does nothing for a pointer passing over, moving all the time, or leaving', () => {
    const onRest = vi.fn();
    render(<Card onRest={onRest} />);
    const card = screen.getByRole('article', { name: 'Card' });
    fireEvent.mouseEnter(card);
    for (let i = 0; i < 10; i++) {
      vi.advanceTimersByTime(30);
      fireEvent.mouseMove(card);
    }
    expect(onRest).not.toHaveBeenCalled();
    fireEvent.mouseLeave(card);
    vi.advanceTimersByTime(1000);
    expect(onRest).not.toHaveBeenCalled();
  });

  it('does nothing for an element that comes under a pointer the user did not move', () => {
    // What the browser sends when the card above moves to another column, or the column scrolls.
    const onRest = vi.fn();
    render(<Card onRest={onRest} />);
    const card = screen.getByRole('article', { name: 'Card' });
    fireEvent.mouseOver(card);
    fireEvent.mouseEnter(card);
    vi.advanceTimersByTime(1000);
    expect(onRest).not.toHaveBeenCalled();
  });

  it('acts when keyboard focus stays in the element, not when it goes through', () => {
    const onRest = vi.fn();
    render(<Card onRest={onRest} />);
    const link = screen.getByRole('link', { name: 'Task' });
    fireEvent.focus(link);
    fireEvent.blur(link);
    vi.advanceTimersByTime(1000);
    expect(onRest).not.toHaveBeenCalled();
    fireEvent.focus(link);
    vi.advanceTimersByTime(150);
    expect(onRest).toHaveBeenCalledTimes(1);
  });
});
