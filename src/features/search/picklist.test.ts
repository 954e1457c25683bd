import { describe, expect, it } from 'vitest';
import { choiceFor, picklistChoices, spellingsOf } from './picklist.ts';

const KNOWN = ['High', 'Medium', 'Low'];

describe('picklistChoices', () => {
  it('offers the known values, then others seen, one per spelling regardless of case', () => {
    expect(picklistChoices(['low', 'Urgent', 'HIGH', 'urgent', ' ', 'Medium'], KNOWN)).toEqual(['High', 'Medium', 'Low', 'Urgent']);
    expect(picklistChoices([], KNOWN)).toEqual(KNOWN);
  });
});

describe('choiceFor', () => {
  it('finds the offered value with the same letters in any case', () => {
    expect(choiceFor(' high ', KNOWN)).toBe('High');
    expect(choiceFor('urgent', KNOWN)).toBeUndefined();
  });
});

describe('spellingsOf', () => {
  it('stands for every spelling seen in tasks', () => {
    const seen = ['High', 'HIGH', 'Low', 'high'];
    expect(spellingsOf(['High'], seen)).toEqual(['High', 'HIGH', 'high']);
    expect(spellingsOf(['low', 'Medium'], seen)).toEqual(['Low', 'Medium']);
    expect(spellingsOf(['Low'], [])).toEqual(['Low']);
  });
});
