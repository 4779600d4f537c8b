/**
 * docs/governance-openapi.yaml and schemas.ts describe the same contract; these tests fail when one changes without
 * the other.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import type { ZodObject, ZodRawShape } from 'zod';
import * as contract from '../../../src/sources/governance/schemas';

type Node = Record<string, unknown>;
const document = parse(fs.readFileSync(path.resolve(__dirname, '../../../docs/governance-openapi.yaml'), 'utf8')) as Node;

function at(node: unknown, ...keys: string[]): Node {
  let current: unknown = node;
  for (const key of keys) current = (current as Node | undefined)?.[key];
  if (typeof current !== 'object' || current === null) throw new Error(`nothing at ${keys.join('.')}`);
  return current as Node;
}

function resolve(node: Node): Node {
  const ref = node.$ref;
  return typeof ref === 'string' ? at(document, ...ref.replace('#/', '').split('/')) : node;
}

function itemSchemaOf(resourcePath: string): Node {
  const page = resolve(at(document, 'paths', resourcePath, 'get', 'responses', '200', 'content', 'application/json', 'schema'));
  return resolve(at(page, 'properties', 'items', 'items'));
}

function parametersOf(resourcePath: string): Node[] {
  return (at(document, 'paths', resourcePath, 'get').parameters as Node[]).map(resolve);
}

const resources = Object.entries(contract.governanceResources);

describe('the OpenAPI document of the governance contract', () => {
  it.each(resources)('documents %s with the same fields as the schema the client validates with', (_name, resource) => {
    const shape = (resource.schema as unknown as ZodObject<ZodRawShape>).shape;
    const documented = itemSchemaOf(resource.path);
    expect(Object.keys(at(documented, 'properties')).sort()).toEqual(Object.keys(shape).sort());
    const required = Object.keys(shape).filter((key) => !shape[key]?.isOptional());
    expect([...((documented.required as string[]) ?? [])].sort()).toEqual(required.sort());
  });

  it.each(resources)('pages %s with limit 1..500 (default 100) and a cursor', (_name, resource) => {
    const parameters = parametersOf(resource.path);
    expect(parameters.find((p) => p.name === 'limit')?.schema).toEqual({ type: 'integer', minimum: 1, maximum: 500, default: 100 });
    expect(parameters.some((p) => p.name === 'cursor' && p.in === 'query')).toBe(true);
    expect(parameters.find((p) => p.name === 'solutionId')?.required ?? false).toBe(resource.perSolution);
  });

  it('documents the filters each list honours', () => {
    const names = (resourcePath: string) => parametersOf(resourcePath).map((p) => p.name);
    expect(names('/v1/deployments')).toContain('environmentId');
    expect(names('/v1/change-events')).toContain('since');
    expect(names('/v1/failures')).toEqual(expect.arrayContaining(['since', 'state']));
  });

  it.each([
    ['Stage', contract.STAGES],
    ['EnvironmentStatus', contract.ENVIRONMENT_STATUSES],
    ['ArtifactKind', contract.ARTIFACT_KINDS],
    ['DeploymentStatus', contract.DEPLOYMENT_STATUSES],
    ['CredentialKind', contract.CREDENTIAL_KINDS],
    ['CredentialStatus', contract.CREDENTIAL_STATUSES],
    ['ChangeAction', contract.CHANGE_ACTIONS],
    ['DiffOp', contract.DIFF_OPS],
    ['Severity', contract.SEVERITIES],
    ['PromotionState', contract.PROMOTION_STATES],
    ['FailureDirection', contract.FAILURE_DIRECTIONS],
    ['FailureState', contract.FAILURE_STATES],
    ['MaintenanceKind', contract.MAINTENANCE_KINDS],
    ['MaintenanceStatus', contract.MAINTENANCE_STATUSES],
  ])('lists the known %s values and leaves the enum open', (name, known) => {
    const [values, anyString] = at(document, 'components', 'schemas', name).anyOf as Node[];
    expect(values?.enum).toEqual([...known]);
    expect(anyString).toEqual({ type: 'string', minLength: 1 });
  });

  it('lists every event type the backend pushes, signed with Governance-Signature', () => {
    const post = at(document, 'webhooks', 'governanceEvent', 'post');
    const mapping = at(resolve(at(post, 'requestBody', 'content', 'application/cloudevents+json', 'schema')), 'discriminator', 'mapping');
    expect(Object.keys(mapping).sort()).toEqual([
      'governance.change.created',
      'governance.environment.status_changed',
      'governance.failure.opened',
      'governance.failure.resolved',
      'governance.maintenance.scheduled',
    ]);
    const signature = (post.parameters as Node[]).find((p) => p.name === 'Governance-Signature');
    expect(signature).toMatchObject({ in: 'header', required: true });
    const pattern = new RegExp(String(at(signature, 'schema').pattern));
    expect(pattern.test('t=1795428900,v1=' + 'ab'.repeat(32))).toBe(true);
    expect(pattern.test('v1=' + 'ab'.repeat(32))).toBe(false);
  });

  it('documents Retry-After on 429 and 503 and problem+json errors', () => {
    for (const name of ['TooManyRequests', 'ServiceUnavailable']) {
      const response = at(document, 'components', 'responses', name);
      expect(at(response, 'headers')).toHaveProperty('Retry-After');
      expect(at(response, 'content')).toHaveProperty(['application/problem+json']);
    }
  });
});
