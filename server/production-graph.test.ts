/**
 * `npm run serve` compiles what server/main.ts imports (tsconfig.server.json) and runs it with
 * the production dependencies only: the test provider and browser of server/auth (which load
 * oidc-provider, a devDependency) and test files must never be part of that graph.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/** Every local module server/main.ts reaches (static and dynamic imports), and the packages they import. */
function importGraph(entry: string): { files: Set<string>; packages: Set<string> } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string) => {
    if (files.has(file)) return;
    files.add(file);
    const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
    for (const { fileName } of importedFiles) {
      if (fileName.startsWith('.')) visit(resolve(dirname(file), fileName));
      else packages.add(fileName.startsWith('@') ? fileName.split('/').slice(0, 2).join('/') : fileName.split('/')[0]!);
    }
  };
  visit(resolve(entry));
  return { files, packages };
}

describe('the production server', () => {
  it('imports no test code and no oidc-provider', () => {
    const { files, packages } = importGraph('server/main.ts');
    const root = resolve('.');
    const local = [...files].map((f) => f.slice(root.length + 1));
    expect(local).toContain('server/auth/plugin.ts');
    expect(local.filter((f) => /(^|\/)test-|\.test\.|test-support\//.test(f))).toEqual([]);
    expect(packages.has('oidc-provider')).toBe(false);
    expect(packages.has('openid-client')).toBe(true);
    const production = Object.keys(
      (JSON.parse(readFileSync('package.json', 'utf8')) as { dependencies: Record<string, string> }).dependencies,
    );
    // Outside the sandbox (the demo backend, which needs the development install), only production dependencies.
    const { packages: serverPackages } = importGraph('server/team-server.ts');
    expect([...serverPackages].filter((p) => !p.startsWith('node:') && !production.includes(p))).toEqual([]);
  });
});
