import { describe, expect, it } from 'vitest';
import { createApiClient } from './client.ts';
import { fakeApi } from '../../test-support/fake-api.ts';

const TASK = { Gsid: '1T0001', Name: 'Kick-off call', CTAId: '1C0001', Status: 'Not Started' as const };

describe("the API client's own headers", () => {
  it('sends X-Requested-With: cockpit-board on every call, reads and writes alike', async () => {
    const requests: Request[] = [];
    const answer = fakeApi({ getTask: () => TASK, createTask: () => TASK, updateTask: () => TASK });
    const api = createApiClient({
      fetch: async (request) => {
        requests.push(request);
        return answer(request);
      },
    });
    await api.getTask('1T0001');
    await api.listPlaybooks();
    await api.searchTasks({ limit: 1 });
    await api.createTask({ Name: 'x', CTAId: '1C0001', Status: 'Not Started' });
    await api.updateTask('1T0001', { Name: 'x', CTAId: '1C0001', Status: 'Completed' });
    expect(requests.map((r) => r.method)).toEqual(['GET', 'GET', 'POST', 'POST', 'PUT']);
    for (const request of requests) {
      expect(request.headers.get('X-Requested-With'), `${request.method} ${request.url}`).toBe('cockpit-board');
      expect(request.headers.get('Accept')).toBe('application/json');
    }
  });
});
