/**
 * The Canto simulator on its own port (API and OAuth host on one origin), for benches and to stand in for a tenant:
 *   npx tsx workbench/simulators/canto/standalone.ts [port]
 * Environment: CANTO_SIM_ASSETS (default 1000, up to 100000), CANTO_SIM_LATENCY_MS, CANTO_SIM_FAULTS, CANTO_SIM_SEED.
 * Then start the workbench with the CANTO_* variables it prints.
 */
import { startCantoSimulator } from './simulator';

async function main(): Promise<void> {
  const port = Number(process.argv[2] ?? process.env.PORT ?? 4020);
  const { url, sim } = await startCantoSimulator({
    port,
    assets: Number(process.env.CANTO_SIM_ASSETS ?? 1000),
    latencyMs: Number(process.env.CANTO_SIM_LATENCY_MS ?? 0),
    faults: process.env.CANTO_SIM_FAULTS,
    seed: Number(process.env.CANTO_SIM_SEED ?? 1),
  });
  console.log(`Canto simulator at ${url} (${sim.stats().assets} assets; admin API at ${url}/__admin/stats)`);
  console.log(
    `CANTO_BASE_URL=${url} CANTO_OAUTH_URL=${url} CANTO_APP_ID=${sim.appId} CANTO_APP_SECRET=${sim.appSecret} ` +
      `CANTO_WEBHOOK_TOKEN=${sim.webhookToken} npm start`,
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
