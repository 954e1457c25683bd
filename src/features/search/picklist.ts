/**
 * Picklist values (Priority) for the search builder: the list offers the values seen in tasks,
 * one per spelling regardless of case; and since the API compares `EQ`/`IN` exactly (only
 * CONTAINS and STARTS_WITH ignore case), a value chosen or typed stands for every spelling of it
 * seen in tasks ("high" finds "High" and "HIGH"). Pure.
 */

const fold = (text: string) => text.trim().toLocaleLowerCase('en');

/**
 * The values to offer: the known ones (in their order, in their spelling), then any other value
 * seen, one per spelling regardless of case, in the order seen.
 */
export function picklistChoices(seen: readonly string[], known: readonly string[]): string[] {
  const byFold = new Map<string, string>();
  for (const value of [...known, ...seen]) {
    const key = fold(value);
    if (key !== '' && !byFold.has(key)) byFold.set(key, value.trim());
  }
  return [...byFold.values()];
}

/** The offered value a typed or linked value stands for (same letters, any case), if any. */
export function choiceFor(value: string, choices: readonly string[]): string | undefined {
  const key = fold(value);
  return choices.find((c) => fold(c) === key);
}

/**
 * What to send for `values`: every spelling of each seen in tasks, or the value as given when no
 * task has it in any spelling; without repeats, in order.
 */
export function spellingsOf(values: readonly string[], seen: readonly string[]): string[] {
  const out: string[] = [];
  for (const value of values) {
    const key = fold(value);
    const found = seen.filter((s) => fold(s) === key);
    for (const spelling of found.length > 0 ? found : [value.trim()]) if (!out.includes(spelling)) out.push(spelling);
  }
  return out;
}
