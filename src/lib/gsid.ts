/**
 * Gainsight record ids (Gsid): 36 characters, digits and upper-case letters, starting with 1
 * (e.g. `1I00T1GC6ZQDGHWQH1N9AKP5NUP1ZZXL2XC5`). Anything else cannot name a record.
 */
const GSID = /^1[0-9A-Z]{35}$/;

export function isWellFormedGsid(text: string): boolean {
  return GSID.test(text);
}
