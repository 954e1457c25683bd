/**
 * Reads a search body (`POST /tasks/search`) the way the local API server does, so the mirror
 * refuses exactly what it refuses with the same status, errorCode and wording: a JSON object
 * (415 for another Content-Type, GS_APIG_1400 for bad JSON), then the spec's SearchRequest
 * schema, then the search compiler's own checks (COCKPIT_51xx, when the search runs).
 *
 * The local API server checks the schema with Ajv over the spec; the production team server has
 * no Ajv, so the same few type rules are written out here, message for message. The test
 * `search-request.test.ts` compares this with the spec's own validator on many bodies, so the two
 * cannot drift apart unnoticed.
 */
import { badRequest } from '../../sandbox/errors.ts';
import { checkJsonContentType, parseJsonBody } from '../../sandbox/json-body.ts';
import type { SearchBody } from '../../search-engine/compile.ts';

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
const isInteger = (v: unknown) => typeof v === 'number' && Number.isInteger(v);

/**
 * The SearchRequest schema's complaints, one line per place, in the schema's property order
 * (select, where, limit, offset; in a condition: name, then operator), as `describeSchemaErrors`
 * words Ajv's errors.
 */
export function searchRequestProblems(body: Record<string, unknown>): string[] {
  const problems: string[] = [];
  const add = (line: string) => {
    if (!problems.includes(line)) problems.push(line);
  };
  const { select, where, limit, offset } = body;
  if (select !== undefined) {
    if (!Array.isArray(select)) add('select: must be array');
    else select.forEach((item, i) => typeof item !== 'string' && add(`select.${i}: must be string`));
  }
  if (where !== undefined) {
    if (!isObject(where)) add('where: must be object');
    else {
      const { conditions, expression } = where;
      if (conditions !== undefined) {
        if (!Array.isArray(conditions)) add('where.conditions: must be array');
        else
          conditions.forEach((c, i) => {
            if (!isObject(c)) return add(`where.conditions.${i}: must be object`);
            if (c.name !== undefined && typeof c.name !== 'string') add(`where.conditions.${i}.name: must be string`);
            if (c.operator !== undefined && typeof c.operator !== 'string') add(`where.conditions.${i}.operator: must be string`);
          });
      }
      if (expression !== undefined && typeof expression !== 'string') add('where.expression: must be string');
    }
  }
  if (limit !== undefined && !isInteger(limit)) add('limit: must be integer');
  if (offset !== undefined && !isInteger(offset)) add('offset: must be integer');
  return problems;
}

/** The search body of a request, or the ApiFailure the local API server would answer. */
export function readSearchRequest(contentType: string | undefined, raw: Buffer | undefined): SearchBody {
  checkJsonContentType(contentType);
  const request = parseJsonBody(raw ? raw.toString('utf8') : '');
  if (!isObject(request)) throw badRequest('Request body must be a JSON object (SearchRequest)');
  const problems = searchRequestProblems(request);
  if (problems.length > 0) throw badRequest(`Invalid search - ${problems.join('; ')}`);
  return request as SearchBody;
}
