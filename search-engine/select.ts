/** `select`: the fields to return, every name looked up in the whitelist. */
import { SearchError, show, showList } from './errors.ts';
import { TASK_FIELDS, taskField, type FieldDef } from './fields.ts';

export function compileSelect(select: unknown): FieldDef[] {
  if (select === undefined || select === null) return [...TASK_FIELDS];
  if (!Array.isArray(select)) {
    throw new SearchError('COCKPIT_5100', `select must be an array of field names, got ${show(select)}`);
  }
  if (select.length === 0) return [...TASK_FIELDS];
  const bad: string[] = [];
  const out: FieldDef[] = [];
  for (const name of select as unknown[]) {
    const field = typeof name === 'string' ? taskField(name) : undefined;
    if (!field) bad.push(typeof name === 'string' ? name : show(name));
    else if (!out.includes(field)) out.push(field);
  }
  if (bad.length > 0) {
    throw new SearchError('COCKPIT_5101', `Invalid fields in select clause - ${showList(bad)}`);
  }
  return out;
}
