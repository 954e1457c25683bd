/**
 * How much the app draws, counted in the production build: an init script stands in for the
 * Preact DevTools (`__PREACT_DEVTOOLS__`, to which the entry attaches Preact's options, as the
 * DevTools extension would be, see src/main.tsx) and counts the commits and, per component render,
 * whether the component rendered again or mounted (drawn for the first time). Unlike times, the
 * counts do not depend on how busy the machine is: the figure to see a component drawn twice, or a
 * whole list redrawn for one new item. A component that a memo kept from rendering is not called,
 * so it is not counted.
 */

export interface RenderCounts {
  commits: number;
  /** Components that rendered again. */
  renders: number;
  /** Those that mounted (rendered for the first time). */
  mounts: number;
}

/**
 * One component render: a component not seen before mounted, else it rendered again. `counts`
 * null: only remembered (a render before the counting started). Self-contained, without nested
 * functions: its source is what runs in the page (see COUNT_RENDERS).
 */
export function countRender(counts: RenderCounts | null, seen: WeakSet<object>, component: object): void {
  const known = seen.has(component);
  if (!known) seen.add(component);
  if (!counts) return;
  if (known) counts.renders += 1;
  else counts.mounts += 1;
}

/**
 * Init script: stands in for the DevTools before the app loads. Counting starts at
 * `window.__countRenders = true`; the counts are in `window.__renderCounts`. Preact's options
 * hooks, by their names in its build: `__r` before a component renders (its vnode, whose `__c`
 * is the component), `__c` once a render is committed.
 */
export const COUNT_RENDERS = `
  (() => {
    const countRender = ${countRender.toString()};
    const counts = { commits: 0, renders: 0, mounts: 0 };
    const seen = new WeakSet();
    window.__renderCounts = counts;
    window.__PREACT_DEVTOOLS__ = {
      attachPreact(version, options) {
        const render = options.__r;
        const commit = options.__c;
        options.__r = (vnode) => {
          if (vnode.__c) countRender(window.__countRenders ? counts : null, seen, vnode.__c);
          if (render) render(vnode);
        };
        options.__c = (vnode, queue) => {
          if (window.__countRenders) counts.commits += 1;
          if (commit) commit(vnode, queue);
        };
      },
    };
  })();
`;
