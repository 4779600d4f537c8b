import { router } from '@forge/bridge';

/** Opens a Confluence page from inside the macro's frame: Confluence navigates the reader's window there. */
export function openIncidentPage(url: string): Promise<void> {
  return router.navigate(url);
}
