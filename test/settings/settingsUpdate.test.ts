import { appSettingsSchema, defaultAppSettings } from '../../src/store/settings';
import { applySettingsUpdate, sectionsTouched, settingsUpdateSchema } from '../../src/settings/settingsUpdate';

const EGRESS = ['https://governance.example.com', 'https://*.canto.com', 'https://*.iconik.io'];
const schema = settingsUpdateSchema(EGRESS);
const paths = (input: unknown) => {
  const parsed = schema.safeParse(input);
  return parsed.success ? [] : parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
};

describe('what settings.save accepts', () => {
  it('names each bad field by its path', () => {
    const problems = paths({
      connections: { governance: { baseUrl: 'http://governance.example.com', clientId: 'has space' }, canto: { baseUrl: 'https://acme.example.org' } },
      summary: { cadence: 'monthly' },
      credentials: { rules: { ownerAcrossStages: 'yes' } },
      spaceMapping: { bySolution: { 'sol-otc': 'not a key!' } },
      assets: { cantoFieldMapping: { campaign: 'Campaign' } },
    });
    const fields = problems.map((p) => p.split(':')[0]);
    expect(fields).toEqual(
      expect.arrayContaining([
        'connections.governance.baseUrl',
        'connections.governance.clientId',
        'connections.canto.baseUrl',
        'summary.cadence',
        'credentials.rules.ownerAcrossStages',
        'spaceMapping.bySolution.sol-otc',
        'assets.cantoFieldMapping.productLine',
      ]),
    );
    expect(problems.find((p) => p.startsWith('connections.canto.baseUrl'))).toMatch(/acme\.example\.org is not one of the hosts.*redeploy/);
  });

  it('refuses fields it does not know, by name', () => {
    expect(paths({ connections: { canto: { apiKey: 'x' } } })).toEqual([expect.stringMatching(/^connections\.canto: Unrecognized key\(s\) in object: 'apiKey'/)]);
    expect(paths({ secrets: { cantoPassword: 'x' } })).toEqual([expect.stringMatching(/^secrets: Unrecognized key/)]);
  });

  it('checks the Canto OAuth host derived from the base URL when the OAuth URL is left blank', () => {
    const narrow = settingsUpdateSchema(['https://acme.canto.com']);
    const parsed = narrow.safeParse({ connections: { canto: { baseUrl: 'https://acme.canto.com', oauthUrl: '' } } });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]).toMatchObject({ path: ['connections', 'canto', 'oauthUrl'], message: expect.stringMatching(/oauth\.canto\.com/) });
  });

  it('reads "" and null as "clear", and trims what it keeps', () => {
    const parsed = schema.parse({ connections: { governance: { baseUrl: '', clientId: '  hub  ' }, iconik: { baseUrl: null } } });
    expect(parsed.connections).toEqual({ governance: { baseUrl: null, clientId: 'hub' }, iconik: { baseUrl: null } });
  });
});

describe('applying a save to the stored settings', () => {
  const stored = appSettingsSchema.parse({
    connections: { governance: { baseUrl: 'https://governance.example.com', clientId: 'old' }, canto: { appId: 'canto-app' } },
    credentials: { rules: { ownerAcrossStages: true }, dueSoonDays: 30 },
    spaceMapping: { bySolution: { 'sol-otc': 'SALES' } },
    futureSection: { kept: true },
  });

  it('replaces the fields sent and keeps everything else, sections this version does not know included', () => {
    const next = applySettingsUpdate(stored, schema.parse({ summary: { cadence: 'daily' }, credentials: { rules: { ownerOnlyApprover: false } } }));
    expect(next.summary).toEqual({ cadence: 'daily', weekday: 'monday' });
    expect(next.credentials.rules).toMatchObject({ ownerAcrossStages: true, ownerOnlyApprover: false, productionOwnerMissing: true });
    expect(next.credentials.dueSoonDays).toBe(30);
    expect(next.connections.canto).toEqual({ appId: 'canto-app' });
    expect(next.spaceMapping.bySolution).toEqual({ 'sol-otc': 'SALES' });
    expect((next as Record<string, unknown>).futureSection).toEqual({ kept: true });
    expect(appSettingsSchema.parse(next)).toEqual(next);
  });

  it('clears a connection field sent blank, so its Forge variable applies again', () => {
    const next = applySettingsUpdate(stored, schema.parse({ connections: { governance: { baseUrl: '' } } }));
    expect(next.connections.governance).toEqual({ clientId: 'old' });
  });

  it('replaces the whole space mapping with the one sent', () => {
    const next = applySettingsUpdate(stored, schema.parse({ spaceMapping: { bySolution: { 'sol-log': null } } }));
    expect(next.spaceMapping.bySolution).toEqual({ 'sol-log': null });
  });

  it('never puts a secret into the record', () => {
    const update = schema.parse({ connections: { canto: { appId: 'new' } }, secrets: { cantoAppSecret: 'super-secret-value' } });
    expect(JSON.stringify(applySettingsUpdate(defaultAppSettings, update))).not.toContain('super-secret-value');
    expect(sectionsTouched(update)).toEqual(['connections.canto', 'secrets.cantoAppSecret']);
  });

  it('does not count a blank secret as a change (blank means keep)', () => {
    expect(sectionsTouched(schema.parse({ secrets: { cantoAppSecret: '   ' } }))).toEqual([]);
  });
});
