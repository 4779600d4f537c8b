/**
 * What a resolver answers instead of throwing when it cannot serve a request: the UI shows `message`, and
 * `fields` names each bad input. Thrown errors reach the browser as an opaque failure on Forge, so
 * expected problems travel as values.
 */
export interface ResolverError {
  state: 'error';
  message: string;
  fields: { path: string; message: string }[];
}
