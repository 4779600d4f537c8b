import path from 'node:path';
import { defaultAppDir, startWorkbench } from './server';

async function main(): Promise<void> {
  const port = Number(process.env.PORT ?? 4000);
  const dataDir = path.resolve(process.env.WORKBENCH_DATA_DIR ?? '.workbench');
  const workbench = await startWorkbench({ port, appDir: defaultAppDir, dataDir, env: process.env });
  console.log(`Workbench ready at ${workbench.url} (data in ${dataDir})`);
  if (workbench.governanceSimulator) console.log(`Governance backend: built-in simulator at ${workbench.url}/sim/governance`);
  else console.log(`Governance backend: ${process.env.GOVERNANCE_BASE_URL}`);
  const stop = () => void workbench.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
