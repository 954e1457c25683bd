/**
 * How many upstream calls the team server has made in the last minute and the last day, against
 * its share of the tenant's budget. Gainsight counts in fixed windows (100 a minute, 100,000 a
 * day per tenant); counting here in sliding windows is stricter, so no fixed window upstream can
 * ever see more than our limit from this server.
 */
export interface BudgetLimits {
  perMinute: number;
  perDay: number;
}

export const MINUTE_MS = 60_000;
export const DAY_MS = 24 * 60 * MINUTE_MS;

export class BudgetWindows {
  /** Send times of the last minute, oldest first. */
  private readonly minute: number[] = [];
  /** Calls per minute slot (`floor(time / 1 min)`), for the day window; oldest first. */
  private readonly daySlots: { slot: number; count: number }[] = [];
  private dayTotal = 0;

  constructor(readonly limits: BudgetLimits) {}

  record(now: number): void {
    this.prune(now);
    this.minute.push(now);
    const slot = Math.floor(now / MINUTE_MS);
    const last = this.daySlots[this.daySlots.length - 1];
    if (last && last.slot === slot) last.count++;
    else this.daySlots.push({ slot, count: 1 });
    this.dayTotal++;
  }

  left(now: number): { minute: number; day: number } {
    this.prune(now);
    return {
      minute: Math.max(0, this.limits.perMinute - this.minute.length),
      day: Math.max(0, this.limits.perDay - this.dayTotal),
    };
  }

  /**
   * The earliest time at which at least `free` calls are left in the minute window and one in the
   * day window (now, if they are already).
   */
  availableAt(now: number, free = 1): number {
    const left = this.left(now);
    let at = now;
    if (left.minute < free) {
      // The minute frees a call each time its oldest send turns a minute old.
      const index = free - left.minute - 1;
      const ts = this.minute[index];
      at = Math.max(at, ts === undefined ? now + MINUTE_MS : ts + MINUTE_MS);
    }
    if (left.day < 1) {
      const oldest = this.daySlots[0];
      at = Math.max(at, oldest ? (oldest.slot + 1) * MINUTE_MS + DAY_MS : now + DAY_MS);
    }
    return at;
  }

  private prune(now: number): void {
    while (this.minute.length > 0 && this.minute[0]! <= now - MINUTE_MS) this.minute.shift();
    // A slot leaves the day window once all of it is more than a day old.
    while (this.daySlots.length > 0 && (this.daySlots[0]!.slot + 1) * MINUTE_MS <= now - DAY_MS) {
      this.dayTotal -= this.daySlots.shift()!.count;
    }
  }
}
