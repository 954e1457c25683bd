import { describe, expect, it, vi } from 'vitest';
import { createSavedSearchStore, SAVED_SEARCHES_KEY } from './saved-searches-store.ts';

function memoryStorage(initial: Record<string, string> = {}) {
  const data = new Map(Object.entries(initial));
  return {
    getItem: (k: string) => data.get(k) ?? null,
    setItem: (k: string, v: string) => void data.set(k, v),
    data,
  };
}

function store(storage = memoryStorage()) {
  let n = 0;
  return createSavedSearchStore(storage, { now: () => new Date('2026-11-27T10:00:00Z'), newId: () => `id${++n}` });
}

describe('saved searches store', () => {
  it('saves, lists by name and keeps the same list until something changes', () => {
    const storage = memoryStorage();
    const s = store(storage);
    expect(s.list()).toEqual([]);
    expect(s.save('  Overdue   tasks ', '{"c":[]}')).toMatchObject({
      ok: true,
      replaced: false,
      saved: { id: 'id1', name: 'Overdue tasks' },
    });
    s.save('Mine', '');
    expect(s.list().map((x) => x.name)).toEqual(['Mine', 'Overdue tasks']);
    expect(s.list()).toBe(s.list());
    expect(JSON.parse(storage.data.get(SAVED_SEARCHES_KEY)!)).toHaveLength(2);
  });

  it('replaces a search saved under the same name (any case)', () => {
    const s = store();
    s.save('Overdue', 'a');
    expect(s.save('overdue', 'b')).toMatchObject({ ok: true, replaced: true, saved: { id: 'id1', name: 'overdue', search: 'b' } });
    expect(s.list()).toHaveLength(1);
  });

  it('refuses empty and too long names', () => {
    const s = store();
    expect(s.save('   ', 'x')).toEqual({ ok: false, message: 'Give the search a name.' });
    expect(s.save('x'.repeat(81), 'x')).toMatchObject({ ok: false });
  });

  it("renames, but not onto another search's name", () => {
    const s = store();
    s.save('One', '1');
    s.save('Two', '2');
    expect(s.rename('id1', 'Uno')).toMatchObject({ ok: true, saved: { name: 'Uno', search: '1' } });
    expect(s.rename('id1', 'two')).toEqual({ ok: false, message: 'There is already a saved search named "Two".' });
    expect(s.rename('id1', 'UNO')).toMatchObject({ ok: true });
    expect(s.rename('nope', 'x')).toMatchObject({ ok: false });
  });

  it('deletes, and can put a deleted one back', () => {
    const s = store();
    s.save('One', '1');
    const removed = s.remove('id1');
    expect(s.list()).toEqual([]);
    expect(s.remove('id1')).toBeNull();
    s.restore(removed!);
    expect(s.list().map((x) => x.name)).toEqual(['One']);
  });

  it('tells subscribers about changes', () => {
    const s = store();
    const listener = vi.fn();
    const stop = s.subscribe(listener);
    s.save('One', '1');
    stop();
    s.save('Two', '2');
    expect(listener).toHaveBeenCalledTimes(1);
  });

  it('skips junk it finds in storage and survives storage that fails', () => {
    const junk = memoryStorage({
      [SAVED_SEARCHES_KEY]: JSON.stringify([{ id: 'a', name: 'Good', search: '', savedAt: 'x' }, { name: 1 }, null]),
    });
    expect(
      store(junk)
        .list()
        .map((x) => x.name),
    ).toEqual(['Good']);
    expect(store(memoryStorage({ [SAVED_SEARCHES_KEY]: '{not json' })).list()).toEqual([]);
    const full = createSavedSearchStore({
      getItem: () => null,
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
    });
    expect(full.save('One', '1')).toMatchObject({ ok: false, message: expect.stringMatching(/would not store/) });
  });
});
