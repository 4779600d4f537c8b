import { buildPendingPromotions, type StoredPendingPromotion } from '../../domain/changes/pendingPromotions';
import { segregationOfDutiesFindings } from '../../domain/credentials/segregationOfDuties';
import type { SodFinding } from '../../shared/credentialOwnershipContract';
import type { SolutionViewContext } from './viewContext';

/**
 * Values several views show, computed once per solution per sync so the macros and the space hub never
 * disagree and the work is not done twice.
 */
export function sodFindingsOf(context: SolutionViewContext): Promise<SodFinding[]> {
  return context.memo('sodFindings', async () => {
    const [credentials, environments, changeEvents] = await Promise.all([context.read('credentials'), context.read('environments'), context.read('changeEvents')]);
    return segregationOfDutiesFindings({ credentials, environments, changeEvents }, context.settings.credentials.rules);
  });
}

export function pendingPromotionsOf(context: SolutionViewContext): Promise<StoredPendingPromotion[]> {
  return context.memo('pendingPromotions', async () => {
    const [changeEvents, environments, windows] = await Promise.all([context.read('changeEvents'), context.read('environments'), context.read('maintenanceWindows')]);
    return buildPendingPromotions(changeEvents, environments, windows, context.now);
  });
}
