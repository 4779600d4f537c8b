import { runConnectionTest } from '../../src/settings/connectionTest';
import { defaultAppSettings } from '../../src/store/settings';
import { timeBox } from '../../src/settings/timeBox';

const neverAnswers = (_url: string, init?: RequestInit) =>
  new Promise<Response>((_, reject) => init?.signal?.addEventListener('abort', () => reject(init.signal?.reason)));

describe('test connection time box', () => {
  it('gives up on an upstream that never answers, within the budget, and says it timed out', async () => {
    const started = Date.now();
    const result = await runConnectionTest(
      { source: 'governance', fields: { baseUrl: 'https://governance.example.com', clientId: 'hub' }, secret: 'a-secret-value' },
      { fetch: neverAnswers, settings: defaultAppSettings, env: {}, budgetMs: 200 },
    );
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(result).toMatchObject({ ok: false, kind: 'timeout', target: 'governance.example.com', message: expect.stringMatching(/did not answer within 0 s|timed out/) });
    expect(JSON.stringify(result)).not.toContain('a-secret-value');
  });

  it('abandons a client that ignores abort signals', async () => {
    const box = timeBox({ fetch: neverAnswers, budgetMs: 50 });
    await expect(box.run(() => new Promise(() => undefined))).rejects.toThrow(/no answer within 50 ms/);
  });

  it('cuts a retry wait short at the deadline', async () => {
    const box = timeBox({ fetch: neverAnswers, budgetMs: 50 });
    const started = Date.now();
    await box.sleep(60_000);
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  it('answers what failed when a tester throws instead of answering', async () => {
    const result = await runConnectionTest(
      { source: 'canto', fields: { baseUrl: 'https://acme.canto.com', appId: 'app' }, secret: 'canto-secret-x' },
      {
        fetch: neverAnswers,
        settings: defaultAppSettings,
        env: {},
        testers: {
          governance: async () => ({ ok: true, detail: '' }),
          canto: async () => {
            throw new Error('getaddrinfo ENOTFOUND acme.canto.com (secret canto-secret-x)');
          },
          iconik: async () => ({ ok: true, detail: '' }),
        },
      },
    );
    expect(result).toMatchObject({ ok: false, kind: 'dns', message: expect.stringMatching(/could not be found \(DNS\)/) });
    expect(JSON.stringify(result)).not.toContain('canto-secret-x');
  });
});
