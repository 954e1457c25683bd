/**
 * The logic of a link's search (`A AND (B OR C)`) as the board rewrites it to add its own
 * conditions without going past what the server takes (MAX_EXPRESSION_NESTING levels of
 * parentheses, MAX_EXPRESSION_TERMS alias mentions). Pure.
 *
 * A `Logic` is n-ary and flat (an AND never directly holds an AND, nor an OR an OR), so it is
 * written back with the fewest parentheses there can be: only an OR inside an AND needs them.
 * That is never deeper than the text it came from.
 */
import { MAX_EXPRESSION_NESTING, MAX_EXPRESSION_TERMS, type Expr } from '../../../lib/search-expression.ts';

export type Logic = { kind: 'ref'; alias: string } | { kind: 'and' | 'or'; items: Logic[] };

export const ref = (alias: string): Logic => ({ kind: 'ref', alias });

/** Joins `items` with `kind`, flattening lists of the same kind and naming an alias once; one item is itself. */
function join(kind: 'and' | 'or', items: readonly Logic[]): Logic {
  const seen = new Set<string>();
  const flat = items
    .flatMap((item) => (item.kind === kind ? item.items : [item]))
    .filter((item) => item.kind !== 'ref' || (!seen.has(item.alias) && seen.add(item.alias))); // A AND A is A
  return flat.length === 1 ? flat[0]! : { kind, items: flat };
}

export const allOf = (items: readonly Logic[]): Logic => join('and', items);

/** The parsed expression as flat logic. */
export function fromExpr(expr: Expr): Logic {
  if (expr.kind === 'ref') return ref(expr.alias);
  return join(expr.kind, [fromExpr(expr.left), fromExpr(expr.right)]);
}

/**
 * The logic with the aliases whose truth is known (`known` answers true or false; undefined when
 * it cannot tell) replaced and folded away. True or false when the whole of it is known.
 */
export function simplify(logic: Logic, known: (alias: string) => boolean | undefined): Logic | boolean {
  if (logic.kind === 'ref') return known(logic.alias) ?? logic;
  const absorbing = logic.kind === 'or'; // true absorbs an OR, false an AND
  const items: Logic[] = [];
  for (const item of logic.items) {
    const s = simplify(item, known);
    if (s === absorbing) return absorbing;
    if (typeof s !== 'boolean') items.push(s); // a known neutral value drops out
  }
  return items.length === 0 ? !absorbing : join(logic.kind, items);
}

/** The text, with parentheses only around an OR inside an AND. */
export function formatLogic(logic: Logic): string {
  const fmt = (l: Logic, inAnd: boolean): string => {
    if (l.kind === 'ref') return l.alias;
    const text = l.items.map((item) => fmt(item, l.kind === 'and')).join(l.kind === 'and' ? ' AND ' : ' OR ');
    return inAnd && l.kind === 'or' ? `(${text})` : text;
  };
  return fmt(logic, false);
}

/** How deep the parentheses of `formatLogic(logic)` nest. */
export function logicDepth(logic: Logic, inAnd = false): number {
  if (logic.kind === 'ref') return 0;
  const inner = Math.max(...logic.items.map((item) => logicDepth(item, logic.kind === 'and')));
  return inner + (inAnd && logic.kind === 'or' ? 1 : 0);
}

/** How many alias mentions the logic has. */
export function logicTerms(logic: Logic): number {
  return logic.kind === 'ref' ? 1 : logic.items.reduce((n, item) => n + logicTerms(item), 0);
}

/** The aliases the logic names. */
export function logicAliases(logic: Logic, into = new Set<string>()): Set<string> {
  if (logic.kind === 'ref') into.add(logic.alias);
  else for (const item of logic.items) logicAliases(item, into);
  return into;
}

/** True when the logic has no OR: all its conditions must hold. */
export function isConjunction(logic: Logic): boolean {
  return logic.kind === 'ref' || (logic.kind === 'and' && logic.items.every(isConjunction));
}

function fitsLimits(logic: Logic): boolean {
  return logicDepth(logic) <= MAX_EXPRESSION_NESTING && logicTerms(logic) <= MAX_EXPRESSION_TERMS;
}

/**
 * `logic AND extra…` within the server's limits, or null when it cannot be written so. An OR at
 * the top needs parentheses (one more level); when the link already nests as deep as allowed, the
 * extra conditions are put into each alternative instead (`A AND X OR B AND X`), which adds no
 * nesting but repeats them.
 */
export function conjoin(logic: Logic, extra: readonly Logic[]): Logic | null {
  const grouped = allOf([logic, ...extra]);
  if (fitsLimits(grouped)) return grouped;
  if (logic.kind !== 'or') return null;
  const spread = join(
    'or',
    logic.items.map((alternative) => allOf([alternative, ...extra])),
  );
  return fitsLimits(spread) ? spread : null;
}
