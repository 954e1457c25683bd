/**
 * Authenticated encryption of small cookie payloads: AES-256-GCM (node:crypto) with a key
 * derived from SESSION_SECRET by HKDF-SHA256, one key per purpose (session, login in flight), so
 * a value sealed for one purpose never opens as another. The cookie name is bound as associated
 * data. Output: `v1.` + base64url(iv[12] | ciphertext | tag[16]), safe in a cookie as it is.
 */
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

const VERSION = 'v1.';
const IV_BYTES = 12;
const TAG_BYTES = 16;
/** A cookie is at most 4096 bytes; anything longer is not ours. */
const MAX_SEALED_LENGTH = 4096;

export type SealPurpose = 'session' | 'login';

export interface SealKey {
  readonly purpose: SealPurpose;
  /** Kept out of enumeration (logs, JSON). */
  readonly key: Buffer;
}

export function deriveKey(secret: string, purpose: SealPurpose): SealKey {
  const key = Buffer.from(hkdfSync('sha256', Buffer.from(secret, 'utf8'), 'cockpit-board sign-in', `cookie ${purpose} v1`, 32));
  const sealKey = { purpose } as SealKey;
  Object.defineProperty(sealKey, 'key', { value: key, enumerable: false });
  return sealKey;
}

export function seal(key: SealKey, plaintext: string, associatedData: string): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key.key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(Buffer.from(associatedData, 'utf8'));
  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return VERSION + Buffer.concat([iv, body, cipher.getAuthTag()]).toString('base64url');
}

/** The plaintext, or null for anything that was not sealed by `seal` with this key and data. */
export function unseal(key: SealKey, sealed: string | undefined, associatedData: string): string | null {
  if (typeof sealed !== 'string' || !sealed.startsWith(VERSION) || sealed.length > MAX_SEALED_LENGTH) return null;
  const encoded = sealed.slice(VERSION.length);
  if (!/^[A-Za-z0-9_-]+$/.test(encoded)) return null;
  const raw = Buffer.from(encoded, 'base64url');
  if (raw.length < IV_BYTES + TAG_BYTES) return null;
  try {
    const decipher = createDecipheriv('aes-256-gcm', key.key, raw.subarray(0, IV_BYTES), { authTagLength: TAG_BYTES });
    decipher.setAAD(Buffer.from(associatedData, 'utf8'));
    decipher.setAuthTag(raw.subarray(raw.length - TAG_BYTES));
    return Buffer.concat([decipher.update(raw.subarray(IV_BYTES, raw.length - TAG_BYTES)), decipher.final()]).toString('utf8');
  } catch {
    return null;
  }
}
