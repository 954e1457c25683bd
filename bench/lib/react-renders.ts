/**
 * How much React draws, counted in the production build: an init script stands in for the React
 * DevTools hook (`__REACT_DEVTOOLS_GLOBAL_HOOK__`, which React DOM calls on every commit, in
 * production builds too) and counts, per commit, the components that rendered and those that
 * mounted. Unlike times, the counts do not depend on how busy the machine is: the figure to see
 * a component drawn twice, or a whole list redrawn for one new item.
 *
 * A commit's changed components are found as React DevTools finds them: from the root, a fiber
 * whose children are the ones of the previous commit (`child` unchanged from its `alternate`) has
 * an unchanged subtree; below a changed one, a child with no alternate mounted, and one with the
 * PerformedWork flag rendered (a child React cloned without calling it has the flag cleared).
 */

/** The fields of a React fiber the count reads. */
export interface FiberLike {
  tag: number;
  flags: number;
  child: FiberLike | null;
  sibling: FiberLike | null;
  alternate: FiberLike | null;
}

export interface RenderCounts {
  commits: number;
  /** Function, class, forwardRef and memo components that rendered again. */
  renders: number;
  /** Those that mounted (drawn for the first time). */
  mounts: number;
}

/**
 * Adds one commit (the root's `current` fiber) to `counts`. Self-contained, without nested
 * functions: its source is what runs in the page (see COUNT_RENDERS).
 */
export function countCommit(counts: RenderCounts, root: FiberLike): void {
  // FunctionComponent, ClassComponent, ForwardRef, MemoComponent, SimpleMemoComponent.
  const componentTags = [0, 1, 11, 14, 15];
  const performedWork = 1;
  counts.commits += 1;
  const stack: { fiber: FiberLike; mounted: boolean }[] = [{ fiber: root, mounted: false }];
  while (stack.length > 0) {
    const { fiber, mounted } = stack.pop()!;
    if (!mounted && fiber.alternate && fiber.child === fiber.alternate.child) continue;
    for (let child = fiber.child; child; child = child.sibling) {
      const isComponent = componentTags.includes(child.tag);
      const mountedNow = mounted || !child.alternate;
      if (mountedNow) {
        if (isComponent) counts.mounts += 1;
      } else if (isComponent && (child.flags & performedWork) !== 0) {
        counts.renders += 1;
      }
      stack.push({ fiber: child, mounted: mountedNow });
    }
  }
}

/**
 * Init script: installs the hook before React loads. Counting starts at `window.__countRenders =
 * true`; the counts are in `window.__renderCounts`.
 */
export const COUNT_RENDERS = `
  (() => {
    const countCommit = ${countCommit.toString()};
    const counts = { commits: 0, renders: 0, mounts: 0 };
    window.__renderCounts = counts;
    window.__REACT_DEVTOOLS_GLOBAL_HOOK__ = {
      supportsFiber: true,
      isDisabled: false,
      renderers: new Map(),
      inject() { return 1; },
      checkDCE() {},
      setStrictMode() {},
      onScheduleFiberRoot() {},
      onCommitFiberUnmount() {},
      onPostCommitFiberRoot() {},
      onCommitFiberRoot(id, root) { if (window.__countRenders) countCommit(counts, root.current); },
    };
  })();
`;
