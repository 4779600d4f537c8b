/**
 * Checks on a JSON Schema document pasted into a spec. It is stored as data and never evaluated, so the checks are
 * about storing it safely (size, nesting: KVS refuses values nested deeper than 31 levels) and about catching the
 * common mistake of pasting a sample message instead of its schema.
 */

/** Keywords at least one of which a JSON Schema document has at its root. */
const SCHEMA_KEYWORDS = ['$schema', '$id', '$ref', '$defs', 'definitions', 'type', 'properties', 'items', 'oneOf', 'anyOf', 'allOf', 'enum', 'const'];

/** Bytes of a string as UTF-8 (works in Node and in the browser). */
export function utf8Bytes(value: string): number {
  return new TextEncoder().encode(value).length;
}

export function nestingDepth(value: unknown): number {
  if (typeof value !== 'object' || value === null) return 0;
  const children = Array.isArray(value) ? value : Object.values(value);
  let deepest = 0;
  for (const child of children) deepest = Math.max(deepest, nestingDepth(child));
  return deepest + 1;
}

/** What is wrong with a JSON Schema document, as messages for its field; empty when it can be stored. */
export function jsonSchemaDocumentProblems(
  document: Record<string, unknown>,
  limits: { schemaDocumentBytes: number; schemaDocumentDepth: number },
): string[] {
  const bytes = utf8Bytes(JSON.stringify(document));
  if (bytes > limits.schemaDocumentBytes) {
    return [`is ${Math.ceil(bytes / 1024)} KiB; at most ${limits.schemaDocumentBytes / 1024} KiB (link large schemas by URL instead)`];
  }
  const depth = nestingDepth(document);
  if (depth > limits.schemaDocumentDepth) return [`nests ${depth} levels deep; at most ${limits.schemaDocumentDepth}`];
  const problems: string[] = [];
  if (!SCHEMA_KEYWORDS.some((keyword) => keyword in document)) {
    problems.push(`does not look like a JSON Schema: it has none of ${SCHEMA_KEYWORDS.slice(0, 7).join(', ')}, ...`);
  }
  if ('$schema' in document && typeof document.$schema !== 'string') problems.push('has a $schema that is not a string');
  const type = document.type;
  if (type !== undefined && typeof type !== 'string' && !(Array.isArray(type) && type.every((t) => typeof t === 'string'))) {
    problems.push('has a "type" that is neither a string nor a list of strings');
  }
  return problems;
}
