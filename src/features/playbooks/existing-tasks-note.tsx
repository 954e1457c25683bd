import { useQuery } from '@tanstack/react-query';
import { taskSearchQueryOptions } from '../../api/tasks.ts';
import type { SearchRequest } from '../../api/types.ts';
import { useDebounced } from './use-debounced.ts';

const countRequest = (playbookId: string, ctaId: string): SearchRequest => ({
  select: ['Gsid'],
  where: {
    conditions: [
      { name: 'PlaybookId', operator: 'EQ', value: [playbookId] },
      { name: 'CTAId', operator: 'EQ', value: [ctaId] },
    ],
  },
  limit: 0,
});

/** Warns when the chosen CTA already has tasks from this playbook (applying again adds more). */
export function ExistingTasksNote({ playbookId, ctaId, count }: { playbookId: string; ctaId: string; count: number }) {
  const settled = useDebounced(ctaId.trim(), 400);
  const query = useQuery({ ...taskSearchQueryOptions(countRequest(playbookId, settled)), enabled: settled !== '' });
  const existing = settled && query.data ? query.data.totalCount : 0;
  return (
    <p role="status" className={existing > 0 ? 'rounded border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900' : 'sr-only'}>
      {existing > 0
        ? `This CTA already has ${existing} ${existing === 1 ? 'task' : 'tasks'} from this playbook. Applying it again adds ${count} more.`
        : ''}
    </p>
  );
}
