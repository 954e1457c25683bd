import { describe, expect, it } from 'vitest';
import { pageBoardKeys, pageSearchField, registerBoardKeys, registerSearchTarget } from './registry.ts';

describe('shortcut registry', () => {
  it('the page registered last wins, and leaving gives back the one before', () => {
    const a = document.createElement('input');
    const b = document.createElement('input');
    expect(pageSearchField()).toBeNull();
    const offA = registerSearchTarget(() => a);
    const offB = registerSearchTarget(() => b);
    expect(pageSearchField()).toBe(b);
    offB();
    expect(pageSearchField()).toBe(a);
    offB(); // twice is harmless
    expect(pageSearchField()).toBe(a);
    offA();
    expect(pageSearchField()).toBeNull();
  });

  it('a target not drawn now gives null', () => {
    const off = registerSearchTarget(() => undefined);
    expect(pageSearchField()).toBeNull();
    off();
  });

  it('board keys exist only while a board has registered them', () => {
    expect(pageBoardKeys()).toBeNull();
    const keys = () => true;
    const off = registerBoardKeys(keys);
    expect(pageBoardKeys()).toBe(keys);
    off();
    expect(pageBoardKeys()).toBeNull();
  });
});
