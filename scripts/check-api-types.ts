/**
 * `npm run check:api`: fails when src/api/schema.gen.ts is not what `npm run gen:api` would write
 * from the spec now. It regenerates in memory with openapi-typescript's Node API, with the CLI's
 * default options, so the output is byte-identical to the CLI's file.
 */
import { readFile } from 'node:fs/promises';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import openapiTS, { astToString, COMMENT_HEADER } from 'openapi-typescript';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const SPEC_PATH = resolve(ROOT, 'openapi/gainsight-cs-task-and-playbook-api-openapi.yml');
export const GENERATED_PATH = resolve(ROOT, 'src/api/schema.gen.ts');

/** What `openapi-typescript <spec> -o <file>` writes, as a string. */
export async function generateSchemaSource(specPath: string): Promise<string> {
  const ast = await openapiTS(pathToFileURL(resolve(specPath)), { silent: true });
  return `${COMMENT_HEADER}${astToString(ast)}`;
}

export type Freshness =
  | { fresh: true }
  | { fresh: false; reason: 'missing' }
  | { fresh: false; reason: 'different'; line: number; expected: string; actual: string };

/** Compares the generated file with a fresh generation from the spec; reports the first differing line. */
export async function checkFreshness(specPath: string, generatedPath: string): Promise<Freshness> {
  const expected = await generateSchemaSource(specPath);
  let actual: string;
  try {
    actual = await readFile(generatedPath, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { fresh: false, reason: 'missing' };
    throw error;
  }
  if (actual === expected) return { fresh: true };
  const expectedLines = expected.split('\n');
  const actualLines = actual.split('\n');
  let i = 0;
  while (i < expectedLines.length && expectedLines[i] === actualLines[i]) i++;
  return {
    fresh: false,
    reason: 'different',
    line: i + 1,
    expected: expectedLines[i] ?? '<end of file>',
    actual: actualLines[i] ?? '<end of file>',
  };
}

export async function isFresh(specPath: string, generatedPath: string): Promise<boolean> {
  return (await checkFreshness(specPath, generatedPath)).fresh;
}

async function main(): Promise<void> {
  const file = relative(process.cwd(), GENERATED_PATH) || GENERATED_PATH;
  const result = await checkFreshness(SPEC_PATH, GENERATED_PATH);
  if (result.fresh) {
    console.log(`${file} is up to date with the spec.`);
    return;
  }
  if (result.reason === 'missing') {
    console.error(`${file} is missing: run npm run gen:api`);
  } else {
    console.error(`${file} is stale: run npm run gen:api`);
    console.error(`  first difference at line ${result.line}:`);
    console.error(`    expected: ${result.expected}`);
    console.error(`    found:    ${result.actual}`);
  }
  process.exitCode = 1;
}

const invokedPath = process.argv[1];
if (invokedPath !== undefined && import.meta.url === pathToFileURL(resolve(invokedPath)).href) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
