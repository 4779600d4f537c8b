/** Small helpers for answering the Forge transport (`__forge_fetch__`) with fetch Responses. */
export function jsonResponse(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return rawJsonResponse(status, JSON.stringify(body), headers);
}

/** For bodies already assembled as JSON text (KVS values are kept as text). */
export function rawJsonResponse(status: number, json: string, headers: Record<string, string> = {}): Response {
  return new Response(json, { status, headers: { 'content-type': 'application/json', ...headers } });
}

export function emptyResponse(status = 204, headers: Record<string, string> = {}): Response {
  return new Response(null, { status, headers });
}

export async function readJsonBody(init: RequestInit | undefined): Promise<unknown> {
  const body = init?.body;
  if (body === undefined || body === null) return undefined;
  const text = typeof body === 'string' ? body : await new Response(body).text();
  if (text === '') return undefined;
  return JSON.parse(text) as unknown;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
