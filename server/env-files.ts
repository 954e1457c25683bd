/**
 * The environment of the team server: `.env`, then `.env.local` (both optional, in the working
 * folder), then the process environment, each overriding the one before; the same files and
 * order as the dev server's (Vite's `loadEnv`), read with Node's own parser.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseEnv } from 'node:util';

export function loadEnvironment(
  dir: string = process.cwd(),
  processEnv: NodeJS.ProcessEnv = process.env,
): Record<string, string | undefined> {
  const env: Record<string, string | undefined> = {};
  for (const name of ['.env', '.env.local']) {
    const path = resolve(dir, name);
    if (existsSync(path)) Object.assign(env, parseEnv(readFileSync(path, 'utf8')));
  }
  return { ...env, ...processEnv };
}
