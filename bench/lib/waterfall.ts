/**
 * The requests of one page load, as the browser's Resource Timing saw them (times in ms from
 * navigation start), and the longest chain of requests that wait on one another.
 *
 * "B waits on A" is read from the times: B started only after A had ended, and (unless A is the
 * document) more than SIBLING_MS after A started. The first part is what a dependency looks like on a waterfall (a
 * chunk discovered when the code that imports it has run, a request a component makes once its
 * code is in). The second keeps apart requests that one piece of code started together, one
 * after the other, of which the first happened to be answered before the code got to the next
 * (a small chunk on a fast line): requests started within SIBLING_MS of each other were started
 * "at once". Requests that merely follow each other still count, so the chain found is never
 * shorter than the real one.
 */
const SIBLING_MS = 50;

export type RequestKind = 'document' | 'script' | 'css' | 'fetch' | 'other';

export interface TimedRequest {
  /** Path and query of the URL (the origin is the app's). */
  url: string;
  kind: RequestKind;
  start: number;
  end: number;
}

/** What the first meaningful element could have waited for: the page's own requests that ended before it appeared. */
export function neededBefore(requests: readonly TimedRequest[], elementAt: number): TimedRequest[] {
  return requests.filter((r) => r.kind !== 'other' && r.end <= elementAt);
}

/** True when `b` waits on `a` (see above). Everything the page asks for waits on the document. */
function waitsOn(b: TimedRequest, a: TimedRequest): boolean {
  return b.start >= a.end && (a.kind === 'document' || b.start - a.start > SIBLING_MS);
}

/**
 * The longest sequence r1, r2, … rn in which each request waits on the previous one (the
 * document first when it is in the list). Ties go to the chain that ends first.
 */
export function longestChain(requests: readonly TimedRequest[]): TimedRequest[] {
  const sorted = [...requests].sort((a, b) => a.start - b.start || a.end - b.end);
  const best: { length: number; previous: number }[] = sorted.map(() => ({ length: 1, previous: -1 }));
  for (let i = 0; i < sorted.length; i++) {
    for (let j = 0; j < i; j++) {
      if (waitsOn(sorted[i]!, sorted[j]!) && best[j]!.length + 1 > best[i]!.length) best[i] = { length: best[j]!.length + 1, previous: j };
    }
  }
  let last = -1;
  best.forEach((b, i) => {
    if (last === -1 || b.length > best[last]!.length || (b.length === best[last]!.length && sorted[i]!.end < sorted[last]!.end)) last = i;
  });
  const chain: TimedRequest[] = [];
  for (let i = last; i !== -1; i = best[i]!.previous) chain.unshift(sorted[i]!);
  return chain;
}

/**
 * The longest chain through the entry: the document, the page's own module scripts (`entryUrls`,
 * the last of them to arrive), then the longest chain of requests that started once they had
 * all arrived (what the app's code asked for, and what that waited for). Null when no entry
 * script is among `requests`.
 */
export function entryChain(requests: readonly TimedRequest[], entryUrls: readonly string[]): TimedRequest[] | null {
  const entries = requests.filter((r) => entryUrls.includes(r.url));
  if (entries.length === 0) return null;
  const entry = entries.reduce((last, r) => (r.end > last.end ? r : last));
  const document = requests.find((r) => r.kind === 'document');
  const after = longestChain(requests.filter((r) => r.kind !== 'document' && !entries.includes(r) && r.start >= entry.end));
  return [...(document ? [document] : []), entry, ...after];
}

/** How many requests of an entry chain come after the entry script. */
export function requestsAfterEntry(chain: readonly TimedRequest[], entryUrls: readonly string[]): number {
  const at = chain.findIndex((r) => entryUrls.includes(r.url));
  return at === -1 ? chain.length : chain.length - at - 1;
}

/** A short name for a request: the file name of an asset, the path of an API call. */
export function shortName(r: TimedRequest): string {
  if (r.kind === 'document') return `${r.url} (document)`;
  const path = r.url.split('?')[0]!;
  return path.startsWith('/assets/') ? path.slice('/assets/'.length) : path;
}

/** One line a request, "  start ->  end  name", in start order. */
export function formatWaterfall(requests: readonly TimedRequest[], mark?: { label: string; at: number }): string[] {
  const rows: { at: number; text: string }[] = [...requests]
    .sort((a, b) => a.start - b.start || a.end - b.end)
    .map((r) => ({ at: r.start, text: `${r.start.toFixed(0).padStart(6)} -> ${r.end.toFixed(0).padStart(6)}  ${shortName(r)}` }));
  if (mark) {
    const at = rows.findIndex((row) => row.at > mark.at);
    rows.splice(at === -1 ? rows.length : at, 0, { at: mark.at, text: `${mark.at.toFixed(0).padStart(6)}            ${mark.label}` });
  }
  return rows.map((row) => row.text);
}
