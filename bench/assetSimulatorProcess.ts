/**
 * One DAM simulator in a process of its own, for bench/assets.ts (so the app's memory is measured apart from it):
 *   node --import tsx bench/assetSimulatorProcess.ts <canto|iconik> <assets> <latencyMs>
 * Prints one JSON line {url, credentials}; then answers IPC "report" with its stats and every live asset id.
 */
import { startCantoSimulator } from '../workbench/simulators/canto/simulator';
import { startIconikSimulator } from '../workbench/simulators/iconik/simulator';

async function main(): Promise<void> {
  const [kind, assetsText, latencyText] = process.argv.slice(2);
  const assets = Number(assetsText);
  const latencyMs = Number(latencyText ?? 0);
  if (kind === 'canto') {
    const running = await startCantoSimulator({ assets, latencyMs });
    const { sim } = running;
    process.stdout.write(`${JSON.stringify({ url: running.url, appId: sim.appId, appSecret: sim.appSecret, webhookToken: sim.webhookToken })}\n`);
    process.on('message', (message) => {
      if (message !== 'report') return;
      const catalog = sim.catalog();
      const ids: string[] = [];
      for (let i = 0; i < catalog.size; i++) if (catalog.isLive(i)) ids.push(catalog.idOf(i));
      process.send?.({ stats: sim.stats(), ids });
    });
  } else if (kind === 'iconik') {
    // iconik's documented limit: 50 requests/s and 1000 per 20 s per token, with Retry-After on 429.
    const running = await startIconikSimulator({ assets, latencyMs, rateLimit: { enabled: true, perSecond: 50, windowMs: 20_000, windowLimit: 1000, retryAfter: true } });
    const { sim } = running;
    process.stdout.write(`${JSON.stringify({ url: running.url, appId: sim.appId, authToken: sim.authToken, webhookSecret: sim.webhookSecret })}\n`);
    process.on('message', (message) => {
      if (message !== 'report') return;
      const catalog = sim.catalog();
      const ids: string[] = [];
      for (let i = 0; i < catalog.size; i++) if (!catalog.isDeleted(i)) ids.push(catalog.assetId(i));
      process.send?.({ stats: sim.stats(), ids });
    });
  } else {
    throw new Error(`unknown simulator "${kind}": canto or iconik`);
  }
  process.on('disconnect', () => process.exit(0));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
