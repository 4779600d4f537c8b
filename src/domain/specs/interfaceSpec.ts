import { z } from 'zod';
import { isAbsoluteUrl, isHttpUrl } from './endpointUrl';
import { jsonSchemaDocumentProblems, utf8Bytes } from './schemaDocument';

/**
 * An architect's interface spec, as saved from the interface-spec macro and served to the governance backend.
 * Every length is bounded so one spec stays far below KVS's 240 KiB value limit and a page of specs far below
 * Forge's 5 MB response limit; the messages are written to follow a field path ("endpoints.1.url: must be a URL").
 */
export const SPEC_LIMITS = {
  name: 200,
  description: 4_000,
  id: 100,
  partners: 20,
  messageType: 80,
  messageVersion: 40,
  referenceName: 200,
  referenceVersion: 40,
  url: 1_000,
  protocol: 40,
  endpoints: 20,
  artifacts: 50,
  version: 50,
  rules: 50,
  ruleId: 40,
  ruleText: 1_000,
  exceptions: 50,
  condition: 500,
  action: 1_000,
  personName: 200,
  email: 254,
  /** The JSON Schema document, serialized. */
  schemaDocumentBytes: 64 * 1024,
  schemaDocumentDepth: 20,
  /** The whole spec, serialized: what KVS stores and a webtrigger page carries up to 20 times. */
  specBytes: 128 * 1024,
} as const;

export const DIRECTIONS = ['inbound', 'outbound', 'bidirectional'] as const;
export type Direction = (typeof DIRECTIONS)[number];

export const SCHEMA_KINDS = ['json-schema', 'xsd', 'edi-guideline'] as const;
export type SchemaKind = (typeof SCHEMA_KINDS)[number];

const REQUIRED = 'is required';
/** Something@something.tld, as people write addresses; delivery is the owner's business. */
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Required text: trimmed, not empty, at most `max` characters. */
const text = (max: number) =>
  z
    .string({ required_error: REQUIRED, invalid_type_error: 'must be text' })
    .trim()
    .min(1, REQUIRED)
    .max(max, `must be at most ${max} characters`);

/** Optional text: missing, null and blank all mean "not given". */
const optionalText = (max: number) =>
  z.preprocess(
    (value) => (value === null || (typeof value === 'string' && value.trim() === '') ? undefined : value),
    z.string({ invalid_type_error: 'must be text' }).trim().max(max, `must be at most ${max} characters`).optional(),
  );

const list = <T extends z.ZodTypeAny>(item: T, max: number, noun: string) =>
  z
    .array(item, { required_error: REQUIRED, invalid_type_error: 'must be a list' })
    .max(max, `must have at most ${max} ${noun}`);

const oneOf = <const T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values, {
    errorMap: (issue) => ({ message: issue.code === 'invalid_type' && issue.received === 'undefined' ? REQUIRED : `must be one of ${values.join(', ')}` }),
  });

const entry = { invalid_type_error: 'must be an object' };
const partnerSchema = z.object({ id: text(SPEC_LIMITS.id), name: text(SPEC_LIMITS.name) }, entry).strict();

const jsonSchemaReference = z
  .object({
    kind: z.literal('json-schema'),
    document: z.record(z.unknown(), { required_error: REQUIRED, invalid_type_error: 'must be a JSON object' }).superRefine((document, ctx) => {
      for (const message of jsonSchemaDocumentProblems(document, SPEC_LIMITS)) ctx.addIssue({ code: z.ZodIssueCode.custom, message });
    }),
  })
  .strict();

/** An XSD or an EDI implementation guideline: where to find it (a URL), or which one it is (name and version). */
const guidelineReference = <K extends 'xsd' | 'edi-guideline'>(kind: K) =>
  z
    .object({
      kind: z.literal(kind),
      url: optionalText(SPEC_LIMITS.url).refine((url) => url === undefined || isHttpUrl(url), 'must be an http(s) URL'),
      name: optionalText(SPEC_LIMITS.referenceName),
      version: optionalText(SPEC_LIMITS.referenceVersion),
    })
    .strict();

const schemaReferenceSchema = z.discriminatedUnion('kind', [jsonSchemaReference, guidelineReference('xsd'), guidelineReference('edi-guideline')], {
  errorMap: (issue, ctx) =>
    issue.code === 'invalid_union_discriminator'
      ? { message: `must be one of ${SCHEMA_KINDS.join(', ')}` }
      : issue.code === 'invalid_type' && issue.received === 'undefined'
        ? { message: REQUIRED }
        : { message: ctx.defaultError },
}).superRefine((reference, ctx) => {
  if (reference.kind === 'json-schema' || reference.url) return;
  if (!reference.name) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['name'], message: 'is required when there is no URL' });
  if (!reference.version) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['version'], message: 'is required when there is no URL' });
});

const endpointSchema = z
  .object(
    {
      environmentId: text(SPEC_LIMITS.id),
      url: text(SPEC_LIMITS.url).refine((url) => url === '' || isAbsoluteUrl(url), 'must be a URL'),
      protocol: text(SPEC_LIMITS.protocol),
    },
    entry,
  )
  .strict();

const artifactSchema = z.object({ artifactId: text(SPEC_LIMITS.id), expectedVersion: text(SPEC_LIMITS.version) }, entry).strict();

const ruleSchema = z.object({ id: text(SPEC_LIMITS.ruleId), text: text(SPEC_LIMITS.ruleText) }, entry).strict();

const exceptionSchema = z.object({ condition: text(SPEC_LIMITS.condition), action: text(SPEC_LIMITS.action) }, entry).strict();

const ownerSchema = z
  .object(
    {
      name: text(SPEC_LIMITS.personName),
      email: text(SPEC_LIMITS.email).refine((email) => email === '' || EMAIL.test(email), 'must be an email address'),
    },
    { required_error: REQUIRED, invalid_type_error: 'must be an object' },
  )
  .strict();

export const interfaceSpecSchema = z
  .object({
    /** The governance solution that implements the interface: drift is checked against its environments. */
    solutionId: text(SPEC_LIMITS.id),
    name: text(SPEC_LIMITS.name),
    description: optionalText(SPEC_LIMITS.description),
    partners: list(partnerSchema, SPEC_LIMITS.partners, 'partners').min(1, 'needs at least one partner'),
    direction: oneOf(DIRECTIONS),
    /** e.g. type "X12 850", version "4010"; type "EDIFACT ORDERS", version "D96A". */
    message: z
      .object({ type: text(SPEC_LIMITS.messageType), version: text(SPEC_LIMITS.messageVersion) }, { required_error: REQUIRED, invalid_type_error: 'must be an object' })
      .strict(),
    schema: schemaReferenceSchema,
    endpoints: list(endpointSchema, SPEC_LIMITS.endpoints, 'endpoints'),
    artifacts: list(artifactSchema, SPEC_LIMITS.artifacts, 'artifacts'),
    businessRules: list(ruleSchema, SPEC_LIMITS.rules, 'rules'),
    exceptionHandling: list(exceptionSchema, SPEC_LIMITS.exceptions, 'entries'),
    owner: ownerSchema,
  }, { required_error: REQUIRED, invalid_type_error: 'must be an object' })
  .strict()
  .superRefine((spec, ctx) => {
    const duplicates = (values: string[], field: string, path: string, what: string) => {
      const first = new Map<string, number>();
      values.forEach((value, index) => {
        const key = value.toLowerCase();
        const earlier = first.get(key);
        if (earlier === undefined) first.set(key, index);
        else ctx.addIssue({ code: z.ZodIssueCode.custom, path: [path, index, field], message: `repeats ${what} of ${path}.${earlier}` });
      });
    };
    duplicates(spec.partners.map((p) => p.id), 'id', 'partners', 'the partner');
    duplicates(spec.endpoints.map((e) => e.environmentId), 'environmentId', 'endpoints', 'the environment');
    duplicates(spec.artifacts.map((a) => a.artifactId), 'artifactId', 'artifacts', 'the artifact');
    duplicates(spec.businessRules.map((r) => r.id), 'id', 'businessRules', 'the rule id');
  });

export type InterfaceSpec = z.output<typeof interfaceSpecSchema>;
export type SchemaReference = InterfaceSpec['schema'];
export type SpecEndpoint = InterfaceSpec['endpoints'][number];
export type SpecArtifact = InterfaceSpec['artifacts'][number];

export interface SpecFieldError {
  /** Relative to the spec: `endpoints.1.url`; `spec` for the whole spec. */
  path: string;
  message: string;
}

export type SpecValidation = { ok: true; spec: InterfaceSpec } | { ok: false; fields: SpecFieldError[] };

/** Validates a spec as submitted; every problem is named by its path, in the order the form shows the fields. */
export function validateInterfaceSpec(input: unknown): SpecValidation {
  const parsed = interfaceSpecSchema.safeParse(input);
  if (!parsed.success) return { ok: false, fields: fieldErrors(parsed.error) };
  const bytes = utf8Bytes(JSON.stringify(parsed.data));
  if (bytes > SPEC_LIMITS.specBytes) {
    return {
      ok: false,
      fields: [{ path: 'spec', message: `is ${kib(bytes)} KiB; at most ${kib(SPEC_LIMITS.specBytes)} KiB can be stored (shorten the schema document or the rules)` }],
    };
  }
  return { ok: true, spec: parsed.data };
}

function fieldErrors(error: z.ZodError): SpecFieldError[] {
  const fields: SpecFieldError[] = [];
  for (const issue of error.issues) {
    if (issue.code === z.ZodIssueCode.unrecognized_keys) {
      for (const key of issue.keys) fields.push({ path: [...issue.path, key].join('.'), message: 'is not a field of an interface spec' });
    } else {
      fields.push({ path: issue.path.length ? issue.path.join('.') : 'spec', message: issue.message });
    }
  }
  return fields;
}

const kib = (bytes: number) => Math.ceil(bytes / 1024);

/** "endpoints.1.url: must be a URL; name: is required" */
export function describeSpecErrors(fields: readonly SpecFieldError[]): string {
  return fields.map((field) => `${field.path}: ${field.message}`).join('; ');
}
