import type { z } from 'zod';
import type { ResolverError } from '../shared/resolverError';

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: ResolverError };

/** Validates a resolver input; the error names every bad field, prefixed with where it came from. */
export function parseInput<S extends z.ZodTypeAny>(what: string, schema: S, input: unknown): Parsed<z.output<S>> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return { ok: true, value: parsed.data as z.output<S> };
  const fields = parsed.error.issues.map((issue) => ({
    path: [what, ...issue.path].join('.'),
    message: issue.message,
  }));
  return {
    ok: false,
    error: {
      state: 'error',
      message: `Invalid ${what}: ${fields.map((f) => `${f.path} ${f.message}`).join('; ')}`,
      fields,
    },
  };
}

export function resolverError(message: string): ResolverError {
  return { state: 'error', message, fields: [] };
}
