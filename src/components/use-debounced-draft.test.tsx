import { act, renderHook } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useDebouncedDraft } from './use-debounced-draft.ts';

afterEach(() => vi.useRealTimers());

describe('useDebouncedDraft', () => {
  it('shows typing at once and commits it once after a pause', () => {
    vi.useFakeTimers();
    const commit = vi.fn();
    const { result } = renderHook(({ value }) => useDebouncedDraft(value, commit, 250), { initialProps: { value: '' } });
    act(() => result.current[1]('b'));
    act(() => result.current[1]('bo'));
    act(() => result.current[1]('boa'));
    expect(result.current[0]).toBe('boa');
    expect(commit).not.toHaveBeenCalled();
    act(() => vi.advanceTimersByTime(250));
    expect(commit).toHaveBeenCalledTimes(1);
    expect(commit).toHaveBeenCalledWith('boa');
  });

  it('takes a change from outside, but never overwrites what is being typed with its own echo', () => {
    vi.useFakeTimers();
    const commit = vi.fn();
    const { result, rerender } = renderHook(({ value }) => useDebouncedDraft(value, commit, 250), { initialProps: { value: 'old' } });
    act(() => result.current[1]('old text '));
    rerender({ value: 'old text' }); // the URL caught up with the typing
    expect(result.current[0]).toBe('old text ');
    rerender({ value: '' }); // "Clear filters"
    expect(result.current[0]).toBe('');
  });
});
