import { randomBytes } from 'node:crypto';

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** Kinds of record, each with its own two-letter prefix so an id says what it names. */
export type IdKind = 'task' | 'playbook' | 'cta' | 'company' | 'user' | 'ctaType';
const PREFIX: Record<IdKind, string> = {
  task: '1T',
  playbook: '1P',
  cta: '1C',
  company: '1A',
  user: '1U',
  ctaType: '1Y',
};

/**
 * A Gainsight-like Gsid: 36 characters, upper-case letters and digits.
 * `nextRandom` returns a float in [0, 1); pass a seeded generator for deterministic ids.
 */
export function makeGsid(kind: IdKind, nextRandom?: () => number): string {
  let out = PREFIX[kind];
  if (nextRandom) {
    while (out.length < 36) out += ALPHABET[Math.floor(nextRandom() * ALPHABET.length)];
  } else {
    const bytes = randomBytes(34);
    for (const b of bytes) out += ALPHABET[b % ALPHABET.length];
  }
  return out;
}
