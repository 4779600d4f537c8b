import { buildSpecDriftItems } from '../../domain/specs/specDriftSnapshot';
import { datasets } from '../../store/datasets';
import type { SolutionViewBuilder } from './viewContext';

/** The interface-spec macro: what drift compares specs with, one small dataset per solution. */
export const specDriftView: SolutionViewBuilder = async (context) => {
  const [environments, deployments] = await Promise.all([context.read('environments'), context.read('deployments')]);
  await context.write(datasets.specDriftView(context.solution.id), buildSpecDriftItems(environments, deployments));
};
