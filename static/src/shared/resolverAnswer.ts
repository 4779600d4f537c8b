import type { ResolverError } from '../../../src/shared/resolverError';

/** A resolver's answer of `{ state: 'error' }`, raised so views handle it like a failed call (message + Retry). */
export class ResolverAnswerError extends Error {
  readonly fields: ResolverError['fields'];
  constructor(answer: ResolverError) {
    super(answer.message);
    this.name = 'ResolverAnswerError';
    this.fields = answer.fields;
  }
}

function isResolverError(answer: unknown): answer is ResolverError {
  return typeof answer === 'object' && answer !== null && (answer as { state?: unknown }).state === 'error';
}

/** The answer itself, or a ResolverAnswerError thrown for an error answer. */
export async function unwrapResolverAnswer<T>(answer: Promise<unknown>): Promise<Exclude<T, ResolverError>> {
  const value = await answer;
  if (isResolverError(value)) throw new ResolverAnswerError(value);
  return value as Exclude<T, ResolverError>;
}
