/**
 * The Forge platform limits the host enforces, so that what fails on Forge fails here too.
 * Where a number is documented only, the source is named; where docs and packages disagree we take the stricter.
 */
export interface ForgeLimits {
  /** developer.atlassian.com/platform/forge/limits-invocation: "Runtime seconds 25". */
  resolverTimeoutMs: number;
  /** limits-invocation: "Runtime seconds (web-triggers) 55". */
  webtriggerTimeoutMs: number;
  /** limits-invocation: consumer/scheduledTrigger functions "Default timeout is 55 seconds. Use timeoutSeconds to extend it." */
  backgroundDefaultTimeoutMs: number;
  /** limits-invocation and @forge/manifest schema: timeoutSeconds <= 900. */
  backgroundMaxTimeoutMs: number;
  /** limits-invocation: invoke request payload 500 KB (KB = 1024 bytes, as @forge/events counts). */
  invokePayloadBytes: number;
  /** limits-invocation: invoke response 5 MB. */
  invokeResponseBytes: number;
  /** limits-invocation: 100 external fetch requests per runtime minute per invocation (requestConfluence not counted). */
  egressRequestsPerMinute: number;
  /** storage-reference/handling-errors-kvs: KEY_TOO_LONG past 500 characters. */
  kvsKeyMaxLength: number;
  /** limits-kvs-ce: 240 KiB per value, measured on the JSON-serialised value. */
  kvsValueMaxBytes: number;
  /** limits-kvs-ce says depth 31, the custom-entity error page says 32: the stricter one. */
  kvsMaxDepth: number;
  /** storage-api-query: ".limit(10) ... up to a maximum of 20"; a larger limit is rejected (not clamped) here. */
  kvsQueryMaxLimit: number;
  /** Page size when a query sets no limit (planning figure: the legacy storage API's default). */
  kvsQueryDefaultLimit: number;
  /** storage-reference/entities-batch: "Each batch operation can contain a maximum of 25 keys". */
  kvsBatchMaxItems: number;
  /** storage-reference/batchops: "A single kvs.batchSet operation can be a payload of 4MB". */
  kvsBatchMaxBytes: number;
  /** @forge/events validators.js MAXIMUM_EVENTS. */
  queueMaxEventsPerPush: number;
  /** @forge/events validators.js MAXIMUM_PAYLOAD_SIZE_KB (200 * 1024 bytes of JSON). */
  queueMaxPushBytes: number;
  /** @forge/events validators.js: delayInSeconds between 0 and 900. */
  queueMaxDelaySeconds: number;
  /** async-events-api "retry events": an event is retried at most 4 times (not re-verified online, see README). */
  queueMaxRetries: number;
  /** Reference notes (forge-platform.md): 500 events per minute. */
  queueEventsPerMinute: number;
}

const KIB = 1024;

export const FORGE_LIMITS: Readonly<ForgeLimits> = Object.freeze({
  resolverTimeoutMs: 25_000,
  webtriggerTimeoutMs: 55_000,
  backgroundDefaultTimeoutMs: 55_000,
  backgroundMaxTimeoutMs: 900_000,
  invokePayloadBytes: 500 * KIB,
  invokeResponseBytes: 5 * KIB * KIB,
  egressRequestsPerMinute: 100,
  kvsKeyMaxLength: 500,
  kvsValueMaxBytes: 240 * KIB,
  kvsMaxDepth: 31,
  kvsQueryMaxLimit: 20,
  kvsQueryDefaultLimit: 10,
  kvsBatchMaxItems: 25,
  kvsBatchMaxBytes: 4 * KIB * KIB,
  queueMaxEventsPerPush: 50,
  queueMaxPushBytes: 200 * KIB,
  queueMaxDelaySeconds: 900,
  queueMaxRetries: 4,
  queueEventsPerMinute: 500,
});

export function byteLength(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}
