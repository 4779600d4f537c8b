import { validateInterfaceSpec, type InterfaceSpec, type SchemaKind, type SpecFieldError } from '../../../src/domain/specs/interfaceSpec';

/**
 * The spec editor's state: every input as the text the user typed, so a half-typed value (a JSON Schema that does
 * not parse yet) is kept as it is. `specFromForm` turns it into the spec the resolver validates; the same validation
 * runs here first, so most problems show without a round trip.
 */
export interface SpecForm {
  solutionId: string;
  name: string;
  description: string;
  partners: { id: string; name: string }[];
  direction: string;
  messageType: string;
  messageVersion: string;
  schemaKind: SchemaKind;
  /** The JSON Schema document as typed. */
  schemaDocument: string;
  schemaUrl: string;
  schemaName: string;
  schemaVersion: string;
  endpoints: { environmentId: string; url: string; protocol: string }[];
  artifacts: { artifactId: string; expectedVersion: string }[];
  businessRules: { id: string; text: string }[];
  exceptionHandling: { condition: string; action: string }[];
  ownerName: string;
  ownerEmail: string;
}

export type SpecFormList = 'partners' | 'endpoints' | 'artifacts' | 'businessRules' | 'exceptionHandling';

export function emptyRow<L extends SpecFormList>(list: L, form: SpecForm): SpecForm[L][number] {
  const rows: { [K in SpecFormList]: SpecForm[K][number] } = {
    partners: { id: '', name: '' },
    endpoints: { environmentId: '', url: '', protocol: '' },
    artifacts: { artifactId: '', expectedVersion: '' },
    businessRules: { id: nextRuleId(form.businessRules.map((rule) => rule.id)), text: '' },
    exceptionHandling: { condition: '', action: '' },
  };
  return rows[list] as SpecForm[L][number];
}

/** "BR-3" after BR-1 and BR-2: rule ids stay unique without the author thinking about them. */
export function nextRuleId(ids: readonly string[]): string {
  const used = ids.map((id) => /^BR-(\d+)$/i.exec(id.trim())?.[1]).filter(Boolean).map(Number);
  return `BR-${used.length ? Math.max(...used) + 1 : ids.length + 1}`;
}

export function formFromSpec(spec: InterfaceSpec | null, defaults: { solutionId?: string } = {}): SpecForm {
  const schema = spec?.schema;
  return {
    solutionId: spec?.solutionId ?? defaults.solutionId ?? '',
    name: spec?.name ?? '',
    description: spec?.description ?? '',
    partners: spec?.partners.map((p) => ({ ...p })) ?? [{ id: '', name: '' }],
    direction: spec?.direction ?? 'inbound',
    messageType: spec?.message.type ?? '',
    messageVersion: spec?.message.version ?? '',
    schemaKind: schema?.kind ?? 'edi-guideline',
    schemaDocument: schema?.kind === 'json-schema' ? JSON.stringify(schema.document, null, 2) : '',
    schemaUrl: schema && schema.kind !== 'json-schema' ? (schema.url ?? '') : '',
    schemaName: schema && schema.kind !== 'json-schema' ? (schema.name ?? '') : '',
    schemaVersion: schema && schema.kind !== 'json-schema' ? (schema.version ?? '') : '',
    endpoints: spec?.endpoints.map((e) => ({ ...e })) ?? [],
    artifacts: spec?.artifacts.map((a) => ({ ...a })) ?? [],
    businessRules: spec?.businessRules.map((r) => ({ ...r })) ?? [],
    exceptionHandling: spec?.exceptionHandling.map((e) => ({ ...e })) ?? [],
    ownerName: spec?.owner.name ?? '',
    ownerEmail: spec?.owner.email ?? '',
  };
}

/** The spec to send, and the problems found on the way (a JSON Schema that does not parse). */
export function specFromForm(form: SpecForm): { spec: Record<string, unknown>; errors: SpecFieldError[] } {
  const errors: SpecFieldError[] = [];
  let schema: Record<string, unknown>;
  if (form.schemaKind === 'json-schema') {
    let document: unknown = undefined;
    if (form.schemaDocument.trim()) {
      try {
        document = JSON.parse(form.schemaDocument) as unknown;
      } catch (error) {
        errors.push({ path: 'schema.document', message: `is not valid JSON (${error instanceof Error ? error.message : String(error)})` });
      }
    }
    schema = { kind: 'json-schema', document };
  } else {
    schema = { kind: form.schemaKind, url: form.schemaUrl, name: form.schemaName, version: form.schemaVersion };
  }
  return {
    spec: {
      solutionId: form.solutionId,
      name: form.name,
      description: form.description,
      partners: form.partners,
      direction: form.direction,
      message: { type: form.messageType, version: form.messageVersion },
      schema,
      endpoints: form.endpoints,
      artifacts: form.artifacts,
      businessRules: form.businessRules,
      exceptionHandling: form.exceptionHandling,
      owner: { name: form.ownerName, email: form.ownerEmail },
    },
    errors,
  };
}

/** Every problem of the form as it stands: JSON that does not parse first, then the spec's own validation. */
export function checkSpecForm(form: SpecForm): { spec: Record<string, unknown>; errors: SpecFieldError[] } {
  const { spec, errors } = specFromForm(form);
  const validation = validateInterfaceSpec(spec);
  if (validation.ok) return { spec, errors };
  const parseFailed = new Set(errors.map((e) => e.path));
  return { spec, errors: [...errors, ...validation.fields.filter((f) => !parseFailed.has(f.path))] };
}

/** The DOM id of the input for a spec path: `endpoints.1.url` -> `spec-endpoints-1-url`. */
export function fieldId(path: string): string {
  return `spec-${path.replace(/[^A-Za-z0-9]+/g, '-')}`;
}

/**
 * The input an error belongs to. Errors on a whole list or object ("partners: needs at least one partner",
 * "message: is required") go to the list's first input, or the list's Add button when it is empty.
 */
export function errorTarget(path: string, form: SpecForm): string {
  const direct: Record<string, string> = {
    message: 'message.type',
    owner: 'owner.name',
    schema: 'schema.kind',
    'schema.document': 'schema.document',
  };
  if (direct[path]) return fieldId(direct[path]);
  if (path === 'spec') return 'spec-error-summary';
  const lists: Record<SpecFormList, string> = { partners: 'id', endpoints: 'environmentId', artifacts: 'artifactId', businessRules: 'id', exceptionHandling: 'condition' };
  if (path in lists) {
    const list = path as SpecFormList;
    return form[list].length ? fieldId(`${list}.0.${lists[list]}`) : fieldId(`${list}.add`);
  }
  if (/^(partners|endpoints|artifacts|businessRules|exceptionHandling)\.\d+$/.test(path)) {
    const [list, index] = path.split('.') as [SpecFormList, string];
    return fieldId(`${list}.${index}.${lists[list]}`);
  }
  return fieldId(path);
}

/** Errors keyed by the input they belong to, several messages joined. */
export function errorsByField(errors: readonly SpecFieldError[], form: SpecForm): Map<string, string> {
  const byField = new Map<string, string>();
  for (const error of errors) {
    const target = errorTarget(error.path, form);
    byField.set(target, byField.has(target) ? `${byField.get(target)}; ${error.message}` : error.message);
  }
  return byField;
}

/** "Endpoint 2, URL" for `endpoints.1.url`: how the error summary names a field. */
export function fieldLabel(path: string): string {
  const names: Record<string, string> = {
    spec: 'The spec',
    solutionId: 'Solution',
    name: 'Interface name',
    description: 'Description',
    partners: 'Partners',
    direction: 'Direction',
    message: 'Message',
    'message.type': 'Message type',
    'message.version': 'Message version',
    schema: 'Schema',
    'schema.kind': 'Schema kind',
    'schema.document': 'JSON Schema document',
    'schema.url': 'Schema URL',
    'schema.name': 'Schema name',
    'schema.version': 'Schema version',
    endpoints: 'Endpoints',
    artifacts: 'Implementing artifacts',
    businessRules: 'Business rules',
    exceptionHandling: 'Exception handling',
    owner: 'Owner',
    'owner.name': 'Owner name',
    'owner.email': 'Owner email',
  };
  if (names[path]) return names[path];
  const row = /^(partners|endpoints|artifacts|businessRules|exceptionHandling)\.(\d+)(?:\.(\w+))?$/.exec(path);
  if (!row) return path;
  const [, list, index, field] = row;
  const noun = { partners: 'Partner', endpoints: 'Endpoint', artifacts: 'Artifact', businessRules: 'Rule', exceptionHandling: 'Exception' }[list as SpecFormList];
  const fields: Record<string, string> = {
    id: 'id',
    name: 'name',
    environmentId: 'environment',
    url: 'URL',
    protocol: 'protocol',
    artifactId: 'artifact',
    expectedVersion: 'expected version',
    text: 'text',
    condition: 'condition',
    action: 'action',
  };
  return `${noun} ${Number(index) + 1}${field ? `, ${fields[field] ?? field}` : ''}`;
}
