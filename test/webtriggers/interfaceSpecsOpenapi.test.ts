/**
 * docs/governance-openapi.yaml documents the spec pull; these tests fail when the code's spec model, page shape or
 * paging limit changes without the document.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import type { ZodObject, ZodRawShape } from 'zod';
import { interfaceSpecSchema } from '../../src/domain/specs/interfaceSpec';
import { PULL_MAX_LIMIT, pullDriftSummary, pulledSpec } from '../../src/domain/specs/specPull';
import { parsedSpec } from '../domain/specs/fixtures';

type Node = Record<string, unknown>;
const document = parse(fs.readFileSync(path.resolve(__dirname, '../../docs/governance-openapi.yaml'), 'utf8')) as Node;
const schemas = (document.components as Node).schemas as Record<string, Node>;
const operation = ((document.paths as Node)['/interface-specs'] as Node).get as Node;

const propertiesOf = (name: string) => Object.keys(schemas[name]?.properties as Node).sort();

describe('the documented spec pull', () => {
  it('documents every field of the spec model, and which are required', () => {
    const shape = (interfaceSpecSchema._def.schema as unknown as ZodObject<ZodRawShape>).shape;
    expect(propertiesOf('InterfaceSpec')).toEqual(Object.keys(shape).sort());
    const required = Object.keys(shape).filter((key) => !shape[key]?.isOptional());
    expect([...(schemas.InterfaceSpec?.required as string[])].sort()).toEqual(required.sort());
  });

  it('documents every field of a pulled spec and of its drift summary', () => {
    const item = pulledSpec(
      { contentId: '1', localId: 'l', version: 1, createdAt: 't', createdBy: 'a', createdByName: null, savedAt: 't', savedBy: 'a', savedByName: null, spec: parsedSpec() },
      pullDriftSummary({ unavailable: 'x' }, null),
    );
    expect(propertiesOf('PulledInterfaceSpec')).toEqual(Object.keys(item).sort());
    expect(propertiesOf('SpecDriftSummary')).toEqual(Object.keys(item.drift).sort());
  });

  it('documents the page size the endpoint accepts, and its errors as problem+json', () => {
    const limit = (operation.parameters as Node[]).find((p) => p.name === 'limit');
    expect(limit?.schema).toEqual({ type: 'integer', minimum: 1, maximum: PULL_MAX_LIMIT, default: PULL_MAX_LIMIT });
    for (const status of ['400', '401', '405', '503']) {
      expect(Object.keys(((operation.responses as Node)[status] as Node).content as Node)).toEqual(['application/problem+json']);
    }
    expect(operation.security).toEqual([{ appBearer: [] }]);
  });
});
