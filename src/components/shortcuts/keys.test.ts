import { afterEach, describe, expect, it } from 'vitest';
import {
  G_TIMEOUT_MS,
  HELP_ATTRIBUTE,
  keysBelongToFocus,
  resolveKey,
  setShortcutsOn,
  shortcutsActive,
  shortcutsOn,
  type KeyPress,
} from './keys.ts';
import { memoryStorage } from '../../lib/safe-storage.ts';

const press = (key: string, more: Partial<KeyPress> = {}): KeyPress => ({ key, ctrlKey: false, altKey: false, metaKey: false, ...more });

describe('resolveKey', () => {
  it('maps each single key to its action', () => {
    const cases: [string, string][] = [
      ['?', 'help'],
      ['/', 'search'],
      ['n', 'new-task'],
      ['j', 'next-card'],
      ['k', 'previous-card'],
      ['m', 'card-menu'],
      ['x', 'select-card'],
    ];
    for (const [key, action] of cases) expect(resolveKey(press(key), null, 0)).toEqual({ action, gAt: null });
  });

  it('takes no key with Ctrl, Alt or Meta held (the browser and the system keep theirs), Shift only for `?`', () => {
    for (const mod of ['ctrlKey', 'altKey', 'metaKey'] as const) {
      for (const key of ['/', '?', 'n', 'j', 'g', 'b']) expect(resolveKey(press(key, { [mod]: true }), null, 0).action).toBeNull();
    }
    expect(resolveKey(press('?', {}), null, 0).action).toBe('help');
    // Shift+n gives "N": not a shortcut.
    expect(resolveKey(press('N'), null, 0).action).toBeNull();
  });

  it('leaves the keys with a meaning of their own alone', () => {
    for (const key of ['Enter', ' ', 'Escape', 'Tab', 'ArrowDown', 'ArrowUp', 'Home', 'End', 'a', 'h', '1']) {
      expect(resolveKey(press(key), null, 0).action).toBeNull();
    }
  });

  it('g then b, s, p or c goes to a page', () => {
    const paths = { b: '/board', s: '/search', p: '/playbooks', c: '/calendar' };
    for (const [key, path] of Object.entries(paths)) {
      const g = resolveKey(press('g'), null, 1000);
      expect(g).toEqual({ action: null, gAt: 1000 });
      expect(resolveKey(press(key), g.gAt, 1000 + G_TIMEOUT_MS)).toEqual({ action: `go:${path}`, gAt: null });
    }
  });

  it('g waits about 1.5 s: after that, the next key is itself again', () => {
    expect(resolveKey(press('s'), 1000, 1000 + G_TIMEOUT_MS + 1)).toEqual({ action: null, gAt: null });
    expect(resolveKey(press('n'), 1000, 1000 + G_TIMEOUT_MS + 1)).toEqual({ action: 'new-task', gAt: null });
  });

  it('g then another key ends the sequence (that key acts as itself); Shift alone keeps it waiting', () => {
    expect(resolveKey(press('n'), 1000, 1100)).toEqual({ action: 'new-task', gAt: null });
    expect(resolveKey(press('z'), 1000, 1100)).toEqual({ action: null, gAt: null });
    expect(resolveKey(press('Shift'), 1000, 1100)).toEqual({ action: null, gAt: 1000 });
    expect(resolveKey(press('b', { ctrlKey: true }), 1000, 1100)).toEqual({ action: null, gAt: null });
    // g g starts again from the second g.
    expect(resolveKey(press('g'), 1000, 1200)).toEqual({ action: null, gAt: 1200 });
  });

  it('a held key repeats only the card travel', () => {
    expect(resolveKey(press('j', { repeat: true }), null, 0).action).toBe('next-card');
    expect(resolveKey(press('k', { repeat: true }), null, 0).action).toBe('previous-card');
    expect(resolveKey(press('n', { repeat: true }), null, 0).action).toBeNull();
    expect(resolveKey(press('?', { repeat: true }), null, 0).action).toBeNull();
    expect(resolveKey(press('b', { repeat: true }), 0, 10).action).toBeNull();
  });
});

describe('keysBelongToFocus', () => {
  afterEach(() => {
    document.body.innerHTML = '';
  });
  const make = (html: string) => {
    document.body.innerHTML = html;
    return (selector: string) => document.querySelector(selector);
  };

  it('fields, editable text and widgets that read keys keep them', () => {
    const $ = make(`
      <input id="text"><input id="box" type="checkbox"><textarea id="area"></textarea><select id="sel"></select>
      <div id="edit" contenteditable="true"><b id="inside">x</b></div><div id="noedit" contenteditable="false"></div>
      <div role="combobox" id="combo"></div><ul role="listbox"><li role="option" id="opt"></li></ul>
      <ul role="menu"><li role="menuitem" id="item"></li></ul><div role="grid"><span id="cell"></span></div>
      <button id="dragging" aria-roledescription="draggable" aria-pressed="true">h</button>
      <button id="handle" aria-roledescription="draggable">h</button><button id="toggle" aria-pressed="true">t</button>
      <button id="button">b</button><a id="link" href="/x">x</a><article id="card"><a href="/tasks/1" id="card-link">t</a></article>`);
    for (const id of ['text', 'box', 'area', 'sel', 'edit', 'inside', 'combo', 'opt', 'item', 'cell', 'dragging']) {
      expect(keysBelongToFocus($(`#${id}`), document), id).toBe(true);
    }
    for (const id of ['noedit', 'handle', 'toggle', 'button', 'link', 'card-link'])
      expect(keysBelongToFocus($(`#${id}`), document), id).toBe(false);
    expect(keysBelongToFocus(document.body, document)).toBe(false);
    expect(keysBelongToFocus(null, document)).toBe(false);
  });

  it('an open dialog takes every key, even with the focus on the body; the shortcuts help does not', () => {
    const $ = make(`<button id="page">p</button><dialog open id="other"><button id="in-other">x</button></dialog>`);
    expect(keysBelongToFocus($('#page'), document)).toBe(true);
    expect(keysBelongToFocus(document.body, document)).toBe(true);
    expect(keysBelongToFocus($('#in-other'), document)).toBe(true);

    const $$ = make(
      `<button id="page">p</button><dialog open><div ${HELP_ATTRIBUTE}><button id="close">Close</button><input type="checkbox" id="on"></div></dialog>`,
    );
    expect(keysBelongToFocus($$('#page'), document)).toBe(false);
    expect(keysBelongToFocus($$('#close'), document)).toBe(false);
    // Its checkbox is a field like any other.
    expect(keysBelongToFocus($$('#on'), document)).toBe(true);
  });

  it('a closed dialog takes nothing', () => {
    const $ = make(`<dialog><button id="x">x</button></dialog><button id="page">p</button>`);
    expect(keysBelongToFocus($('#page'), document)).toBe(false);
  });
});

describe('turning the single-key shortcuts off', () => {
  afterEach(() => setShortcutsOn(true));

  it('they are on until turned off, and the choice is kept', () => {
    const storage = memoryStorage();
    expect(shortcutsOn(storage)).toBe(true);
    setShortcutsOn(false, storage);
    expect(shortcutsOn(storage)).toBe(false);
    setShortcutsOn(true, storage);
    expect(shortcutsOn(storage)).toBe(true);
    expect(shortcutsOn(null)).toBe(true);
  });

  it('the browser’s storage holds the choice; blocked storage keeps it for the page', () => {
    expect(shortcutsActive()).toBe(true);
    setShortcutsOn(false);
    expect(window.localStorage.getItem('cockpit-board:shortcuts')).toBe('off');
    expect(shortcutsActive()).toBe(false);
    setShortcutsOn(true);
    expect(shortcutsActive()).toBe(true);

    const blocked = {
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
      removeItem: () => undefined,
    };
    setShortcutsOn(false, blocked);
    expect(shortcutsActive()).toBe(false);
  });

  it('unreadable storage counts as on', () => {
    const broken = {
      getItem: (): string | null => {
        throw new Error('SecurityError');
      },
    };
    expect(shortcutsOn(broken)).toBe(true);
  });
});
