/**
 * The Forge Key-Value Store as @forge/kvs sees it: POST /api/v1/... with the bodies of kvs/out/storage-api.js,
 * answering with the statuses and `{code, message}` errors the package parses. Also a direct API for tests and the shell.
 * Custom entities (`/api/v1/entity/...` and batch items with `entityName`) are served by entity-store.ts from the
 * schemas in manifest.yml `app.storage.entities`; transactions on entities are not emulated (they answer 400).
 */
import path from 'node:path';
import { byteLength, type ForgeLimits } from './limits';
import { KvsTable, type KvsEntry } from './kvs-table';
import type { EntityDefinition } from './entities';
import { EntityStore, EntityStoreError, type EntityQuery, type FilterItem, type StoredEntity } from './entity-store';
import { emptyResponse, isRecord, jsonResponse, rawJsonResponse, readJsonBody } from './http-response';

export interface KvsStats {
  reads: number;
  writes: number;
  bytesRead: number;
  bytesWritten: number;
}

/** What custom-entity calls did: queries made, items they took from indexes, reads and writes (also in KvsStats). */
export interface EntityStats {
  queries: number;
  /** Items taken from an index by queries, before filters (what a query reads). */
  queryItems: number;
  gets: number;
  reads: number;
  bytesRead: number;
  writes: number;
  bytesWritten: number;
}

const emptyEntityStats = (): EntityStats => ({ queries: 0, queryItems: 0, gets: 0, reads: 0, bytesRead: 0, writes: 0, bytesWritten: 0 });

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
  private entityCounters: EntityStats = emptyEntityStats();

  private constructor(
    private readonly values: KvsTable,
    private readonly secretValues: KvsTable,
    readonly entities: EntityStore,
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

  static async open(options: { dataDir: string; now: () => number; limits: ForgeLimits; entities?: EntityDefinition[] }): Promise<KvsEmulator> {
    const values = await KvsTable.open(path.join(options.dataDir, 'kvs.jsonl'), options.now);
    // Secrets live in their own owner-only file so nothing that lists or serves plain values can reach them.
    const secrets = await KvsTable.open(path.join(options.dataDir, 'kvs-secrets.jsonl'), options.now, 0o600);
    const entities = await EntityStore.open({ dataDir: options.dataDir, now: options.now, definitions: options.entities ?? [] });
    return new KvsEmulator(values, secrets, entities, options.limits, options.now);
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

  /** Reads and writes of plain keys, secrets and custom entities together (entity query items count as reads). */
  stats(): KvsStats {
    return { ...this.counters };
  }

  /** The custom-entity share of stats(), with the number of queries: what a render's page read costs. */
  entityStats(): EntityStats {
    return { ...this.entityCounters };
  }

  reset(): void {
    this.values.clear();
    this.secretValues.clear();
    this.entities.clear();
    this.counters = { reads: 0, writes: 0, bytesRead: 0, bytesWritten: 0 };
    this.entityCounters = emptyEntityStats();
  }

  flush(): void {
    this.values.flush();
    this.secretValues.flush();
    this.entities.flush();
  }

  close(): void {
    this.values.close();
    this.secretValues.close();
    this.entities.close();
  }

  /** The `{type: 'kvs'}` transport. */
  async handle(apiPath: string, init: RequestInit | undefined): Promise<Response> {
    try {
      const body = await readJsonBody(init);
      return this.route(apiPath, body);
    } catch (error) {
      if (error instanceof KvsError || error instanceof EntityStoreError) return jsonResponse(error.status, { code: error.code, message: error.message });
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
      case '/api/v1/entity/get':
        return this.getEntity(body);
      case '/api/v1/entity/set':
        return this.setEntity(body);
      case '/api/v1/entity/delete':
        return this.deleteEntity(body);
      case '/api/v1/entity/query':
        return this.queryEntity(body);
      default:
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
    const limit = this.queryLimit(field(body, 'limit'));
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
      const entityName = field(item, 'entityName');
      if (entityName !== undefined) {
        const entity = this.entities.get(entityName, key);
        if (!entity) failedKeys.push({ key, entityName: String(entityName), error: { code: 'KEY_NOT_FOUND', message: 'Provided key does not exist' } });
        else {
          this.countEntityRead(entity);
          found.push(entityEntryJson(key, entity, String(entityName)));
        }
        continue;
      }
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
    const successfulKeys: Array<{ key: string; entityName?: string }> = [];
    const failedKeys: BatchFailure[] = [];
    for (const item of items) {
      const failure = this.itemFailure(item);
      if (failure) {
        failedKeys.push(failure);
        continue;
      }
      const key = field(item, 'key') as string;
      const entityName = field(item, 'entityName');
      try {
        if (entityName !== undefined) {
          this.writeEntity(String(entityName), key, field(item, 'value'), optionalRecord(field(item, 'options')));
          successfulKeys.push({ key, entityName: String(entityName) });
          continue;
        }
        const valueJson = this.validValue(field(item, 'value'));
        this.values.set(key, valueJson, this.expiry(optionalRecord(field(item, 'options'))?.ttl));
        this.countWrite(valueJson);
        successfulKeys.push({ key });
      } catch (error) {
        if (!(error instanceof KvsError) && !(error instanceof EntityStoreError)) throw error;
        failedKeys.push({ key, ...(entityName === undefined ? {} : { entityName: String(entityName) }), error: { code: error.code, message: error.message } });
      }
    }
    return jsonResponse(200, { successfulKeys, failedKeys });
  }

  private batchDelete(body: unknown): Response {
    const items = this.batchItems(body);
    const successfulKeys: Array<{ key: string; entityName?: string }> = [];
    const failedKeys: BatchFailure[] = [];
    for (const item of items) {
      const failure = this.itemFailure(item);
      if (failure) failedKeys.push(failure);
      else {
        const key = field(item, 'key') as string;
        const entityName = field(item, 'entityName');
        if (entityName !== undefined) {
          if (this.entities.delete(String(entityName), key)) this.countEntityDelete();
          successfulKeys.push({ key, entityName: String(entityName) });
        } else {
          if (this.values.delete(key)) this.counters.writes++;
          successfulKeys.push({ key });
        }
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
    const entityName = field(item, 'entityName');
    try {
      this.validKey(field(item, 'key'));
      if (entityName !== undefined) this.entities.definition(entityName);
      return undefined;
    } catch (error) {
      if (!(error instanceof KvsError) && !(error instanceof EntityStoreError)) throw error;
      return { key, ...(entityName === undefined ? {} : { entityName: String(entityName) }), error: { code: error.code, message: error.message } };
    }
  }

  private getEntity(body: unknown): Response {
    const key = this.validKey(field(body, 'key'));
    const entityName = field(body, 'entityName');
    const entity = this.entities.get(entityName, key);
    if (!entity) return jsonResponse(404, { code: 'KEY_NOT_FOUND', message: 'Provided key does not exist' });
    this.countEntityRead(entity);
    this.entityCounters.gets++;
    return rawJsonResponse(200, entityEntryJson(key, entity));
  }

  private setEntity(body: unknown): Response {
    const key = this.validKey(field(body, 'key'));
    const options = optionalRecord(field(body, 'options'));
    const { entity, previous } = this.writeEntity(field(body, 'entityName'), key, field(body, 'value'), options);
    if (options?.returnValue === 'LATEST') return rawJsonResponse(200, entityEntryJson(key, entity));
    if (options?.returnValue === 'PREVIOUS') return previous ? rawJsonResponse(200, entityEntryJson(key, previous)) : emptyResponse(204);
    return emptyResponse(204);
  }

  /** Validates key, size, depth and schema, honours keyPolicy, then writes. */
  private writeEntity(entityName: unknown, key: string, value: unknown, options: Record<string, unknown> | undefined) {
    this.entities.definition(entityName);
    const valueJson = this.validValue(value);
    this.entities.validate(entityName, value);
    if (options?.ttl !== undefined) throw new KvsError(400, 'BAD_REQUEST', 'A ttl on custom entities is not emulated by the workbench');
    const name = entityName as string;
    if (options?.keyPolicy === 'FAIL_IF_EXISTS' && this.entities.get(name, key)) {
      throw new KvsError(409, 'KEY_CONFLICT', `Key ${key} of entity ${name} already exists and keyPolicy is FAIL_IF_EXISTS`);
    }
    const written = this.entities.set(name, key, valueJson);
    this.countWrite(valueJson);
    this.entityCounters.writes++;
    this.entityCounters.bytesWritten += byteLength(valueJson);
    return written;
  }

  private deleteEntity(body: unknown): Response {
    const key = this.validKey(field(body, 'key'));
    const entityName = field(body, 'entityName');
    this.entities.definition(entityName);
    if (this.entities.delete(entityName as string, key)) this.countEntityDelete();
    return emptyResponse(204);
  }

  private queryEntity(body: unknown): Response {
    const entityName = field(body, 'entityName');
    this.entities.definition(entityName);
    const query: EntityQuery = {
      entityName: entityName as string,
      indexName: requireString(field(body, 'indexName'), 'indexName'),
      partition: optionalArray(field(body, 'partition'), 'partition'),
      range: optionalCondition(field(body, 'range'), 'range'),
      filters: optionalFilters(field(body, 'filters')),
      sort: querySort(field(body, 'sort')),
      limit: this.queryLimit(field(body, 'limit')),
      cursor: field(body, 'cursor') === undefined ? undefined : requireString(field(body, 'cursor'), 'cursor'),
    };
    const metadataFields = arrayField(optionalRecord(field(body, 'options')), 'metadataFields').map(String);
    const result = this.entities.query(query);
    this.entityCounters.queries++;
    this.entityCounters.queryItems += result.taken.length;
    for (const item of result.taken) this.countEntityRead(item.entity);
    const data = result.items.map((item) => entityEntryJson(item.key, item.entity, undefined, metadataFields));
    const cursor = result.cursor === undefined ? '' : `,"cursor":${JSON.stringify(result.cursor)}`;
    return rawJsonResponse(200, `{"data":[${data.join(',')}]${cursor}}`);
  }

  private queryLimit(limit: unknown): number {
    const value = limit ?? this.limits.kvsQueryDefaultLimit;
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > this.limits.kvsQueryMaxLimit) {
      throw new KvsError(400, 'BAD_REQUEST', `Query limit must be an integer between 1 and ${this.limits.kvsQueryMaxLimit}`);
    }
    return value;
  }

  private countEntityRead(entity: StoredEntity): void {
    const bytes = byteLength(entity.valueJson);
    this.counters.reads++;
    this.counters.bytesRead += bytes;
    this.entityCounters.reads++;
    this.entityCounters.bytesRead += bytes;
  }

  private countEntityDelete(): void {
    this.counters.writes++;
    this.entityCounters.writes++;
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

function requireString(value: unknown, name: string): string {
  if (typeof value !== 'string' || value.length === 0) throw new KvsError(400, 'BAD_REQUEST', `${name} must be a non-empty string`);
  return value;
}

function optionalArray(value: unknown, name: string): unknown[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw new KvsError(400, 'BAD_REQUEST', `${name} must be an array`);
  return value;
}

function optionalCondition(value: unknown, name: string): EntityQuery['range'] {
  if (value === undefined || value === null) return undefined;
  const condition = field(value, 'condition');
  const values = field(value, 'values');
  if (typeof condition !== 'string' || !Array.isArray(values)) throw new KvsError(400, 'BAD_REQUEST', `${name} must be {condition, values: [...]}`);
  return { condition, values };
}

function optionalFilters(value: unknown): EntityQuery['filters'] {
  if (value === undefined || value === null) return undefined;
  const record = optionalRecord(value);
  const operators = record ? Object.keys(record) : [];
  const operator = operators[0];
  if (operators.length !== 1 || (operator !== 'and' && operator !== 'or') || !Array.isArray(record?.[operator])) {
    throw new KvsError(400, 'BAD_REQUEST', 'filters must be {and: [...]} or {or: [...]}');
  }
  const items = (record[operator] as unknown[]).map((item): FilterItem => {
    const property = field(item, 'property');
    const condition = optionalCondition(item, 'a filter');
    if (typeof property !== 'string' || !condition) throw new KvsError(400, 'BAD_REQUEST', 'each filter must be {property, condition, values}');
    return { property, ...condition };
  });
  if (items.length === 0) throw new KvsError(400, 'BAD_REQUEST', 'filters must hold at least one condition');
  return { operator, items };
}

function querySort(value: unknown): 'ASC' | 'DESC' {
  if (value === undefined || value === null) return 'ASC';
  if (value !== 'ASC' && value !== 'DESC') throw new KvsError(400, 'BAD_REQUEST', 'sort must be ASC or DESC');
  return value;
}

/** An entity as the entity API answers it: key and value, with the metadata asked for (get answers them all). */
function entityEntryJson(key: string, entity: StoredEntity, entityName?: string, metadataFields?: string[]): string {
  const name = entityName === undefined ? '' : `,"entityName":${JSON.stringify(entityName)}`;
  const wanted = (fieldName: string) => metadataFields === undefined || metadataFields.includes(fieldName);
  const created = wanted('CREATED_AT') ? `,"createdAt":${Math.floor(entity.createdAt / 1000)}` : '';
  const updated = wanted('UPDATED_AT') ? `,"updatedAt":${Math.floor(entity.updatedAt / 1000)}` : '';
  return `{"key":${JSON.stringify(key)}${name},"value":${entity.valueJson}${created}${updated}}`;
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
