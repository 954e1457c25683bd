import { afterEach, describe, expect, it, vi } from 'vitest';
import { boardAction, registerColumnTravel } from './card-shortcuts.ts';

afterEach(() => {
  document.body.innerHTML = '';
});

function board() {
  document.body.innerHTML = `
    <div role="feed" aria-label="Not Started tasks">
      <article data-index="0"><button id="handle">Move</button><a href="/tasks/1" id="link0" tabindex="0">One</a>
        <input type="checkbox" id="check0" aria-label="Select One"><button aria-haspopup="menu" id="menu0">Move to</button></article>
      <article data-index="1"><a href="/tasks/2" id="link1" tabindex="-1">Two</a></article>
    </div>
    <button id="elsewhere">Elsewhere</button>`;
  const feed = document.querySelector('[role="feed"]')!;
  const travel = vi.fn();
  const off = registerColumnTravel(feed, travel);
  return { travel, off, el: (id: string) => document.getElementById(id)! };
}

describe('the board shortcuts', () => {
  it('j and k travel as Down and Up from anywhere in a card', () => {
    const { travel, el } = board();
    el('handle').focus();
    expect(boardAction('next-card')).toBe(true);
    expect(travel).toHaveBeenLastCalledWith('ArrowDown', el('handle').closest('article'));
    el('link1').focus();
    expect(boardAction('previous-card')).toBe(true);
    expect(travel).toHaveBeenLastCalledWith('ArrowUp', el('link1').closest('article'));
  });

  it('m opens the focused card’s Move to menu; with no card focused it does nothing', () => {
    const { el } = board();
    const click = vi.fn();
    el('menu0').addEventListener('click', click);
    el('link0').focus();
    expect(boardAction('card-menu')).toBe(true);
    expect(click).toHaveBeenCalledTimes(1);
    el('elsewhere').focus();
    expect(boardAction('card-menu')).toBe(false);
    expect(click).toHaveBeenCalledTimes(1);
  });

  it('a column gone from the page travels no more', () => {
    const { travel, off, el } = board();
    off();
    el('link0').focus();
    expect(boardAction('next-card')).toBe(false);
    expect(travel).not.toHaveBeenCalled();
  });

  it('x selects the focused card as its checkbox does, and again takes it out; a card without one, or no card, does nothing', () => {
    const { el } = board();
    const check = el('check0') as HTMLInputElement;
    el('link0').focus();
    expect(boardAction('select-card')).toBe(true);
    expect(check.checked).toBe(true);
    expect(boardAction('select-card')).toBe(true);
    expect(check.checked).toBe(false);
    el('link1').focus();
    expect(boardAction('select-card')).toBe(false);
    el('elsewhere').focus();
    expect(boardAction('select-card')).toBe(false);
  });
});
