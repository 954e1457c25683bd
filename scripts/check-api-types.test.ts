import { execFile } from 'node:child_process';
import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkFreshness, GENERATED_PATH, generateSchemaSource, isFresh, SPEC_PATH } from './check-api-types.ts';

const run = promisify(execFile);
const CLI = resolve('node_modules/openapi-typescript/bin/cli.js');

describe('check-api-types', () => {
  let dir: string;
  let spec: string;
  let generated: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'check-api-types-'));
    spec = join(dir, 'spec.yml');
    generated = join(dir, 'schema.gen.ts');
    await copyFile(SPEC_PATH, spec);
    // Generate with the real CLI, exactly as `npm run gen:api` does.
    await run(process.execPath, [CLI, spec, '-o', generated], { cwd: dir });
  });

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('generates in memory exactly what the CLI writes', async () => {
    expect(await generateSchemaSource(spec)).toBe(await readFile(generated, 'utf8'));
    expect(await isFresh(spec, generated)).toBe(true);
  });

  it('detects a hand edit of the generated file', async () => {
    const edited = join(dir, 'edited.gen.ts');
    const text = await readFile(generated, 'utf8');
    await writeFile(edited, text.replace('Name?: string;', 'Name?: string | null;'));
    expect(await isFresh(spec, edited)).toBe(false);
    const result = await checkFreshness(spec, edited);
    expect(result).toMatchObject({ fresh: false, reason: 'different', actual: expect.stringContaining('string | null') });
  });

  it('detects a spec change that was not regenerated', async () => {
    const changedSpec = join(dir, 'changed.yml');
    const text = await readFile(spec, 'utf8');
    const changed = text.replace('description: Task priority', 'description: Task priority (High, Medium, Low)');
    expect(changed).not.toBe(text);
    await writeFile(changedSpec, changed);
    expect(await isFresh(changedSpec, generated)).toBe(false);
  });

  it('reports a missing generated file', async () => {
    expect(await checkFreshness(spec, join(dir, 'nope.ts'))).toEqual({ fresh: false, reason: 'missing' });
  });

  it('knows where the project keeps the spec and the generated file', () => {
    expect(SPEC_PATH).toMatch(/openapi[/\\]gainsight-cs-task-and-playbook-api-openapi\.yml$/);
    expect(GENERATED_PATH).toMatch(/src[/\\]api[/\\]schema\.gen\.ts$/);
  });
});
