import { ConfluenceApiError, ensurePage, findSpaceByKey, type PageRef, type SpaceRef } from '../confluence/pages';

/**
 * Where the app's generated pages live in a space: an "Integration reports" page under the space's home page, with
 * the change log and the status summaries below it. Written asApp: these run in queue consumers and scheduled
 * triggers, which have no user (the app needs read:space, read:page and write:page; manifest.yml).
 */
export const REPORTS_PARENT_TITLE = 'Integration reports';

const REPORTS_PARENT_BODY =
  '<p>Pages the Integration Governance Hub app writes for the integrations mapped to this space: the integration change log ' +
  '(from the governance backend’s signed change events) and a periodic status summary per solution. The app updates them in ' +
  'place; each page’s history keeps the earlier versions.</p>';

export class SpaceNotFoundError extends Error {
  constructor(readonly spaceKey: string) {
    super(`Confluence has no space "${spaceKey}" that the app can see (mapped on the settings page or by the backend's spaceKey).`);
    this.name = 'SpaceNotFoundError';
  }
}

export async function requireSpace(spaceKey: string): Promise<SpaceRef> {
  const space = await findSpaceByKey('app', spaceKey);
  if (!space) throw new SpaceNotFoundError(spaceKey);
  return space;
}

export async function ensureReportsParent(space: SpaceRef): Promise<PageRef> {
  const { page } = await ensurePage('app', { spaceId: space.id, title: REPORTS_PARENT_TITLE, parentId: space.homepageId, storage: REPORTS_PARENT_BODY });
  return page;
}

/**
 * Whether a failed Confluence call may succeed later (the queue retries): rate limits, server errors and network
 * failures may; a missing space, a permission or a validation error will not.
 */
export function isRetryableConfluenceError(error: unknown): boolean {
  if (error instanceof SpaceNotFoundError) return false;
  if (error instanceof ConfluenceApiError) return error.status === 409 || error.status === 429 || error.status >= 500;
  return true;
}
