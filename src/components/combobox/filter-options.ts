/** One choice of a combobox. */
export interface ComboboxOption {
  /** What `onChange` receives when the option is chosen (e.g. an id). */
  value: string;
  /** The main text of the option; also what the input shows once chosen (unless free text is allowed). */
  label: string;
  /** Secondary text shown under the label (e.g. the id); searched too. */
  description?: string;
}

/** Lower case, without accents, so "Zoë" is found by "zoe". */
export function normalizeText(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase().trim();
}

export interface FilteredOptions {
  /** The options to show, at most `limit` of them. */
  shown: ComboboxOption[];
  /** How many options match in all. */
  total: number;
}

/**
 * The options matching `query`: every word of the query must appear in the label, the
 * description or the value. Options whose label starts with the query come first; otherwise the
 * given order is kept. An empty query matches everything.
 */
export function filterOptions(options: readonly ComboboxOption[], query: string, limit = Infinity): FilteredOptions {
  const q = normalizeText(query);
  const terms = q.split(/\s+/).filter(Boolean);
  const starts: ComboboxOption[] = [];
  const rest: ComboboxOption[] = [];
  for (const option of options) {
    const label = normalizeText(option.label);
    const haystack = `${label} ${normalizeText(option.description ?? '')} ${normalizeText(option.value)}`;
    if (!terms.every((t) => haystack.includes(t))) continue;
    (q !== '' && label.startsWith(q) ? starts : rest).push(option);
  }
  const all = [...starts, ...rest];
  return { shown: all.slice(0, limit), total: all.length };
}

/** The option whose label is `text` (ignoring case and accents), if exactly one has it. */
export function findByLabel(options: readonly ComboboxOption[], text: string): ComboboxOption | undefined {
  const q = normalizeText(text);
  if (q === '') return undefined;
  const hits = options.filter((o) => normalizeText(o.label) === q);
  return hits.length === 1 ? hits[0] : undefined;
}
