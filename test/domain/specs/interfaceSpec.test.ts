import { SPEC_LIMITS, describeSpecErrors, validateInterfaceSpec, type SpecFieldError } from '../../../src/domain/specs/interfaceSpec';
import { staleSaveMessage } from '../../../src/domain/specs/interfaceSpecRecord';
import { validSpec } from './fixtures';

function errorsOf(input: unknown): SpecFieldError[] {
  const result = validateInterfaceSpec(input);
  if (result.ok) throw new Error('expected the spec to be refused');
  return result.fields;
}

const paths = (input: unknown) => errorsOf(input).map((f) => f.path);

describe('validateInterfaceSpec', () => {
  it('accepts a complete spec and trims its text', () => {
    const result = validateInterfaceSpec(validSpec({ name: '  PO inbound  ' }));
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.spec.name).toBe('PO inbound');
  });

  it('accepts a spec with no endpoints, artifacts, rules or exception handling yet', () => {
    expect(validateInterfaceSpec(validSpec({ endpoints: [], artifacts: [], businessRules: [], exceptionHandling: [] })).ok).toBe(true);
  });

  it('names an endpoint URL that is not a URL by its path', () => {
    const spec = validSpec();
    (spec.endpoints as { url: string }[])[1] = { ...(spec.endpoints as { url: string }[])[1], url: 'as2.otc.example-retail.com/receive' } as never;
    expect(errorsOf(spec)).toEqual([{ path: 'endpoints.1.url', message: 'must be a URL' }]);
    expect(describeSpecErrors(errorsOf(spec))).toBe('endpoints.1.url: must be a URL');
  });

  it('accepts non-HTTP endpoint URLs such as sftp and oftp2', () => {
    const endpoints = [
      { environmentId: 'env-otc-dev', url: 'sftp://sftp-dev.otc.example-retail.com:22/inbound/orders', protocol: 'SFTP' },
      { environmentId: 'env-fin-prod', url: 'oftp2://oftp.fin.example-corp.com:6619', protocol: 'OFTP2' },
    ];
    expect(validateInterfaceSpec(validSpec({ endpoints })).ok).toBe(true);
  });

  it('names every missing required field, and nothing else', () => {
    expect(paths({}).sort()).toEqual(
      ['artifacts', 'businessRules', 'direction', 'endpoints', 'exceptionHandling', 'message', 'name', 'owner', 'partners', 'schema', 'solutionId'].sort(),
    );
    expect(errorsOf({}).every((f) => f.message === 'is required')).toBe(true);
  });

  it('treats blank text as missing', () => {
    expect(errorsOf(validSpec({ name: '   ' }))).toEqual([{ path: 'name', message: 'is required' }]);
  });

  it('needs at least one partner', () => {
    expect(errorsOf(validSpec({ partners: [] }))).toEqual([{ path: 'partners', message: 'needs at least one partner' }]);
  });

  it('names the allowed directions when given another', () => {
    expect(errorsOf(validSpec({ direction: 'sideways' }))).toEqual([{ path: 'direction', message: 'must be one of inbound, outbound, bidirectional' }]);
  });

  it('bounds every text field and says the limit', () => {
    const long = 'x'.repeat(SPEC_LIMITS.name + 1);
    expect(errorsOf(validSpec({ name: long }))).toEqual([{ path: 'name', message: `must be at most ${SPEC_LIMITS.name} characters` }]);
    expect(paths(validSpec({ businessRules: [{ id: 'BR-1', text: 'y'.repeat(SPEC_LIMITS.ruleText + 1) }] }))).toEqual(['businessRules.0.text']);
  });

  it('bounds the number of artifacts', () => {
    const artifacts = Array.from({ length: SPEC_LIMITS.artifacts + 1 }, (_, i) => ({ artifactId: `a-${i}`, expectedVersion: '1.0.0' }));
    expect(errorsOf(validSpec({ artifacts }))).toEqual([{ path: 'artifacts', message: `must have at most ${SPEC_LIMITS.artifacts} artifacts` }]);
  });

  it('refuses a second endpoint for the same environment, naming both', () => {
    const endpoints = [
      { environmentId: 'env-otc-prod', url: 'https://a.example.com', protocol: 'HTTPS' },
      { environmentId: 'env-otc-prod', url: 'https://b.example.com', protocol: 'HTTPS' },
    ];
    expect(errorsOf(validSpec({ endpoints }))).toEqual([{ path: 'endpoints.1.environmentId', message: 'repeats the environment of endpoints.0' }]);
  });

  it('refuses repeated artifact ids, partner ids and rule ids', () => {
    const spec = validSpec({
      partners: [{ id: 'p', name: 'P' }, { id: 'P', name: 'P again' }],
      artifacts: [{ artifactId: 'a', expectedVersion: '1' }, { artifactId: 'a', expectedVersion: '2' }],
      businessRules: [{ id: 'BR-1', text: 'one' }, { id: 'br-1', text: 'two' }],
    });
    expect(paths(spec).sort()).toEqual(['artifacts.1.artifactId', 'businessRules.1.id', 'partners.1.id']);
  });

  it('does not flag distinct ids as repeated', () => {
    expect(validateInterfaceSpec(validSpec({ businessRules: [{ id: 'BR-1', text: 'one' }, { id: 'BR-10', text: 'two' }] })).ok).toBe(true);
  });

  it('names an owner email that is not an email address', () => {
    expect(errorsOf(validSpec({ owner: { name: 'Priya Nair', email: 'priya at example' } }))).toEqual([{ path: 'owner.email', message: 'must be an email address' }]);
  });

  it('says only "is required" of an empty URL or email, not also that it is malformed', () => {
    const spec = validSpec({ owner: { name: 'Priya Nair', email: '' }, endpoints: [{ environmentId: 'env-otc-prod', url: ' ', protocol: 'AS2' }] });
    expect(errorsOf(spec)).toEqual([
      { path: 'endpoints.0.url', message: 'is required' },
      { path: 'owner.email', message: 'is required' },
    ]);
  });

  it('refuses fields a spec does not have, naming each', () => {
    expect(errorsOf(validSpec({ secret: 'x', owner: { name: 'P', email: 'p@example.com', phone: '1' } }))).toEqual(
      expect.arrayContaining([
        { path: 'secret', message: 'is not a field of an interface spec' },
        { path: 'owner.phone', message: 'is not a field of an interface spec' },
      ]),
    );
  });

  describe('schema', () => {
    it('accepts a reference by URL alone', () => {
      expect(validateInterfaceSpec(validSpec({ schema: { kind: 'xsd', url: 'https://schemas.example.com/orders-v2.xsd' } })).ok).toBe(true);
    });

    it('needs a name and a version when a reference has no URL', () => {
      expect(errorsOf(validSpec({ schema: { kind: 'edi-guideline', name: 'Acme 850' } }))).toEqual([
        { path: 'schema.version', message: 'is required when there is no URL' },
      ]);
    });

    it('refuses a reference URL that is not http(s)', () => {
      expect(errorsOf(validSpec({ schema: { kind: 'xsd', url: 'file:///etc/passwd' } }))).toEqual([{ path: 'schema.url', message: 'must be an http(s) URL' }]);
    });

    it('names the schema kinds when given another', () => {
      expect(errorsOf(validSpec({ schema: { kind: 'wsdl' } }))).toEqual([{ path: 'schema.kind', message: 'must be one of json-schema, xsd, edi-guideline' }]);
    });

    it('accepts a JSON Schema document', () => {
      const document = { $schema: 'https://json-schema.org/draft/2020-12/schema', type: 'object', properties: { poNumber: { type: 'string' } }, required: ['poNumber'] };
      expect(validateInterfaceSpec(validSpec({ schema: { kind: 'json-schema', document } })).ok).toBe(true);
    });

    it('refuses a JSON Schema that is an array or a string', () => {
      expect(errorsOf(validSpec({ schema: { kind: 'json-schema', document: [{ type: 'object' }] } }))).toEqual([{ path: 'schema.document', message: 'must be a JSON object' }]);
      expect(errorsOf(validSpec({ schema: { kind: 'json-schema', document: '{"type":"object"}' } }))).toEqual([{ path: 'schema.document', message: 'must be a JSON object' }]);
    });

    it('refuses a sample message pasted in place of its schema', () => {
      const [error] = errorsOf(validSpec({ schema: { kind: 'json-schema', document: { poNumber: '4500012345', lines: [] } } }));
      expect(error).toEqual({ path: 'schema.document', message: expect.stringMatching(/does not look like a JSON Schema/) });
    });

    it('refuses a JSON Schema larger than the cap, saying the cap', () => {
      const document = { type: 'object', description: 'd'.repeat(SPEC_LIMITS.schemaDocumentBytes) };
      expect(errorsOf(validSpec({ schema: { kind: 'json-schema', document } }))).toEqual([
        { path: 'schema.document', message: expect.stringMatching(/KiB; at most 64 KiB/) },
      ]);
    });

    it('refuses a JSON Schema nested deeper than storage allows', () => {
      let document: Record<string, unknown> = { type: 'string' };
      for (let i = 0; i < SPEC_LIMITS.schemaDocumentDepth + 2; i += 1) document = { type: 'object', properties: { x: document } };
      expect(errorsOf(validSpec({ schema: { kind: 'json-schema', document } }))[0]?.message).toMatch(/nests \d+ levels deep/);
    });
  });

  it('refuses a spec whose total size exceeds what one record may hold', () => {
    const rules = Array.from({ length: SPEC_LIMITS.rules }, (_, i) => ({ id: `BR-${i}`, text: 'r'.repeat(SPEC_LIMITS.ruleText) }));
    const exceptions = Array.from({ length: SPEC_LIMITS.exceptions }, () => ({ condition: 'c'.repeat(SPEC_LIMITS.condition), action: 'a'.repeat(SPEC_LIMITS.action) }));
    const document = { type: 'object', description: 'd'.repeat(SPEC_LIMITS.schemaDocumentBytes - 100) };
    expect(errorsOf(validSpec({ businessRules: rules, exceptionHandling: exceptions, schema: { kind: 'json-schema', document } }))).toEqual([
      { path: 'spec', message: expect.stringMatching(/at most 128 KiB/) },
    ]);
  });

  it('refuses something that is not an object at all', () => {
    expect(errorsOf('a spec')).toEqual([{ path: 'spec', message: 'must be an object' }]);
  });
});

describe('staleSaveMessage', () => {
  it('lets a save through when it edited the current version', () => {
    expect(staleSaveMessage(3, { version: 3, savedAt: '2026-11-20T10:00:00Z' })).toBeNull();
    expect(staleSaveMessage(0, undefined)).toBeNull();
  });

  it('refuses an edit of an older version, naming both versions', () => {
    expect(staleSaveMessage(3, { version: 4, savedAt: '2026-11-20T10:00:00Z' })).toMatch(/you edited version 3, and version 4 was saved/);
  });

  it('refuses a first spec when someone else wrote one meanwhile', () => {
    expect(staleSaveMessage(0, { version: 1, savedAt: '2026-11-20T10:00:00Z' })).toMatch(/Someone saved a spec here while you were writing yours/);
  });
});
