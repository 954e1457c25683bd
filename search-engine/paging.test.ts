import { describe, expect, it } from 'vitest';
import { compileSearch } from './compile.ts';
import { expectError } from './test-fixture.ts';

describe('limit and offset', () => {
  it('defaults and bounds', () => {
    expect(compileSearch({ limit: 0, offset: 7 })).toMatchObject({ limit: 0, offset: 7 });
    expect(compileSearch({ limit: 5000 }).limit).toBe(5000);
    expectError({ limit: 6000 }, 'COCKPIT_5100', 'limit must be between 0 and 5000, got 6000');
    expectError({ limit: -1 }, 'COCKPIT_5100', 'limit must be between 0 and 5000, got -1');
    expectError({ limit: 2.5 }, 'COCKPIT_5100', 'limit must be an integer between 0 and 5000, got 2.5');
    expectError({ limit: '10' }, 'COCKPIT_5100', 'limit must be an integer between 0 and 5000, got "10"');
    expectError({ offset: -1 }, 'COCKPIT_5100', 'offset must be an integer >= 0, got -1');
    expectError({ offset: 1.5 }, 'COCKPIT_5100', 'offset must be an integer >= 0, got 1.5');
  });
});
