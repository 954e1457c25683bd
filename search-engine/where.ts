/**
 * `where` as one SQL expression: the conditions ANDed, or combined as the expression says
 * ("A AND (B OR C)", parsed by the grammar the app checks with too, src/lib/search-expression.ts).
 */
import { ExpressionError, expressionAliases, parseExpression, type Expr } from '../src/lib/search-expression.ts';
import { compileCondition } from './condition-sql.ts';
import { SearchError, show, showList } from './errors.ts';
import type { Condition } from './request.ts';

export function compileWhere(conditions: Condition[], expressionRaw: unknown, params: (string | number)[]): string {
  let expr: Expr | null = null;
  if (expressionRaw !== undefined && expressionRaw !== null) {
    if (typeof expressionRaw !== 'string') {
      throw new SearchError('COCKPIT_5102', `where.expression must be a string, got ${show(expressionRaw)}`);
    }
    if (expressionRaw.trim() !== '') {
      try {
        expr = parseExpression(expressionRaw);
      } catch (err) {
        if (err instanceof ExpressionError) {
          throw new SearchError('COCKPIT_5102', `Invalid expression ${show(expressionRaw)}: ${err.message}`);
        }
        throw err;
      }
    }
  }

  const byAlias = new Map(conditions.map((c) => [c.alias, c]));
  if (expr) {
    for (const alias of expressionAliases(expr)) {
      if (byAlias.has(alias)) continue;
      const near = conditions.find((c) => c.alias.toLowerCase() === alias.toLowerCase());
      const known = conditions.length === 0 ? 'there are no conditions' : `conditions are ${showList(conditions.map((c) => c.alias))}`;
      throw new SearchError(
        'COCKPIT_5102',
        `Invalid expression ${show(expressionRaw)}: no condition has alias "${alias}" (${known})` +
          (near ? `; aliases are case-sensitive: did you mean "${near.alias}"?` : ''),
      );
    }
  }

  if (!expr) {
    if (conditions.length === 0) return '1=1';
    return conditions.map((c) => `(${compileCondition(c, params)})`).join(' AND ');
  }

  const emit = (e: Expr): string => {
    if (e.kind === 'ref') return `(${compileCondition(byAlias.get(e.alias)!, params)})`;
    // Parameters are pushed left to right, in the order the placeholders appear.
    const left = emit(e.left);
    const right = emit(e.right);
    return `(${left} ${e.kind === 'and' ? 'AND' : 'OR'} ${right})`;
  };
  return emit(expr);
}
