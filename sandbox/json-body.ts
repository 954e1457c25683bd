/**
 * How a JSON request body is read, shared by the local API server (sandbox/server.ts) and the
 * team server's mirror (server/mirror/), which must refuse the same bodies with the same errors.
 * No package imports: the production team server loads this file.
 */
import { ApiFailure, ErrorCodes, badRequest } from './errors.ts';

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** Finds a key that could pollute prototypes anywhere in a parsed JSON value. */
function findForbiddenKey(value: unknown, path = ''): string | undefined {
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const hit = findForbiddenKey(value[i], `${path}[${i}]`);
      if (hit) return hit;
    }
  } else if (value && typeof value === 'object') {
    for (const key of Object.keys(value)) {
      const at = path ? `${path}.${key}` : key;
      if (FORBIDDEN_KEYS.has(key)) return at;
      const hit = findForbiddenKey((value as Record<string, unknown>)[key], at);
      if (hit) return hit;
    }
  }
  return undefined;
}

/** Parses a request body; malformed JSON and prototype-polluting keys are a 400 that says why. */
export function parseJsonBody(text: string): unknown {
  if (text.trim() === '') throw badRequest('Request body is empty: a JSON object is required', ErrorCodes.badJson);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw badRequest(`Malformed JSON in request body: ${(e as Error).message}`, ErrorCodes.badJson);
  }
  const bad = findForbiddenKey(value);
  if (bad) throw badRequest(`Property name not allowed in request body: "${bad}"`, ErrorCodes.badJson);
  return value;
}

/** A body sent with a Content-Type other than JSON is a 415 (no Content-Type at all is read as JSON). */
export function checkJsonContentType(type: string | undefined): void {
  if (type && !/^application\/(.+\+)?json\b/i.test(type)) {
    throw new ApiFailure(415, ErrorCodes.unsupportedMediaType, `Content-Type must be application/json, got "${type}"`);
  }
}
