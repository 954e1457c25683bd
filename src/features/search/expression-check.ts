/**
 * Checks a "Custom logic" expression against the builder's rows as the user types, on top of the
 * shared parser (the same one the server runs, so what passes here passes there).
 */
import { ExpressionError, formatExpression, parseExpression, type Expr } from '../../lib/search-expression.ts';

interface ExpressionProblem {
  message: string;
  /** 0-based index into the text, and how many characters are wrong (0 at the end). */
  position: number;
  length: number;
}

export interface ExpressionCheck {
  error: ExpressionProblem | null;
  /** Aliases of rows the expression leaves out (they are checked by the server but filter nothing). */
  unused: string[];
}

function refs(expr: Expr): Extract<Expr, { kind: 'ref' }>[] {
  return expr.kind === 'ref' ? [expr] : [...refs(expr.left), ...refs(expr.right)];
}

/** Checks `text` against the aliases the rows have, in row order. */
export function checkExpression(text: string, aliases: readonly string[]): ExpressionCheck {
  let expr: Expr;
  try {
    expr = parseExpression(text);
  } catch (error) {
    if (error instanceof ExpressionError) {
      return { error: { message: error.message, position: error.position, length: error.length }, unused: [] };
    }
    throw error;
  }
  const used = refs(expr);
  const unknown = used.find((ref) => !aliases.includes(ref.alias));
  if (unknown) {
    const near = aliases.find((a) => a.toLowerCase() === unknown.alias.toLowerCase());
    const known = aliases.length === 0 ? 'there are no conditions yet' : `the conditions are ${aliases.join(', ')}`;
    return {
      error: {
        message:
          `No condition "${unknown.alias}" at column ${unknown.start + 1} (${known})` +
          (near ? `; letters are case-sensitive: did you mean "${near}"?` : ''),
        position: unknown.start,
        length: unknown.alias.length,
      },
      unused: [],
    };
  }
  const named = new Set(used.map((r) => r.alias));
  return { error: null, unused: aliases.filter((a) => !named.has(a)) };
}

function prune(expr: Expr, rename: (alias: string) => string | null): Expr | null {
  if (expr.kind === 'ref') {
    const alias = rename(expr.alias);
    return alias === null ? null : { ...expr, alias };
  }
  const left = prune(expr.left, rename);
  const right = prune(expr.right, rename);
  if (left && right) return { kind: expr.kind, left, right };
  return left ?? right;
}

/**
 * Renames the aliases of an expression (null drops that condition, with the AND/OR that joined
 * it), e.g. after a row was removed and the rows below moved up a letter. Text that does not
 * parse is returned unchanged: the user is still writing it.
 */
export function remapExpression(text: string, rename: (alias: string) => string | null): string {
  let expr: Expr;
  try {
    expr = parseExpression(text);
  } catch {
    return text;
  }
  const out = prune(expr, rename);
  return out ? formatExpression(out) : '';
}
