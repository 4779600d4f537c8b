import { buildEnvStatusRows } from '../../domain/environments/envStatusRows';
import { datasets } from '../../store/datasets';
import { releaseReadinessView } from './releaseReadinessView';
import { credentialOwnershipView } from './credentialOwnershipBuilder';
import { specDriftView } from './specDriftBuilder';
import { changeSummaryView } from './changeSummaryBuilder';
import type { SolutionViewBuilder } from './viewContext';
import { hubView } from './hubView';

/** The env-status macro: one small dataset of prepared rows per solution. */
const envStatusView: SolutionViewBuilder = async (context) => {
  const [environments, deployments, windows] = await Promise.all([
    context.read('environments'),
    context.read('deployments'),
    context.read('maintenanceWindows'),
  ]);
  await context.write(datasets.envStatusView(context.solution.id), buildEnvStatusRows(environments, deployments, windows, context.now));
};

/**
 * Every view the sync prepares, per solution, after all raw data is fetched and before the generation is
 * published. A macro reads only what its builder wrote.
 */
export const solutionViewBuilders: SolutionViewBuilder[] = [envStatusView, releaseReadinessView, credentialOwnershipView, specDriftView, changeSummaryView, hubView];
