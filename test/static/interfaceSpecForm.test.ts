import {
  checkSpecForm,
  errorTarget,
  errorsByField,
  fieldId,
  fieldLabel,
  formFromSpec,
  nextRuleId,
  specFromForm,
} from '../../static/src/interface-spec/specForm';
import { validateInterfaceSpec } from '../../src/domain/specs/interfaceSpec';
import { parsedSpec } from '../domain/specs/fixtures';

describe('the spec form', () => {
  it('round-trips a saved spec through the form unchanged', () => {
    const spec = parsedSpec();
    const { spec: back, errors } = checkSpecForm(formFromSpec(spec));
    expect(errors).toEqual([]);
    expect(validateInterfaceSpec(back)).toEqual({ ok: true, spec });
  });

  it('starts a new spec with one empty partner and nothing else', () => {
    const form = formFromSpec(null);
    expect(form.partners).toEqual([{ id: '', name: '' }]);
    expect([form.endpoints, form.artifacts, form.businessRules, form.exceptionHandling]).toEqual([[], [], [], []]);
  });

  it('shows a JSON Schema document pretty-printed and parses it back', () => {
    const document = { type: 'object', properties: { po: { type: 'string' } } };
    const form = formFromSpec(parsedSpec({ schema: { kind: 'json-schema', document } }));
    expect(form.schemaDocument).toBe(JSON.stringify(document, null, 2));
    expect(specFromForm(form).spec.schema).toEqual({ kind: 'json-schema', document });
  });

  it('names JSON that does not parse once, instead of also saying the document is missing', () => {
    const form = { ...formFromSpec(parsedSpec()), schemaKind: 'json-schema' as const, schemaDocument: '{"type": "object",' };
    const errors = checkSpecForm(form).errors.filter((e) => e.path.startsWith('schema'));
    expect(errors).toEqual([{ path: 'schema.document', message: expect.stringMatching(/^is not valid JSON/) }]);
  });

  it('numbers new business rules after the highest one', () => {
    expect(nextRuleId([])).toBe('BR-1');
    expect(nextRuleId(['BR-1', 'BR-7', 'custom'])).toBe('BR-8');
    expect(nextRuleId(['custom'])).toBe('BR-2');
  });
});

describe('where an error shows', () => {
  const form = formFromSpec(parsedSpec());

  it('puts a field error on its input', () => {
    expect(fieldId('endpoints.1.url')).toBe('spec-endpoints-1-url');
    expect(errorTarget('endpoints.1.url', form)).toBe('spec-endpoints-1-url');
  });

  it('puts an error about a whole list on its first row, or on its Add button when it is empty', () => {
    expect(errorTarget('partners', form)).toBe('spec-partners-0-id');
    expect(errorTarget('endpoints', { ...form, endpoints: [] })).toBe('spec-endpoints-add');
    expect(errorTarget('businessRules.2', form)).toBe('spec-businessRules-2-id');
  });

  it('puts object errors on their first input, and whole-spec errors on the summary', () => {
    expect(errorTarget('message', form)).toBe('spec-message-type');
    expect(errorTarget('owner', form)).toBe('spec-owner-name');
    expect(errorTarget('spec', form)).toBe('spec-error-summary');
  });

  it('joins two messages for one input', () => {
    const byField = errorsByField([{ path: 'message', message: 'is required' }, { path: 'message.type', message: 'must be text' }], form);
    expect(byField.get('spec-message-type')).toBe('is required; must be text');
  });

  it('names fields in the summary as the form labels them', () => {
    expect(fieldLabel('endpoints.1.url')).toBe('Endpoint 2, URL');
    expect(fieldLabel('artifacts.0.expectedVersion')).toBe('Artifact 1, expected version');
    expect(fieldLabel('owner.email')).toBe('Owner email');
    expect(fieldLabel('partners')).toBe('Partners');
  });
});
