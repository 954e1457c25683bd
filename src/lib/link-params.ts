/**
 * Reading a page's link (the board's, the calendar's): a text param is trimmed, an empty one is
 * absent, and one too long to be an id or a name search is dropped and said; a list param is its
 * comma-separated, trimmed, non-empty items. What was dropped is added to `problems`, in words.
 */

/** Longest text a param may hold (ids are 36 characters; a name search is short). */
export const MAX_PARAM_LENGTH = 200;

export function linkParams(params: URLSearchParams, problems: string[]) {
  return {
    /** The trimmed text of `key`, or null (absent, empty, or too long: said with `label`). */
    text(key: string, label: string): string | null {
      const raw = params.get(key);
      if (raw === null || raw.trim() === '') return null;
      if (raw.length > MAX_PARAM_LENGTH) {
        problems.push(`The ${label} in the link is too long, so it is not used.`);
        return null;
      }
      return raw.trim();
    },
    /** The items of a comma-separated `key`, or null when it is absent or empty. */
    list(key: string): string[] | null {
      const raw = params.get(key);
      if (!raw) return null;
      return raw
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean);
    },
  };
}
