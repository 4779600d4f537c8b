/**
 * The credential-ownership render at issue 3's scale: one solution with 2,000 credentials (and 10,000 change events,
 * which rule 4 reads at sync), rendered with the default sort, other sorts, filters and later pages. Reports per
 * render: resolver time, KVS reads and bytes read, and response size.
 *
 *   npx tsx bench/credentials.ts        standalone (syncs its own scaled data set)
 *   measureCredentialOwnership(app, id) from bench/run.ts, after its sync
 */
import { startApp, type AppUnderTest } from '../test/appHost';
import type { ChangeEvent, Credential } from '../src/sources/governance/schemas';

export const CREDENTIALS_AT_SCALE = 2_000;
const CHANGE_EVENTS_AT_SCALE = 10_000;
const RENDERS_PER_CASE = 20;

/** What one macro render asks for: the payload and the saved config. */
const CASES: { name: string; config: Record<string, unknown>; payload: Record<string, unknown> }[] = [
  { name: 'default (status, worst first), page 1', config: {}, payload: {} },
  { name: 'sorted by name, page 1', config: {}, payload: { sortKey: 'name' } },
  { name: 'sorted by owner, page 37', config: {}, payload: { sortKey: 'owner', page: 37 } },
  { name: 'sorted by due date, descending', config: {}, payload: { sortKey: 'due', sortOrder: 'DESC' } },
  { name: 'only problems, prod, findings page 3', config: { stages: ['prod'], onlyProblems: true }, payload: { findingsPage: 3 } },
  { name: 'one owner, 100 rows a page', config: {}, payload: { ownerId: 'usr-marcus', pageSize: 100 } },
];

function scaleUp<T>(items: T[], target: number, copy: (item: T, n: number) => T): T[] {
  const out: T[] = [];
  for (let n = 0; out.length < target && items.length > 0; n += 1) for (const item of items) if (out.length < target) out.push(copy(item, n));
  return out;
}

/** Grows one solution's credentials and change history in the simulator to the bench's scale. */
export function scaleCredentials(app: AppUnderTest, solutionId: string): void {
  const data = app.sim.data;
  const environmentIds = data.environments.filter((e) => e.solutionId === solutionId).map((e) => e.id);
  const own = data.credentials.filter((c) => environmentIds.includes(c.environmentId));
  data.credentials.push(...scaleUp<Credential>(own, CREDENTIALS_AT_SCALE - own.length, (c, n) => ({ ...c, id: `${c.id}-x${n}`, name: `${c.name} #${n}` })));
  const changes = data.changeEvents.filter((c) => environmentIds.includes(c.environmentId));
  data.changeEvents.push(...scaleUp<ChangeEvent>(changes, CHANGE_EVENTS_AT_SCALE - changes.length, (c, n) => ({ ...c, id: `${c.id}-x${n}` })));
}

export interface RenderMeasure {
  case: string;
  p50Ms: number;
  p95Ms: number;
  kvsReadsPerRender: number;
  kbReadPerRender: number;
  responseKb: number;
  withinInvokeResponseLimit: boolean;
}

/** Renders each case RENDERS_PER_CASE times through the real resolver and measures storage and size. */
export async function measureCredentialOwnership(app: AppUnderTest, solutionId: string, renders = RENDERS_PER_CASE): Promise<RenderMeasure[]> {
  const results: RenderMeasure[] = [];
  for (const { name, config, payload } of CASES) {
    const times: number[] = [];
    let bytes = 0;
    const before = app.forge.kvs.stats();
    for (let i = 0; i < renders; i += 1) {
      const started = performance.now();
      const answer = await app.forge.invokeResolver({
        moduleKey: 'credential-ownership',
        functionKey: 'getCredentialOwnership',
        payload,
        extension: { type: 'macro', config: { solutionId, ...config }, content: { id: '1001' } },
        accountId: 'bench',
      });
      times.push(performance.now() - started);
      if (!answer.ok || (answer.body as { state?: string }).state !== 'ok') throw new Error(`render failed: ${JSON.stringify(answer).slice(0, 300)}`);
      bytes = Buffer.byteLength(JSON.stringify(answer.body));
    }
    const after = app.forge.kvs.stats();
    times.sort((a, b) => a - b);
    results.push({
      case: name,
      p50Ms: +(times[Math.floor(renders / 2)] ?? 0).toFixed(1),
      p95Ms: +(times[Math.floor(renders * 0.95)] ?? 0).toFixed(1),
      kvsReadsPerRender: (after.reads - before.reads) / renders,
      kbReadPerRender: +((after.bytesRead - before.bytesRead) / renders / 1024).toFixed(1),
      responseKb: +(bytes / 1024).toFixed(1),
      withinInvokeResponseLimit: bytes < 5 * 1024 * 1024,
    });
  }
  return results;
}

async function main(): Promise<void> {
  const app = await startApp();
  try {
    const solutionId = app.sim.data.solutions[0]?.id as string;
    scaleCredentials(app, solutionId);
    const started = performance.now();
    await app.syncNow();
    const status = app.forge.kvs.get('sync:governance:status') as { lastError: string | null; counts: Record<string, number> };
    if (status.lastError) throw new Error(`sync failed: ${status.lastError}`);
    const pointer = app.forge.kvs.get('snapshot:current') as { datasets: Record<string, { chunks: number; count: number }> };
    const prepared = Object.fromEntries(Object.entries(pointer.datasets).filter(([dataset]) => /credential/i.test(dataset)));
    console.log(
      JSON.stringify(
        {
          scale: { solution: solutionId, credentials: CREDENTIALS_AT_SCALE, changeEvents: CHANGE_EVENTS_AT_SCALE },
          syncSeconds: +((performance.now() - started) / 1000).toFixed(1),
          preparedDatasets: prepared,
          credentialOwnershipRender: await measureCredentialOwnership(app, solutionId),
        },
        null,
        2,
      ),
    );
  } finally {
    await app.close();
  }
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
