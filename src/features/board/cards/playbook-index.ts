/**
 * The playbooks as the cards need them: each playbook's name and, for each template `order`, the
 * step it is ("step 3 of 7"). Built once from the playbook list (one cached request for the whole
 * board) and handed to the cards through a context, so each card looks its playbook up directly.
 */
import { createContext, useContext } from 'react';
import type { Playbook } from '../../../api/types.ts';
import { sortTemplates, templateOrder, type TemplateStep } from '../../../lib/template-order.ts';

interface PlaybookEntry {
  name: string;
  /** Template `order` -> its step in playbook order. */
  steps: ReadonlyMap<number, TemplateStep>;
}

export type PlaybookIndex = ReadonlyMap<string, PlaybookEntry>;

export function playbookIndex(playbooks: readonly Playbook[]): PlaybookIndex {
  const index = new Map<string, PlaybookEntry>();
  for (const playbook of playbooks) {
    if (!playbook.Gsid) continue;
    // As templateStep counts: the first template (in playbook order) with an order is its step.
    const sorted = sortTemplates(playbook.TaskTemplates);
    const steps = new Map<number, TemplateStep>();
    sorted.forEach((t, i) => {
      const order = templateOrder(t);
      if (order !== null && !steps.has(order)) steps.set(order, { step: i + 1, total: sorted.length });
    });
    index.set(playbook.Gsid, { name: playbook.Name?.trim() || 'Unnamed playbook', steps });
  }
  return index;
}

/** Null while the list loads, or when it could not be loaded (cards then say "Playbook task"). */
export const PlaybookIndexContext = createContext<PlaybookIndex | null>(null);

export const usePlaybookIndex = () => useContext(PlaybookIndexContext);
