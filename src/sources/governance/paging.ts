/**
 * The governance list envelope `{items, nextCursor}`: one page read item by item, and a listing followed to its end.
 */
import { z } from 'zod';
import { GovernanceApiError } from './errors';
import { governanceResources, type GovernanceItem, type GovernanceResource } from './schemas';
import { describeIssues } from './validation';

/** An item the backend sent that does not match the contract; it is left out of `items`. */
export interface InvalidItem {
  resource: GovernanceResource;
  /** Position in the backend's answer: within the page for `listPage`, within the whole listing for `listAll`. */
  index: number;
  /** The item's `id` (or `artifactId` for deployments) when it has one. */
  id: string | null;
  /** e.g. "status: Required", "endpoints.0.url: Expected string, received number". */
  issues: string[];
}

export interface GovernancePage<T> {
  items: T[];
  invalid: InvalidItem[];
  nextCursor: string | null;
}

const envelopeSchema = z
  .object({
    items: z.array(z.unknown()),
    // An empty cursor is read as "no more pages" rather than as a cursor to send back.
    nextCursor: z.string().nullable().optional(),
  })
  .passthrough();

export type PageReading<T> = { ok: true; page: GovernancePage<T> } | { ok: false; issues: string[] };

/** Validates the envelope, then each item on its own so one malformed item never loses the rest of the page. */
export function readPage<R extends GovernanceResource>(resource: R, body: unknown, firstIndex = 0): PageReading<GovernanceItem<R>> {
  const envelope = envelopeSchema.safeParse(body);
  if (!envelope.success) return { ok: false, issues: describeIssues(envelope.error) };

  const schema = governanceResources[resource].schema;
  const items: GovernanceItem<R>[] = [];
  const invalid: InvalidItem[] = [];
  envelope.data.items.forEach((raw, position) => {
    const parsed = schema.safeParse(raw);
    if (parsed.success) items.push(parsed.data as GovernanceItem<R>);
    else invalid.push({ resource, index: firstIndex + position, id: itemId(raw), issues: describeIssues(parsed.error) });
  });
  return { ok: true, page: { items, invalid, nextCursor: envelope.data.nextCursor || null } };
}

function itemId(raw: unknown): string | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const { id, artifactId } = raw as { id?: unknown; artifactId?: unknown };
  if (typeof id === 'string' && id !== '') return id;
  if (typeof artifactId === 'string' && artifactId !== '') return artifactId;
  return null;
}

/**
 * Reads pages until `nextCursor` is null. A cursor seen before means the backend is going round in circles:
 * that is an error, not an endless loop that burns the egress budget.
 */
export async function readAllPages<T>(
  operation: string,
  fetchPage: (cursor: string | null, firstIndex: number) => Promise<GovernancePage<T>>,
): Promise<{ items: T[]; invalid: InvalidItem[] }> {
  const items: T[] = [];
  const invalid: InvalidItem[] = [];
  const seen = new Set<string>();
  let cursor: string | null = null;
  let read = 0;
  for (let pages = 1; ; pages++) {
    const page = await fetchPage(cursor, read);
    items.push(...page.items);
    invalid.push(...page.invalid);
    read += page.items.length + page.invalid.length;
    if (page.nextCursor === null) return { items, invalid };
    if (seen.has(page.nextCursor)) {
      throw new GovernanceApiError(
        `${operation} sent a cursor it had already sent (page ${pages}); stopped reading to avoid an endless loop`,
        { operation, retryable: false },
      );
    }
    seen.add(page.nextCursor);
    cursor = page.nextCursor;
  }
}
