/** The part of a Forge resolver request the app reads (see @forge/resolver's Request). */
export interface ResolverRequest {
  payload: unknown;
  context: {
    accountId?: string;
    localId?: string;
    extension?: { config?: unknown; content?: { id?: string }; space?: { key?: string; id?: string } } & Record<string, unknown>;
  } & Record<string, unknown>;
}
