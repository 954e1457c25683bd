import { describe, expect, it } from 'vitest';
import { VIEW_NAME_MAX, VIEW_PARAMS_MAX } from '../live-events.ts';
import { checkTeamViewInput, checkViewName, checkViewParams, cleanViewName } from './team-views.ts';

describe('team view names', () => {
  it('are trimmed, with runs of spaces made one', () => {
    expect(cleanViewName('  Overdue   for\tAna  ')).toBe('Overdue for Ana');
    expect(checkViewName('  Overdue  renewals ')).toEqual({ ok: true, value: 'Overdue renewals' });
  });

  it('must say something', () => {
    expect(checkViewName('')).toEqual({ ok: false, message: 'Give the view a name.' });
    expect(checkViewName('   ')).toEqual({ ok: false, message: 'Give the view a name.' });
    expect(checkViewName(42)).toEqual({ ok: false, message: 'The name must be text.' });
  });

  it(`have at most ${VIEW_NAME_MAX} characters, counted after cleaning`, () => {
    expect(checkViewName('x'.repeat(VIEW_NAME_MAX))).toEqual({ ok: true, value: 'x'.repeat(VIEW_NAME_MAX) });
    expect(checkViewName(`  ${'x'.repeat(VIEW_NAME_MAX)}  `).ok).toBe(true);
    expect(checkViewName('x'.repeat(VIEW_NAME_MAX + 5))).toEqual({
      ok: false,
      message: `A name has at most ${VIEW_NAME_MAX} characters (this one has ${VIEW_NAME_MAX + 5}).`,
    });
  });

  it('hold no control characters', () => {
    expect(checkViewName('bad\u0000name')).toEqual({ ok: false, message: 'A name cannot contain control characters.' });
    expect(checkViewName('bell\u0007')).toMatchObject({ ok: false });
  });
});

describe('team view params', () => {
  it('are a query string, a leading ? dropped', () => {
    expect(checkViewParams('?q=renewal&sort=priority')).toEqual({ ok: true, value: 'q=renewal&sort=priority' });
    expect(checkViewParams('')).toEqual({ ok: true, value: '' });
  });

  it(`have at most ${VIEW_PARAMS_MAX} characters`, () => {
    expect(checkViewParams(`s=${'a'.repeat(VIEW_PARAMS_MAX - 2)}`).ok).toBe(true);
    expect(checkViewParams(`s=${'a'.repeat(VIEW_PARAMS_MAX)}`)).toEqual({
      ok: false,
      message: `These filters are too long to share (4,002 characters in the link; at most 4,000).`,
    });
  });

  it('are refused with spaces, a fragment or control characters (not encoded as a page writes them)', () => {
    expect(checkViewParams('q=a b').ok).toBe(false);
    expect(checkViewParams('q=a#b').ok).toBe(false);
    expect(checkViewParams('q=a\nb').ok).toBe(false);
    expect(checkViewParams(7).ok).toBe(false);
  });
});

describe('a whole team view input', () => {
  it('is cleaned when good', () => {
    expect(checkTeamViewInput({ kind: 'board', name: ' Mine ', params: '?quick=mine' })).toEqual({
      ok: true,
      value: { kind: 'board', name: 'Mine', params: 'quick=mine' },
    });
  });

  it('says the first thing wrong', () => {
    expect(checkTeamViewInput(null)).toEqual({ ok: false, message: 'A team view needs a kind, a name and params.' });
    expect(checkTeamViewInput({ kind: 'playbook', name: 'x', params: '' })).toEqual({
      ok: false,
      message: "A team view's kind is one of search, board.",
    });
    expect(checkTeamViewInput({ kind: 'search', name: '', params: '' })).toEqual({ ok: false, message: 'Give the view a name.' });
    expect(checkTeamViewInput({ kind: 'search', name: 'ok', params: 'a b' })).toMatchObject({ ok: false });
  });
});
