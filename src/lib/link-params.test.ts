import { describe, expect, it } from 'vitest';
import { MAX_PARAM_LENGTH, linkParams } from './link-params.ts';

describe('linkParams', () => {
  it('reads text trimmed, empty as absent, and drops a too-long value saying which', () => {
    const problems: string[] = [];
    const read = linkParams(new URLSearchParams({ owner: '  U1 ', company: '  ', q: 'x'.repeat(MAX_PARAM_LENGTH + 1) }), problems);
    expect(read.text('owner', 'owner')).toBe('U1');
    expect(read.text('company', 'company')).toBeNull();
    expect(read.text('missing', 'missing')).toBeNull();
    expect(read.text('q', 'name search')).toBeNull();
    expect(problems).toEqual(['The name search in the link is too long, so it is not used.']);
  });

  it('splits a list on commas, trimmed, without empty items', () => {
    const read = linkParams(new URLSearchParams({ quick: ' mine, ,overdue ,', none: '' }), []);
    expect(read.list('quick')).toEqual(['mine', 'overdue']);
    expect(read.list('none')).toBeNull();
    expect(read.list('missing')).toBeNull();
  });
});
