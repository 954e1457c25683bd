import { dayLabel, stepLabel, type OrderedTemplate } from './template-steps.ts';

/** The task templates in playbook order, each with its step, name, description and due offset. */
export function TemplateList({ templates, labelledBy }: { templates: readonly OrderedTemplate[]; labelledBy: string }) {
  if (templates.length === 0) {
    return (
      <p className="rounded border border-dashed border-slate-300 bg-white p-4 text-slate-700">This playbook has no task templates.</p>
    );
  }
  return (
    <ol aria-labelledby={labelledBy} className="space-y-2">
      {templates.map((t) => (
        <li key={t.step} className="rounded border border-slate-200 bg-white px-4 py-3">
          <div className="flex flex-wrap items-baseline gap-x-3">
            <span className="text-xs font-semibold tracking-wide text-slate-600 uppercase">{stepLabel(t)}</span>
            <h3 className="font-medium text-slate-900">{t.name || '(no name)'}</h3>
            <span className="ml-auto rounded bg-blue-50 px-2 py-0.5 text-sm font-medium whitespace-nowrap text-blue-900">
              {dayLabel(t.daysFromCreation)}
            </span>
          </div>
          {t.description && <p className="mt-1 text-sm text-slate-700">{t.description}</p>}
        </li>
      ))}
    </ol>
  );
}
