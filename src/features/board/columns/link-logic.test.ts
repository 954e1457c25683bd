import { describe, expect, it } from 'vitest';
import { MAX_EXPRESSION_NESTING, evaluateExpression, parseExpression } from '../../../lib/search-expression.ts';
import { conjoin, formatLogic, fromExpr, isConjunction, logicDepth, logicTerms, ref, simplify, type Logic } from './link-logic.ts';

const logic = (text: string) => fromExpr(parseExpression(text));

/** `A OR B AND (C OR D AND (E OR …))`, nesting `depth` levels of parentheses. */
function deep(depth: number): string {
  let text = `X${depth} OR Y${depth}`;
  for (let level = depth - 1; level >= 0; level--) text = `X${level} OR Y${level} AND (${text})`;
  return text;
}

/** What the logic means for one truth assignment (no limits: it can read what the server would refuse). */
const holds = (l: Logic, at: (alias: string) => boolean): boolean =>
  l.kind === 'ref' ? at(l.alias) : l.kind === 'and' ? l.items.every((i) => holds(i, at)) : l.items.some((i) => holds(i, at));

/** Every truth assignment of `aliases` (or `samples` random ones when there are too many). */
function* assignments(aliases: string[], samples = 512): Generator<Map<string, boolean>> {
  if (aliases.length <= 9) {
    for (let bits = 0; bits < 2 ** aliases.length; bits++) yield new Map(aliases.map((a, i) => [a, Boolean(bits & (1 << i))]));
    return;
  }
  let seed = 7;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31 < 0.5;
  for (let n = 0; n < samples; n++) yield new Map(aliases.map((a) => [a, random()]));
}

describe('link logic', () => {
  it('is written back with the fewest parentheses, never deeper than it came', () => {
    expect(formatLogic(logic('((A)) AND (B AND (C OR (D)))'))).toBe('A AND B AND (C OR D)');
    expect(formatLogic(logic('A OR (B OR C) AND D'))).toBe('A OR (B OR C) AND D');
    const text = deep(MAX_EXPRESSION_NESTING);
    expect(logicDepth(logic(text))).toBe(MAX_EXPRESSION_NESTING);
    expect(() => parseExpression(formatLogic(logic(text)))).not.toThrow();
  });

  it('folds away what is known and mentions an alias once per list', () => {
    expect(simplify(logic('A AND S OR B'), (a) => (a === 'S' ? false : undefined))).toEqual(ref('B'));
    expect(simplify(logic('A AND S OR B'), (a) => (a === 'S' ? true : undefined))).toEqual(logic('A OR B'));
    expect(simplify(logic('S OR A'), (a) => (a === 'S' ? true : undefined))).toBe(true);
    expect(simplify(logic('S AND A'), (a) => (a === 'S' ? false : undefined))).toBe(false);
    expect(formatLogic(simplify(logic('A AND A AND (B OR B)'), () => undefined) as never)).toBe('A AND B');
    expect(isConjunction(logic('A AND (B AND C)'))).toBe(true);
    expect(isConjunction(logic('A AND (B OR C)'))).toBe(false);
  });

  it("ANDs the board's conditions on without a new level when the link already nests as deep as allowed", () => {
    const link = logic(deep(MAX_EXPRESSION_NESTING)); // 32 levels, an OR at the top
    expect(() => parseExpression(`(${deep(MAX_EXPRESSION_NESTING)}) AND Status`)).toThrow(/nest deeper than 32/); // what the board used to send
    const joined = conjoin(link, [ref('Name'), ref('Status')])!;
    const text = formatLogic(joined);
    expect(() => parseExpression(text)).not.toThrow(); // the server's own parser and limits
    expect(logicDepth(joined)).toBe(MAX_EXPRESSION_NESTING);
    // The same meaning as (link) AND Name AND Status.
    const meant: Logic = { kind: 'and', items: [link, ref('Name'), ref('Status')] };
    const rewritten = parseExpression(text);
    const aliases = [...new Set(text.match(/[A-Za-z]\w*/g)!.filter((w) => w !== 'AND' && w !== 'OR'))];
    for (const truth of assignments(aliases)) {
      const at = (a: string) => truth.get(a) ?? false;
      expect(evaluateExpression(rewritten, at)).toBe(holds(meant, at));
    }
  });

  it('groups when it can (fewer mentions), and gives up when neither form fits', () => {
    expect(formatLogic(conjoin(logic('A OR B'), [ref('S')])!)).toBe('(A OR B) AND S');
    expect(formatLogic(conjoin(logic('A AND B'), [ref('S')])!)).toBe('A AND B AND S');
    const full = logic(Array.from({ length: 128 }, (_, i) => `A${i} AND B${i}`).join(' OR ')); // 256 mentions
    expect(logicTerms(full)).toBe(256);
    expect(conjoin(full, [ref('S')])).toBeNull();
  });
});
