/**
 * The rules a team view's input must meet (the limits are in live-events.ts), written once so the
 * app says before sending what the team server would refuse, in the same words. Pure; no DOM, no
 * Node: the team server can import it too.
 */
import { VIEW_NAME_MAX, VIEW_PARAMS_MAX, type TeamViewInput, type TeamViewKind } from '../live-events.ts';

export const TEAM_VIEW_KINDS: readonly TeamViewKind[] = ['search', 'board'];

export function isTeamViewKind(value: unknown): value is TeamViewKind {
  return typeof value === 'string' && (TEAM_VIEW_KINDS as readonly string[]).includes(value);
}

// eslint-disable-next-line no-control-regex -- control characters are exactly what this looks for
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/;

/** A name as it is stored: trimmed, each run of spaces made one. */
export function cleanViewName(name: string): string {
  return name.trim().replace(/\s+/g, ' ');
}

export type Checked<T> = { ok: true; value: T } | { ok: false; message: string };

/** The cleaned name, or why it cannot be used. */
export function checkViewName(name: unknown): Checked<string> {
  if (typeof name !== 'string') return { ok: false, message: 'The name must be text.' };
  if (CONTROL_CHARACTERS.test(name.replace(/[\t\n\r]/g, ' '))) {
    return { ok: false, message: 'A name cannot contain control characters.' };
  }
  const clean = cleanViewName(name);
  if (clean === '') return { ok: false, message: 'Give the view a name.' };
  if (clean.length > VIEW_NAME_MAX) {
    return { ok: false, message: `A name has at most ${VIEW_NAME_MAX} characters (this one has ${clean.length}).` };
  }
  return { ok: true, value: clean };
}

/** The page's query string without a leading `?`, or why it cannot be shared. */
export function checkViewParams(params: unknown): Checked<string> {
  if (typeof params !== 'string') return { ok: false, message: "The view's filters must be a URL query string." };
  const clean = params.startsWith('?') ? params.slice(1) : params;
  if (clean.length > VIEW_PARAMS_MAX) {
    return {
      ok: false,
      message: `These filters are too long to share (${clean.length.toLocaleString('en-US')} characters in the link; at most ${VIEW_PARAMS_MAX.toLocaleString('en-US')}).`,
    };
  }
  if (CONTROL_CHARACTERS.test(clean) || /[\s#]/.test(clean)) {
    return { ok: false, message: "The view's filters must be a URL query string, encoded as the page writes it." };
  }
  return { ok: true, value: clean };
}

/** A whole input for `POST /api/views`, cleaned, or the first thing wrong with it. */
export function checkTeamViewInput(input: unknown): Checked<TeamViewInput> {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return { ok: false, message: 'A team view needs a kind, a name and params.' };
  }
  const { kind, name, params } = input as Record<string, unknown>;
  if (!isTeamViewKind(kind)) return { ok: false, message: `A team view's kind is one of ${TEAM_VIEW_KINDS.join(', ')}.` };
  const checkedName = checkViewName(name);
  if (!checkedName.ok) return checkedName;
  const checkedParams = checkViewParams(params);
  if (!checkedParams.ok) return checkedParams;
  return { ok: true, value: { kind, name: checkedName.value, params: checkedParams.value } };
}
