// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { h, render } from 'preact';
import { useState } from 'preact/hooks';
import { memo } from 'preact/compat';
import { act } from 'preact/test-utils';
import { COUNT_RENDERS, countRender, type RenderCounts } from './render-counts.ts';

const zero = (): RenderCounts => ({ commits: 0, renders: 0, mounts: 0 });

describe('countRender', () => {
  it('counts a component the first time as mounted, then as rendered again', () => {
    const counts = zero();
    const seen = new WeakSet<object>();
    const a = {};
    countRender(counts, seen, a);
    countRender(counts, seen, a);
    countRender(counts, seen, {});
    expect(counts).toEqual({ commits: 0, renders: 1, mounts: 2 });
  });

  it('remembers, without counting, what rendered before the counting started', () => {
    const counts = zero();
    const seen = new WeakSet<object>();
    const a = {};
    countRender(null, seen, a);
    countRender(counts, seen, a);
    expect(counts).toEqual({ commits: 0, renders: 1, mounts: 0 });
  });
});

describe('COUNT_RENDERS', () => {
  it('runs on its own and counts what Preact draws, once the app attaches Preact to the DevTools', async () => {
    expect(COUNT_RENDERS).not.toMatch(/__name|require\(|import /);
    (0, eval)(COUNT_RENDERS); // global scope: nothing of this module
    await import('preact/devtools'); // what src/main.tsx imports
    const page = window as unknown as { __countRenders: boolean; __renderCounts: RenderCounts };

    // A list of cards (each kept by memo) and a sidebar; a new card comes.
    const Card = memo(({ name }: { name: string }) => h('li', null, name));
    const Sidebar = () => h('aside', null, 'Filters');
    let add: () => void = () => {};
    function List() {
      const [names, setNames] = useState(['Kickoff', 'Renewal']);
      add = () => setNames((n) => [...n, 'QBR']);
      return h(
        'ul',
        null,
        names.map((name) => h(Card, { key: name, name })),
      );
    }
    const root = document.createElement('div');
    act(() => render(h('main', null, h(List, null), h(Sidebar, null)), root));
    expect(root.textContent).toBe('KickoffRenewalFilters');

    page.__countRenders = true;
    act(() => add());
    page.__countRenders = false;
    // The list rendered again; the new card mounted (Preact's memo is a component of its own
    // around the card: two); the two cards the memo kept, and the sidebar, did not render.
    expect(page.__renderCounts).toEqual({ commits: 1, renders: 1, mounts: 2 });
  });
});
