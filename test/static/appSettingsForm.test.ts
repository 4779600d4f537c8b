import {
  FOLLOW_BACKEND,
  NO_SPACE,
  connectionPayload,
  fieldErrorsOf,
  fieldId,
  mappingChoice,
  saveOutcome,
  secretState,
  testConnectionPayload,
  withMappingChoice,
} from '../../static/src/app-settings/settingsForm';

describe('the settings page form', () => {
  it('lands a resolver’s field error on the input of that setting', () => {
    const errors = fieldErrorsOf({ fields: [{ path: 'payload.connections.canto.baseUrl', message: 'is not one of the hosts' }, { path: 'payload.connections.canto.baseUrl', message: 'second' }] });
    expect([...errors]).toEqual([['connections.canto.baseUrl', 'is not one of the hosts; second']]);
    expect(fieldId('connections.canto.baseUrl')).toBe('settings-connections-canto-baseUrl');
    expect(fieldId('spaceMapping.bySolution.sol otc/1')).toBe('settings-spaceMapping-bySolution-sol-otc-1');
  });

  it('tells a refusal, field errors and other failures apart', () => {
    expect(saveOutcome({ state: 'forbidden', message: 'no' })).toEqual({ kind: 'forbidden', message: 'no' });
    expect(saveOutcome({ state: 'error', message: 'bad', fields: [{ path: 'payload.summary.cadence', message: 'x' }] })).toMatchObject({ kind: 'invalid' });
    expect(saveOutcome({ state: 'error', message: 'down', fields: [] })).toEqual({ kind: 'failed', message: 'down' });
  });

  it('saves a connection with every field and only the secrets being replaced', () => {
    expect(connectionPayload('canto', { fields: { baseUrl: ' https://acme.canto.com ', oauthUrl: '', appId: 'a' }, secrets: { cantoAppSecret: 'new', cantoWebhookToken: '  ' } })).toEqual({
      connections: { canto: { baseUrl: 'https://acme.canto.com', oauthUrl: '', appId: 'a' } },
      secrets: { cantoAppSecret: 'new' },
    });
    expect(connectionPayload('iconik', { fields: { baseUrl: '', appId: 'x' }, secrets: {} })).toEqual({ connections: { iconik: { baseUrl: '', appId: 'x' } } });
  });

  it('tests with the form’s values and the secret used to connect, leaving blanks to the saved ones', () => {
    expect(testConnectionPayload('governance', { fields: { baseUrl: '', clientId: 'hub' }, secrets: { governanceClientSecret: 's', governanceWebhookSecret: 'w' } })).toEqual({
      source: 'governance',
      fields: { clientId: 'hub' },
      secret: 's',
    });
  });

  it('reads a secret as stored, set by its Forge variable, or not set', () => {
    expect(secretState({ stored: true, fromEnv: true })).toBe('stored');
    expect(secretState({ stored: false, fromEnv: true })).toBe('env');
    expect(secretState({ stored: false, fromEnv: false })).toBe('not-set');
  });

  it('maps a solution to the backend’s space, another space or none', () => {
    expect(mappingChoice({}, 'sol-otc')).toBe(FOLLOW_BACKEND);
    expect(mappingChoice({ 'sol-otc': null }, 'sol-otc')).toBe(NO_SPACE);
    expect(mappingChoice({ 'sol-otc': 'LOG' }, 'sol-otc')).toBe('LOG');
    expect(withMappingChoice({ 'sol-otc': 'LOG' }, 'sol-otc', FOLLOW_BACKEND)).toEqual({});
    expect(withMappingChoice({}, 'sol-otc', NO_SPACE)).toEqual({ 'sol-otc': null });
    expect(withMappingChoice({}, 'sol-otc', 'FIN')).toEqual({ 'sol-otc': 'FIN' });
  });
});
