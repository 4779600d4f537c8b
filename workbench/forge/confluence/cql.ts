/**
 * The part of CQL apps use to find their pages: fields type, space (space.key), label, title, text, id, parent,
 * ancestor, creator, created, lastmodified; operators = != ~ !~ < <= > >= in / not in; and, or, not, parentheses;
 * order by. Anything else is a 400, as Confluence answers an unparsable query.
 */
import { ConfluenceError, type Page, type Space } from './model';

type Clause = { kind: 'clause'; field: string; op: string; values: string[] };
type Expr = Clause | { kind: 'and' | 'or'; left: Expr; right: Expr } | { kind: 'not'; expr: Expr };

export interface CqlQuery {
  where: Expr;
  orderBy: Array<{ field: string; descending: boolean }>;
}

export interface CqlSubject {
  page: Page;
  space: Space;
  ancestors: string[];
  /** Body as plain text, for text ~. */
  text: string;
}

const FIELDS = new Set(['type', 'space', 'space.key', 'label', 'title', 'text', 'id', 'content', 'parent', 'ancestor', 'creator', 'created', 'lastmodified']);
const TOKEN = /\s*(?:(\(|\)|,)|(!=|!~|<=|>=|=|~|<|>)|"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)'|([^\s()=,!~<>"']+))/y;

type Token = { type: 'punct' | 'op' | 'string' | 'word'; text: string };

function tokenize(cql: string): Token[] {
  const tokens: Token[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < cql.length) {
    if (/^\s*$/.test(cql.slice(TOKEN.lastIndex))) break;
    const match = TOKEN.exec(cql);
    if (!match) throw cqlError(cql, `unexpected character at ${TOKEN.lastIndex}`);
    const [, punct, op, double, single, word] = match;
    if (punct) tokens.push({ type: 'punct', text: punct });
    else if (op) tokens.push({ type: 'op', text: op });
    else if (double !== undefined || single !== undefined) tokens.push({ type: 'string', text: (double ?? single ?? '').replace(/\\(.)/g, '$1') });
    else tokens.push({ type: 'word', text: word ?? '' });
  }
  return tokens;
}

export function parseCql(cql: string): CqlQuery {
  const tokens = tokenize(cql);
  let position = 0;
  const peek = (): Token | undefined => tokens[position];
  const isWord = (token: Token | undefined, word: string): boolean => token?.type === 'word' && token.text.toLowerCase() === word;
  const next = (): Token => {
    const token = tokens[position++];
    if (!token) throw cqlError(cql, 'unexpected end of query');
    return token;
  };

  const value = (): string => {
    const token = next();
    if (token.type !== 'string' && token.type !== 'word') throw cqlError(cql, `expected a value, found "${token.text}"`);
    return token.text;
  };

  const clause = (): Clause => {
    const fieldToken = next();
    const field = fieldToken.text.toLowerCase();
    if (fieldToken.type !== 'word' || !FIELDS.has(field)) throw cqlError(cql, `unsupported field "${fieldToken.text}"`);
    let op: string;
    if (isWord(peek(), 'not') && isWord(tokens[position + 1], 'in')) {
      position += 2;
      op = 'not in';
    } else if (isWord(peek(), 'in')) {
      position++;
      op = 'in';
    } else {
      const opToken = next();
      if (opToken.type !== 'op') throw cqlError(cql, `expected an operator after ${field}`);
      op = opToken.text;
    }
    if (op === 'in' || op === 'not in') {
      if (next().text !== '(') throw cqlError(cql, `expected ( after ${op}`);
      const values = [value()];
      while (peek()?.text === ',') {
        position++;
        values.push(value());
      }
      if (next().text !== ')') throw cqlError(cql, 'expected )');
      return { kind: 'clause', field, op, values };
    }
    return { kind: 'clause', field, op, values: [value()] };
  };

  const primary = (): Expr => {
    if (isWord(peek(), 'not')) {
      position++;
      return { kind: 'not', expr: primary() };
    }
    if (peek()?.text === '(') {
      position++;
      const inner = or();
      if (next().text !== ')') throw cqlError(cql, 'expected )');
      return inner;
    }
    return clause();
  };
  const and = (): Expr => {
    let left = primary();
    while (isWord(peek(), 'and')) {
      position++;
      left = { kind: 'and', left, right: primary() };
    }
    return left;
  };
  function or(): Expr {
    let left = and();
    while (isWord(peek(), 'or')) {
      position++;
      left = { kind: 'or', left, right: and() };
    }
    return left;
  }

  const where = or();
  const orderBy: CqlQuery['orderBy'] = [];
  if (isWord(peek(), 'order')) {
    position++;
    if (!isWord(next(), 'by')) throw cqlError(cql, 'expected BY after ORDER');
    do {
      if (peek()?.text === ',') position++;
      const field = next().text.toLowerCase();
      const descending = isWord(peek(), 'desc');
      if (descending || isWord(peek(), 'asc')) position++;
      orderBy.push({ field, descending });
    } while (peek()?.text === ',');
  }
  if (position < tokens.length) throw cqlError(cql, `unexpected "${tokens[position]?.text}"`);
  return { where, orderBy };
}

export function matches(expr: Expr, subject: CqlSubject): boolean {
  switch (expr.kind) {
    case 'and':
      return matches(expr.left, subject) && matches(expr.right, subject);
    case 'or':
      return matches(expr.left, subject) || matches(expr.right, subject);
    case 'not':
      return !matches(expr.expr, subject);
    default:
      return matchesClause(expr, subject);
  }
}

function matchesClause(clause: Clause, subject: CqlSubject): boolean {
  const candidates = fieldValues(clause.field, subject);
  const any = (test: (candidate: string, value: string) => boolean): boolean =>
    clause.values.some((value) => candidates.some((candidate) => test(candidate, value)));
  switch (clause.op) {
    case '=':
    case 'in':
      return any((candidate, value) => equalsFor(clause.field, candidate, value));
    case '!=':
    case 'not in':
      return !any((candidate, value) => equalsFor(clause.field, candidate, value));
    case '~':
      return any(containsWords);
    case '!~':
      return !any(containsWords);
    case '<':
      return any((candidate, value) => candidate < normaliseDate(value));
    case '<=':
      return any((candidate, value) => candidate <= normaliseDate(value));
    case '>':
      return any((candidate, value) => candidate > normaliseDate(value));
    case '>=':
      return any((candidate, value) => candidate >= normaliseDate(value));
    default:
      return false;
  }
}

function fieldValues(field: string, { page, space, ancestors, text }: CqlSubject): string[] {
  switch (field) {
    case 'type':
      return ['page'];
    case 'space':
    case 'space.key':
      return [space.key, space.id];
    case 'label':
      return page.labels.map((label) => (label.prefix === 'global' ? label.name : `${label.prefix}:${label.name}`));
    case 'title':
      return [page.title];
    case 'text':
      return [`${page.title} ${text} ${page.labels.map((label) => label.name).join(' ')}`];
    case 'id':
    case 'content':
      return [page.id];
    case 'parent':
      return page.parentId ? [page.parentId] : [];
    case 'ancestor':
      return ancestors;
    case 'creator':
      return [page.authorId];
    case 'created':
      return [page.createdAt];
    case 'lastmodified':
      return [page.version.createdAt];
    default:
      return [];
  }
}

function equalsFor(field: string, candidate: string, value: string): boolean {
  return field === 'label' || field === 'type' ? candidate.toLowerCase() === value.toLowerCase() : candidate === value;
}

/** Lucene-ish `~`: every word of the query (with * wildcards) appears in the field, case-insensitively. */
function containsWords(candidate: string, value: string): boolean {
  const haystack = candidate.toLowerCase();
  return value
    .toLowerCase()
    .split(/\s+/)
    .filter(Boolean)
    .every((word) => new RegExp(word.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')).test(haystack));
}

function normaliseDate(value: string): string {
  return /^\d{4}[-/]\d{2}[-/]\d{2}/.test(value) ? value.replace(/\//g, '-') : value;
}

export function compareFor(orderBy: CqlQuery['orderBy']): (a: CqlSubject, b: CqlSubject) => number {
  const key = (field: string, subject: CqlSubject): string | number => {
    if (field === 'title') return subject.page.title.toLowerCase();
    if (field === 'created') return subject.page.createdAt;
    if (field === 'id') return Number(subject.page.id);
    return subject.page.version.createdAt;
  };
  const order = orderBy.length > 0 ? orderBy : [{ field: 'lastmodified', descending: true }];
  return (a, b) => {
    for (const { field, descending } of order) {
      const left = key(field, a);
      const right = key(field, b);
      if (left !== right) return (left < right ? -1 : 1) * (descending ? -1 : 1);
    }
    return Number(a.page.id) - Number(b.page.id);
  };
}

function cqlError(cql: string, reason: string): ConfluenceError {
  return new ConfluenceError(400, `Could not parse cql : ${cql} (${reason})`);
}
