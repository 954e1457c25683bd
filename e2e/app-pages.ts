import type { components } from '../src/api/schema.gen.ts';
import { sandboxApi } from './fixtures.ts';

type Task = components['schemas']['Task'];
type Playbook = components['schemas']['Playbook'];

/** Every page of the app as [path, its h1], with a real task and playbook from the sandbox. */
export async function appPages(): Promise<[string, string][]> {
  const tasks = await sandboxApi.call<{ records: Task[] }>('POST', '/v1/tasks/search', { select: ['Gsid', 'Name'], limit: 1 });
  const playbooks = await sandboxApi.call<Playbook[]>('GET', '/v1/playbooks');
  const task = tasks.data.records[0]!;
  const playbook = playbooks.data[0]!;
  return [
    ['/board', 'Board'],
    ['/search', 'Search'],
    ['/playbooks', 'Playbooks'],
    ['/calendar', 'Calendar'],
    [`/playbooks/${playbook.Gsid}`, playbook.Name!],
    [`/tasks/${task.Gsid}`, task.Name!],
  ];
}
