import { kvs, WhereConditions } from '@forge/kvs';
import { z } from 'zod';
import type { StoredInterfaceSpec } from '../domain/specs/interfaceSpecRecord';
import { key, keyPart } from './keys';
import { deleteKeys, writeJson } from './kvsJson';

/**
 * A small listing entry per spec under its solution (`spec-by-solution:<solution>:<content>:<localId>`), written when
 * the spec is saved, so the space hub lists a solution's specs with one prefix query instead of reading every spec.
 * One key per spec: two saves of different specs never overwrite each other's entry.
 */
const PREFIX = 'spec-by-solution';
const QUERY_PAGE_MAX = 20;

export const specListingSchema = z.object({
  contentId: z.string(),
  localId: z.string(),
  name: z.string(),
  messageType: z.string(),
  direction: z.string(),
  partners: z.array(z.string()),
  owner: z.string(),
  version: z.number().int(),
  savedAt: z.string(),
  savedByName: z.string().nullable(),
});
export type SpecListing = z.infer<typeof specListingSchema>;

const listingKey = (solutionId: string, contentId: string, localId: string) => key(PREFIX, keyPart(solutionId), keyPart(contentId), keyPart(localId));

export async function indexSpecUnderSolution(record: StoredInterfaceSpec, previousSolutionId: string | null): Promise<void> {
  const { spec } = record;
  const listing: SpecListing = {
    contentId: record.contentId,
    localId: record.localId,
    name: spec.name,
    messageType: `${spec.message.type} ${spec.message.version}`.trim(),
    direction: spec.direction,
    partners: spec.partners.map((partner) => partner.name),
    owner: spec.owner.name,
    version: record.version,
    savedAt: record.savedAt,
    savedByName: record.savedByName,
  };
  await writeJson(listingKey(spec.solutionId, record.contentId, record.localId), listing);
  if (previousSolutionId && previousSolutionId !== spec.solutionId) {
    await deleteKeys([listingKey(previousSolutionId, record.contentId, record.localId)]);
  }
}

export async function listSolutionSpecs(solutionId: string, cursor?: string): Promise<{ specs: SpecListing[]; nextCursor: string | null }> {
  let query = kvs.query().where('key', WhereConditions.beginsWith(`${key(PREFIX, keyPart(solutionId))}:`)).limit(QUERY_PAGE_MAX);
  if (cursor) query = query.cursor(cursor);
  const page = await query.getMany<unknown>();
  const specs = page.results.flatMap((result) => {
    const parsed = specListingSchema.safeParse(result.value);
    return parsed.success ? [parsed.data] : [];
  });
  return { specs, nextCursor: page.nextCursor ?? null };
}
