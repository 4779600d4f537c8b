import { GOVERNANCE_EVENT_TYPES, eventProblem, mediaType, parseGovernanceEvent } from '../../../src/domain/events/governanceEvents';
import { changeEvent, cloudEvent, environment, failure, maintenanceWindow } from './eventFixtures';

const DATA: Record<(typeof GOVERNANCE_EVENT_TYPES)[number], unknown> = {
  'governance.change.created': changeEvent(),
  'governance.failure.opened': failure(),
  'governance.failure.resolved': failure({ state: 'resolved' }),
  'governance.environment.status_changed': environment(),
  'governance.maintenance.scheduled': maintenanceWindow(),
};

const problemsOf = (body: unknown) => {
  const parsed = parseGovernanceEvent(body);
  if (parsed.ok !== false) throw new Error(`expected a validation failure, got ${JSON.stringify(parsed)}`);
  return parsed.problems;
};

describe('parsing the backend’s CloudEvents', () => {
  it.each(GOVERNANCE_EVENT_TYPES)('accepts a valid %s event with its data validated by the governance schema', (type) => {
    const parsed = parseGovernanceEvent(cloudEvent(type, DATA[type], { id: 'e-1' }));
    expect(parsed).toMatchObject({ ok: true, event: { type, id: 'e-1', source: 'https://governance.example.com/v1', subject: 'sol-otc' } });
  });

  it('keeps unknown enum values and unknown fields, as the contract asks', () => {
    const parsed = parseGovernanceEvent(cloudEvent('governance.change.created', { ...changeEvent({ action: 'archived' }), futureField: 1 }, { extension: 'x' }));
    expect(parsed).toMatchObject({ ok: true, event: { data: { action: 'archived', futureField: 1 } } });
  });

  it('accepts an event of a type it does not know as "ignored" (a newer backend), once the envelope is valid', () => {
    expect(parseGovernanceEvent(cloudEvent('governance.release.planned', { anything: true }, { id: 'e-9' }))).toEqual({
      ok: 'ignored',
      id: 'e-9',
      source: 'https://governance.example.com/v1',
      type: 'governance.release.planned',
    });
  });

  it.each([
    ['specversion', { specversion: '0.3' }],
    ['id', { id: '' }],
    ['source', { source: undefined }],
    ['type', { type: undefined }],
    ['time', { time: 'yesterday' }],
    ['data', { data: 'not an object' }],
    ['datacontenttype', { datacontenttype: 'text/xml' }],
  ])('names the envelope field %s when it is missing or wrong', (field, overrides) => {
    const problems = problemsOf(cloudEvent('governance.change.created', changeEvent(), overrides));
    expect(problems.map((problem) => problem.field)).toContain(field);
  });

  it('names the data field that fails, with its full path', () => {
    const bad = { ...changeEvent(), impact: { ...changeEvent().impact, severity: 7 } };
    const problems = problemsOf(cloudEvent('governance.change.created', bad));
    expect(problems[0]).toEqual({ field: 'data.impact.severity', message: 'Expected string, received number' });
  });

  it('names a missing data field', () => {
    const { occurredAt: _dropped, ...withoutTime } = changeEvent();
    expect(problemsOf(cloudEvent('governance.change.created', withoutTime))[0]?.field).toBe('data.occurredAt');
    expect(problemsOf(cloudEvent('governance.failure.opened', { ...failure(), occurrences: -1 }))[0]?.field).toBe('data.occurrences');
  });

  it('refuses a batch or a bare value', () => {
    expect(problemsOf([cloudEvent('governance.change.created', changeEvent())])[0]?.field).toBe('(body)');
    expect(problemsOf('text')[0]?.field).toBe('(body)');
    expect(problemsOf(null)[0]?.field).toBe('(body)');
  });
});

describe('problem details and media types', () => {
  it('reads the media type without parameters, case-insensitively', () => {
    expect(mediaType('Application/CloudEvents+JSON; charset=utf-8')).toBe('application/cloudevents+json');
    expect(mediaType(undefined)).toBeNull();
    expect(mediaType(' ')).toBeNull();
  });

  it('builds RFC 9457 problem details naming the first bad field', () => {
    expect(eventProblem(400, 'bad', [{ field: 'data.id', message: 'Required' }])).toEqual({
      type: 'about:blank',
      title: 'Bad Request',
      status: 400,
      detail: 'bad',
      field: 'data.id',
      errors: [{ field: 'data.id', message: 'Required' }],
    });
    expect(eventProblem(413, 'big')).toEqual({ type: 'about:blank', title: 'Content Too Large', status: 413, detail: 'big' });
  });
});
