import api, { route, type APIResponse } from '@forge/api';
import { z } from 'zod';

/**
 * The site's spaces, for the settings page's solution -> space mapping: `GET /wiki/api/v2/spaces` asUser (the admin
 * picks among the spaces Confluence lets them see), following the cursor. Needs read:space:confluence.
 * Bounded: a site with more spaces than `maxSpaces` gets the first ones by key and a note saying so.
 */
const spacePageSchema = z
  .object({
    results: z.array(z.object({ key: z.string().min(1), name: z.string().optional().nullable() }).passthrough()),
    _links: z.object({ next: z.string().optional() }).passthrough().optional(),
  })
  .passthrough();

export interface SpaceListing {
  spaces: { key: string; name: string }[];
  /** Why the list is missing or incomplete, or null. */
  message: string | null;
}

const PAGE_SIZE = 250;

function cursorOf(next: string | undefined): string | null {
  if (!next) return null;
  try {
    return new URL(next, 'https://confluence.invalid').searchParams.get('cursor');
  } catch {
    return null;
  }
}

export async function listSpacesForMapping(maxSpaces = 2000): Promise<SpaceListing> {
  const spaces: { key: string; name: string }[] = [];
  let cursor: string | null = null;
  for (;;) {
    let response: APIResponse;
    try {
      response = await api
        .asUser()
        .requestConfluence(
          cursor === null
            ? route`/wiki/api/v2/spaces?limit=${PAGE_SIZE}&status=current&sort=key`
            : route`/wiki/api/v2/spaces?limit=${PAGE_SIZE}&status=current&sort=key&cursor=${cursor}`,
          { headers: { Accept: 'application/json' } },
        );
    } catch (error) {
      return { spaces, message: `Confluence did not list its spaces: ${error instanceof Error ? error.message : String(error)}` };
    }
    if (!response.ok) return { spaces, message: `Confluence did not list its spaces (it answered ${response.status}); type a space key instead.` };
    const page = spacePageSchema.safeParse(await response.json().catch((): unknown => null));
    if (!page.success) return { spaces, message: 'Confluence answered an unexpected list of spaces; type a space key instead.' };
    for (const space of page.data.results) spaces.push({ key: space.key, name: space.name?.trim() || space.key });
    cursor = cursorOf(page.data._links?.next);
    if (cursor === null) break;
    if (spaces.length >= maxSpaces) {
      return { spaces: spaces.slice(0, maxSpaces), message: `Showing the first ${maxSpaces} spaces; type the key of any other space.` };
    }
  }
  spaces.sort((a, b) => a.key.localeCompare(b.key));
  return { spaces, message: null };
}
