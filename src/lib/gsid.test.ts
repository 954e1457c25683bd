import { describe, expect, it } from 'vitest';
import { isWellFormedGsid } from './gsid.ts';

describe('isWellFormedGsid', () => {
  it('takes 36 digits and upper-case letters starting with 1', () => {
    expect(isWellFormedGsid('1I00T1GC6ZQDGHWQH1N9AKP5NUP1ZZXL2XC5')).toBe(true);
    expect(isWellFormedGsid('1C0000000000000000000000000000000000')).toBe(true);
  });

  it('refuses names, short or long ids, lower case, spaces and other characters', () => {
    for (const text of [
      'Kestrel',
      '1CNOSUCHCTA',
      '1C00000000000000000000000000000000000',
      '1c0000000000000000000000000000000000',
      ' 1C000000000000000000000000000000000',
      '2C0000000000000000000000000000000000',
      '1C00000000000000000000000000000000-0',
      '',
    ]) {
      expect(isWellFormedGsid(text), text).toBe(false);
    }
  });
});
