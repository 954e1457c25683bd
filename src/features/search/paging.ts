const COUNT = new Intl.NumberFormat('en-US');

export function formatCount(n: number): string {
  return COUNT.format(n);
}

/** Pages needed for `total` rows (at least 1, so "page 1 of 1" for no rows). */
export function pageCount(total: number, pageSize: number): number {
  return Math.max(1, Math.ceil(total / pageSize));
}

/** "1–25 of 1,234" for the rows a page shows; "0 of 1,234" past the end. */
export function rangeText(page: number, pageSize: number, shown: number, total: number): string {
  if (shown === 0) return `0 of ${formatCount(total)}`;
  const first = page * pageSize + 1;
  return `${formatCount(first)}–${formatCount(first + shown - 1)} of ${formatCount(total)}`;
}
