import { describe, expect, it } from 'vitest';
import { isLandingPath, matchRoute, ROUTE_TABLE } from './route-table.ts';

describe('matchRoute', () => {
  it('matches each page as the router does', () => {
    expect(matchRoute('/board')).toEqual({ key: 'board', params: {} });
    expect(matchRoute('/Board/')).toEqual({ key: 'board', params: {} });
    expect(matchRoute('/search')).toEqual({ key: 'search', params: {} });
    expect(matchRoute('/playbooks')).toEqual({ key: 'playbooks', params: {} });
    expect(matchRoute('/playbooks/1P%20X')).toEqual({ key: 'playbook', params: { playbookId: '1P X' } });
    expect(matchRoute('/tasks/1T2')).toEqual({ key: 'task', params: { taskId: '1T2' } });
    // A malformed escape is kept as typed (the page then says the task does not exist).
    expect(matchRoute('/tasks/%E0%A4%A')).toEqual({ key: 'task', params: { taskId: '%E0%A4%A' } });
  });

  it('/ is the board; anything else is no page', () => {
    expect(matchRoute('/')).toEqual({ key: 'board', params: {} });
    expect(matchRoute('/tasks')).toBeNull();
    expect(matchRoute('/tasks/1/edit')).toBeNull();
    expect(matchRoute('/nope')).toBeNull();
  });
});

describe('isLandingPath', () => {
  it('is `/` with any number of slashes, and nothing else', () => {
    expect(['/', '', '//', '///'].map(isLandingPath)).toEqual([true, true, true, true]);
    expect(['/board', '/b', '//board/'].map(isLandingPath)).toEqual([false, false, false]);
  });
});

describe('ROUTE_TABLE', () => {
  it('names, for each page, its own code first', () => {
    for (const [key, route] of Object.entries(ROUTE_TABLE)) {
      expect(route.modules.length, key).toBeGreaterThan(0);
      expect(route.modules[0], key).toMatch(/^src\/features\/[a-z]+\/[a-z-]+-route\.tsx$/);
    }
  });
});
