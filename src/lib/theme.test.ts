import { afterEach, describe, expect, it } from 'vitest';
import { applyThemeChoice, parseThemeChoice, readThemeChoice, saveThemeChoice } from './theme.ts';

afterEach(() => {
  localStorage.clear();
  document.documentElement.removeAttribute('data-theme');
});

describe('theme choice', () => {
  it('reads a known choice, and anything else as following the system', () => {
    expect(parseThemeChoice('dark')).toBe('dark');
    expect(parseThemeChoice('light')).toBe('light');
    expect(parseThemeChoice(null)).toBe('system');
    expect(parseThemeChoice('Dark')).toBe('system');
    expect(parseThemeChoice('purple')).toBe('system');
  });

  it('keeps a choice across visits and shows it on the root element; "system" leaves it to the system', () => {
    expect(readThemeChoice()).toBe('system');
    saveThemeChoice('dark');
    expect(readThemeChoice()).toBe('dark');
    expect(document.documentElement.dataset.theme).toBe('dark');
    saveThemeChoice('light');
    expect(document.documentElement.dataset.theme).toBe('light');
    saveThemeChoice('system');
    expect(readThemeChoice()).toBe('system');
    expect(document.documentElement.hasAttribute('data-theme')).toBe(false);
  });

  it('shows a choice on any root it is given', () => {
    const root = document.createElement('div');
    applyThemeChoice('dark', root);
    expect(root.getAttribute('data-theme')).toBe('dark');
    applyThemeChoice('system', root);
    expect(root.hasAttribute('data-theme')).toBe(false);
  });
});
