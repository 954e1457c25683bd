import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { parse as parseYaml } from 'yaml';

// ajv-formats ships CommonJS; under Node's ESM loader its default export is the module object.
const addFormats = ((addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ??
  addFormatsModule) as typeof addFormatsModule;

const SPEC_PATH = fileURLToPath(new URL('../openapi/gainsight-cs-task-and-playbook-api-openapi.yml', import.meta.url));

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

export interface OpenApiDoc {
  paths: Record<string, Record<string, JsonObject>>;
  components: { schemas: Record<string, JsonObject> };
}

function loadSpec(path = SPEC_PATH): OpenApiDoc {
  return parseYaml(readFileSync(path, 'utf8')) as OpenApiDoc;
}

/** Rewrites the spec's `#/components/schemas/X` references into `#/$defs/X` of one root schema. */
function rewriteRefs(node: Json): Json {
  if (Array.isArray(node)) return node.map(rewriteRefs);
  if (node && typeof node === 'object') {
    const out: JsonObject = {};
    for (const [key, value] of Object.entries(node)) {
      if (key === '$ref' && typeof value === 'string') {
        out[key] = value.replace('#/components/schemas/', '#/$defs/');
      } else {
        out[key] = rewriteRefs(value);
      }
    }
    return out;
  }
  return node;
}

/**
 * The validators the sandbox needs, compiled once from the spec's own schemas.
 * Request bodies: TaskInput (create and update) and SearchRequest.
 * Responses (used by the contract tests): the 200 schema of each operation.
 */
export interface SpecValidators {
  taskInput: ValidateFunction;
  searchRequest: ValidateFunction;
  /** 200-response validators keyed by operationId. */
  responses: Record<string, ValidateFunction>;
  /** The spec's paths with their operationIds: `[{method, path, operationId}]`. */
  operations: { method: string; path: string; operationId: string }[];
}

export function compileSpec(doc: OpenApiDoc = loadSpec()): SpecValidators {
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  addFormats(ajv);
  const $defs = rewriteRefs(doc.components.schemas as unknown as Json) as JsonObject;
  const root = (schema: Json): JsonObject => ({ $defs, ...(rewriteRefs(schema) as JsonObject) });

  const operations: SpecValidators['operations'] = [];
  const responses: Record<string, ValidateFunction> = {};
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(item)) {
      const operationId = op.operationId as string;
      operations.push({ method: method.toUpperCase(), path, operationId });
      const ok = (op.responses as JsonObject | undefined)?.['200'] as JsonObject | undefined;
      const schema = ((ok?.content as JsonObject | undefined)?.['application/json'] as JsonObject | undefined)?.schema;
      if (schema) responses[operationId] = ajv.compile(root(schema));
    }
  }
  return {
    taskInput: ajv.compile(root({ $ref: '#/components/schemas/TaskInput' })),
    searchRequest: ajv.compile(root({ $ref: '#/components/schemas/SearchRequest' })),
    responses,
    operations,
  };
}

/** Turns Ajv's errors into one readable line per field: `DueDate: must match format "date"`. */
export function describeSchemaErrors(errors: ErrorObject[] | null | undefined): string[] {
  const seen = new Set<string>();
  for (const e of errors ?? []) {
    const field = e.instancePath ? e.instancePath.slice(1).replaceAll('/', '.') : '';
    let msg: string;
    if (e.keyword === 'required') {
      msg = `${(e.params as { missingProperty: string }).missingProperty}: is required`;
    } else if (e.keyword === 'enum') {
      const allowed = (e.params as { allowedValues: unknown[] }).allowedValues.map((v) => JSON.stringify(v));
      msg = `${field}: must be one of ${allowed.join(', ')}`;
    } else if (e.keyword === 'format') {
      const format = (e.params as { format: string }).format;
      msg = `${field}: must be a valid ${format === 'date' ? 'calendar date (YYYY-MM-DD)' : format}`;
    } else {
      msg = `${field || 'body'}: ${e.message ?? 'is invalid'}`;
    }
    seen.add(msg);
  }
  return [...seen];
}
