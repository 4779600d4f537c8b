import { startApp, type AppUnderTest } from '../appHost';
import { createGovernanceClient } from '../../src/sources/governance/client';
import {
  REQUEST_BUDGET_PER_STEP,
  runGovernanceSyncStep,
  startGovernanceSync,
  type SyncDeps,
} from '../../src/sync/governance/governanceSync';
import type { SyncEvent } from '../../src/sync/governance/job';
import { readJob } from '../../src/sync/governance/job';

/** Deps that talk to the simulator directly and keep enqueued events for the test to deliver. */
function testDeps(app: AppUnderTest, options: { pagesPerStep?: number; fetchCalls?: { count: number } } = {}) {
  const queue: SyncEvent[] = [];
  let timeChecks = 0;
  const deps: SyncDeps = {
    now: () => new Date(),
    createClient: (beforeRequest) => ({
      client: createGovernanceClient({
        connection: { baseUrl: app.simUrl, clientId: app.sim.clientId, clientSecret: app.sim.clientSecret },
        fetch: (url, init) => {
          if (options.fetchCalls) options.fetchCalls.count += 1;
          return fetch(url, init);
        },
        beforeRequest,
        sleep: async () => undefined,
      }),
    }),
    enqueue: async (event) => {
      queue.push(event);
    },
    // Report plenty of time for `pagesPerStep` pages, then too little: the step must stop and hand over.
    remainingTimeMs: () => {
      timeChecks += 1;
      return options.pagesPerStep && timeChecks > options.pagesPerStep ? 1_000 : 800_000;
    },
  };
  return { deps, queue, resetClock: () => (timeChecks = 0) };
}

describe('governance sync steps', () => {
  let app: AppUnderTest;
  beforeEach(async () => {
    app = await startApp();
  });
  afterEach(async () => {
    await app.close();
  });

  it('resumes from its cursor across many short steps and publishes the same data as one long step', async () => {
    const oneShot = testDeps(app);
    await startGovernanceSync(oneShot.deps, 'test');
    const single = await runGovernanceSyncStep(oneShot.queue.shift() as SyncEvent, oneShot.deps);
    expect(single.outcome).toBe('published');

    const short = testDeps(app, { pagesPerStep: 2 });
    await startGovernanceSync(short.deps, 'test');
    let steps = 0;
    let last;
    while (short.queue.length > 0) {
      short.resetClock();
      last = await runGovernanceSyncStep(short.queue.shift() as SyncEvent, short.deps);
      steps += 1;
    }
    expect(steps).toBeGreaterThan(5);
    expect(last).toMatchObject({ outcome: 'published' });
    expect(last && 'counts' in last ? last.counts : null).toEqual('counts' in single ? single.counts : undefined);
  });

  it('does nothing for a duplicate or stale delivery of a step', async () => {
    const { deps, queue } = testDeps(app, { pagesPerStep: 1 });
    await startGovernanceSync(deps, 'test');
    const first = queue.shift() as SyncEvent;
    expect(await runGovernanceSyncStep(first, deps)).toMatchObject({ outcome: 'continued', seq: 1 });
    const jobAfterFirst = await readJob();

    expect(await runGovernanceSyncStep(first, deps)).toMatchObject({ outcome: 'ignored' });
    expect(await readJob()).toEqual(jobAfterFirst);
    expect(queue).toHaveLength(1);
  });

  it('lets only one of two concurrent deliveries of the same step run', async () => {
    const { deps, queue } = testDeps(app, { pagesPerStep: 1 });
    await startGovernanceSync(deps, 'test');
    const event = queue.shift() as SyncEvent;
    const outcomes = await Promise.all([runGovernanceSyncStep(event, deps), runGovernanceSyncStep(event, deps)]);
    expect(outcomes.map((o) => o.outcome).sort()).toEqual(['continued', 'ignored']);
    expect(queue).toHaveLength(1);
  });

  it('lets a retried delivery of a failed step run again', async () => {
    const { deps, queue } = testDeps(app);
    await startGovernanceSync(deps, 'test');
    const event = queue.shift() as SyncEvent;
    app.sim.setFaults([{ path: '/v1/solutions', status: 503, times: 10 }]);
    expect(await runGovernanceSyncStep(event, deps)).toMatchObject({ outcome: 'retry' });
    app.sim.setFaults([]);
    expect(await runGovernanceSyncStep(event, deps, 1)).toMatchObject({ outcome: 'published' });
  });

  it('stays within the egress budget of one invocation, whatever the data size', async () => {
    // One item per page makes the sync need several invocations' worth of requests; without the change
    // history it still does, and the test stays fast.
    app.sim.data.changeEvents.length = 0;
    const fetchCalls = { count: 0 };
    const { deps, queue } = testDeps(app, { fetchCalls });
    const tinyPages: SyncDeps = {
      ...deps,
      createClient: async (beforeRequest) => {
        const made = await deps.createClient(beforeRequest);
        if ('error' in made) return made;
        return { client: { ...made.client, listPage: (resource, params) => made.client.listPage(resource, { ...params, limit: 1 }) } };
      },
    };
    await startGovernanceSync(tinyPages, 'test');
    let outcome;
    const perStep: number[] = [];
    while (queue.length > 0) {
      const before = fetchCalls.count;
      outcome = await runGovernanceSyncStep(queue.shift() as SyncEvent, tinyPages);
      perStep.push(fetchCalls.count - before);
    }
    expect(outcome).toMatchObject({ outcome: 'published' });
    expect(perStep.length).toBeGreaterThan(1);
    expect(Math.max(...perStep)).toBeLessThanOrEqual(REQUEST_BUDGET_PER_STEP);
  });
});
