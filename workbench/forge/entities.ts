/**
 * The custom entity schemas of manifest.yml `app.storage.entities`, as the entity store enforces them: declared
 * attributes and their types, and the indexes (a string names an attribute used as its own range; an object has a
 * name, one range attribute and optional partition attributes). `by-key` is the implicit index on the entity key.
 */
import { z } from 'zod';

export const ATTRIBUTE_TYPES = ['string', 'boolean', 'float', 'integer', 'any'] as const;
export type AttributeType = (typeof ATTRIBUTE_TYPES)[number];

export interface EntityIndex {
  name: string;
  /** null for `by-key`: the range is the entity key itself. */
  range: string | null;
  partition: string[];
}

export interface EntityDefinition {
  name: string;
  attributes: Map<string, AttributeType>;
  indexes: Map<string, EntityIndex>;
}

export const BY_KEY_INDEX = 'by-key';

const indexSchema = z.union([
  z.string(),
  z.object({ name: z.string(), range: z.array(z.string()).min(1), partition: z.array(z.string()).min(1).optional() }).strict(),
]);

const entitySchema = z
  .object({
    name: z.string(),
    attributes: z.record(z.object({ type: z.enum(ATTRIBUTE_TYPES) }).strict()),
    indexes: z.array(indexSchema).optional(),
  })
  .strict();

const storageSchema = z.object({ entities: z.array(entitySchema).optional() }).passthrough();

/** Reads `app.storage.entities`; throws naming the entity when a declaration cannot be served. */
export function entityDefinitions(app: unknown): EntityDefinition[] {
  const storage = typeof app === 'object' && app !== null ? (app as { storage?: unknown }).storage : undefined;
  if (storage === undefined) return [];
  const parsed = storageSchema.safeParse(storage);
  if (!parsed.success) throw new Error(`manifest.yml app.storage is not valid: ${parsed.error.message}`);
  return (parsed.data.entities ?? []).map((entity) => {
    const attributes = new Map(Object.entries(entity.attributes).map(([name, { type }]) => [name, type]));
    const indexes = new Map<string, EntityIndex>([[BY_KEY_INDEX, { name: BY_KEY_INDEX, range: null, partition: [] }]]);
    for (const declared of entity.indexes ?? []) {
      const index: EntityIndex =
        typeof declared === 'string'
          ? { name: declared, range: declared, partition: [] }
          : { name: declared.name, range: declared.range[0] as string, partition: declared.partition ?? [] };
      if (typeof declared !== 'string' && declared.range.length !== 1) {
        throw new Error(`Entity "${entity.name}" index "${index.name}": the workbench supports exactly one range attribute`);
      }
      for (const attribute of [index.range as string, ...index.partition]) {
        if (!attributes.has(attribute)) throw new Error(`Entity "${entity.name}" index "${index.name}" refers to undeclared attribute "${attribute}"`);
      }
      if (indexes.has(index.name)) throw new Error(`Entity "${entity.name}" declares index "${index.name}" twice (by-key is reserved)`);
      indexes.set(index.name, index);
    }
    return { name: entity.name, attributes, indexes };
  });
}

const INT32_MIN = -(2 ** 31);
const INT32_MAX = 2 ** 31 - 1;

/** Why `value` is not of the declared type, or null when it is. */
export function attributeTypeProblem(type: AttributeType, value: unknown): string | null {
  switch (type) {
    case 'any':
      return null;
    case 'string':
      return typeof value === 'string' ? null : 'must be a string';
    case 'boolean':
      return typeof value === 'boolean' ? null : 'must be a boolean';
    case 'float':
      return typeof value === 'number' && Number.isFinite(value) ? null : 'must be a finite number';
    case 'integer':
      if (typeof value !== 'number' || !Number.isInteger(value)) return 'must be an integer';
      return value < INT32_MIN || value > INT32_MAX ? 'must be a 32-bit signed integer' : null;
  }
}

/** Problems of an entity value against its schema: an object of declared attributes, each of its declared type. */
export function entityValueProblems(definition: EntityDefinition, value: unknown): string[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return ['an entity value must be an object of attributes'];
  const problems: string[] = [];
  for (const [name, attributeValue] of Object.entries(value)) {
    const type = definition.attributes.get(name);
    if (type === undefined) {
      problems.push(`attribute "${name}" is not declared for entity "${definition.name}"`);
      continue;
    }
    const problem = attributeTypeProblem(type, attributeValue);
    if (problem) problems.push(`attribute "${name}" ${problem} (declared ${type})`);
  }
  return problems;
}
