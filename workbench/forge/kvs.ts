/**
 * The Forge Key-Value Store as @forge/kvs sees it: POST /api/v1/... with the bodies of kvs/out/storage-api.js,
 * answering with the statuses and `{code, message}` errors the package parses. Also a direct API for tests and the shell.
 * Custom entities are not emulated (the app declares none); their paths answer 400.
 */
import path from 'node:path';
import { byteLength, type ForgeLimits } from './limits';
import { KvsTable, type KvsEntry } from './kvs-table';
import { emptyResponse, isRecord, jsonResponse, rawJsonResponse, readJsonBody } from './http-response';

export interface KvsStats {
  reads: number;
  writes: number;
  bytesRead: number;
  bytesWritten: number;
}

export interface SecretStore {
  get(key: string): unknown;
  set(key: string, value: unknown): void;
  delete(key: string): boolean;
  keys(): string[];
}

class KvsError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

// The documented key pattern, with '-' moved to the end of the class so it is not read as a range.
const KEY_PATTERN = /^(?!\s+$)[a-zA-Z0-9:._\s#-]+$/;
const TTL_UNIT_SECONDS: Record<string, number> = { SECONDS: 1, MINUTES: 60, HOURS: 3600, DAYS: 86_400 };
const CURSOR_PREFIX = 'kvs1:';

export class KvsEmulator {
  readonly secrets: SecretStore;
  private counters: KvsStats = { reads: 0, writes: 0, bytesRead: 0, bytesWritten: 0 };

  private constructor(
    private readonly values: KvsTable,
    private readonly secretValues: KvsTable,
    private readonly limits: ForgeLimits,
    private readonly now: () => number,
  ) {
    this.secrets = {
      get: (key) => parseEntry(this.secretValues.get(key)),
      set: (key, value) => void this.secretValues.set(this.validKey(key), this.validValue(value)),
      delete: (key) => this.secretValues.delete(key),
      keys: () => this.secretValues.keysFrom('', undefined, Number.MAX_SAFE_INTEGER),
    };
  }

  static async open(options: { dataDir: string; now: () => number; limits: ForgeLimits }): Promise<KvsEmulator> {
    const values = await KvsTable.open(path.join(options.dataDir, 'kvs.jsonl'), options.now);
    // Secrets live in their own owner-only file so nothing that lists or serves plain values can reach them.
    const secrets = await KvsTable.open(path.join(options.dataDir, 'kvs-secrets.jsonl'), options.now, 0o600);
    return new KvsEmulator(values, secrets, options.limits, options.now);
  }

  get(key: string): unknown {
    return parseEntry(this.values.get(key));
  }

  set(key: string, value: unknown): void {
    this.values.set(this.validKey(key), this.validValue(value));
  }

  delete(key: string): boolean {
    return this.values.delete(key);
  }

  keys(prefix = ''): string[] {
    return this.values.keysFrom(prefix, undefined, Number.MAX_SAFE_INTEGER);
  }

  get size(): number {
    return this.values.size;
  }

  stats(): KvsStats {
    return { ...this.counters };
  }

  reset(): void {
    this.values.clear();
    this.secretValues.clear();
    this.counters = { reads: 0, writes: 0, bytesRead: 0, bytesWritten: 0 };
  }

  flush(): void {
    this.values.flush();
    this.secretValues.flush();
  }

  close(): void {
    this.values.close();
    this.secretValues.close();
  }

  /** The `{type: 'kvs'}` transport. */
  async handle(apiPath: string, init: RequestInit | undefined): Promise<Response> {
    try {
      const body = await readJsonBody(init);
      return this.route(apiPath, body);
    } catch (error) {
      if (error instanceof KvsError) return jsonResponse(error.status, { code: error.code, message: error.message });
      if (error instanceof SyntaxError) return jsonResponse(400, { code: 'BAD_REQUEST', message: 'Provided request body is invalid' });
      throw error;
    }
  }

  private route(apiPath: string, body: unknown): Response {
    switch (apiPath) {
      case '/api/v1/get':
        return this.getOne(this.values, body);
      case '/api/v1/secret/get':
        return this.getOne(this.secretValues, body);
      case '/api/v1/set':
        return this.setOne(this.values, body);
      case '/api/v1/secret/set':
        return this.setOne(this.secretValues, body);
      case '/api/v1/delete':
        return this.deleteOne(this.values, body);
      case '/api/v1/secret/delete':
        return this.deleteOne(this.secretValues, body);
      case '/api/v1/query':
        return this.query(body);
      case '/api/v1/batch/get':
        return this.batchGet(body);
      case '/api/v1/batch/set':
        return this.batchSet(body);
      case '/api/v1/batch/delete':
        return this.batchDelete(body);
      case '/api/v1/transaction':
        return this.transact(body);
      default:
        if (apiPath.startsWith('/api/v1/entity/')) {
          throw new KvsError(400, 'INVALID_ENTITY', 'Custom entities are not declared in app.storage.entities (not emulated by the workbench)');
        }
        throw new KvsError(404, 'NOT_FOUND', `Unknown KVS path ${apiPath}`);
    }
  }

  private getOne(table: KvsTable, body: unknown): Response {
    const key = this.validKey(field(body, 'key'));
    const entry = table.get(key);
    if (!entry) return jsonResponse(404, { code: 'KEY_NOT_FOUND', message: 'Provided key does not exist' });
    this.countRead(entry);
    return rawJsonResponse(200, entryJson(key, entry));
  }

  private setOne(table: KvsTable, body: unknown): Response {
    const key = this.validKey(field(body, 'key'));
    const valueJson = this.validValue(field(body, 'value'));
    const options = optionalRecord(field(body, 'options'));
    const previous = table.get(key);
    if (options?.keyPolicy === 'FAIL_IF_EXISTS' && previous) {
      throw new KvsError(409, 'KEY_CONFLICT', `Key ${key} already exists and keyPolicy is FAIL_IF_EXISTS`);
    }
    const entry = table.set(key, valueJson, this.expiry(options?.ttl));
    this.countWrite(valueJson);
    if (options?.returnValue === 'LATEST') return rawJsonResponse(200, entryJson(key, entry));
    if (options?.returnValue === 'PREVIOUS') return previous ? rawJsonResponse(200, entryJson(key, previous)) : emptyResponse(204);
    return emptyResponse(204);
  }

  private deleteOne(table: KvsTable, body: unknown): Response {
    const key = this.validKey(field(body, 'key'));
    if (table.delete(key)) this.counters.writes++;
    return emptyResponse(204);
  }

  private query(body: unknown): Response {
    const limit = field(body, 'limit') ?? this.limits.kvsQueryDefaultLimit;
    if (typeof limit !== 'number' || !Number.isInteger(limit) || limit < 1 || limit > this.limits.kvsQueryMaxLimit) {
      throw new KvsError(400, 'BAD_REQUEST', `Query limit must be an integer between 1 and ${this.limits.kvsQueryMaxLimit}`);
    }
    const where = field(body, 'where');
    let prefix = '';
    if (where !== undefined) {
      const clauses = Array.isArray(where) ? where : [];
      const clause = clauses[0] as unknown;
      const values = field(clause, 'values');
      if (clauses.length !== 1 || field(clause, 'property') !== 'key' || field(clause, 'condition') !== 'BEGINS_WITH' || !Array.isArray(values)) {
        throw new KvsError(400, 'BAD_REQUEST', 'Only a single beginsWith condition on key is supported');
      }
      prefix = String(values[0]);
    }
    const after = decodeCursor(field(body, 'after'));
    const keys = this.values.keysFrom(prefix, after, limit + 1);
    const page = keys.slice(0, limit);
    const items = page.map((key) => {
      const entry = this.values.get(key) as KvsEntry;
      this.countRead(entry);
      return entryJson(key, entry);
    });
    const last = page[page.length - 1];
    const cursor = keys.length > limit && last !== undefined ? `,"cursor":${JSON.stringify(encodeCursor(last))}` : '';
    return rawJsonResponse(200, `{"data":[${items.join(',')}]${cursor}}`);
  }

  private batchGet(body: unknown): Response {
    const items = this.batchItems(body);
    const found: string[] = [];
    const failedKeys: BatchFailure[] = [];
    for (const item of items) {
      const failure = this.itemFailure(item);
      if (failure) {
        failedKeys.push(failure);
        continue;
      }
      const key = field(item, 'key') as string;
      const entry = this.values.get(key);
      if (!entry) failedKeys.push({ key, error: { code: 'KEY_NOT_FOUND', message: 'Provided key does not exist' } });
      else {
        this.countRead(entry);
        found.push(entryJson(key, entry));
      }
    }
    return rawJsonResponse(200, `{"successfulKeys":[${found.join(',')}],"failedKeys":${JSON.stringify(failedKeys)}}`);
  }

  private batchSet(body: unknown): Response {
    const items = this.batchItems(body);
    const successfulKeys: Array<{ key: string }> = [];
    const failedKeys: BatchFailure[] = [];
    for (const item of items) {
      const failure = this.itemFailure(item);
      if (failure) {
        failedKeys.push(failure);
        continue;
      }
      const key = field(item, 'key') as string;
      try {
        const valueJson = this.validValue(field(item, 'value'));
        this.values.set(key, valueJson, this.expiry(optionalRecord(field(item, 'options'))?.ttl));
        this.countWrite(valueJson);
        successfulKeys.push({ key });
      } catch (error) {
        if (!(error instanceof KvsError)) throw error;
        failedKeys.push({ key, error: { code: error.code, message: error.message } });
      }
    }
    return jsonResponse(200, { successfulKeys, failedKeys });
  }

  private batchDelete(body: unknown): Response {
    const items = this.batchItems(body);
    const successfulKeys: Array<{ key: string }> = [];
    const failedKeys: BatchFailure[] = [];
    for (const item of items) {
      const failure = this.itemFailure(item);
      if (failure) failedKeys.push(failure);
      else {
        const key = field(item, 'key') as string;
        if (this.values.delete(key)) this.counters.writes++;
        successfulKeys.push({ key });
      }
    }
    return jsonResponse(200, { successfulKeys, failedKeys });
  }

  /** All or nothing: every operation is validated before any is applied. */
  private transact(body: unknown): Response {
    const sets = arrayField(body, 'set');
    const deletes = arrayField(body, 'delete');
    if (arrayField(body, 'check').length > 0) throw new KvsError(400, 'INVALID_ENTITY', 'Transaction checks need custom entities, which are not emulated');
    if (sets.length + deletes.length === 0) throw new KvsError(400, 'BAD_REQUEST', 'Transaction must contain at least one operation');
    const seen = new Set<string>();
    const prepared = sets.map((operation) => {
      if (field(operation, 'entityName') !== undefined) throw new KvsError(400, 'INVALID_ENTITY', 'Custom entities are not emulated');
      const key = this.uniqueKey(field(operation, 'key'), seen);
      return { key, valueJson: this.validValue(field(operation, 'value')), expireAt: this.expiry(optionalRecord(field(operation, 'options'))?.ttl) };
    });
    const deleteKeys = deletes.map((operation) => this.uniqueKey(field(operation, 'key'), seen));
    for (const { key, valueJson, expireAt } of prepared) {
      this.values.set(key, valueJson, expireAt);
      this.countWrite(valueJson);
    }
    for (const key of deleteKeys) if (this.values.delete(key)) this.counters.writes++;
    return emptyResponse(204);
  }

  private batchItems(body: unknown): unknown[] {
    if (!Array.isArray(body) || body.length === 0) throw new KvsError(400, 'BAD_REQUEST', 'Batch must contain at least one item');
    if (body.length > this.limits.kvsBatchMaxItems) {
      throw new KvsError(400, 'BAD_REQUEST', `Batch contains ${body.length} items; the maximum is ${this.limits.kvsBatchMaxItems}`);
    }
    if (byteLength(JSON.stringify(body)) > this.limits.kvsBatchMaxBytes) throw new KvsError(400, 'MAX_SIZE', 'Batch payload exceeds 4 MB');
    const seen = new Set<string>();
    for (const item of body) {
      const id = `${String(field(item, 'entityName') ?? '')}\u0000${String(field(item, 'key'))}`;
      if (seen.has(id)) throw new KvsError(400, 'BAD_REQUEST', `Batch contains key ${String(field(item, 'key'))} more than once`);
      seen.add(id);
    }
    return body;
  }

  private itemFailure(item: unknown): BatchFailure | undefined {
    const key = String(field(item, 'key'));
    if (field(item, 'entityName') !== undefined) {
      return { key, entityName: String(field(item, 'entityName')), error: { code: 'INVALID_ENTITY', message: 'Custom entities are not emulated' } };
    }
    try {
      this.validKey(field(item, 'key'));
      return undefined;
    } catch (error) {
      if (!(error instanceof KvsError)) throw error;
      return { key, error: { code: error.code, message: error.message } };
    }
  }

  private uniqueKey(candidate: unknown, seen: Set<string>): string {
    const key = this.validKey(candidate);
    if (seen.has(key)) throw new KvsError(400, 'BAD_REQUEST', `Transaction touches key ${key} more than once`);
    seen.add(key);
    return key;
  }

  private validKey(key: unknown): string {
    if (typeof key !== 'string' || key.length === 0) throw new KvsError(400, 'KEY_TOO_SHORT', 'The provided key must be at least one character');
    if (key.length > this.limits.kvsKeyMaxLength) {
      throw new KvsError(400, 'KEY_TOO_LONG', `The provided key has exceeded the maximum ${this.limits.kvsKeyMaxLength} characters`);
    }
    if (!KEY_PATTERN.test(key)) throw new KvsError(400, 'INVALID_KEY', 'The provided key does not match the regex: /^(?!\\s+$)[a-zA-Z0-9:._\\s-#]+$/');
    return key;
  }

  private validValue(value: unknown): string {
    if (value === undefined) throw new KvsError(400, 'BAD_REQUEST', 'A value is required');
    const json = JSON.stringify(value);
    if (byteLength(json) > this.limits.kvsValueMaxBytes) {
      throw new KvsError(400, 'MAX_SIZE', `The provided value has exceeded the maximum size limit (${this.limits.kvsValueMaxBytes} bytes)`);
    }
    if (depthExceeds(value, this.limits.kvsMaxDepth)) {
      throw new KvsError(400, 'MAX_DEPTH', `The provided value has exceeded the maximum object depth (${this.limits.kvsMaxDepth}) limit`);
    }
    return json;
  }

  private expiry(ttl: unknown): number | undefined {
    if (ttl === undefined) return undefined;
    const value = field(ttl, 'value');
    const unit = TTL_UNIT_SECONDS[String(field(ttl, 'unit'))];
    if (typeof value !== 'number' || value <= 0 || unit === undefined) throw new KvsError(400, 'BAD_REQUEST', 'Invalid ttl');
    return this.now() + value * unit * 1000;
  }

  private countRead(entry: KvsEntry): void {
    this.counters.reads++;
    this.counters.bytesRead += byteLength(entry.valueJson);
  }

  private countWrite(valueJson: string): void {
    this.counters.writes++;
    this.counters.bytesWritten += byteLength(valueJson);
  }
}

interface BatchFailure {
  key: string;
  entityName?: string;
  error: { code: string; message: string };
}

function field(value: unknown, name: string): unknown {
  return isRecord(value) ? value[name] : undefined;
}

function optionalRecord(value: unknown): Record<string, unknown> | undefined {
  return isRecord(value) ? value : undefined;
}

function arrayField(value: unknown, name: string): unknown[] {
  const list = field(value, name);
  return Array.isArray(list) ? list : [];
}

function parseEntry(entry: KvsEntry | undefined): unknown {
  return entry ? (JSON.parse(entry.valueJson) as unknown) : undefined;
}

/** `{key, value, createdAt, updatedAt, expireTime?}` with timestamps in epoch seconds, as the KVS answers. */
function entryJson(key: string, entry: KvsEntry): string {
  const expire = entry.expireAt === undefined ? '' : `,"expireTime":${JSON.stringify(new Date(entry.expireAt).toISOString())}`;
  return `{"key":${JSON.stringify(key)},"value":${entry.valueJson},"createdAt":${Math.floor(entry.createdAt / 1000)},"updatedAt":${Math.floor(entry.updatedAt / 1000)}${expire}}`;
}

function depthExceeds(value: unknown, maxDepth: number, depth = 0): boolean {
  if (typeof value !== 'object' || value === null) return false;
  if (depth + 1 > maxDepth) return true;
  const children = Array.isArray(value) ? value : Object.values(value);
  return children.some((child) => depthExceeds(child, maxDepth, depth + 1));
}

function encodeCursor(lastKey: string): string {
  return Buffer.from(CURSOR_PREFIX + lastKey, 'utf8').toString('base64url');
}

function decodeCursor(cursor: unknown): string | undefined {
  if (cursor === undefined || cursor === null) return undefined;
  const decoded = typeof cursor === 'string' ? Buffer.from(cursor, 'base64url').toString('utf8') : '';
  if (!decoded.startsWith(CURSOR_PREFIX)) throw new KvsError(400, 'BAD_REQUEST', 'Invalid cursor');
  return decoded.slice(CURSOR_PREFIX.length);
}
