import { useRef, useState } from 'react';
import { ApplyDialog } from './apply-dialog.tsx';
import type { OrderedTemplate } from './template-steps.ts';
import { Button } from '../../components/ui/button.tsx';

/** "Apply to a CTA" for an active playbook with templates; otherwise why it cannot be applied. */
export function ApplySection({
  playbookId,
  playbookName,
  active,
  templates,
}: {
  playbookId: string;
  playbookName: string;
  active: boolean;
  templates: readonly OrderedTemplate[];
}) {
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);

  if (!active) {
    return (
      <p className="rounded border border-slate-300 bg-slate-100 px-3 py-2 text-sm text-slate-800">
        <strong>This playbook is inactive, so it cannot be applied to a CTA.</strong> Existing tasks from it are not affected; an admin can
        reactivate it in Gainsight.
      </p>
    );
  }
  if (templates.length === 0) {
    return <p className="text-sm text-slate-700">This playbook has no task templates, so applying it would create nothing.</p>;
  }
  return (
    <>
      <Button ref={button} variant="primary" size="lg" onClick={() => setOpen(true)}>
        Apply to a CTA
      </Button>
      {open && (
        <ApplyDialog
          playbookId={playbookId}
          playbookName={playbookName}
          templates={templates}
          onClose={() => setOpen(false)}
          returnFocus={button}
        />
      )}
    </>
  );
}
