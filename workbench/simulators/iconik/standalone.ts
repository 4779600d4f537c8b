/**
 * The iconik simulator on its own port, to stand in for a real tenant or to feed a benchmark:
 *   npx tsx workbench/simulators/iconik/standalone.ts [port]
 * Environment: ICONIK_SIM_ASSETS (default 200; up to 100000), ICONIK_SIM_LATENCY_MS (e.g. 25), ICONIK_SIM_FAULTS
 * (e.g. "503:0.05,malformed@/API/search:1"), ICONIK_SIM_RETRY_AFTER=off (429s without Retry-After),
 * ICONIK_SIM_RATE_LIMIT=off, ICONIK_SIM_SEED. Then start the workbench with the ICONIK_* variables it prints.
 */
import { startIconikSimulator } from './simulator';

async function main(): Promise<void> {
  const port = Number(process.argv[2] ?? process.env.PORT ?? 4020);
  const { url, sim } = await startIconikSimulator({
    port,
    seed: Number(process.env.ICONIK_SIM_SEED ?? 1),
    assets: Number(process.env.ICONIK_SIM_ASSETS ?? 200),
    latencyMs: Number(process.env.ICONIK_SIM_LATENCY_MS ?? 0),
    faults: process.env.ICONIK_SIM_FAULTS,
    rateLimit: { retryAfter: process.env.ICONIK_SIM_RETRY_AFTER !== 'off', enabled: process.env.ICONIK_SIM_RATE_LIMIT !== 'off' },
    webhookUrl: process.env.ICONIK_SIM_WEBHOOK_URL ? () => process.env.ICONIK_SIM_WEBHOOK_URL as string : undefined,
  });
  console.log(`iconik simulator at ${url} (${sim.catalog().size} assets; admin: ${url}/__admin/stats)`);
  console.log(`ICONIK_BASE_URL=${url} ICONIK_APP_ID=${sim.appId} ICONIK_AUTH_TOKEN=${sim.authToken} ICONIK_WEBHOOK_SECRET=${sim.webhookSecret} npm start`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
