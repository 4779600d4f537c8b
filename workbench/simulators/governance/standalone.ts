/**
 * The governance simulator on its own port, to stand in for a real backend:
 *   npx tsx workbench/simulators/governance/standalone.ts [port]
 * Then start the workbench with the GOVERNANCE_* variables it prints.
 */
import { startGovernanceSimulator } from './simulator';

async function main(): Promise<void> {
  const port = Number(process.argv[2] ?? process.env.PORT ?? 4010);
  const { url, sim } = await startGovernanceSimulator({
    port,
    latencyMs: Number(process.env.GOVERNANCE_SIM_LATENCY_MS ?? 0),
    faults: process.env.GOVERNANCE_SIM_FAULTS,
  });
  console.log(`Governance simulator at ${url}`);
  console.log(`GOVERNANCE_BASE_URL=${url} GOVERNANCE_CLIENT_ID=${sim.clientId} GOVERNANCE_CLIENT_SECRET=${sim.clientSecret} npm start`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
