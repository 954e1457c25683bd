/**
 * Task priorities. The spec types Priority as a free string; Gainsight tenants use a picklist,
 * and these are the values the sample data and the forms offer, in picklist order (most urgent first).
 */
export const PRIORITIES = ['High', 'Medium', 'Low'] as const;

/** Sort rank: High 0, Medium 1, Low 2, any other value 3, none 4. */
export function priorityRank(priority: string | undefined | null): number {
  if (!priority) return 4;
  const i = (PRIORITIES as readonly string[]).indexOf(priority);
  return i === -1 ? 3 : i;
}
