import { FaultPlan, parseFaults } from '../../../../workbench/simulators/governance/faults';
import { createRandom } from '../../../../workbench/simulators/governance/random';

describe('fault strings (GOVERNANCE_SIM_FAULTS)', () => {
  it('reads the documented example', () => {
    expect(parseFaults('429@/v1/environments:0.3,503:0.1,malformed@/v1/credentials:1')).toEqual([
      { path: '/v1/environments', probability: 0.3, status: 429, retryAfterSeconds: 1 },
      { probability: 0.1, status: 503, retryAfterSeconds: 1 },
      { path: '/v1/credentials', probability: 1, malformedItems: 1 },
    ]);
  });

  it('reads amounts for Retry-After, malformed items and slowness, and the other kinds', () => {
    expect(parseFaults(' 429=5@/v1 , malformed=3 , slow=250@/v1/failures , hang@/v1/releases:0.5 , expire , 500@/oauth2/token ')).toEqual([
      { path: '/v1', status: 429, retryAfterSeconds: 5 },
      { malformedItems: 3 },
      { path: '/v1/failures', delayMs: 250 },
      { path: '/v1/releases', probability: 0.5, hang: true },
      { expireTokens: true },
      { path: '/oauth2/token', status: 500 },
    ]);
  });

  it('treats an empty or missing string as no faults', () => {
    expect(parseFaults('')).toEqual([]);
    expect(parseFaults(undefined)).toEqual([]);
  });

  it.each(['teapot', '429:2', '429@v1/environments', '42@/v1', 'malformed=x'])('refuses "%s" with the syntax in the message', (spec) => {
    expect(() => parseFaults(spec)).toThrow(/Fault|fault/);
  });

  it('refuses a rule object that does nothing', () => {
    expect(() => parseFaults([{ path: '/v1' }])).toThrow('does nothing');
  });
});

describe('fault plan', () => {
  it('applies a rule only to its path, on whole segments', () => {
    const plan = new FaultPlan(parseFaults('503@/v1/environments'), Math.random);
    expect(plan.decide('GET', '/v1/environments').answer?.status).toBe(503);
    expect(plan.decide('GET', '/v1/environments-archive').answer).toBeNull();
    expect(plan.decide('GET', '/v1/solutions').answer).toBeNull();
  });

  it('stops a rule after `times` uses', () => {
    const plan = new FaultPlan([{ status: 429, times: 2 }], Math.random);
    const answers = Array.from({ length: 4 }, () => plan.decide('GET', '/v1/solutions').answer?.status ?? 200);
    expect(answers).toEqual([429, 429, 200, 200]);
  });

  it('answers a forced token expiry once unless told otherwise', () => {
    const plan = new FaultPlan([{ expireTokens: true }], Math.random);
    expect(plan.decide('GET', '/v1/solutions').answer?.expireTokens).toBe(true);
    expect(plan.decide('GET', '/v1/solutions').answer).toBeNull();
  });

  it('adds up delays and corruption, and lets the first answering rule win', () => {
    const plan = new FaultPlan([{ delayMs: 100 }, { malformedItems: 2 }, { status: 502 }, { status: 504 }], Math.random);
    expect(plan.decide('GET', '/v1/credentials')).toEqual({ delayMs: 100, malformedItems: 2, answer: { status: 502 } });
  });

  it('draws probabilities from the seeded generator, so a seed replays the same faults', () => {
    const run = () => {
      const plan = new FaultPlan(parseFaults('503:0.3'), createRandom(7).next);
      return Array.from({ length: 50 }, () => (plan.decide('GET', '/v1/solutions').answer ? 'x' : '.')).join('');
    };
    const first = run();
    expect(run()).toBe(first);
    expect(first).toContain('x');
    expect(first).toContain('.');
  });
});
