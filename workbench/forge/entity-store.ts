/**
 * The Forge Custom Entity Store behind `/api/v1/entity/...` and the batch calls' `entityName` items, as conservative
 * as the documentation allows: values must match the entity's declared attributes and types, a query names a declared
 * index with exactly its partition values, a range condition applies to the index's range attribute, at most
 * `kvsQueryMaxLimit` items per query, and filters run AFTER the limit (a page may hold fewer matches than asked, even
 * none, with a cursor to go on). Entities lacking an index's range or partition attributes are not in that index.
 *
 * Every index is a sorted structure per partition (entity-index.ts), so a query seeks instead of scanning.
 * Persistence: `kvs-entities.jsonl`, the same append-only journal format as the KVS (journal.ts), kept apart from
 * `kvs.jsonl` because entities and plain keys are separate namespaces on Forge too.
 */
import path from 'node:path';
import { Journal, type SnapshotLine } from './journal';
import { attributeTypeProblem, entityValueProblems, type EntityDefinition, type EntityIndex } from './entities';
import { compareEntries, compareRangeValues, SortedIndex, type IndexEntry, type RangeValue } from './entity-index';

export class EntityStoreError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export interface StoredEntity {
  valueJson: string;
  createdAt: number;
  updatedAt: number;
}

interface Membership {
  indexName: string;
  bucket: string;
  entry: IndexEntry;
}

/** The index entries of one entity: every index whose range and partition attributes it has. */
function memberships(definition: EntityDefinition, key: string, entity: StoredEntity): Membership[] {
  const value = JSON.parse(entity.valueJson) as Record<string, unknown>;
  const found: Membership[] = [];
  for (const index of definition.indexes.values()) {
    const rangeValue = index.range === null ? key : value[index.range];
    if (!isRangeValue(rangeValue)) continue;
    const partition = index.partition.map((attribute) => value[attribute]);
    if (partition.some((part) => part === undefined || part === null)) continue;
    found.push({ indexName: index.name, bucket: JSON.stringify(partition), entry: { value: rangeValue, key } });
  }
  return found;
}

interface EntityState {
  definition: EntityDefinition;
  records: Map<string, StoredEntity>;
  /** index name -> partition bucket (JSON of the partition values) -> sorted entries. */
  indexes: Map<string, Map<string, SortedIndex>>;
}

export interface EntityQuery {
  entityName: string;
  indexName: string;
  partition: unknown[];
  range: { condition: string; values: unknown[] } | undefined;
  filters: { operator: 'and' | 'or'; items: FilterItem[] } | undefined;
  sort: 'ASC' | 'DESC';
  limit: number;
  cursor: string | undefined;
}

export interface FilterItem {
  property: string;
  condition: string;
  values: unknown[];
}

export interface EntityQueryResult {
  /** What the query read from the index (up to the limit), before filters. */
  taken: Array<{ key: string; entity: StoredEntity }>;
  /** What it answers: `taken` after filters. */
  items: Array<{ key: string; entity: StoredEntity }>;
  cursor: string | undefined;
}

const RANGE_CONDITIONS = new Set(['BETWEEN', 'BEGINS_WITH', 'EQUAL_TO', 'GREATER_THAN', 'GREATER_THAN_EQUAL_TO', 'LESS_THAN', 'LESS_THAN_EQUAL_TO']);
const FILTER_ARITY: Record<string, number> = {
  BETWEEN: 2,
  BEGINS_WITH: 1,
  CONTAINS: 1,
  NOT_CONTAINS: 1,
  EQUAL_TO: 1,
  NOT_EQUAL_TO: 1,
  EXISTS: 1,
  NOT_EXISTS: 1,
  GREATER_THAN: 1,
  GREATER_THAN_EQUAL_TO: 1,
  LESS_THAN: 1,
  LESS_THAN_EQUAL_TO: 1,
};
const CURSOR_PREFIX = 'ce1:';
const LINE_OVERHEAD = 64;

export class EntityStore {
  private readonly entities = new Map<string, EntityState>();
  /** Stored entities of entities the manifest no longer declares: kept (Forge keeps data), not served. */
  private readonly orphans = new Map<string, StoredEntity>();
  private liveBytes = 0;
  private journal: Journal | null = null;

  private constructor(
    definitions: EntityDefinition[],
    private readonly now: () => number,
  ) {
    for (const definition of definitions) {
      this.entities.set(definition.name, { definition, records: new Map(), indexes: new Map() });
    }
  }

  static async open(options: { dataDir: string; now: () => number; definitions: EntityDefinition[] }): Promise<EntityStore> {
    const store = new EntityStore(options.definitions, options.now);
    const loaded = new Map<string, StoredEntity>();
    store.journal = await Journal.open(path.join(options.dataDir, 'kvs-entities.jsonl'), (header, payload) => {
      const record = header as { n?: string; k?: string; c?: number; u?: number; d?: boolean; clear?: boolean };
      if (record.clear) loaded.clear();
      else if (typeof record.n === 'string' && typeof record.k === 'string') {
        const id = compositeId(record.n, record.k);
        if (record.d) loaded.delete(id);
        else if (payload !== undefined) loaded.set(id, { valueJson: payload, createdAt: record.c ?? 0, updatedAt: record.u ?? 0 });
      }
    });
    for (const [id, entity] of loaded) {
      const [entityName, key] = splitCompositeId(id);
      const state = store.entities.get(entityName);
      if (state) store.place(state, key, entity);
      else store.orphans.set(id, entity);
      store.liveBytes += id.length + entity.valueJson.length + LINE_OVERHEAD;
    }
    store.journal.compactIfWasteful(store.liveBytes, () => store.snapshot());
    return store;
  }

  get declared(): string[] {
    return [...this.entities.keys()];
  }

  definition(entityName: unknown): EntityDefinition {
    return this.state(entityName).definition;
  }

  size(entityName: string): number {
    return this.entities.get(entityName)?.records.size ?? 0;
  }

  get(entityName: unknown, key: string): StoredEntity | undefined {
    return this.state(entityName).records.get(key);
  }

  /** Validates against the schema first; nothing changes when the value is refused. */
  validate(entityName: unknown, value: unknown): void {
    const problems = entityValueProblems(this.state(entityName).definition, value);
    if (problems.length > 0) throw new EntityStoreError(400, 'BAD_REQUEST', `Invalid value for entity "${String(entityName)}": ${problems.join('; ')}`);
  }

  set(entityName: string, key: string, valueJson: string): { entity: StoredEntity; previous: StoredEntity | undefined } {
    const state = this.state(entityName);
    const previous = state.records.get(key);
    const time = this.now();
    const entity: StoredEntity = { valueJson, createdAt: previous?.createdAt ?? time, updatedAt: time };
    if (previous) {
      this.unplace(state, key);
      this.liveBytes -= previous.valueJson.length;
    } else this.liveBytes += compositeId(entityName, key).length + LINE_OVERHEAD;
    this.place(state, key, entity);
    this.liveBytes += valueJson.length;
    this.journal?.append({ n: entityName, k: key, c: entity.createdAt, u: entity.updatedAt }, valueJson);
    this.compactIfWasteful();
    return { entity, previous };
  }

  delete(entityName: string, key: string): boolean {
    const state = this.state(entityName);
    const previous = state.records.get(key);
    if (!previous) return false;
    this.unplace(state, key);
    this.liveBytes -= compositeId(entityName, key).length + previous.valueJson.length + LINE_OVERHEAD;
    this.journal?.append({ n: entityName, k: key, d: true });
    this.compactIfWasteful();
    return true;
  }

  clear(): void {
    for (const state of this.entities.values()) {
      state.records.clear();
      state.indexes.clear();
    }
    this.orphans.clear();
    this.liveBytes = 0;
    this.journal?.compact([]);
  }

  flush(): void {
    this.journal?.flush();
  }

  close(): void {
    this.journal?.close();
    this.journal = null;
  }

  query(query: EntityQuery): EntityQueryResult {
    const state = this.state(query.entityName);
    const index = state.definition.indexes.get(query.indexName);
    if (!index) {
      const names = [...state.definition.indexes.keys()].join(', ');
      throw new EntityStoreError(400, 'BAD_REQUEST', `Entity "${query.entityName}" has no index "${query.indexName}" (indexes: ${names})`);
    }
    const bucket = this.partitionBucket(state.definition, index, query.partition);
    const bounds = this.rangeBounds(state.definition, index, query.range);
    const filters = query.filters ? this.checkedFilters(state.definition, query.filters) : undefined;
    const after = query.cursor === undefined ? undefined : decodeCursor(query.cursor, cursorScope(query, bucket));
    const sorted = state.indexes.get(index.name)?.get(bucket);
    if (!sorted) return { taken: [], items: [], cursor: undefined };

    const ascending = query.sort === 'ASC';
    const startBefore = (entry: IndexEntry): boolean => {
      if (after) return ascending ? compareEntries(entry, after) <= 0 : compareEntries(entry, after) < 0;
      return ascending ? bounds.beforeStart(entry.value) : bounds.notAfterEnd(entry.value);
    };
    const walk = ascending ? sorted.ascendingFrom(startBefore) : sorted.descendingFrom(startBefore);

    const taken: IndexEntry[] = [];
    let more = false;
    for (const entry of walk) {
      if (!bounds.contains(entry.value)) {
        // Past the far end of the range (the near end was sought); a cursor may have started inside it.
        if (bounds.pastEnd(entry.value, ascending)) break;
        continue;
      }
      if (taken.length === query.limit) {
        more = true;
        break;
      }
      taken.push(entry);
    }
    const read = taken.map((entry) => ({ key: entry.key, entity: state.records.get(entry.key) as StoredEntity }));
    const items = read.filter((item) => !filters || matchesFilters(JSON.parse(item.entity.valueJson) as Record<string, unknown>, filters));
    const last = taken[taken.length - 1];
    return { taken: read, items, cursor: more && last ? encodeCursor(cursorScope(query, bucket), last) : undefined };
  }

  private state(entityName: unknown): EntityState {
    const state = typeof entityName === 'string' ? this.entities.get(entityName) : undefined;
    if (!state) {
      const declared = [...this.entities.keys()];
      throw new EntityStoreError(
        400,
        'BAD_REQUEST',
        `Entity "${String(entityName)}" is not declared in manifest.yml app.storage.entities${declared.length ? ` (declared: ${declared.join(', ')})` : ''}`,
      );
    }
    return state;
  }

  private place(state: EntityState, key: string, entity: StoredEntity): void {
    state.records.set(key, entity);
    for (const { indexName, bucket, entry } of memberships(state.definition, key, entity)) {
      let buckets = state.indexes.get(indexName);
      if (!buckets) state.indexes.set(indexName, (buckets = new Map()));
      let sorted = buckets.get(bucket);
      if (!sorted) buckets.set(bucket, (sorted = new SortedIndex()));
      sorted.insert(entry);
    }
  }

  /** Where the stored value sits is recomputed from it (not kept per key: that would double the memory at 100k+). */
  private unplace(state: EntityState, key: string): void {
    const entity = state.records.get(key);
    if (!entity) return;
    for (const { indexName, bucket, entry } of memberships(state.definition, key, entity)) {
      const buckets = state.indexes.get(indexName);
      const sorted = buckets?.get(bucket);
      sorted?.remove(entry);
      if (sorted && sorted.size === 0) buckets?.delete(bucket);
    }
    state.records.delete(key);
  }

  private partitionBucket(definition: EntityDefinition, index: EntityIndex, partition: unknown[]): string {
    if (partition.length !== index.partition.length) {
      throw new EntityStoreError(
        400,
        'BAD_REQUEST',
        index.partition.length === 0
          ? `Index "${index.name}" of entity "${definition.name}" has no partition; the query gave ${partition.length} partition value(s)`
          : `Index "${index.name}" of entity "${definition.name}" is partitioned by [${index.partition.join(', ')}]: the query must give exactly ${index.partition.length} partition value(s), it gave ${partition.length}`,
      );
    }
    index.partition.forEach((attribute, i) => {
      const problem = attributeTypeProblem(definition.attributes.get(attribute) ?? 'any', partition[i]);
      if (problem || partition[i] === null || typeof partition[i] === 'object') {
        throw new EntityStoreError(400, 'BAD_REQUEST', `Partition value ${i + 1} (attribute "${attribute}") ${problem ?? 'must be a scalar'}`);
      }
    });
    return JSON.stringify(partition);
  }

  private rangeBounds(definition: EntityDefinition, index: EntityIndex, range: EntityQuery['range']): RangeBounds {
    if (range === undefined) return unbounded;
    const attribute = index.range ?? 'key';
    const type = index.range === null ? 'string' : (definition.attributes.get(index.range) ?? 'any');
    if (!RANGE_CONDITIONS.has(range.condition)) {
      throw new EntityStoreError(400, 'BAD_REQUEST', `Range condition "${range.condition}" is not supported (use ${[...RANGE_CONDITIONS].join(', ')})`);
    }
    const arity = range.condition === 'BETWEEN' ? 2 : 1;
    if (range.values.length !== arity) throw new EntityStoreError(400, 'BAD_REQUEST', `Range condition ${range.condition} takes ${arity} value(s), got ${range.values.length}`);
    for (const value of range.values) {
      const problem = isRangeValue(value) ? attributeTypeProblem(type, value) : 'must be a string or number';
      if (problem) throw new EntityStoreError(400, 'BAD_REQUEST', `Range value for "${attribute}" ${problem}`);
    }
    const [first, second] = range.values as RangeValue[];
    const v = first as RangeValue;
    switch (range.condition) {
      case 'EQUAL_TO':
        return rangeBounds({ value: v, inclusive: true }, { value: v, inclusive: true });
      case 'GREATER_THAN':
        return rangeBounds({ value: v, inclusive: false }, undefined);
      case 'GREATER_THAN_EQUAL_TO':
        return rangeBounds({ value: v, inclusive: true }, undefined);
      case 'LESS_THAN':
        return rangeBounds(undefined, { value: v, inclusive: false });
      case 'LESS_THAN_EQUAL_TO':
        return rangeBounds(undefined, { value: v, inclusive: true });
      case 'BETWEEN':
        if (compareRangeValues(v, second as RangeValue) > 0) {
          throw new EntityStoreError(400, 'BAD_REQUEST', 'BETWEEN needs its first value to be at most its second');
        }
        return rangeBounds({ value: v, inclusive: true }, { value: second as RangeValue, inclusive: true });
      default: {
        if (typeof v !== 'string') throw new EntityStoreError(400, 'BAD_REQUEST', `BEGINS_WITH needs a string (attribute "${attribute}")`);
        const prefix = v;
        const within = (value: RangeValue) => typeof value === 'string' && value.startsWith(prefix);
        // Sorted, an index is [below prefix][starting with prefix][above]: each predicate below is monotone in it.
        return {
          beforeStart: (value) => compareRangeValues(value, prefix) < 0,
          notAfterEnd: (value) => compareRangeValues(value, prefix) < 0 || within(value),
          contains: within,
          pastEnd: (value, ascending) => (ascending ? !within(value) : compareRangeValues(value, prefix) < 0),
        };
      }
    }
  }

  private checkedFilters(definition: EntityDefinition, filters: NonNullable<EntityQuery['filters']>): NonNullable<EntityQuery['filters']> {
    for (const item of filters.items) {
      if (!definition.attributes.has(item.property)) {
        throw new EntityStoreError(400, 'BAD_REQUEST', `Filter on "${item.property}", which is not a declared attribute of entity "${definition.name}"`);
      }
      const arity = FILTER_ARITY[item.condition];
      if (arity === undefined) throw new EntityStoreError(400, 'BAD_REQUEST', `Filter condition "${item.condition}" is not supported`);
      if (item.values.length !== arity) throw new EntityStoreError(400, 'BAD_REQUEST', `Filter condition ${item.condition} takes ${arity} value(s), got ${item.values.length}`);
    }
    return filters;
  }

  private compactIfWasteful(): void {
    this.journal?.compactIfWasteful(this.liveBytes, () => this.snapshot());
  }

  private *snapshot(): Iterable<SnapshotLine> {
    for (const [entityName, state] of this.entities) {
      for (const [key, entity] of state.records) yield [{ n: entityName, k: key, c: entity.createdAt, u: entity.updatedAt }, entity.valueJson];
    }
    for (const [id, entity] of this.orphans) {
      const [entityName, key] = splitCompositeId(id);
      yield [{ n: entityName, k: key, c: entity.createdAt, u: entity.updatedAt }, entity.valueJson];
    }
  }
}

interface Bound {
  value: RangeValue;
  inclusive: boolean;
}

interface RangeBounds {
  /** True for values before the range's low end (where an ascending walk starts). */
  beforeStart(value: RangeValue): boolean;
  /** True for values up to the range's high end (a descending walk starts at the last of them). */
  notAfterEnd(value: RangeValue): boolean;
  contains(value: RangeValue): boolean;
  /** True once an entry in walking order is beyond the range, so nothing after it can match. */
  pastEnd(value: RangeValue, ascending: boolean): boolean;
}

function rangeBounds(low: Bound | undefined, high: Bound | undefined): RangeBounds {
  const aboveLow = (value: RangeValue) => {
    if (!low) return true;
    const c = compareRangeValues(value, low.value);
    return c > 0 || (c === 0 && low.inclusive);
  };
  const belowHigh = (value: RangeValue) => {
    if (!high) return true;
    const c = compareRangeValues(value, high.value);
    return c < 0 || (c === 0 && high.inclusive);
  };
  return {
    beforeStart: (value) => !aboveLow(value),
    notAfterEnd: belowHigh,
    contains: (value) => aboveLow(value) && belowHigh(value),
    pastEnd: (value, ascending) => (ascending ? !belowHigh(value) : !aboveLow(value)),
  };
}

const unbounded = rangeBounds(undefined, undefined);

function isRangeValue(value: unknown): value is RangeValue {
  return typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value)) || typeof value === 'boolean';
}

function matchesFilters(value: Record<string, unknown>, filters: NonNullable<EntityQuery['filters']>): boolean {
  const results = filters.items.map((item) => matchesFilter(value[item.property], item));
  return filters.operator === 'and' ? results.every(Boolean) : results.some(Boolean);
}

function matchesFilter(actual: unknown, item: FilterItem): boolean {
  const [first, second] = item.values;
  switch (item.condition) {
    case 'EXISTS':
      return actual !== undefined;
    case 'NOT_EXISTS':
      return actual === undefined;
    case 'EQUAL_TO':
      return actual !== undefined && JSON.stringify(actual) === JSON.stringify(first);
    case 'NOT_EQUAL_TO':
      return JSON.stringify(actual) !== JSON.stringify(first);
    case 'CONTAINS':
      return contains(actual, first);
    case 'NOT_CONTAINS':
      return actual !== undefined && !contains(actual, first);
  }
  if (!isRangeValue(actual) || !isRangeValue(first) || typeof actual !== typeof first) return false;
  switch (item.condition) {
    case 'BEGINS_WITH':
      return typeof actual === 'string' && typeof first === 'string' && actual.startsWith(first);
    case 'GREATER_THAN':
      return compareRangeValues(actual, first) > 0;
    case 'GREATER_THAN_EQUAL_TO':
      return compareRangeValues(actual, first) >= 0;
    case 'LESS_THAN':
      return compareRangeValues(actual, first) < 0;
    case 'LESS_THAN_EQUAL_TO':
      return compareRangeValues(actual, first) <= 0;
    case 'BETWEEN':
      return isRangeValue(second) && compareRangeValues(actual, first) >= 0 && compareRangeValues(actual, second) <= 0;
    default:
      return false;
  }
}

function contains(actual: unknown, needle: unknown): boolean {
  if (typeof actual === 'string' && typeof needle === 'string') return actual.includes(needle);
  if (Array.isArray(actual)) return actual.some((element) => JSON.stringify(element) === JSON.stringify(needle));
  return false;
}

function compositeId(entityName: string, key: string): string {
  return `${entityName}\u0000${key}`;
}

function splitCompositeId(id: string): [string, string] {
  const at = id.indexOf('\u0000');
  return [id.slice(0, at), id.slice(at + 1)];
}

/** What a cursor is bound to: the same entity, index, partition and direction. */
function cursorScope(query: EntityQuery, bucket: string): string {
  return JSON.stringify([query.entityName, query.indexName, bucket, query.sort]);
}

function encodeCursor(scope: string, last: IndexEntry): string {
  return Buffer.from(CURSOR_PREFIX + JSON.stringify([scope, last.value, last.key]), 'utf8').toString('base64url');
}

function decodeCursor(cursor: string, scope: string): IndexEntry {
  const invalid = () => new EntityStoreError(400, 'BAD_REQUEST', 'Invalid cursor: it does not belong to this entity, index, partition and sort');
  const decoded = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!decoded.startsWith(CURSOR_PREFIX)) throw invalid();
  try {
    const [cursorScopeText, value, key] = JSON.parse(decoded.slice(CURSOR_PREFIX.length)) as [unknown, unknown, unknown];
    if (cursorScopeText !== scope || !isRangeValue(value) || typeof key !== 'string') throw invalid();
    return { value, key };
  } catch (error) {
    if (error instanceof EntityStoreError) throw error;
    throw invalid();
  }
}

