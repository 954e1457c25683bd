import { describe, expect, it } from 'vitest';
import { ApiFailure } from '../../sandbox/errors.ts';
import { compileSpec, describeSchemaErrors } from '../../sandbox/spec.ts';
import { readSearchRequest, searchRequestProblems } from './search-request.ts';

/** A small seeded generator (mulberry32), so a failure names the body that caused it. */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('the mirror reads a search body as the local API server does', () => {
  const validator = compileSpec().searchRequest;
  const ajvProblems = (body: unknown) => (validator(body) ? [] : describeSchemaErrors(validator.errors));

  it('words the SearchRequest schema’s complaints exactly as the spec’s own validator, on 3,000 random bodies', () => {
    const rnd = random(14);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
    const scalar = () => pick<unknown>([null, true, 0, 3, -1, 2.5, 1e300, '', 'Name', 'EQ', 'A']);
    const anything = (): unknown => (rnd() < 0.6 ? scalar() : rnd() < 0.5 ? [scalar(), scalar()] : { x: scalar() });
    const maybe = (make: () => unknown) => (rnd() < 0.5 ? make() : undefined);
    const condition = () =>
      rnd() < 0.15
        ? anything()
        : {
            name: maybe(() => (rnd() < 0.7 ? 'Status' : anything())),
            operator: maybe(() => (rnd() < 0.7 ? 'EQ' : anything())),
            value: maybe(anything),
            alias: maybe(anything),
          };
    const where = () =>
      rnd() < 0.15
        ? anything()
        : {
            conditions: maybe(() => (rnd() < 0.8 ? Array.from({ length: Math.floor(rnd() * 4) }, condition) : anything())),
            expression: maybe(() => (rnd() < 0.7 ? 'A AND B' : anything())),
          };
    let invalid = 0;
    for (let i = 0; i < 3000; i++) {
      const body = JSON.parse(
        JSON.stringify({
          select: maybe(() =>
            rnd() < 0.7 ? Array.from({ length: Math.floor(rnd() * 3) }, () => (rnd() < 0.8 ? 'Name' : scalar())) : anything(),
          ),
          where: maybe(where),
          limit: maybe(() => (rnd() < 0.6 ? Math.floor(rnd() * 100) : scalar())),
          offset: maybe(() => (rnd() < 0.6 ? Math.floor(rnd() * 100) : scalar())),
          orderBy: maybe(anything),
        }),
      ) as Record<string, unknown>;
      const expected = ajvProblems(body);
      if (expected.length > 0) invalid++;
      expect(searchRequestProblems(body), JSON.stringify(body)).toEqual(expected);
    }
    expect(invalid).toBeGreaterThan(500);
  });

  it('refuses what is not a JSON object, with the local API server’s codes', () => {
    const failure = (type: string | undefined, text: string) => {
      try {
        readSearchRequest(type, Buffer.from(text));
        return null;
      } catch (e) {
        return e instanceof ApiFailure ? [e.status, e.errorCode, e.message] : e;
      }
    };
    expect(failure('text/plain', '{}')).toEqual([415, 'GS_APIG_1415', 'Content-Type must be application/json, got "text/plain"']);
    expect(failure('application/json', '')).toEqual([400, 'GS_APIG_1400', 'Request body is empty: a JSON object is required']);
    expect(failure('application/json', '{"where":')).toEqual([
      400,
      'GS_APIG_1400',
      expect.stringMatching(/^Malformed JSON in request body: /),
    ]);
    expect(failure(undefined, '{"__proto__":{"x":1}}')).toEqual([
      400,
      'GS_APIG_1400',
      'Property name not allowed in request body: "__proto__"',
    ]);
    expect(failure('application/json', '[1]')).toEqual([400, 'COCKPIT_5100', 'Request body must be a JSON object (SearchRequest)']);
    expect(failure('application/json', '{"limit":"5","select":[1]}')).toEqual([
      400,
      'COCKPIT_5100',
      'Invalid search - select.0: must be string; limit: must be integer',
    ]);
    expect(failure('application/vnd.api+json', '{"limit":5}')).toBeNull();
  });
});
