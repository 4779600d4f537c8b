import { kvs } from '@forge/kvs';
import { z } from 'zod';
import { key, keyPart } from './keys';
import { readMany, writeIfAbsent, writeJson } from './kvsJson';

/**
 * Per solution: when its status summary was last published and on which page, so the next run updates that page
 * in place (even after the solution is renamed) and lists the changes since then.
 */
export const statusSummaryRecordSchema = z.object({
  lastPublishedAt: z.string(),
  pageId: z.string(),
  spaceKey: z.string(),
  title: z.string(),
  version: z.number().int().positive(),
});
export type StatusSummaryRecord = z.infer<typeof statusSummaryRecordSchema>;

const recordKey = (solutionId: string) => key('status-summary', keyPart(solutionId));
/** A claim names the summary it follows (its time, or "first"): the next summary after that one is published once. */
const claimKey = (solutionId: string, after: string | null) => key('status-summary-claim', keyPart(solutionId), keyPart(after ?? 'first'));
/** A claim only needs to outlive a duplicate run of the same trigger. */
const CLAIM_TTL_SECONDS = 2 * 86_400;

/** The records of these solutions (a damaged record reads as none: the page is then found by its title). */
export async function readStatusSummaryRecords(solutionIds: readonly string[]): Promise<Map<string, StatusSummaryRecord>> {
  const values = await readMany(solutionIds.map(recordKey));
  const records = new Map<string, StatusSummaryRecord>();
  for (const solutionId of solutionIds) {
    const parsed = statusSummaryRecordSchema.safeParse(values.get(recordKey(solutionId)));
    if (parsed.success) records.set(solutionId, parsed.data);
  }
  return records;
}

export async function writeStatusSummaryRecord(solutionId: string, record: StatusSummaryRecord): Promise<void> {
  await writeJson(recordKey(solutionId), statusSummaryRecordSchema.parse(record));
}

/**
 * One publication per due summary: Forge may run a scheduled trigger twice, and two runs that both found the summary
 * due (after the same last summary) must not both write the page. False when another run has it.
 */
export async function claimStatusSummary(solutionId: string, lastPublishedAt: string | null): Promise<boolean> {
  return writeIfAbsent(claimKey(solutionId, lastPublishedAt), { at: new Date().toISOString() }, CLAIM_TTL_SECONDS);
}

/** Gives the claim back after a failed publication, so a run by hand (or the next run) can try again. */
export async function releaseStatusSummaryClaim(solutionId: string, lastPublishedAt: string | null): Promise<void> {
  await kvs.delete(claimKey(solutionId, lastPublishedAt));
}

export const statusSummaryRecordKey = recordKey;
