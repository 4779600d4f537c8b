import { kvs, WhereConditions } from '@forge/kvs';
import { storedSignOffSchema, type StoredSignOff } from '../domain/releases/signOffs';
import { key, keyPart } from './keys';
import { parseStored, readJson, writeJson } from './kvsJson';

/**
 * Release sign-offs: user data, so they live under their own keys, outside the snapshot generations a sync
 * replaces. One key per release and account: two people signing at the same moment write different keys and both
 * sign-offs survive, while the same person signing again replaces their own.
 */
const PREFIX = 'release-signoff';
/** KVS answers at most 20 keys per query page. */
const QUERY_PAGE = 20;
/** Enough for any real sign-off list; beyond it the view says the list is cut short. */
export const MAX_SIGN_OFFS_READ = 100;

function releasePrefix(solutionId: string, releaseId: string): string {
  // The trailing separator keeps release "r-1" from matching the keys of "r-10" (keyPart never emits ':').
  return `${key(PREFIX, keyPart(solutionId), keyPart(releaseId))}:`;
}

export function signOffKey(solutionId: string, releaseId: string, accountId: string): string {
  return key(PREFIX, keyPart(solutionId), keyPart(releaseId), keyPart(accountId));
}

export async function saveSignOff(signOff: StoredSignOff): Promise<void> {
  await writeJson(signOffKey(signOff.solutionId, signOff.releaseId, signOff.accountId), storedSignOffSchema.parse(signOff));
}

export async function readSignOff(solutionId: string, releaseId: string, accountId: string): Promise<StoredSignOff | undefined> {
  return readJson(signOffKey(solutionId, releaseId, accountId), storedSignOffSchema);
}

export async function deleteSignOff(solutionId: string, releaseId: string, accountId: string): Promise<void> {
  await kvs.delete(signOffKey(solutionId, releaseId, accountId));
}

/** Every sign-off of a release, up to MAX_SIGN_OFFS_READ; a damaged record is skipped and counted, not fatal. */
export async function listSignOffs(
  solutionId: string,
  releaseId: string,
): Promise<{ signOffs: StoredSignOff[]; truncated: boolean; invalid: number }> {
  const signOffs: StoredSignOff[] = [];
  let invalid = 0;
  let cursor: string | undefined;
  do {
    let query = kvs.query().where('key', WhereConditions.beginsWith(releasePrefix(solutionId, releaseId))).limit(QUERY_PAGE);
    if (cursor) query = query.cursor(cursor);
    const page = await query.getMany<unknown>();
    for (const result of page.results) {
      try {
        signOffs.push(parseStored(result.key, storedSignOffSchema, result.value));
      } catch {
        invalid += 1;
      }
    }
    cursor = page.nextCursor;
  } while (cursor && signOffs.length + invalid < MAX_SIGN_OFFS_READ);
  return { signOffs, truncated: Boolean(cursor), invalid };
}
