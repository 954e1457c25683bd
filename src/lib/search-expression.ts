/**
 * Gainsight search expressions: `A AND (B OR C)`, where each letter is the alias of a condition.
 *
 * Grammar (AND binds tighter than OR, both left-associative, parentheses group):
 *
 *     or      := and ( OR and )*
 *     and     := primary ( AND primary )*
 *     primary := ALIAS | "(" or ")"
 *
 * Aliases are identifiers `[A-Za-z][A-Za-z0-9_]*` and are case-sensitive; the keywords AND / OR
 * are case-insensitive (so `and`, `Or` are keywords and never aliases).
 *
 * Errors are `ExpressionError`s. Their `position` is a 0-based index into the text (in UTF-16
 * code units, as JS strings and `<input>.setSelectionRange` count), `length` how many code units
 * the offending token spans (0 at the end of the text). Their messages speak to people, in
 * 1-based columns: `position` 6 reads "column 7".
 *
 * This module is pure (no Node or SQLite imports): the browser's filter builder reuses it.
 */

export type Expr = { kind: 'ref'; alias: string; start: number } | { kind: 'and' | 'or'; left: Expr; right: Expr };

export class ExpressionError extends Error {
  /** 0-based index of the offending text. */
  readonly position: number;
  /** Length of the offending text (0 when the problem is the end of the expression). */
  readonly length: number;

  constructor(message: string, position: number, length: number) {
    super(message);
    this.name = 'ExpressionError';
    this.position = position;
    this.length = length;
  }
}

/** Parentheses may nest this deep, no deeper. */
export const MAX_EXPRESSION_NESTING = 32;
/** An expression may name conditions this many times in all, no more. */
export const MAX_EXPRESSION_TERMS = 256;

const IDENTIFIER = /^[A-Za-z][A-Za-z0-9_]*$/;

/** True when `word` is AND or OR in any letter case. */
export function isKeyword(word: string): boolean {
  const upper = word.toUpperCase();
  return upper === 'AND' || upper === 'OR';
}

/** True when `alias` may name a condition: an identifier that is not a keyword. */
export function isValidAlias(alias: string): boolean {
  return IDENTIFIER.test(alias) && !isKeyword(alias);
}

/**
 * The alias a condition gets when it names none: A..Z for positions 0..25, then AA, AB, ... as
 * spreadsheet columns go.
 */
export function defaultAlias(index: number): string {
  if (!Number.isInteger(index) || index < 0) throw new RangeError(`Bad condition index ${index}`);
  let n = index + 1;
  let out = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

type Token =
  | { kind: 'ident'; text: string; start: number }
  | { kind: 'and' | 'or'; text: string; start: number }
  | { kind: 'lparen' | 'rparen'; text: string; start: number };

function column(position: number): string {
  return `column ${position + 1}`;
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    if (/\s/.test(ch)) {
      i++;
    } else if (ch === '(') {
      tokens.push({ kind: 'lparen', text: ch, start: i });
      i++;
    } else if (ch === ')') {
      tokens.push({ kind: 'rparen', text: ch, start: i });
      i++;
    } else if (/[A-Za-z]/.test(ch)) {
      let j = i + 1;
      while (j < text.length && /[A-Za-z0-9_]/.test(text[j]!)) j++;
      const word = text.slice(i, j);
      const upper = word.toUpperCase();
      if (upper === 'AND') tokens.push({ kind: 'and', text: word, start: i });
      else if (upper === 'OR') tokens.push({ kind: 'or', text: word, start: i });
      else tokens.push({ kind: 'ident', text: word, start: i });
      i = j;
    } else {
      // Show a whole code point (an emoji is two code units).
      const cp = text.codePointAt(i)!;
      const shown = String.fromCodePoint(cp);
      throw new ExpressionError(`Unexpected character ${JSON.stringify(shown)} at ${column(i)}`, i, shown.length);
    }
  }
  return tokens;
}

/** Parses an expression; throws `ExpressionError` with a message that says what and where. */
export function parseExpression(text: string): Expr {
  if (text.trim() === '') throw new ExpressionError('Expression is empty', 0, 0);
  const tokens = tokenize(text);
  let pos = 0;
  let depth = 0;
  let terms = 0;

  const peek = (): Token | undefined => tokens[pos];

  function atEnd(): never {
    throw new ExpressionError(`Expected a condition letter at end of expression (${column(text.length)})`, text.length, 0);
  }

  /** After an operand, another operand may not follow directly. */
  function checkNoAdjacentOperand(prev: Token): void {
    const next = peek();
    if (next && (next.kind === 'ident' || next.kind === 'lparen')) {
      throw new ExpressionError(
        `Missing AND/OR between ${JSON.stringify(prev.text)} and ${JSON.stringify(next.text)} at ${column(next.start)}`,
        next.start,
        next.text.length,
      );
    }
  }

  function parsePrimary(): Expr {
    const tok = peek();
    if (!tok) return atEnd();
    switch (tok.kind) {
      case 'ident': {
        pos++;
        terms++;
        if (terms > MAX_EXPRESSION_TERMS) {
          throw new ExpressionError(
            `Expression names more than ${MAX_EXPRESSION_TERMS} conditions (at ${column(tok.start)})`,
            tok.start,
            tok.text.length,
          );
        }
        checkNoAdjacentOperand(tok);
        return { kind: 'ref', alias: tok.text, start: tok.start };
      }
      case 'lparen': {
        depth++;
        if (depth > MAX_EXPRESSION_NESTING) {
          throw new ExpressionError(`Parentheses nest deeper than ${MAX_EXPRESSION_NESTING} levels at ${column(tok.start)}`, tok.start, 1);
        }
        pos++;
        const inner = parseOr();
        const close = peek();
        if (!close) {
          throw new ExpressionError(`Missing ")" for "(" at ${column(tok.start)}`, tok.start, 1);
        }
        // parseOr stops only at the end or at ")": anything else was reported already.
        pos++;
        depth--;
        checkNoAdjacentOperand(close);
        return inner;
      }
      case 'rparen': {
        if (depth === 0) {
          throw new ExpressionError(`Unmatched ")" at ${column(tok.start)}`, tok.start, 1);
        }
        const prev = tokens[pos - 1];
        if (prev && prev.kind === 'lparen') {
          throw new ExpressionError(`Empty parentheses at ${column(prev.start)}`, prev.start, tok.start - prev.start + 1);
        }
        throw new ExpressionError(`Unexpected ")" at ${column(tok.start)}: expected a condition letter`, tok.start, 1);
      }
      case 'and':
      case 'or':
        throw new ExpressionError(`Unexpected ${JSON.stringify(tok.text)} at ${column(tok.start)}`, tok.start, tok.text.length);
    }
  }

  function parseAnd(): Expr {
    let left = parsePrimary();
    for (let tok = peek(); tok && tok.kind === 'and'; tok = peek()) {
      pos++;
      const right = parsePrimary();
      left = { kind: 'and', left, right };
    }
    return left;
  }

  function parseOr(): Expr {
    let left = parseAnd();
    for (let tok = peek(); tok && tok.kind === 'or'; tok = peek()) {
      pos++;
      const right = parseAnd();
      left = { kind: 'or', left, right };
    }
    return left;
  }

  const expr = parseOr();
  const rest = peek();
  if (rest) {
    // Only a ")" can stop parseOr at the top level.
    throw new ExpressionError(`Unmatched ")" at ${column(rest.start)}`, rest.start, rest.text.length);
  }
  return expr;
}

/** The aliases an expression names, each once, in order of first appearance. */
export function expressionAliases(expr: Expr): string[] {
  const seen = new Set<string>();
  const visit = (e: Expr): void => {
    if (e.kind === 'ref') seen.add(e.alias);
    else {
      visit(e.left);
      visit(e.right);
    }
  };
  visit(expr);
  return [...seen];
}

/** Evaluates an expression, given the truth of each alias (short-circuits like SQL would). */
export function evaluateExpression(expr: Expr, truth: (alias: string) => boolean): boolean {
  switch (expr.kind) {
    case 'ref':
      return truth(expr.alias);
    case 'and':
      return evaluateExpression(expr.left, truth) && evaluateExpression(expr.right, truth);
    case 'or':
      return evaluateExpression(expr.left, truth) || evaluateExpression(expr.right, truth);
  }
}

/**
 * Writes an expression back as text, with the fewest parentheses that keep its meaning
 * (handy for showing a normalised expression, and for tests).
 */
export function formatExpression(expr: Expr): string {
  const fmt = (e: Expr, parent: 'and' | 'or' | null, isRight: boolean): string => {
    if (e.kind === 'ref') return e.alias;
    const inner = `${fmt(e.left, e.kind, false)} ${e.kind.toUpperCase()} ${fmt(e.right, e.kind, true)}`;
    // OR inside AND needs parentheses; so does a right-hand operand of the same operator
    // (left-associativity), which only arises from explicit grouping.
    const needs = parent !== null && ((parent === 'and' && e.kind === 'or') || (isRight && parent === e.kind));
    return needs ? `(${inner})` : inner;
  };
  return fmt(expr, null, false);
}
